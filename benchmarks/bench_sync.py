"""Sync benchmarks against a real codi-server process on 127.0.0.1.

    python benchmarks/bench_sync.py [--scale large|small] [--changes 1000]
                                    [--database-url postgresql+psycopg://...]

The server database is a throw-away SQLite file by default; with ``--database-url`` (a
PostgreSQL server URL, e.g. ``postgresql+psycopg://postgres@127.0.0.1:5432/test``) a
throw-away database is made on that server and dropped at the end.

1. First sync of an empty laptop from a server filled with ``codi-server demo``: rows/s and
   CPU, next to the floor (the same pages parsed, checked and converted, and inserted
   with the sync's own writer, ``pages.write_rows``, no HTTP, one stage after the other),
   printed as a ratio (aim: within 2x), and the time of each stage measured on its own: server query, encoding,
   compression, transfer (HTTP + framework, the remainder of a raw fetch), client JSON
   parse, checks, insert (indexes deferred and built at the end as a first sync does, or
   every index kept current row by row), search index built once. ``--profile-first FILE`` writes a cProfile of
   the laptop's first sync (its main thread).
2. 1,000 waiting change sets pushed by one laptop and pulled by another (aim < 2 s each).
3. A sync with nothing to do (aim < 100 ms).

``--first-runs N`` repeats the first sync on new empty laptops and prints the median.
``--keep-server-db NAME`` (with ``--database-url``) keeps the server database between runs:
database NAME is made, migrated and filled with the demo (about 30 s) only when it does not
exist yet, and never dropped, so the next run starts at once (drop it by hand to load it
again; step 2 adds its change sets to it, so its first sync grows by ``--changes`` rows a
run). ``--only first`` runs step 1 alone.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import keyring  # noqa: E402
import keyring.backend  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from codi_core.models import Community  # noqa: E402
from codi_desktop.store.database import open_store  # noqa: E402
from codi_desktop.sync.client import SyncClient  # noqa: E402
from codi_desktop.sync.credentials import TokenProvider, account, enrol, load_token  # noqa: E402
from codi_desktop.sync.engine import SyncEngine, run_sync  # noqa: E402

PASSWORD = "bench password 2569"


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT)
    return e


def server_cli(url: str, *args: str, stdin: str | None = None) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "codi_server.cli", *args, "--database-url", url],
        input=stdin, capture_output=True, text=True, cwd=ROOT, env=env(), check=True,
    )
    return out.stdout


def start_server(tmp: Path, url: str) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(tmp / "server.log", "ab")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "codi_server.cli", "serve", "--port", str(port),
         "--database-url", url, "--log-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=env(),
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("server did not start")


def floor_insert(pages: list, data_dir: Path, *, index: str = "deferred") -> float:
    """The same rows, already checked and converted (``pages.prepare``), inserted by the
    sync's writer (``pages.write_rows``), one transaction per page, foreign keys off as
    the sync's writer has them: the database's own share. ``index``: "deferred" (as a
    first sync does: plain indexes and search triggers dropped with the first page,
    built once with the last), "live" (every index and trigger kept current row by row)
    or "none" (search triggers off, never built; plain indexes live)."""
    from codi_desktop.store import deferred, search_index
    from codi_desktop.store.database import pragma
    from codi_desktop.sync.pages import PageResult, write_rows

    def write(conn, page) -> None:
        for group in page.groups.values():
            write_rows(conn, group.plan, group.rows, PageResult(), group.batches)

    store = open_store(data_dir, seed_reference=False)
    start = time.perf_counter()
    with store.engine.connect() as conn:
        # Outside a transaction, where SQLite honours it (apply.write_transaction).
        pragma(conn, "PRAGMA foreign_keys=OFF")
        for i, page in enumerate(pages):
            if index == "deferred" and i == 0:
                deferred.defer(conn)
            if index == "none":
                with search_index.bulk(conn):
                    write(conn, page)
            else:
                write(conn, page)
            if index == "deferred" and i == len(pages) - 1:
                deferred.restore(conn)
            conn.commit()
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def beside_a_busy_thread(pages: list, data_dir: Path) -> dict[str, tuple[float, float]]:
    """One large page written each way (multi-row upserts, the sync's writer;
    executemany of one row at a time), alone and while another thread runs Python, as
    the sync's fetching thread and the window do: (alone, busy) seconds per writer."""
    import threading

    from codi_desktop.store.database import pragma
    from codi_desktop.sync import pages as page_writer

    page = max(pages, key=lambda p: sum(len(g.rows) for g in p.groups.values()))
    out: dict[str, tuple[float, float]] = {}

    def multi_row(conn, group) -> None:
        page_writer.write_rows(conn, group.plan, group.rows, page_writer.PageResult(),
                               group.batches)

    def executemany(conn, group) -> None:
        conn.exec_driver_sql(group.plan.sql, group.rows)

    for label, write in (("multi-row upserts", multi_row), ("executemany", executemany)):
        times = []
        for busy in (False, True):
            store = open_store(data_dir / f"{write.__name__}-{busy}", seed_reference=False)
            stop = threading.Event()

            def spin(stop: threading.Event = stop) -> None:
                n = 0
                while not stop.is_set():
                    n += 1

            spinner = threading.Thread(target=spin)
            if busy:
                spinner.start()
            start = time.perf_counter()
            with store.engine.connect() as conn:
                pragma(conn, "PRAGMA foreign_keys=OFF")
                for group in page.groups.values():
                    write(conn, group)
                conn.commit()
            times.append(time.perf_counter() - start)
            stop.set()
            if busy:
                spinner.join()
            store.close()
        out[label] = (times[0], times[1])
    return out


