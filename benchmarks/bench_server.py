"""Benchmark of codi-server on PostgreSQL (not a test: it prints figures).

1. Push: N devices (default 20) each push M change sets (default 1,000) at once, one
   change set per request (an insert and an update each), against the server running as
   real processes (``codi-server serve --workers W``). Prints change sets/s and latency
   percentiles.
2. Snapshot: ``codi-server demo --scale large`` for one province, then a device of that
   province pulls a full snapshot in pages. Prints rows/s.

    python benchmarks/bench_server.py [--devices 20] [--change-sets 1000] [--workers 2]
                                      [--province 50] [--page 1000] [--skip-push]

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
from codi_desktop.store.database import head_revision  # noqa: E402

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


def enrol(engine: sa.Engine, base: str, role: str, provinces: list[str]) -> dict:
    from codi_server.auth import create_user

    name = f"bench{secrets.token_hex(4)}"
    create_user(engine, name, PASSWORD, role, provinces)
    r = httpx.post(base + "/v1/devices",
                   json={"username": name, "password": PASSWORD, "device_name": "bench"},
                   timeout=60)
    r.raise_for_status()
    return r.json()


def bench_push(engine: sa.Engine, base: str, devices: int, per_device: int) -> None:
    provinces = ["50", "51", "52", "53", "54"]
    enrolled = [enrol(engine, base, "province", [provinces[i % 5]]) for i in range(devices)]
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    start_barrier = threading.Barrier(devices + 1)

    def run(device: dict, province: str) -> None:
        client = httpx.Client(base_url=base, timeout=120, headers={
            "Authorization": f"Bearer {device['token']}", "Codi-Protocol": "1"})
        mine: list[tuple[str, int]] = []
        local: list[float] = []
        start_barrier.wait()
        for seq in range(1, per_device + 1):
            row = new_id()
            changes = [{"table": "person", "row_id": row, "op": "insert", "fields": {
                "province_code": province, "first_name": "ทดสอบ", "last_name": str(seq)}}]
            if mine:
                prev, base_seq = mine[-1]
                changes.append({"table": "person", "row_id": prev, "op": "update",
                                "base_seq": base_seq, "fields": {"notes": f"edit {seq}"}})
            body = {"device_id": device["device_id"], "change_sets": [{
                "id": new_id(), "device_seq": seq, "schema_version": head_revision(),
                "author": "bench", "summary": "bench", "changes": changes}]}
            t = time.perf_counter()
            r = client.post("/v1/sync/push", json=body)
            local.append(time.perf_counter() - t)
            if r.status_code != 200 or r.json()["results"][0]["status"] != "applied":
                failures.append(r.text[:200])
                break
            mine.append((row, r.json()["results"][0]["seq"]))
        client.close()
        with lock:
            latencies.extend(local)

    threads = [threading.Thread(target=run, args=(d, provinces[i % 5]))
               for i, d in enumerate(enrolled)]
    for t in threads:
        t.start()
    start_barrier.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    n = len(latencies)
    q = statistics.quantiles(latencies, n=100)
    print(f"push: {devices} devices x {per_device} change sets = {n} change sets "
          f"in {elapsed:.1f} s")
    print(f"push: {n / elapsed:,.0f} change sets/s; latency p50 {q[49] * 1000:.1f} ms, "
          f"p95 {q[94] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms, max {max(latencies) * 1000:.0f} ms")
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
            bench_push(engine, base, args.devices, args.change_sets)
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
