"""The import framework: columns mapped to fields, every row's fate previewed, then all
rows written in one action — or none.

An ``Importer`` says which fields a kind of record has (with the Thai and English
headers people use for them), how one row becomes a record's data, how a record is
recognised (its key), and how the new rows are written. ``preview_file`` reads the
file, maps its columns (a mapping the person fixed is remembered for that layout of
headers), and gives each row a fate: new, matches a record already in the database,
duplicate of an earlier row of the file, or error. ``commit`` writes the new rows in
one ``Store.action``; if any row is wrong nothing is written.

One action is one change set, unless the import is larger than a change set may be
(PROTOCOL: 10,000 changes); it is then cut into change sets of ``CHUNK_CHANGES``
changes, queued in order inside the same local transaction, so the laptop still gets
all rows or none.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.errors import ServiceError
from codi_core.formatting import BANGKOK_TH, CE_YEAR_LIMIT, province_phrase
from codi_core.models import Subdistrict
from codi_desktop.store import search_index
from codi_desktop.store.capture import CAPTURED, finish_change_set
from codi_desktop.store.database import Store, wire_schema

from .source import Table, read_table
from .values import BE, CE, CellError, arabic_digits

NEW, MATCH, DUPLICATE, ERROR = "new", "match", "duplicate", "error"
FATE_NAMES = {
    NEW: ("ใหม่", "new"),
    MATCH: ("มีอยู่แล้ว", "already there"),
    DUPLICATE: ("ซ้ำในไฟล์", "duplicate in file"),
    ERROR: ("ผิดพลาด", "error"),
}
#: Changes per change set when an import must be split (the protocol allows 10,000).
CHUNK_CHANGES = 5000
HEADER_SCAN_ROWS = 15


class ImportFailed(ServiceError):
    """Rows of a file are wrong; ``problems`` holds (row number, Thai, English)."""

    def __init__(self, problems: list[tuple[int, str, str]]):
        self.problems = problems
        rows = ", ".join(str(r) for r, _, _ in problems[:30])
        if len(problems) > 30:
            rows += f" … (+{len(problems) - 30})"
        self._th = "\n".join(f"แถวที่ {r}: {th}" for r, th, _ in problems[:30])
        self._en = "\n".join(f"row {r}: {en}" for r, _, en in problems[:30])
        super().__init__("import_rows", None, rows=rows, details=self._th)

    def message(self, lang: str = "th") -> str:
        self.params["details"] = self._en if lang == "en" else self._th
        return super().message(lang)


@dataclass(frozen=True)
class FieldSpec:
    key: str
    th: str
    en: str
    headers: tuple[str, ...] = ()  # the headers people write for it (Thai and English)
    required: bool = False


def header_key(value: Any) -> str:
    return re.sub(r"[\s\-–_/.:()*#]", "", arabic_digits(str(value or ""))).casefold()


class Row:
    """One spreadsheet row seen through the mapping."""

    def __init__(self, number: int, values: list[Any], mapping: dict[str, int]):
        self.number = number
        self.values = values
        self.mapping = mapping

    def has(self, key: str) -> bool:
        return key in self.mapping

    def raw(self, key: str) -> Any:
        c = self.mapping.get(key)
        if c is None or c >= len(self.values):
            return None
        return self.values[c]


@dataclass
class RowResult:
    row: int  # the spreadsheet's own row number
    fate: str
    label: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    data: Any = None
    key: Any = None
    match_id: str | None = None
    same_as: int | None = None  # the earlier row a duplicate repeats

    def message(self, lang: str = "th") -> str:
        parts = [en if lang == "en" else th for th, en in self.problems + self.notes]
        return "; ".join(parts)


class Parse:
    """What parsing one row needs: the row, a place for its problems and notes, and the
    import's shared context. ``get(key, parser)`` reads a cell, turning a ``CellError``
    into a problem that names the field."""

    def __init__(self, row: Row, importer: Importer, ctx: Any, eras: dict[str, set[str]]):
        self.row = row
        self.importer = importer
        self.ctx = ctx
        self.eras = eras
        self.problems: list[tuple[str, str]] = []
        self.notes: list[tuple[str, str]] = []

    def problem(self, key: str | None, th: str, en: str) -> None:
        spec = self.importer.field(key) if key else None
        if spec is not None:
            th, en = f"{spec.th}: {th}", f"{spec.en}: {en}"
        self.problems.append((th, en))

    def get(self, key: str, parser: Callable[[Any], Any] | None = None, default: Any = None):
        value = self.row.raw(key)
        if parser is None:
            return value
        try:
            result = parser(value)
        except CellError as exc:
            self.problem(key, exc.th, exc.en)
            return default
        if isinstance(result, tuple) and len(result) == 2 and result[1] in (BE, CE, None):
            result, era = result
            if era is not None:
                self.eras.setdefault(key, set()).add(era)
        return default if result is None else result

    def service_errors(self, errors: dict[str, ServiceError]) -> None:
        for error in errors.values():
            self.problems.append((error.message("th"), error.message("en")))


class Importer:
    """One kind of record a file can hold. Subclasses set the class attributes and
    implement ``load``, ``parse`` and ``write``."""

    kind: str = ""
    title: tuple[str, str] = ("", "")
    fields: tuple[FieldSpec, ...] = ()
    #: the fields that must be mapped to find the header row (any one of them)
    anchor: tuple[str, ...] = ("name",)
    #: how to lay out a file of this kind, beyond the headers (Thai, English), or ''
    hint: tuple[str, str] = ("", "")

    def field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.key == key), None)

    def load(self, session: Session, province: str) -> Any:
        """Lookups shared by every row: places, names already in the database..."""
        raise NotImplementedError

    def parse(self, p: Parse) -> tuple[Any, Any, str] | None:
        """(data, key, label) of the row, or None when the row has problems."""
        raise NotImplementedError

    def existing(self, ctx: Any, key: Any) -> str | None:
        """The id of the record already in the database with this key."""
        return None

    def prime(self, session: Session, ctx: Any) -> list:
        """Load the rows the checks look up into the session once (tambons, linked
        records), so checking a row finds them without a query. The caller keeps the
        list: the session's identity map holds its rows only weakly."""
        return list(session.scalars(
            sa.select(Subdistrict).where(Subdistrict.province_id == ctx.province)))

    def begin(self, ctx: Any) -> None:
        """Called as the writing starts (forget what an earlier, failed attempt made)."""

    def write(self, store: Store, session: Session, ctx: Any, row: RowResult) -> None:
        raise NotImplementedError

    def finish(self, session: Session, ctx: Any) -> None:
        """Called after the last row is written, inside the same action."""

    def differs(self, first: RowResult, row: RowResult) -> list[tuple[str, str]]:
        """Why a row with the key of an earlier row cannot be the same record (Thai,
        English); nothing means it repeats that row."""
        return []

    def explain(self, ctx: Any, row: RowResult) -> None:
        """Add notes to a matched or duplicate row about what importing it still does."""

    def check_missing(self, mapping: dict[str, int]) -> list[FieldSpec]:
        return [f for f in self.fields if f.required and f.key not in mapping]