def index_once(data_dir: Path) -> float:
    """Build the search index of every row at once (the store of ``index="none"``)."""
    from codi_desktop.store import search_index

    store = open_store(data_dir, seed_reference=False)
    start = time.perf_counter()
    with store.engine.begin() as conn:
        search_index.rebuild_all(conn)
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


_TAIL = re.compile(rb'"cursor":"([^"]*)","more":(true|false)}$')


def page_tail(body: bytes) -> tuple[str, bool]:
    """(cursor, more) of a page body, read from its end: every page the server writes ends
    so, and not parsing the whole page keeps the client's JSON parse out of the server's
    and the transfer's figures (it is its own stage)."""
    m = _TAIL.search(body)
    if m is None:  # not the server's own layout: parse it
        page = json_loads(body)
        return page["cursor"], page["more"]
    return m.group(1).decode(), m.group(2) == b"true"


def _pg_backend_cpu(engine: sa.Engine) -> tuple[object, float]:
    """(a function giving the CPU seconds so far of the PostgreSQL backend serving this
    engine's one pooled connection, or of nothing on SQLite, and its value now)."""
    if engine.dialect.name != "postgresql":
        return (lambda: 0.0), 0.0
    with engine.connect() as conn:
        pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    try:
        fn = lambda: cpu_seconds(pid)  # noqa: E731
        return fn, fn()
    except OSError:  # PostgreSQL on another machine
        return (lambda: 0.0), 0.0


class DatabaseCpu:
    """CPU seconds so far of the PostgreSQL backends connected to this database (the
    server's pooled connections), when PostgreSQL runs on this machine; 0 on SQLite."""

    def __init__(self, url: str):
        self.url = url if url.startswith("postgresql") else None

    def __call__(self) -> float:
        if self.url is None:
            return 0.0
        engine = sa.create_engine(self.url, poolclass=sa.pool.NullPool)
        with engine.connect() as conn:
            pids = conn.exec_driver_sql(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid()"
            ).scalars().all()
        engine.dispose()
        total = 0.0
        for pid in pids:
            with contextlib.suppress(OSError):  # a backend that has just ended
                total += cpu_seconds(pid)
        return total


