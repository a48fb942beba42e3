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
import re
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


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')


def _read_xlsx(path: Path) -> Table:
    """Values by row (read-only mode: fast for thousands of rows); merged ranges are read
    from the sheet's XML, which read-only mode does not parse."""
    import openpyxl  # only importing needs it
    from openpyxl.utils.cell import coordinate_to_tuple

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a broken file raises zipfile, XML, openpyxl or OS errors
        raise ServiceError("import_unreadable", detail=type(exc).__name__) from exc
    try:
        sheet = book.active if book.active is not None else book.worksheets[0]
        # From row 1, so rows missing from the file (blank lines) come back empty and
        # every row keeps its number.
        grid = [list(r) for r in sheet.iter_rows(min_row=1, min_col=1, values_only=True)]
        with book._archive.open(sheet._worksheet_path) as xml:
            ranges = [(coordinate_to_tuple(a.decode()), coordinate_to_tuple(b.decode()))
                      for a, b in _MERGE.findall(xml.read())]
    except ServiceError:
        raise
    except Exception as exc:
        raise ServiceError("import_unreadable", detail=type(exc).__name__) from exc
    finally:
        book.close()
    width = max((len(r) for r in grid), default=0)
    for (r1, c1), (r2, c2) in ranges:
        if r1 > len(grid):
            continue
        value = grid[r1 - 1][c1 - 1] if c1 <= len(grid[r1 - 1]) else None
        for r in range(r1, min(r2, len(grid)) + 1):
            row = grid[r - 1]
            row.extend([None] * (max(width, c2) - len(row)))
            for c in range(c1, c2 + 1):
                row[c - 1] = value
    rows = [(n, values) for n, values in enumerate(grid, start=1) if not _blank(values)]
    return Table(rows, "xlsx", sheet=sheet.title, merged=len(ranges))


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
