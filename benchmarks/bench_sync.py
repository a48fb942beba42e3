"""Sync benchmarks against a real codi-server process on 127.0.0.1.

    python benchmarks/bench_sync.py [--scale large|small] [--changes 1000]

1. First sync of an empty laptop from a server filled with ``codi-server demo``: rows/s,
   next to the floor (the same rows decoded and inserted with plain executemany, no
   HTTP), printed as a ratio (aim: within 2x).
2. 1,000 waiting change sets pushed by one laptop and pulled by another (aim < 2 s each).
3. A sync with nothing to do (aim < 100 ms).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import keyring  # noqa: E402
import keyring.backend  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from codi_core.models import SYNCED_MODELS, Community  # noqa: E402
from codi_core.models.serialize import decode_value  # noqa: E402
from codi_desktop.store.database import open_store  # noqa: E402
from codi_desktop.sync.apply import codec  # noqa: E402
from codi_desktop.sync.client import SyncClient  # noqa: E402
from codi_desktop.sync.credentials import TokenProvider, account, enrol, load_token  # noqa: E402
from codi_desktop.sync.engine import run_sync  # noqa: E402

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


def floor_insert(pages: list[list[dict]], data_dir: Path) -> float:
    """The same rows, decoded per column and inserted with plain executemany."""
    store = open_store(data_dir, seed_reference=False)
    start = time.perf_counter()
    with store.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        for page in pages:
            by_table: dict[str, list[dict]] = defaultdict(list)
            for item in page:
                columns = codec(item["table"]).columns
                row = {k: decode_value(columns[k], v) for k, v in item["fields"].items()
                       if k in columns}
                row["id"] = item["row_id"]
                row["seq"] = item["seq"]
                by_table[item["table"]].append(row)
            for name, rows in by_table.items():
                table = SYNCED_MODELS[name].__table__
                conn.execute(table.insert().prefix_with("OR REPLACE"), rows)
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", choices=["small", "large"], default="large")
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--province", default="34")
    args = parser.parse_args()

    keyring.set_keyring(MemoryKeyring())
    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    url = f"sqlite:///{tmp / 'server.sqlite3'}"
    try:
        server_cli(url, "migrate")
        t = time.perf_counter()
        print(server_cli(url, "demo", "--province", args.province, "--scale", args.scale)
              .splitlines()[0], f"(loaded in {time.perf_counter() - t:.1f} s)")
        server_cli(url, "create-user", "bench_a", "--role", "province", "--province",
                   args.province, stdin=PASSWORD + "\n")
        server_cli(url, "create-user", "bench_b", "--role", "province", "--province",
                   args.province, stdin=PASSWORD + "\n")
        proc, base = start_server(tmp, url)
        try:
            # 1. First sync of an empty laptop.
            a = open_store(tmp / "a")
            enrol(a, base, "bench_a", PASSWORD, device_name="bench-a")
            t = time.perf_counter()
            summary = run_sync(a, tokens=TokenProvider(a))
            first = time.perf_counter() - t
            assert summary.ok, summary.describe("en")
            rows = summary.pulled_rows
            # The same pages again, for the floor (not timed).
            pages = []
            fetch_start = time.perf_counter()
            token = load_token(a.data_dir, base)
            with SyncClient(base, token=token) as client:
                cursor = None
                while True:
                    page = client.pull(cursor, 1000)
                    pages.append(page["changes"])
                    cursor = page["cursor"]
                    if not page["more"]:
                        break
            fetch = time.perf_counter() - fetch_start
            floor = floor_insert(pages, tmp / "floor")
            print(f"first sync: {rows} rows in {first:.2f} s = {rows / first:,.0f} rows/s "
                  f"({summary.pages} pages)")
            print(f"floor (decode + executemany, no HTTP): {floor:.2f} s = "
                  f"{rows / floor:,.0f} rows/s; ratio sync/floor = {first / floor:.2f}x "
                  f"(aim <= 2x)")
            print(f"  for reference: fetching the same pages alone (server + HTTP + JSON, "
                  f"nothing written) takes {fetch:.2f} s")

            # 2. 1,000 waiting change sets pushed, then pulled by another laptop.
            b = open_store(tmp / "b")
            enrol(b, base, "bench_b", PASSWORD, device_name="bench-b")
            run_sync(b, tokens=TokenProvider(b))
            province = account(a) and args.province
            for i in range(args.changes):
                with a.action(f"ลงทะเบียนชุมชน {i}") as s:
                    s.add(Community(province_code=province, name=f"ชุมชนทดสอบความเร็ว {i}",
                                    households=i % 300 + 1))
            t = time.perf_counter()
            pushed = run_sync(a, tokens=TokenProvider(a))
            push_time = time.perf_counter() - t
            assert pushed.ok and pushed.applied == args.changes, pushed.describe("en")
            t = time.perf_counter()
            pulled = run_sync(b, tokens=TokenProvider(b))
            pull_time = time.perf_counter() - t
            assert pulled.ok and pulled.pulled_rows >= args.changes, pulled.describe("en")
            print(f"push {args.changes} change sets: {push_time:.2f} s (aim < 2 s)")
            print(f"pull them on another laptop: {pull_time:.2f} s, {pulled.pulled_rows} rows "
                  f"(aim < 2 s)")
            with b.read() as s:
                n = s.scalar(sa.select(sa.func.count()).select_from(Community)
                             .where(Community.name.like("ชุมชนทดสอบความเร็ว %")))
            assert n == args.changes

            # 3. Nothing to do.
            times = []
            for _ in range(15):
                t = time.perf_counter()
                idle = run_sync(a, tokens=TokenProvider(a))
                times.append(time.perf_counter() - t)
                assert idle.ok and idle.pushed == 0 and idle.pulled_rows == 0
            print(f"sync with nothing to do: median {statistics.median(times) * 1000:.0f} ms, "
                  f"max {max(times) * 1000:.0f} ms (aim < 100 ms)")
            a.close()
            b.close()
        finally:
            proc.terminate()
            proc.wait(10)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
