"""Write tests/fixtures/schema-<REV>.sqlite3: a small database as schema REV left it.

    python scripts/make_schema_fixture.py 0004

Run it once for every desktop schema revision a release ships, with the code of that
release (the revision must exist in codi_desktop/store/migrations/versions), and commit
the file; tests/unit/test_schema_fixtures.py then upgrades every fixture to head and
checks the rows below are still there. The database is built with the migrations up to
REV only (never the current models) and filled with plain SQL, column by column, so it is
what a laptop on that release really holds. A fixture is never regenerated: --force is for
a file that was never committed.

The rows are the same at every revision (the test checks the same facts): one community,
one person, one locked meeting and the laptop's province. A later revision that adds a
NOT NULL column without a server default to one of these tables gets a clear error here:
add the column's value to ROWS.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "tests" / "fixtures"
STAMP = "2026-01-15 03:00:00.000000"  # UTCDateTime's storage format

ROWS: dict[str, list[dict[str, object]]] = {
    "community": [{
        "id": "0190a000-0000-7000-8000-000000000001", "province_code": "34",
        "name": "ชุมชนบ้านหนองบัว", "kind": "village", "moo": 4, "households": 85,
        "population": 310, "created_at": STAMP, "updated_at": STAMP,
    }],
    "person": [{
        "id": "0190a000-0000-7000-8000-000000000002", "province_code": "34",
        "prefix": "นาง", "first_name": "บัวผัน", "last_name": "ศรีสุข",
        "created_at": STAMP, "updated_at": STAMP,
    }],
    "meeting": [{
        "id": "0190a000-0000-7000-8000-000000000003", "province_code": "34",
        "kind": "provincial_committee",
        "title": "การประชุมคณะกรรมการขบวนองค์กรชุมชนจังหวัดอุบลราชธานี",
        "number": 3, "number_year": 2569, "starts_at": STAMP, "status": "locked",
        "minutes_version": 1, "created_at": STAMP, "updated_at": STAMP,
    }],
    "local_setting": [{"key": "province_code", "value": '"34"'}],
}


def build(revision: str, target: Path) -> None:
    import sqlalchemy as sa
    from alembic import command
    from alembic.script import ScriptDirectory

    from codi_desktop.store.database import alembic_config, make_engine

    known = {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision not in known:
        raise SystemExit(f"no desktop schema revision {revision!r} (known: {sorted(known)})")
    engine = make_engine(target)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), revision)
        with engine.begin() as conn:
            inspector = sa.inspect(conn)
            for table, rows in ROWS.items():
                columns = {c["name"]: c for c in inspector.get_columns(table)}
                for row in rows:
                    unknown = set(row) - set(columns)
                    if unknown:
                        raise SystemExit(f"{table} at {revision} has no column {sorted(unknown)}")
                    missing = [
                        name for name, c in columns.items()
                        if name not in row and not c["nullable"] and c.get("default") is None
                        and c.get("autoincrement") is not True
                    ]
                    if missing:
                        raise SystemExit(
                            f"{table} at {revision} needs values for {missing}: add them to ROWS"
                        )
                    names = ", ".join(row)
                    marks = ", ".join(f":{k}" for k in row)
                    conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", row)
    finally:
        engine.dispose()
    # One self-contained file: no WAL beside it, no free pages.
    db = sqlite3.connect(target)
    try:
        from codi_desktop import collation

        collation.register(db)  # from 0006, VACUUM rebuilds indexes over thai_key()
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("VACUUM")
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", help="desktop schema revision, e.g. 0004")
    parser.add_argument("--force", action="store_true",
                        help="replace an existing fixture (only one never committed)")
    args = parser.parse_args(argv)
    out = FIXTURES / f"schema-{args.revision}.sqlite3"
    if out.exists() and not args.force:
        print(f"{out} exists; fixtures are never regenerated (--force if never committed)",
              file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "fixture.sqlite3"
        build(args.revision, target)
        FIXTURES.mkdir(parents=True, exist_ok=True)
        out.write_bytes(target.read_bytes())
    print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
