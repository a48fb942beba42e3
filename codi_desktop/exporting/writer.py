"""Writing a table to .xlsx with real cell types, or to CSV that Excel opens in Thai.

In .xlsx, money is a number of baht with a ฿ number format, years and counts are
numbers, dates are dates (shown in the Buddhist Era; a moment in Bangkok time), so ``SUM`` in Excel or LibreOffice
adds what the app adds. CSV is UTF-8 with a byte-order mark (Excel then reads Thai);
its money is plain baht with two decimals and its dates are ISO (yyyy-mm-dd).
A failed export leaves no half-written file.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

TEXT, INT, YEAR, MONEY, DATE, DATETIME, DECIMAL = (
    "text", "int", "year", "money", "date", "datetime", "decimal")

MONEY_FORMAT = '"฿"#,##0.00'
INT_FORMAT = "#,##0"
YEAR_FORMAT = "0"
DECIMAL_FORMAT = "0.0"
#: d/m/yyyy in the Thai Buddhist calendar (LCID 041E, calendar 07) in Excel and LibreOffice.
DATE_FORMAT = "[$-107041E]d/m/yyyy"
#: the same with the time (Bangkok time: a DATETIME value is written as Bangkok wall time)
DATETIME_FORMAT = "[$-107041E]d/m/yyyy hh:mm"


@dataclass(frozen=True)
class Col:
    header: str
    type: str = TEXT
    width: int = 16


def baht(satang: int | None) -> Decimal | None:
    """Satang as an exact number of baht for a spreadsheet cell."""
    return None if satang is None else Decimal(satang) / 100


def write_table(path: str | Path, columns: list[Col], rows: Iterable[list[Any]], *,
                title: str = "Sheet", total_label: str | None = None) -> int:
    """Write ``rows`` (values in the columns' order; money in satang) to ``path``.
    With ``total_label``, an .xlsx gets a last row with a ``SUM`` formula under every
    money column. Returns the number of rows written."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        if path.suffix.lower() == ".csv":
            n = _write_csv(tmp, columns, rows)
        else:
            n = _write_xlsx(tmp, columns, rows, title, total_label)
        tmp.replace(path)
        return n
    finally:
        tmp.unlink(missing_ok=True)


def _wall_time(value: dt.datetime) -> dt.datetime:
    """A stored moment (UTC; naive means UTC, as storage holds it) as Bangkok wall time
    without a zone, as a spreadsheet's date cells hold it."""
    from codi_core.formatting import to_bangkok

    return to_bangkok(value).replace(tzinfo=None)


def _csv_value(col: Col, value: Any) -> Any:
    if value is None:
        return ""
    if col.type == MONEY:
        return f"{baht(value):.2f}"
    if col.type == DATETIME and isinstance(value, dt.datetime):
        return _wall_time(value).strftime("%Y-%m-%d %H:%M")
    if col.type == DATE and isinstance(value, dt.date):
        return value.isoformat()
    return value


def _write_csv(path: Path, columns: list[Col], rows: Iterable[list[Any]]) -> int:
    n = 0
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow([c.header for c in columns])
        for row in rows:
            writer.writerow([_csv_value(c, v) for c, v in zip(columns, row, strict=True)])
            n += 1
    return n


def _write_xlsx(path: Path, columns: list[Col], rows: Iterable[list[Any]], title: str,
                total_label: str | None) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31] or "Sheet")
    for i, col in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = col.width
    bold = Font(bold=True)

    def cell(value: Any, col: Col | None = None, font: Font | None = None) -> WriteOnlyCell:
        c = WriteOnlyCell(sheet, value=value)
        if col is not None and value is not None:
            if col.type == MONEY:
                c.value = baht(value)
                c.number_format = MONEY_FORMAT
            elif col.type == INT:
                c.number_format = INT_FORMAT
            elif col.type == YEAR:
                c.number_format = YEAR_FORMAT
            elif col.type == DECIMAL:
                c.number_format = DECIMAL_FORMAT
            elif col.type == DATE:
                c.number_format = DATE_FORMAT
            elif col.type == DATETIME:
                c.value = _wall_time(value)
                c.number_format = DATETIME_FORMAT
        if font is not None:
            c.font = font
        return c

    sheet.append([cell(c.header, font=bold) for c in columns])
    n = 0
    for row in rows:
        sheet.append([cell(v, c) for c, v in zip(columns, row, strict=True)])
        n += 1
    if total_label is not None:
        total = []
        for i, col in enumerate(columns, start=1):
            if col.type == MONEY:
                letter = get_column_letter(i)
                c = cell(f"=SUM({letter}2:{letter}{n + 1})", font=bold)
                c.number_format = MONEY_FORMAT
                total.append(c)
            else:
                total.append(cell(total_label if i == 1 else None, font=bold))
        sheet.append(total)
    book.save(path)
    return n
