"""Wide scopes: a cluster account (6 large provinces) and a whole-country HQ account.

    python benchmarks/bench_scope.py [--scope cluster|country]
                                     [--provinces 30,31,32,36,40,44]
                                     [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test]
                                     [--scale large|small] [--runs 2] [--keep DIR]
                                     [--keep-server-db NAME] [--profile-first FILE]

1. ``codi-server demo --provinces ...`` (cluster) or ``--country`` into a throw-away
   server database (PostgreSQL with ``--database-url``, else a SQLite file); load time.
2. First sync of an empty laptop of a cluster (or HQ) account from a real server process:
   time, rows/s (aims: cluster <= 20 s, country <= 5 min), and the laptop database's size.
3. The app on that laptop database (``bench_ui.py``'s child, offscreen, server stopped):
   start-up to an interactive window (aim < 2 s), communities list filter (aim < 50 ms
   per keystroke over ~24,000 communities), dashboard, peak memory (aim < 400 MB).

Figures only, no pass/fail. ``--keep DIR`` keeps the laptop folder there for reruns of
``bench_ui.py --data-dir DIR/laptop``; ``--keep-server-db NAME`` keeps the server's
PostgreSQL database NAME (made and filled only when missing, never dropped) so a rerun
skips the load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import keyring  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from bench_sync import (  # noqa: E402
    PASSWORD,
    MemoryKeyring,
    server_cli,
    server_database,
    start_server,
    sync_profiled,
)

from codi_desktop.store.database import open_store  # noqa: E402
from codi_desktop.sync.credentials import enrol  # noqa: E402

CLUSTER = "30,31,32,36,40,44"


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def db_size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.glob("codi.sqlite3*")) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scope", choices=["cluster", "country"], default="cluster")
    parser.add_argument("--provinces", default=CLUSTER)
    parser.add_argument("--scale", choices=["small", "large"], default="large",
                        help="of the cluster's provinces (small: a quick trial run)")
    parser.add_argument("--database-url", default=None,
                        help="a PostgreSQL server to make a throw-away database on")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--keep", default=None, help="keep the laptop folder here")
    parser.add_argument("--keep-server-db", metavar="NAME", default=None,
                        help="with --database-url: use database NAME on that server and keep "
                        "it; it is made and filled only when it does not exist yet (a "
                        "cluster loads in 3-10 min)")
    parser.add_argument("--profile-first", default=None,
                        help="write a cProfile of the laptop's first sync to this file")
    args = parser.parse_args()

    keyring.set_keyring(MemoryKeyring())
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-scope-"))
    tmp.mkdir(parents=True, exist_ok=True)
    if args.keep_server_db and not args.database_url:
        parser.error("--keep-server-db needs --database-url")
    url, drop, fill = server_database(args.database_url, args.keep_server_db, tmp)
    provinces = [p for p in args.provinces.split(",") if p]
    user = "bench_hq" if args.scope == "country" else "bench_cluster"
    try:
        if fill:
            server_cli(url, "migrate")
            t = time.perf_counter()
            which = ["--country"] if args.scope == "country" else [
                "--provinces", args.provinces, "--scale", args.scale]
            print(server_cli(url, "demo", *which).splitlines()[0],
                  f"(loaded in {time.perf_counter() - t:.0f} s, "
                  f"{sa.engine.make_url(url).get_backend_name()})", flush=True)
            if args.scope == "country":
                server_cli(url, "create-user", user, "--role", "hq", stdin=PASSWORD + "\n")
            else:
                server_cli(url, "create-user", user, "--role", "cluster",
                           *[x for p in provinces for x in ("--province", p)],
                           stdin=PASSWORD + "\n")
        else:
            print(f"kept server database {args.keep_server_db} (not loaded again)", flush=True)
        proc, base = start_server(tmp, url)
        try:
            laptop = tmp / "laptop"
            shutil.rmtree(laptop, ignore_errors=True)  # an empty laptop, also with --keep
            store = open_store(laptop)
            enrol(store, base, user, PASSWORD, device_name="bench-scope")
            before = peak_rss_mb()
            t = time.perf_counter()
            summary = sync_profiled(store, args.profile_first)
            first = time.perf_counter() - t
            assert summary.ok, summary.describe("en")
            with store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            store.close()
            aim = "20 s" if args.scope == "cluster" else "5 min"
            print(f"first sync ({args.scope}): {summary.pulled_rows:,} rows in {first:.1f} s = "
                  f"{summary.pulled_rows / first:,.0f} rows/s, {summary.pages} pages "
                  f"(aim <= {aim})")
            print(f"  peak memory of the syncing process: {peak_rss_mb():.0f} MB "
                  f"(before: {before:.0f} MB)")
            print(f"laptop database: {db_size_mb(laptop):.0f} MB")
        finally:
            proc.terminate()
            proc.wait(10)
        print("the app on that database (bench_ui.py, offscreen, server stopped):", flush=True)
        out = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "bench_ui.py"), "--data-dir",
             str(laptop), "--runs", str(args.runs)],
            capture_output=True, text=True, cwd=ROOT,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT)),
        )
        print(out.stdout.rstrip().replace("aim < 300 MB", "aim < 400 MB"))
        if out.returncode:
            print(out.stderr[-3000:])
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        if drop is not None:
            drop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
