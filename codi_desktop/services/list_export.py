"""Exporting a list page's filtered rows to a spreadsheet (.xlsx or .csv), window by
window, with progress and cancel, never leaving a half-written file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from codi_desktop.store.database import Store

from .lists import ListFilter, RecordList


def export_rows(
    store: Store,
    source: RecordList,
    flt: ListFilter,
    path: str | Path,
    columns: list[tuple[str, str, Callable[[Any], str] | None]],
    *,
    sort: str | None = None,
    descending: bool = False,
    lang: str = "th",
    cancel: Any = None,
    progress: Callable[[int, int, str], None] | None = None,
    page_size: int = 1000,
) -> int:
    """Write the filtered list to ``path`` (.xlsx, or .csv that Excel opens in Thai).

    ``columns`` are ``(key, header, format)``: a ``None`` format writes the real value
    (numbers stay numbers in a spreadsheet). Reads window by window, reporting progress
    and stopping when ``cancel.check()`` raises; a cancelled or failed export leaves no
    half-written file. Returns the number of rows written.
    """
    import csv

    path = Path(path)
    total = source.count(store, flt)
    positions = [source.columns.index(key) + 1 for key, _, _ in columns]
    tmp = path.with_name(path.name + ".part")
    written = 0

    def values(row: tuple) -> list[Any]:
        out = []
        for pos, (_, _, fmt) in zip(positions, columns, strict=True):
            value = row[pos]
            if fmt is not None:
                value = fmt(value)
            elif hasattr(value, "value"):  # enum members as their stored value
                value = value.value
            out.append(value)
        return out

    def windows():
        nonlocal written
        offset = 0
        while True:
            if cancel is not None:
                cancel.check()
            rows = source.window(store, flt, sort=sort, descending=descending, offset=offset,
                                 limit=page_size, lang=lang)
            if not rows:
                return
            yield from rows
            offset += len(rows)
            written = offset
            if progress is not None:
                progress(offset, total, "")

    try:
        if path.suffix.lower() == ".xlsx":
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet()
            sheet.append([header for _, header, _ in columns])
            for row in windows():
                sheet.append(values(row))
            book.save(tmp)
        else:
            # UTF-8 with a BOM: Excel then reads Thai correctly when the file is opened.
            with open(tmp, "w", newline="", encoding="utf-8-sig") as f:
                writer = csv.writer(f)
                writer.writerow([header for _, header, _ in columns])
                for row in windows():
                    writer.writerow(values(row))
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return written
