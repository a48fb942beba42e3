"""Benchmark of codi-server on PostgreSQL (not a test: it prints figures).

1. Push: N devices (default 20) each push M change sets (default 1,000) at once, K
   change sets per request (``--per-push``, default 1: an insert and an update each; with
   K > 1 each request is K change sets of one insert, as a laptop catching up sends;
   ``--per-push paced``: each device sizes its pushes as the laptop does, from the
   server's time for the one before),
   against the server running as real processes (``codi-server serve --workers W``).
   Prints change sets/s, request latency percentiles, whether the seqs came out in
   commit order, and the CPU seconds of this process (the client threads), of the
   server processes and of their PostgreSQL backends, with the load average.
2. Snapshot: ``codi-server demo --scale large`` for one province, then a device of that
   province pulls a full snapshot in pages. Prints rows/s.

    python benchmarks/bench_server.py [--devices 20] [--change-sets 1000] [--workers 2]
                                      [--per-push 1|K|paced] [--province 50] [--page 1000]
                                      [--skip-push] [--skip-snapshot]

Uses a throw-away database on the PostgreSQL of CODI_TEST_POSTGRES_URL (default
postgresql+psycopg://postgres@127.0.0.1:5432/test), dropped at the end. Everything runs
on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import psycopg  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from codi_core.models import new_id  # noqa: E402
from codi_desktop.store.database import wire_schema  # noqa: E402
from codi_desktop.sync.pacing import PushPacer, server_seconds  # noqa: E402
from codi_desktop.sync.push import MAX_PUSH_CHANGE_SETS  # noqa: E402

PASSWORD = "benchmark password"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, workers: int, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), CODI_SERVER_LOG_LEVEL="WARNING")
    proc = subprocess.Popen(
        [sys.executable, "-m", "codi_server.cli", "serve", "--port", str(port),
         "--database-url", url, "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT,  # noqa: SIM115
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(log.read_text()[-2000:])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc), 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu(pid: int) -> float:
    """CPU seconds of a process and its children (the server and its workers)."""
    total = cpu_seconds(pid)
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return total + sum(tree_cpu(int(c)) for c in children)


class BackendsCpu:
    """CPU seconds of the PostgreSQL backends serving this database (same machine),
    sampled every 0.2 s: a backend the pool opens and closes during the run counts too."""

    def __init__(self, engine: sa.Engine, database: str):
        self.engine, self.database = engine, database
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        with self.engine.connect() as conn:
            pids = conn.execute(
                sa.text("SELECT pid FROM pg_stat_activity WHERE datname = :d AND pid <> "
                        "pg_backend_pid()"), {"d": self.database}
            ).scalars().all()
        for pid in pids:
            cpu = cpu_seconds(pid)
            self.first.setdefault(pid, cpu)
            self.last[pid] = max(cpu, self.last.get(pid, 0.0))

    def _run(self) -> None:
        while not self.stop.wait(0.2):
            self._sample()

    def start(self) -> BackendsCpu:
        self._sample()
        self.thread.start()
        return self

    def total(self) -> float:
        self.stop.set()
        self.thread.join()
        self._sample()
        return sum(self.last[p] - self.first[p] for p in self.last)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def enrol(engine: sa.Engine, base: str, role: str, provinces: list[str]) -> dict:
    from codi_server.auth import create_user

    name = f"bench{secrets.token_hex(4)}"
    create_user(engine, name, PASSWORD, role, provinces)
    r = httpx.post(base + "/v1/devices",
                   json={"username": name, "password": PASSWORD, "device_name": "bench"},
                   timeout=60)
    r.raise_for_status()
    return r.json()


def bench_push(
    engine: sa.Engine, base: str, devices: int, per_device: int, per_push: int | None,
    server_pid: int, database: str,
) -> None:
    """``per_push`` None: each device sizes its pushes as the laptop does
    (``pacing.PushPacer``, from the server's ``Server-Timing``)."""
    provinces = ["50", "51", "52", "53", "54"]
    enrolled = [enrol(engine, base, "province", [provinces[i % 5]]) for i in range(devices)]
    latencies: list[float] = []
    sizes: list[int] = []
    failures: list[str] = []
    lock = threading.Lock()
    with engine.connect() as conn:
        start_seq = conn.execute(sa.text("SELECT last_seq FROM server_state")).scalar_one()
    start_barrier = threading.Barrier(devices + 1)

    def run(device: dict, province: str) -> None:
        client = httpx.Client(base_url=base, timeout=120, headers={
            "Authorization": f"Bearer {device['token']}", "Codi-Protocol": "1"})
        mine: list[tuple[str, int]] = []
        local: list[float] = []
        sent: list[int] = []
        pacer = PushPacer(MAX_PUSH_CHANGE_SETS) if per_push is None else None
        start_barrier.wait()
        seq = 0
        while seq < per_device:
            sets = []
            size = pacer.size if pacer is not None else per_push
            for _ in range(min(size, per_device - seq)):
                seq += 1
                row = new_id()
                changes = [{"table": "person", "row_id": row, "op": "insert", "fields": {
                    "province_code": province, "first_name": "ทดสอบ", "last_name": str(seq)}}]
                if mine and per_push == 1:
                    prev, base_seq = mine[-1]
                    changes.append({"table": "person", "row_id": prev, "op": "update",
                                    "base_seq": base_seq, "fields": {"notes": f"edit {seq}"}})
                sets.append({"id": new_id(), "device_seq": seq, "schema_version": wire_schema(),
                             "author": "bench", "summary": "bench", "changes": changes,
                             "row": row})
            body = {"device_id": device["device_id"],
                    "change_sets": [{k: v for k, v in cs.items() if k != "row"} for cs in sets]}
            t = time.perf_counter()
            r = client.post("/v1/sync/push", json=body)
            local.append(time.perf_counter() - t)
            sent.append(len(sets))
            if pacer is not None:
                pacer.observe(len(sets), server_seconds(r.headers.get("server-timing")))
            results = r.json().get("results") if r.status_code == 200 else None
            if not results or any(x["status"] != "applied" for x in results):
                failures.append(r.text[:200])
                break
            mine.extend((cs["row"], x["seq"]) for cs, x in zip(sets, results, strict=True))
        client.close()
        with lock:
            latencies.extend(local)
            sizes.extend(sent)

    threads = [threading.Thread(target=run, args=(d, provinces[i % 5]))
               for i, d in enumerate(enrolled)]
    for t in threads:
        t.start()
    backends = BackendsCpu(engine, database).start()
    before = (time.process_time(), tree_cpu(server_pid))
    start_barrier.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    cpu = (time.process_time() - before[0], tree_cpu(server_pid) - before[1], backends.total())
    n = sum(sizes)
    q = statistics.quantiles(latencies, n=100)
    how = (f"{per_push} per request" if per_push is not None else
           f"paced (median {statistics.median(sizes):.0f} per request, "
           f"{min(sizes)}-{max(sizes)})")
    print(f"push: {devices} devices x {per_device} change sets, {how} = "
          f"{n} change sets in {len(latencies)} requests in {elapsed:.1f} s; load {load()}")
    print(f"push: {n / elapsed:,.0f} change sets/s; request latency p50 {q[49] * 1000:.1f} ms, "
          f"p95 {q[94] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms, max {max(latencies) * 1000:.0f} ms")
    print(f"push: CPU s: client threads {cpu[0]:.1f}, server processes {cpu[1]:.1f}, "
          f"PostgreSQL backends about {cpu[2]:.1f} (of {2 * elapsed:.1f} core-seconds on 2 cores)")
    with engine.connect() as conn:
        # Every change set's seq is its own, and each device's come in its device order
        # (tests/server/test_concurrency.py proves the commit order itself).
        rows = conn.execute(
            sa.text("SELECT device_id, device_seq, seq FROM applied_change_set "
                    "WHERE seq > :s ORDER BY device_id, device_seq"), {"s": start_seq}
        ).all()
    seqs = [r.seq for r in rows]
    ordered = all(a.seq < b.seq for a, b in zip(rows, rows[1:], strict=False)
                  if a.device_id == b.device_id)
    print(f"push: {len(rows)} answers; seqs distinct: {len(set(seqs)) == len(seqs)}, "
          f"in device order: {ordered}")
    if failures:
        print(f"push: {len(failures)} device(s) stopped on an error, e.g. {failures[0]}")


def bench_snapshot(engine: sa.Engine, url: str, base: str, province: str, page: int) -> None:
    t = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "codi_server.cli", "demo", "--province", province, "--scale",
         "large", "--database-url", url],
        cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True,
    )
    if r.returncode != 0:
        print(f"snapshot: demo generator failed: {r.stderr[-1000:]}")
        return
    print(f"demo large {province}: {r.stdout.splitlines()[0]} loaded in "
          f"{time.perf_counter() - t:.1f} s")
    device = enrol(engine, base, "province", [province])
    client = httpx.Client(base_url=base, timeout=300, headers={
        "Authorization": f"Bearer {device['token']}", "Codi-Protocol": "1",
        "Accept-Encoding": "gzip"})
    rows = pages = wire_bytes = 0
    cursor = None
    t = time.perf_counter()
    while True:
        params = {"limit": page} | ({"cursor": cursor} if cursor else {})
        r = client.get("/v1/sync/pull", params=params)
        r.raise_for_status()
        wire_bytes += int(r.headers.get("content-length", len(r.content)))
        body = r.json()
        rows += len(body["changes"])
        pages += 1
        cursor = body["cursor"]
        if not body["more"]:
            break
    elapsed = time.perf_counter() - t
    print(f"snapshot: {rows:,} rows in {pages} pages of {page} in {elapsed:.1f} s = "
          f"{rows / elapsed:,.0f} rows/s ({wire_bytes / 1e6:.1f} MB gzipped on the wire)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--change-sets", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--per-push", default="1",
                        help="change sets per request, or 'paced': sized as the laptop "
                             "sizes them, from the server's time (codi_desktop.sync.pacing)")
    parser.add_argument("--province", default="50")
    parser.add_argument("--page", type=int, default=1000)
    parser.add_argument("--skip-push", action="store_true")
    parser.add_argument("--skip-snapshot", action="store_true")
    args = parser.parse_args()

    admin = sa.engine.make_url(os.environ.get(
        "CODI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    conninfo = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"codi_bench_{secrets.token_hex(4)}"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = admin.set(database=name).render_as_string(hide_password=False)
    log = Path(f"/tmp/{name}.log")
    proc = None
    try:
        from codi_server import db

        engine = db.make_engine(url)
        db.prepare(engine)
        proc, base = start_server(url, args.workers, log)
        print(f"server: {args.workers} worker process(es) on PostgreSQL, {os.cpu_count()} cores")
        if not args.skip_push:
            per_push = None if args.per_push == "paced" else int(args.per_push)
            bench_push(engine, base, args.devices, args.change_sets, per_push, proc.pid, name)
        if not args.skip_snapshot:
            bench_snapshot(engine, url, base, args.province, args.page)
        engine.dispose()
    finally:
        if proc is not None:
            os.killpg(proc.pid, 15)
            proc.wait(20)
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
