"""Writing the demo province into a laptop's database, and ``codi-desktop demo``.

The generator itself (``codi_core.demo``) is shared with the server's demo loader.
"""

from __future__ import annotations

import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geothai
import sqlalchemy as sa

from codi_core.demo import SCALES, certification_links, generate_demo
from codi_core.models import SYNCED_MODELS, ChangeSet, LocalSetting, Meeting

from . import paths
from .database import backup_database, open_store, pragma

# --- writing the demo database ---------------------------------------------------------


@dataclass
class DemoSummary:
    """What ``build_demo`` wrote: rows per table and how long it took."""

    counts: dict[str, int]
    seconds: float
    province_code: str = ""
    scale: str = ""
    seed: int = 0
    path: Path | None = None
    backup: Path | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class DemoRefused(RuntimeError):
    """The data folder holds a real (non-demo) database with data; nothing was changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(self.message("en"))

    def message(self, lang: str = "th") -> str:
        if lang == "en":
            return (f"{self.path} already holds a real (non-demo) database with data. "
                    "Nothing was changed. Use another --data-dir, or --force to replace it "
                    "(a backup is made first).")
        return (f"{self.path} มีฐานข้อมูลจริง (ไม่ใช่ข้อมูลสาธิต) ที่มีข้อมูลอยู่แล้ว "
                "จึงไม่ได้เปลี่ยนแปลงอะไร ให้ใช้ --data-dir โฟลเดอร์อื่น หรือใช้ --force "
                "เพื่อแทนที่ (ระบบจะสำรองไฟล์เดิมไว้ก่อน)")


def _has_data(store: Any) -> bool:
    province_models = [m for m in SYNCED_MODELS.values() if m.__sync_scope__ == "province"]
    with store.read() as s:
        if s.scalar(sa.select(ChangeSet.id).limit(1)) is not None:
            return True
        return any(s.scalar(sa.select(m.id).limit(1)) is not None  # type: ignore[attr-defined]
                   for m in province_models)


def _bulk_insert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """One executemany straight to the driver, values bound by the columns' own types.

    The same conversions an ``insert()`` makes (enum values, UTC timestamps, dates), minus
    SQLAlchemy's per-row statement bookkeeping, which was half the time of a large build.
    """
    if not rows:
        return
    dialect = conn.dialect
    quote = dialect.identifier_preparer.quote
    columns = list(table.columns)
    keys = [c.key for c in columns]
    processors = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    pairs = list(zip(keys, processors, strict=True))
    data = [tuple(r[k] if p is None or r[k] is None else p(r[k]) for k, p in pairs)
            for r in rows]
    conn.exec_driver_sql(sql, data)


def build_demo(data_dir: str | Path | None, province_code: str, scale: str, seed: int = 2567,
               force: bool = False) -> DemoSummary:
    """Create (or replace) the demo database in *data_dir* and fill it in one transaction.

    Refuses with ``DemoRefused`` when the folder already holds a real database with data,
    unless *force*; a replaced real database is backed up first.
    """

    if scale not in SCALES:
        raise ValueError(f"unknown demo scale {scale!r}; use one of {sorted(SCALES)}")
    if geothai.province(province_code) is None:
        raise ValueError(f"unknown province code {province_code!r}")
    began = time.perf_counter()
    folder = paths.resolve_data_dir(data_dir)
    db_path = paths.database_path(folder)
    backup = None
    if db_path.exists():
        store = open_store(folder, seed_reference=False)
        try:
            real = not store.is_demo and _has_data(store)
        finally:
            store.close()
        if real and not force:
            raise DemoRefused(db_path)
        if real:
            backup = backup_database(db_path, paths.backups_dir(folder), "before-demo")
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)

    store = open_store(folder)
    counts: dict[str, int] = {}
    try:
        with store.engine.connect() as conn:
            # A fresh file nobody else uses: durability can wait until the commit is done.
            pragma(conn, "PRAGMA synchronous=OFF")
            pragma(conn, "PRAGMA cache_size=-131072")
            try:
                with store.sessions(bind=conn) as session:
                    session.info["capture"] = False
                    for model, rows in generate_demo(province_code, scale, seed):
                        _bulk_insert(session.connection(), model.__table__, rows)  # type: ignore[attr-defined]
                        if model is Meeting and rows:
                            table = Meeting.__table__
                            session.connection().execute(
                                sa.update(table)
                                .where(table.c.id == sa.bindparam("meeting_id"))
                                .values(certified_in_meeting_id=sa.bindparam(
                                    "certified_in_meeting_id")),
                                certification_links(rows))
                        counts[model.__tablename__] = len(rows)  # type: ignore[attr-defined]
                    for key, value in (("province_code", province_code), ("demo", True),
                                       ("demo_scale", scale), ("demo_seed", seed)):
                        session.merge(LocalSetting(key=key, value=value))
                    session.commit()
                conn.commit()
            finally:
                conn.rollback()  # nothing is left open if the load failed
                pragma(conn, "PRAGMA cache_size=-2000")
                pragma(conn, "PRAGMA synchronous=NORMAL")
    finally:
        store.close()
    return DemoSummary(counts, time.perf_counter() - began, province_code, scale, seed,
                       db_path, backup)


# --- the command line ------------------------------------------------------------------


def _find_province(text: str) -> Any:
    text = (text or "").strip()
    found = geothai.province(text)
    if found is not None:
        return found
    folded = text.casefold().removeprefix("จังหวัด")
    return next((p for p in geothai.provinces()
                 if folded in (p.name_th, p.name_en.casefold())), None)


def _cells(text: str) -> int:
    """Columns *text* takes on a terminal: Thai vowel and tone marks sit on their letter."""
    return sum(1 for ch in text if unicodedata.category(ch) != "Mn")


def _province_list() -> str:
    items = [f"{p.code} {p.name_th}" for p in geothai.provinces()]
    width = max(_cells(i) for i in items) + 2
    lines = []
    for start in range(0, len(items), 4):
        row = "".join(i + " " * (width - _cells(i)) for i in items[start:start + 4])
        lines.append("  " + row.rstrip())
    return "\n".join(lines)


def cli_demo(args: Any) -> int:
    """``codi-desktop demo``: build the demo province and print what was written."""
    province = _find_province(args.province)
    if province is None:
        print(
            f"ไม่รู้จักรหัสจังหวัด {args.province!r} / unknown province code {args.province!r}.\n"
            "ใช้รหัสจังหวัด 2 หลักของกรมการปกครอง (DOPA) หรือชื่อจังหวัด เช่น --province 34 "
            "(อุบลราชธานี)\nUse the 2-digit DOPA province code (or the province's name), "
            "e.g. --province 34. The codes are:\n" + _province_list(),
            file=sys.stderr,
        )
        return 2
    seed = 2567 if getattr(args, "seed", None) is None else args.seed
    print(f"กำลังสร้างจังหวัดสาธิต{province.name_th} ({province.code}) ขนาด {args.scale} "
          f"/ building the {args.scale} demo province {province.name_en} (seed {seed}) ...",
          flush=True)
    try:
        summary = build_demo(args.data_dir, province.code, args.scale, seed,
                             force=bool(getattr(args, "force", False)))
    except DemoRefused as exc:
        print(exc.message("th") + "\n" + exc.message("en"), file=sys.stderr)
        return 1
    if summary.backup is not None:
        print(f"สำรองฐานข้อมูลเดิมไว้ที่ / the previous database was backed up to {summary.backup}")
    _print_counts(summary.counts)
    print(f"{'total':<16}{summary.total:>10,}")
    print(f"เสร็จใน / done in {summary.seconds:.1f} s: {summary.path}")
    print("ฐานข้อมูลสาธิตใช้ทดลองเท่านั้น ไม่ซิงค์กับส่วนกลาง / "
          "a demo database is a sandbox: it never syncs.")
    return 0


def _print_counts(counts: dict[str, int]) -> None:
    for table, n in counts.items():
        print(f"{table:<16}{n:>10,}")
