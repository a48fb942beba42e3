"""Reading a spreadsheet file into rows with their true row numbers.

``.xlsx`` is read with openpyxl by cell value (a formula gives the value the spreadsheet
program last calculated); merged cells give their value to every cell they cover, so one
organization written over three people belongs to all three. ``.csv`` is read in UTF-8
(with or without a byte-order mark) or in the old Thai Windows encoding (cp874 / TIS-620),
and the encoding found is said. Blank rows are dropped but every row keeps the number the
spreadsheet shows for it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codi_core.errors import ServiceError

ENCODINGS = {
    "utf-8-sig": ("UTF-8 (มี BOM)", "UTF-8 with BOM"),
    "utf-8": ("UTF-8", "UTF-8"),
    "cp874": ("ภาษาไทยแบบ Windows (TIS-620 / cp874)", "Thai Windows (TIS-620 / cp874)"),
}


@dataclass
class Table:
    """The cells of one sheet: ``rows`` holds (spreadsheet row number, values)."""

    rows: list[tuple[int, list[Any]]]
    format: str  # "xlsx" | "csv"
    encoding: str | None = None  # csv only: a key of ENCODINGS
    sheet: str | None = None
    merged: int = 0  # merged ranges spread over their cells
    notes: list[tuple[str, str]] = field(default_factory=list)


def read_table(path: str | Path) -> Table:
    path = Path(path)
    if not path.is_file():
        raise ServiceError("import_unreadable", detail=f"{path.name}: ไม่พบไฟล์ / not found")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise ServiceError("import_unreadable", detail=f"{suffix or path.name}")


def _blank(values: list[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _read_xlsx(path: Path) -> Table:
    import openpyxl  # only importing needs it

    try:
        # Not read-only: merged ranges are only known to a full load.
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # a broken file raises zipfile, XML, openpyxl or OS errors
        raise ServiceError("import_unreadable", detail=type(exc).__name__) from exc
    try:
        sheet = book.active if book.active is not None else book.worksheets[0]
        if sheet.max_row <= 1 and sheet.max_column <= 1 and len(book.worksheets) > 1:
            sheet = next((s for s in book.worksheets if s.max_row > 1), sheet)
        grid = [list(r) for r in sheet.iter_rows(min_row=1, min_col=1, values_only=True)]
        ranges = list(sheet.merged_cells.ranges)
        for rng in ranges:
            value = grid[rng.min_row - 1][rng.min_col - 1] if rng.min_row <= len(grid) else None
            for r in range(rng.min_row, min(rng.max_row, len(grid)) + 1):
                row = grid[r - 1]
                for c in range(rng.min_col, rng.max_col + 1):
                    if c - 1 < len(row):
                        row[c - 1] = value
        rows = [(n, values) for n, values in enumerate(grid, start=1) if not _blank(values)]
        return Table(rows, "xlsx", sheet=sheet.title, merged=len(ranges))
    finally:
        book.close()


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874"), "cp874"
    except UnicodeDecodeError as exc:
        raise ServiceError("import_encoding") from exc


def _read_csv(path: Path) -> Table:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ServiceError("import_unreadable", detail=type(exc).__name__) from exc
    content, encoding = decode(data)
    try:
        dialect = csv.Sniffer().sniff(content[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = []
    reader = csv.reader(io.StringIO(content, newline=""), dialect)
    try:
        for values in reader:
            # A quoted cell may span lines: the row number is where the row starts.
            number = reader.line_num - sum(v.count("\n") for v in values)
            if not _blank(values):
                rows.append((number, list(values)))
    except csv.Error as exc:
        raise ServiceError("import_unreadable", detail=f"CSV: {exc}") from exc
    th, en = ENCODINGS[encoding]
    return Table(rows, "csv", encoding=encoding,
                 notes=[(f"อ่านไฟล์ CSV เป็นรหัสอักษร {th}", f"CSV read as {en}")])