def server_stages(url: str, province: str, limit: int) -> dict[str, float]:
    """A whole snapshot pulled in this process as the server's endpoint does it (``pull``,
    every page), timed in two parts: the page's query (on PostgreSQL the one statement
    that also writes the page's JSON; on SQLite the rows read) and the rest (the state
    read and transaction, on SQLite the encoding); then each codec over the same bodies.
    CPU: this process, and the PostgreSQL backend (when it runs on this machine)."""
    import zlib

    import zstandard

    from codi_server import db as server_db
    from codi_server import pull as server_pull
    from codi_server.apply import DeviceScope

    engine = server_db.make_engine(url)
    scope = DeviceScope("bench", 0, "bench", "province", frozenset({province}))
    name = "_pg_page" if engine.dialect.name == "postgresql" else "_page"
    inner = getattr(server_pull, name, None)  # None: an older server (run from a copy)
    in_query = [0.0]

    def timed(*a):
        t = time.perf_counter()
        try:
            return inner(*a)
        finally:
            in_query[0] += time.perf_counter() - t

    out: dict[str, float] = {}
    backend_cpu, backend0 = _pg_backend_cpu(engine)
    if inner is not None:
        setattr(server_pull, name, timed)
    try:
        bodies, cursor = [], None
        t, cpu = time.perf_counter(), time.process_time()
        while True:
            bodies.append(server_pull.pull(engine, scope, cursor, limit))
            cursor, more = page_tail(bodies[-1])
            if not more:
                break
        out["pull"] = time.perf_counter() - t
        out["pull cpu"] = time.process_time() - cpu
        out["pull db cpu"] = backend_cpu() - backend0
    finally:
        if inner is not None:
            setattr(server_pull, name, inner)
    out["query"] = in_query[0]
    out["pages"] = len(bodies)
    out["bytes"] = sum(len(b) for b in bodies)
    for label, fn in [
        ("gzip 5", lambda b: zlib.compress(b, 5)),
        ("gzip 1", lambda b: zlib.compress(b, 1)),
        ("zstd 1", zstandard.ZstdCompressor(level=1).compress),
        ("zstd 3", zstandard.ZstdCompressor(level=3).compress),
    ]:
        t = time.perf_counter()
        size = sum(len(fn(b)) for b in bodies)
        out[f"compress {label}"] = time.perf_counter() - t
        out[f"bytes {label}"] = size
    engine.dispose()
    return out


def _codec_label(encoding: str) -> str:
    return {"gzip": "gzip 5", "zstd": "zstd 1"}.get(encoding, encoding)


def json_loads(body: bytes):
    import json

    return json.loads(body)


def fetch_raw(base: str, token: str, limit: int) -> tuple[float, list[bytes], str]:
    """Every page over HTTP as the client asks for it, kept as raw bytes (decompressed
    by httpx, not parsed: the cursor is read from the page's end)."""
    bodies = []
    with SyncClient(base, token=token) as client:
        http = client._http
        cursor, encoding = None, ""
        t = time.perf_counter()
        while True:
            params = {"limit": limit, **({"cursor": cursor} if cursor else {})}
            r = http.get("/v1/sync/pull", params=params,
                         headers={"Authorization": f"Bearer {token}"})
            r.raise_for_status()
            encoding = r.headers.get("content-encoding", "identity")
            bodies.append(r.content)
            cursor, more = page_tail(r.content)
            if not more:
                break
        return time.perf_counter() - t, bodies, encoding


def client_decode(bodies: list[bytes]) -> tuple[float, float, list]:
    """JSON parsing as the client does it, then the checks and conversion to stored
    values (``pages.prepare``, which the sync runs on its prepare thread)."""
    from codi_desktop.sync import pages as page_writer
    from codi_desktop.sync.client import decode_json

    t = time.perf_counter()
    parsed = [decode_json(b)["changes"] for b in bodies]
    parse = time.perf_counter() - t
    t = time.perf_counter()
    prepared = [page_writer.prepare(page) for page in parsed]
    return parse, time.perf_counter() - t, prepared