# --- mapping ---------------------------------------------------------------------------


def auto_mapping(importer: Importer, headers: list[Any]) -> dict[str, int]:
    lookup: dict[str, str] = {}
    for spec in importer.fields:
        for name in (spec.key, spec.th, spec.en, *spec.headers):
            lookup.setdefault(header_key(name), spec.key)
    mapping: dict[str, int] = {}
    for c, value in enumerate(headers):
        key = lookup.get(header_key(value))
        if key and key not in mapping:
            mapping[key] = c
    return mapping


def layout_signature(headers: list[Any]) -> str:
    joined = "\x1f".join(header_key(h) for h in headers)
    return hashlib.sha1(joined.encode()).hexdigest()[:16]


def _setting_key(kind: str, signature: str) -> str:
    return f"import_mapping:{kind}:{signature}"


def remember_mapping(store: Store, kind: str, headers: list[Any], mapping: dict[str, int]):
    store.set_setting(_setting_key(kind, layout_signature(headers)), dict(mapping))


def remembered_mapping(store: Store, kind: str, headers: list[Any]) -> dict[str, int] | None:
    value = store.get_setting(_setting_key(kind, layout_signature(headers)))
    return {k: int(v) for k, v in value.items()} if isinstance(value, dict) else None


def find_header(importer: Importer, table: Table,
                store: Store | None = None) -> tuple[int, list[Any]]:
    """Index in ``table.rows`` of the header row and its cells: a row whose layout has a
    remembered mapping, else the row naming the most fields (a name field first), as
    long as at least two columns are recognised or the name is."""
    rows = table.rows[:HEADER_SCAN_ROWS]
    if store is not None:
        for i, (_n, values) in enumerate(rows):
            if remembered_mapping(store, importer.kind, list(values)) is not None:
                return i, list(values)
    best, best_score = None, 1
    for i, (_n, values) in enumerate(rows):
        mapping = auto_mapping(importer, values)
        score = len(mapping) + (100 if any(a in mapping for a in importer.anchor) else 0)
        if score > best_score:
            best, best_score = i, score
    if best is None:
        raise ServiceError("import_no_header")
    return best, list(table.rows[best][1])


