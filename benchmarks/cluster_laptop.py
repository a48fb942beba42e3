"""A cluster account's laptop database built directly (no server, no sync), for the UI
figures of issue #15: the demo generator's provinces written into one laptop store, with
the scope settings a cluster account's enrolment leaves (``sync_role`` = cluster,
``sync_scope`` = the provinces, no own ``province_code``).

    python benchmarks/cluster_laptop.py DIR [--provinces 30,31,32,36,40,44] [--scale large]

Then ``python benchmarks/bench_ui.py --data-dir DIR``. A row the generator gives to
several provinces (shared reference rows) is written once, as the server's loader does.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from codi_core.demo import certification_links, generate_demo  # noqa: E402
from codi_core.models import LocalSetting, Meeting  # noqa: E402
from codi_desktop.store.database import open_store, pragma  # noqa: E402
from codi_desktop.store.demo import _bulk_insert  # noqa: E402

CLUSTER = "30,31,32,36,40,44"


def build_cluster(folder: Path, provinces: list[str], scale: str, seed: int = 1) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder)
    total = 0
    try:
        with store.engine.connect() as conn:
            pragma(conn, "PRAGMA synchronous=OFF")
            pragma(conn, "PRAGMA cache_size=-131072")
            with store.sessions(bind=conn) as session:
                session.info["capture"] = False
                for code in provinces:
                    began = time.perf_counter()
                    n = 0
                    for model, rows in generate_demo(code, scale, seed):
                        table = model.__table__  # type: ignore[attr-defined]
                        have = set()
                        ids = [r["id"] for r in rows]
                        for i in range(0, len(ids), 900):
                            have.update(session.connection().execute(
                                sa.select(table.c.id).where(table.c.id.in_(ids[i:i + 900])))
                                .scalars())
                        fresh = [r for r in rows if r["id"] not in have]
                        if not fresh:
                            continue
                        _bulk_insert(session.connection(), table, fresh)
                        if model is Meeting:
                            session.connection().execute(
                                sa.update(table)
                                .where(table.c.id == sa.bindparam("meeting_id"))
                                .values(certified_in_meeting_id=sa.bindparam(
                                    "certified_in_meeting_id")),
                                certification_links(fresh))
                        n += len(fresh)
                    total += n
                    print(f"  province {code}: {n:,} rows in "
                          f"{time.perf_counter() - began:.1f} s", flush=True)
                for key, value in (("sync_role", "cluster"), ("sync_scope", provinces)):
                    session.merge(LocalSetting(key=key, value=value))
                session.commit()
            conn.commit()
            pragma(conn, "PRAGMA synchronous=NORMAL")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir")
    parser.add_argument("--provinces", default=CLUSTER)
    parser.add_argument("--scale", choices=["small", "large"], default="large")
    args = parser.parse_args()
    folder = Path(args.data_dir)
    if (folder / "codi.sqlite3").exists():
        print(f"{folder} already holds a database", file=sys.stderr)
        return 1
    began = time.perf_counter()
    total = build_cluster(folder, [p for p in args.provinces.split(",") if p], args.scale)
    print(f"{total:,} rows in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