class LinkClient(SyncClient):
    """The sync's own client, each request first waiting ``link`` seconds (``--link-ms``:
    a link's round trip; the server on this machine answers at once otherwise), and with
    ``--no-splits`` a snapshot asked for without splits (pages one after another)."""

    link = 0.0
    splits = True

    def _request(self, method, path, **options):
        if self.link:
            time.sleep(self.link)
        if not self.splits and options.get("params"):
            options["params"].pop("splits", None)
        return super()._request(method, path, **options)


def sync_profiled(store, profile_to: str | None, tokens=None):
    """``run_sync``; with ``profile_to``, under cProfile, its statistics written there."""
    tokens = tokens or TokenProvider(store)
    if not profile_to:
        return run_sync(store, tokens=tokens, client_factory=LinkClient)
    import cProfile

    with cProfile.Profile() as profile:
        summary = run_sync(store, tokens=tokens, client_factory=LinkClient)
    profile.dump_stats(profile_to)
    return summary


def first_sync_again(args, base: str, tmp: Path, server_pid: int, first: float) -> None:
    """``--first-runs N``: N-1 more first syncs, each of a new empty laptop, with the
    time Python's cyclic collector took in each (``gc.callbacks``): this machine's speed
    varies from run to run, a single figure says little."""
    import gc

    collecting = {"total": 0.0, "since": 0.0}

    def timed(phase: str, _info: dict) -> None:
        now = time.perf_counter()
        if phase == "start":
            collecting["since"] = now
        else:
            collecting["total"] += now - collecting["since"]

    gc.callbacks.append(timed)
    times = [first]
    try:
        for i in range(1, args.first_runs):
            store = open_store(tmp / f"again-{i}")
            enrol(store, base, "bench_a", PASSWORD, device_name=f"bench-again-{i}")
            collecting["total"] = 0.0
            t, cpu, server_cpu = time.perf_counter(), time.process_time(), cpu_seconds(server_pid)
            summary = run_sync(store, tokens=TokenProvider(store), client_factory=LinkClient)
            times.append(time.perf_counter() - t)
            assert summary.ok, summary.describe("en")
            print(f"first sync again ({i + 1}/{args.first_runs}): {times[-1]:.2f} s; CPU: "
                  f"laptop {time.process_time() - cpu:.2f} s (collecting garbage "
                  f"{collecting['total']:.2f} s), server process "
                  f"{cpu_seconds(server_pid) - server_cpu:.2f} s; load {load()}")
            store.close()
            shutil.rmtree(tmp / f"again-{i}", ignore_errors=True)
    finally:
        gc.callbacks.remove(timed)
    print(f"first sync, {len(times)} runs: median {statistics.median(times):.2f} s, "
          f"{min(times):.2f}-{max(times):.2f} s")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def throwaway_database(admin_url: str) -> tuple[str, object]:
    """A fresh database on the PostgreSQL server of ``admin_url``; returns its URL and a
    function that drops it."""
    name = f"bench_sync_{secrets.token_hex(4)}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return str(sa.engine.make_url(admin_url).set(database=name)
               .render_as_string(hide_password=False)), drop


def kept_database(admin_url: str, name: str) -> tuple[str, bool]:
    """Database ``name`` on the PostgreSQL server of ``admin_url``, made when missing;
    returns its URL and whether it is new (to be migrated and filled)."""
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM pg_database WHERE datname = %(name)s", {"name": name}
        ).first()
        if not exists:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return str(sa.engine.make_url(admin_url).set(database=name)
               .render_as_string(hide_password=False)), not exists