# --- preview ---------------------------------------------------------------------------


@dataclass
class Preview:
    kind: str
    path: Path
    table: Table
    header_row: int  # spreadsheet row number of the header
    headers: list[str]
    mapping: dict[str, int]
    remembered: bool
    missing: list[FieldSpec]
    rows: list[RowResult]
    notes: list[tuple[str, str]]
    importer: Importer
    ctx: Any = None

    def count(self, fate: str) -> int:
        return sum(1 for r in self.rows if r.fate == fate)

    @property
    def errors(self) -> list[RowResult]:
        return [r for r in self.rows if r.fate == ERROR]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.errors and bool(self.rows)

    def problems(self) -> list[tuple[int, str, str]]:
        out = [(self.header_row, f"ไม่พบคอลัมน์ {f.th}", f"no column for {f.en}")
               for f in self.missing]
        for r in self.errors:
            out.append((r.row, "; ".join(t for t, _ in r.problems),
                        "; ".join(e for _, e in r.problems)))
        return out

    def report(self, lang: str = "th") -> str:
        return format_report(self, lang)


def preview_file(store: Store, importer: Importer, path: str | Path,
                 mapping: dict[str, int] | None = None, province: str | None = None) -> Preview:
    """Read ``path`` and say what importing it would do, writing nothing. A ``mapping``
    given (field key -> column index) is used and remembered for this header layout.
    The rows go to ``province`` (checked against the account's scope), by default to the
    working province (``services.scope``: the laptop's own, or the one a wide account's
    page shows; "choose a province" when it shows them all)."""
    from codi_desktop.services import scope

    province = scope.one_province(store, province) if province else scope.working_province(
        store)
    table = read_table(path)
    at, headers = find_header(importer, table, store)
    remembered = False
    if mapping is not None:
        mapping = {k: int(v) for k, v in mapping.items() if v is not None and v >= 0}
        remember_mapping(store, importer.kind, headers, mapping)
    else:
        mapping = remembered_mapping(store, importer.kind, headers)
        remembered = mapping is not None
        if mapping is None:
            mapping = auto_mapping(importer, headers)
    notes = list(table.notes)
    if table.sheet:
        notes.append((f"อ่านแผ่นงาน '{table.sheet}'", f"sheet '{table.sheet}' read"))
    if table.merged:
        notes.append((f"เซลล์ที่ผสานไว้ {table.merged} ช่วง ใช้ค่าเดียวกันทุกแถวที่ผสาน",
                      f"{table.merged} merged ranges: their value applies to every row they cover"))
    if remembered:
        notes.append(("ใช้การจับคู่คอลัมน์ที่บันทึกไว้สำหรับไฟล์แบบนี้",
                      "using the column mapping remembered for this file layout"))
    if scope.is_wide(store):  # an account of several provinces: say which one
        th = scope.province_names(store, [province]).get(province, province)
        en = scope.province_names(store, [province], "en").get(province, province)
        notes.append((f"นำเข้าไปยัง{province_phrase(th)}",
                      f"rows go to {en}" if th == BANGKOK_TH else f"rows go to {en} province"))
    missing = importer.check_missing(mapping)
    with store.read() as session:
        ctx = importer.load(session, province)
    eras: dict[str, set[str]] = {}
    rows: list[RowResult] = []
    seen: dict[Any, RowResult] = {}
    for number, values in table.rows[at + 1:]:
        rows.append(_preview_row(importer, ctx, Row(number, values, mapping), eras, seen))
    for key, found in sorted(eras.items()):
        spec = importer.field(key)
        name_th, name_en = (spec.th, spec.en) if spec else (key, key)
        if found == {BE}:
            notes.append((f"ปีใน '{name_th}' อ่านเป็น พ.ศ.", f"years in '{name_en}' read as BE"))
        elif found == {CE}:
            notes.append((f"ปีใน '{name_th}' อ่านเป็น ค.ศ. แล้วแปลงเป็น พ.ศ.",
                          f"years in '{name_en}' read as CE (AD)"))
        else:
            notes.append((f"ปีใน '{name_th}' มีทั้ง พ.ศ. และ ค.ศ. (ปีตั้งแต่ {CE_YEAR_LIMIT} ถือเป็น พ.ศ.)",
                          f"years in '{name_en}' mix BE and CE ({CE_YEAR_LIMIT} and later taken as BE)"))
    return Preview(importer.kind, Path(path), table, table.rows[at][0],
                   ["" if h is None else str(h) for h in headers], mapping, remembered,
                   missing, rows, notes, importer, ctx)