def server_database(database_url: str | None, keep: str | None, tmp: Path):
    """(url, drop or None, fill?): the kept database ``keep``, a throw-away one on the
    PostgreSQL server of ``database_url``, or a SQLite file in ``tmp``."""
    if keep:
        url, fill = kept_database(database_url, keep)
        return url, None, fill
    if database_url:
        url, drop = throwaway_database(database_url)
        return url, drop, True
    return f"sqlite:///{tmp / 'server.sqlite3'}", None, True


def server_half(args, url, base, a) -> None:
    """The server's stages of a first sync alone (``--only server``), each run twice."""
    limit = SyncEngine(a).page_limit
    token = load_token(a.data_dir, base)
    db_cpu = DatabaseCpu(url)
    for _ in range(2):
        t, cpu, db0 = cpu_seconds(args.server_pid), time.process_time(), db_cpu()
        fetch, bodies, encoding = fetch_raw(base, token, limit)
        server_cpu, cpu, db = (cpu_seconds(args.server_pid) - t, time.process_time() - cpu,
                               db_cpu() - db0)
        print(f"fetching all {len(bodies)} pages of {limit} ({encoding}, "
              f"{sum(map(len, bodies)) / 1e6:.1f} MB JSON) over HTTP: {fetch:.2f} s; CPU: server "
              f"process {server_cpu:.2f} s, PostgreSQL {db:.2f} s, this process {cpu:.2f} s; "
              f"load {load()}")
    for _ in range(2):
        server = server_stages(url, args.province, limit)
        print(f"server pull() in process: {server['pull']:.2f} s, of which the page query "
              f"{server['query']:.2f} s; CPU: this process {server['pull cpu']:.2f} s, "
              f"PostgreSQL {server['pull db cpu']:.2f} s; zstd 1 {server['compress zstd 1']:.2f} s;"
              f" load {load()}")


def first_sync_stages(args, url, base, a, summary, first, tmp) -> None:
    rows = summary.pulled_rows
    limit = SyncEngine(a).page_limit
    token = load_token(a.data_dir, base)
    # Each stage on its own (not timed together; the sync overlaps some of them).
    db_cpu = DatabaseCpu(url)
    t, cpu, db0 = cpu_seconds(args.server_pid), time.process_time(), db_cpu()
    fetch, bodies, encoding = fetch_raw(base, token, limit)
    fetch_cpu = (cpu_seconds(args.server_pid) - t, time.process_time() - cpu, db_cpu() - db0)
    fetch_load = load()
    server = server_stages(url, args.province, limit)
    parse, checks, pages = client_decode(bodies)
    floor = floor_insert(pages, tmp / "floor")
    live = floor_insert(pages, tmp / "live", index="live")
    bare = floor_insert(pages, tmp / "bare", index="none")
    once = index_once(tmp / "bare")
    busy = beside_a_busy_thread(pages, tmp / "busy")
    encode = server["pull"] - server["query"]
    compress = server.get(f"compress {_codec_label(encoding)}", 0.0)
    transfer = fetch - server["pull"] - compress
    mb = server["bytes"] / 1e6
    print(f"first sync: {summary.pages} pages of {limit}")
    local = parse + checks + floor
    print(f"floor (parse + checks + the sync's writer with indexes deferred, one after the "
          f"other, no HTTP): {local:.2f} s = {rows / local:,.0f} rows/s; "
          f"ratio sync/floor = {first / local:.2f}x (aim <= 2x; below 1: the sync overlaps "
          f"fetching with writing)")
    print("stages, each measured alone (s):")
    stage_rows = [
        ("server page query (PostgreSQL: writes the JSON)", server["query"]),
        ("server rest of pull() (state, framing)", encode),
        (f"compression ({encoding}), {mb:.1f} MB JSON", compress),
        ("transfer + HTTP framework (fetch - above)", transfer),
        ("client JSON parse", parse),
        ("client checks + stored values (prepare)", checks),
        ("insert, indexes deferred, built at the end", floor),
        ("insert, every index live (row by row)", live),
        ("insert, plain indexes live, no search index", bare),
        ("search index built once after (of the above)", once),
    ]
    for label, value in stage_rows:
        print(f"  {label:<46} {value:6.2f}")
    print(f"  fetching all pages alone (server + HTTP + decompress): {fetch:.2f} s; CPU: "
          f"server process {fetch_cpu[0]:.2f} s, PostgreSQL {fetch_cpu[2]:.2f} s, this "
          f"process {fetch_cpu[1]:.2f} s; load {fetch_load}")
    print(f"  server pull() in process, {server['pages']} pages: {server['pull']:.2f} s; CPU: "
          f"this process {server['pull cpu']:.2f} s, PostgreSQL {server['pull db cpu']:.2f} s")
    rows_in = max(sum(len(g.rows) for g in p.groups.values()) for p in pages)
    for label, (alone, beside) in busy.items():
        print(f"  one page ({rows_in} rows) written by {label}: {alone:.2f} s alone, "
              f"{beside:.2f} s while another thread runs Python")
    for key in ("gzip 5", "gzip 1", "zstd 1", "zstd 3"):
        print(f"  codec {key}: {server[f'compress {key}']:.2f} s, "
              f"{server[f'bytes {key}'] / 1e6:.1f} MB")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", choices=["small", "large"], default="large")
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--province", default="34")
    parser.add_argument("--only", choices=["all", "push", "first", "server"], default="all",
                        help="push: only the catch-up push and the sync with nothing to do; "
                        "first: only the first sync and its stages; server: only the server's "
                        "stages of a first sync (every page fetched over HTTP, and pulled in "
                        "this process), no laptop")
    parser.add_argument("--profile", default=None,
                        help="write a cProfile of the laptop's catch-up push to this file")
    parser.add_argument("--profile-first", default=None,
                        help="write a cProfile of the laptop's first sync to this file")
    parser.add_argument("--first-runs", type=int, default=1, metavar="N",
                        help="run the first sync N times, each on a new empty laptop, and "
                        "print each time and the median")
    parser.add_argument("--link-ms", type=float, default=0.0,
                        help="each request of the laptop's syncs first waits this long (a "
                        "link's round trip)")
    parser.add_argument("--no-splits", action="store_true",
                        help="first syncs ask for no splits: the pages one after another")
    parser.add_argument("--database-url", default=None,
                        help="a PostgreSQL server to make a throw-away database on "
                        "(default: a SQLite file)")
    parser.add_argument("--keep-server-db", metavar="NAME", default=None,
                        help="with --database-url: use database NAME on that server and keep "
                        "it; it is made and filled only when it does not exist yet")
    args = parser.parse_args()

    keyring.set_keyring(MemoryKeyring())
    LinkClient.link = args.link_ms / 1000
    LinkClient.splits = not args.no_splits
    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    if args.keep_server_db and not args.database_url:
        parser.error("--keep-server-db needs --database-url")
    url, drop, fill = server_database(args.database_url, args.keep_server_db, tmp)
    print(f"server database: {sa.engine.make_url(url).get_backend_name()}"
          + ("" if fill else f" (kept database {args.keep_server_db}, not loaded again)"))
    try:
        if fill:
            server_cli(url, "migrate")
            t = time.perf_counter()
            print(server_cli(url, "demo", "--province", args.province, "--scale", args.scale)
                  .splitlines()[0], f"(loaded in {time.perf_counter() - t:.1f} s)")
            server_cli(url, "create-user", "bench_a", "--role", "province", "--province",
                       args.province, stdin=PASSWORD + "\n")
            server_cli(url, "create-user", "bench_b", "--role", "province", "--province",
                       args.province, stdin=PASSWORD + "\n")
        proc, base = start_server(tmp, url)
        args.server_pid = proc.pid
        try:
            # 1. First sync of an empty laptop.
            a = open_store(tmp / "a")
            enrol(a, base, "bench_a", PASSWORD, device_name="bench-a")
            if args.only == "server":
                server_half(args, url, base, a)
                a.close()
                return 0
            t, cpu, server_cpu = time.perf_counter(), time.process_time(), cpu_seconds(proc.pid)
            summary = sync_profiled(a, args.profile_first)
            first = time.perf_counter() - t
            cpu, server_cpu = time.process_time() - cpu, cpu_seconds(proc.pid) - server_cpu
            print(f"first sync: {summary.pulled_rows} rows in {first:.2f} s = "
                  f"{summary.pulled_rows / first:,.0f} rows/s; CPU: laptop {cpu:.2f} s, "
                  f"server process {server_cpu:.2f} s; load {load()}")
            assert summary.ok, summary.describe("en")
            if args.first_runs > 1:
                first_sync_again(args, base, tmp, proc.pid, first)
            if args.only in ("all", "first"):
                first_sync_stages(args, url, base, a, summary, first, tmp)
            if args.only == "first":
                a.close()
                return 0
            # 2. 1,000 waiting change sets pushed, then pulled by another laptop.
            b = open_store(tmp / "b")
            enrol(b, base, "bench_b", PASSWORD, device_name="bench-b")
            run_sync(b, tokens=TokenProvider(b))
            province = account(a) and args.province
            run = secrets.token_hex(3)  # a kept database holds the communities of earlier runs
            for i in range(args.changes):
                with a.action(f"ลงทะเบียนชุมชน {i}") as s:
                    s.add(Community(province_code=province,
                                    name=f"ชุมชนทดสอบความเร็ว {run} {i}",
                                    households=i % 300 + 1))
            t, cpu, server_cpu = time.perf_counter(), time.process_time(), cpu_seconds(proc.pid)
            pushed = sync_profiled(a, args.profile)
            push_time = time.perf_counter() - t
            cpu, server_cpu = time.process_time() - cpu, cpu_seconds(proc.pid) - server_cpu
            assert pushed.ok and pushed.applied == args.changes, pushed.describe("en")
            t = time.perf_counter()
            pulled = run_sync(b, tokens=TokenProvider(b))
            pull_time = time.perf_counter() - t
            assert pulled.ok and pulled.pulled_rows >= args.changes, pulled.describe("en")
            print(f"push {args.changes} change sets: {push_time:.2f} s (aim < 1 s); CPU: laptop "
                  f"{cpu:.2f} s, server process {server_cpu:.2f} s; load {load()}")
            print(f"pull them on another laptop: {pull_time:.2f} s, {pulled.pulled_rows} rows "
                  f"(aim < 2 s)")
            with b.read() as s:
                n = s.scalar(sa.select(sa.func.count()).select_from(Community)
                             .where(Community.name.like(f"ชุมชนทดสอบความเร็ว {run} %")))
            assert n == args.changes

            # 3. Nothing to do.
            times, cpus = [], []
            tokens = TokenProvider(a)
            for i in range(15):
                t, cpu = time.perf_counter(), time.process_time()
                profile_to = args.profile + ".idle" if args.profile and i == 14 else None
                idle = sync_profiled(a, profile_to, tokens)
                times.append(time.perf_counter() - t)
                cpus.append(time.process_time() - cpu)
                assert idle.ok and idle.pushed == 0 and idle.pulled_rows == 0
            print(f"sync with nothing to do: median {statistics.median(times) * 1000:.0f} ms, "
                  f"max {max(times) * 1000:.0f} ms (aim < 50 ms); laptop CPU median "
                  f"{statistics.median(cpus) * 1000:.0f} ms; load {load()}")
            a.close()
            b.close()
        finally:
            proc.terminate()
            proc.wait(10)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if drop is not None:
            drop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