def _preview_row(importer: Importer, ctx: Any, row: Row, eras: dict[str, set[str]],
                 seen: dict[Any, RowResult]) -> RowResult:
    p = Parse(row, importer, ctx, eras)
    parsed = importer.parse(p)
    if parsed is None or p.problems:
        label = parsed[2] if parsed else ""
        return RowResult(row.number, ERROR, label, p.problems or [("ข้อมูลไม่ถูกต้อง", "invalid")],
                         p.notes)
    data, key, label = parsed
    if key in seen:
        first = seen[key]
        result = RowResult(row.number, DUPLICATE, label, [], p.notes + [
            (f"ซ้ำกับแถวที่ {first.row} (นำเข้าครั้งเดียว)",
             f"same as row {first.row} (imported once)")], data, key, same_as=first.row)
        problems = importer.differs(first, result)
        if problems:
            return RowResult(row.number, ERROR, label, problems, p.notes)
        importer.explain(ctx, result)
        return result
    result = RowResult(row.number, NEW, label, [], p.notes, data, key)
    seen[key] = result
    match_id = importer.existing(ctx, key)
    if match_id:
        result.fate, result.match_id = MATCH, match_id
        result.notes = p.notes + [
            ("มีในฐานข้อมูลแล้ว (ไม่เพิ่มซ้ำ)", "already in the database (not added again)")]
        importer.explain(ctx, result)
    return result


# --- commit ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FixedProvince:
    """What the services' checks read from a store (its province), read once per import
    instead of once per row."""

    province_code: str


@dataclass
class ImportResult:
    added: int
    matched: int
    duplicates: int
    change_sets: int


def commit(store: Store, preview: Preview, author: str | None = None,
           progress: Callable[[int, int, str], None] | None = None) -> ImportResult:
    """Write the preview's new rows in one action; nothing at all if any row is wrong."""
    if not preview.ok:
        if not preview.rows and not preview.missing:
            raise ServiceError("import_empty")
        raise ImportFailed(preview.problems())
    importer = preview.importer
    th_title = importer.title[0]
    summary = f"นำเข้า{th_title}จากไฟล์ {preview.path.name} ({preview.count(NEW)} รายการ)"
    problems: list[tuple[int, str, str]] = []
    sets = 0
    author = author or store.author
    todo = [r for r in preview.rows if r.fate in (NEW, MATCH, DUPLICATE)]
    written: dict[str, list[str]] = {}  # table -> ids of the rows the import wrote

    def note_written() -> None:
        for table, row_id in session.info.get(CAPTURED, {}):
            written.setdefault(table, []).append(row_id)

    with store.action(summary, author) as session, search_index.bulk(
            session.connection()) as index:
        # The search index is written once at the end, set-based, instead of by a
        # trigger per row; triggers are back before the action commits.
        ctx = preview.ctx
        importer.begin(ctx)
        primed = importer.prime(session, ctx)  # noqa: F841 - kept alive for the loop
        for i, row in enumerate(todo, start=1):
            try:
                # Flushed every 500 rows, not before each look-up the checks make.
                with session.no_autoflush:
                    importer.write(FixedProvince(ctx.province), session, ctx, row)
            except ServiceError as exc:  # ValidationFailed too
                problems.append((row.row, exc.message("th"), exc.message("en")))
            if i % 500 == 0:
                session.flush()
                if progress is not None:
                    progress(i, len(todo), "")
                if len(session.info.get(CAPTURED, {})) >= CHUNK_CHANGES and not problems:
                    sets += 1
                    note_written()
                    finish_change_set(session, summary=f"{summary} ส่วนที่ {sets}",
                                      author=author, schema_version=wire_schema(),
                                      local_only=store.is_demo)
        if problems:
            raise ImportFailed(problems)  # rolls the whole action back
        importer.finish(session, ctx)
        session.flush()
        note_written()
        if sets and session.info.get(CAPTURED):
            sets += 1
            finish_change_set(session, summary=f"{summary} ส่วนที่ {sets}", author=author,
                              schema_version=wire_schema(), local_only=store.is_demo)
        for table, ids in written.items():
            index.reindex(table, ids)
    return ImportResult(preview.count(NEW), preview.count(MATCH), preview.count(DUPLICATE),
                        max(sets, 1))


# --- report ----------------------------------------------------------------------------


def format_report(preview: Preview, lang: str = "th") -> str:
    en = lang == "en"
    importer = preview.importer
    lines = [(f"File: {preview.path.name} ({importer.title[1]})" if en
              else f"ไฟล์: {preview.path.name} ({importer.title[0]})")]
    lines += [("  " + (e if en else t)) for t, e in preview.notes]
    lines.append(f"Header row: {preview.header_row}" if en
                   else f"หัวตารางอยู่แถวที่ {preview.header_row}")
    for spec in importer.fields:
        c = preview.mapping.get(spec.key)
        if c is not None and c < len(preview.headers):
            name = spec.en if en else spec.th
            lines.append(f"  {name} ← {preview.headers[c]}")
    for spec in preview.missing:
        lines.append(f"  MISSING column: {spec.en}" if en else f"  ไม่พบคอลัมน์: {spec.th}")
    for r in preview.rows:
        if r.fate == NEW and not r.notes:
            continue
        fate = FATE_NAMES[r.fate][1 if en else 0]
        word = "row" if en else "แถวที่"
        lines.append(f"{word} {r.row}: [{fate}] {r.label} — {r.message(lang)}".rstrip(" —"))
    counts = {f: preview.count(f) for f in FATE_NAMES}
    if en:
        lines.append(f"Total {len(preview.rows)} rows: {counts[NEW]} new, {counts[MATCH]} already "
                     f"there, {counts[DUPLICATE]} duplicate in file, {counts[ERROR]} with errors")
        lines.append("Ready to import." if preview.ok else "Nothing can be imported until the "
                     "errors are fixed.")
    else:
        lines.append(f"รวม {len(preview.rows)} แถว: ใหม่ {counts[NEW]}, มีอยู่แล้ว {counts[MATCH]}, "
                     f"ซ้ำในไฟล์ {counts[DUPLICATE]}, ผิดพลาด {counts[ERROR]}")
        lines.append("พร้อมนำเข้า" if preview.ok else "ยังนำเข้าไม่ได้ กรุณาแก้แถวที่ผิดพลาดก่อน "
                     "(ยังไม่ได้บันทึกข้อมูลใด ๆ)")
    return "\n".join(lines)
