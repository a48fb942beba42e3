"""A Qt table model over one ``services.lists.RecordList``, fetched in pages.

The model holds only plain row tuples, never ORM objects or a Session. It counts the
matching rows and has that many rows at once (the scrollbar spans the whole list), but
reads only the pages of rows the view asks for: the first one when it is reset, then
whichever window the person scrolls to (``LIMIT/OFFSET`` in the list's order), never
every row before it — dragging the scrollbar of a cluster's 24,000 communities to the
end reads one page, not 120. It keeps the pages read last (``KEEP_PAGES``), so memory
stays bounded whatever is scrolled through. Sorting re-queries with ``ORDER BY`` on the real value;
``SORT_ROLE`` returns that value and ``ID_ROLE`` the record id (STYLE.md: Vorta's model).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from codi_desktop.services.lists import PAGE_SIZE, ListFilter, RecordList
from codi_desktop.store.database import Store

from .i18n import current_language

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

#: pages of rows a model keeps (the least recently read ones are dropped)
KEEP_PAGES = 40


@dataclass
class Column:
    """One visible column: the list's column key, its header and how to show a value."""

    key: str
    header: str
    show: Callable[[Any], str] = lambda v: "" if v is None else str(v)
    numeric: bool = False
    width: int | None = None  # initial width in pixels (None: the view's default)
    raw_export: bool = False  # exported as the real value (a number stays a number)


_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
                    ID_ROLE, SORT_ROLE})


class RecordTableModel(QAbstractTableModel):
    def __init__(
        self,
        store: Store,
        source: RecordList,
        columns: list[Column],
        *,
        page_size: int = PAGE_SIZE,
        parent=None,
    ):
        super().__init__(parent)
        self.store = store
        self.source = source
        self.columns = columns
        self.page_size = page_size
        self.filter = ListFilter()
        self.sort_key = source.default_sort
        self.descending = False
        self.total = 0
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        self.loaded_once = False  # nothing is read before the first filter (first visit)
        self._positions = [source.columns.index(c.key) + 1 for c in columns]

    # --- loading -----------------------------------------------------------------------

    def set_filter(self, flt: ListFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        """Count the matching rows again and load the first page."""
        self.loaded_once = True
        self.beginResetModel()
        self._pages.clear()
        self.total = self.source.count(self.store, self.filter)
        if self.total:
            self._page(0)
        self.endResetModel()

    def _window(self, offset: int) -> list[tuple]:
        return self.source.window(
            self.store,
            self.filter,
            sort=self.sort_key,
            descending=self.descending,
            offset=offset,
            limit=self.page_size,
            lang=current_language(),
        )

    def _page(self, number: int) -> list[tuple]:
        page = self._pages.get(number)
        if page is None:
            page = self._window(number * self.page_size)
            self._pages[number] = page
            while len(self._pages) > KEEP_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def _row(self, row: int) -> tuple | None:
        """Row ``row`` of the list, its page read if it is not held (None: the list
        shrank since it was counted: another writer removed rows)."""
        page = self._page(row // self.page_size)
        offset = row % self.page_size
        return page[offset] if offset < len(page) else None

    # --- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role not in _ROLES:
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == ID_ROLE:
            return row[0]
        column = self.columns[index.column()]
        value = row[self._positions[index.column()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.show(value)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.loaded_once:  # the view sets its first sort while the page is built
            self.reload()

    # --- helpers for pages and tests ---------------------------------------------------

    def record_id(self, row: int) -> str:
        found = self._row(row)
        if found is None:
            raise IndexError(row)
        return found[0]

    def row_of(self, record_id: str) -> int | None:
        """The row of a record among the pages held (None: not read, or not listed)."""
        for number, page in self._pages.items():
            for i, row in enumerate(page):
                if row[0] == record_id:
                    return number * self.page_size + i
        return None

    def loaded(self) -> int:
        """How many rows are held in memory (the pages read and kept)."""
        return sum(len(page) for page in self._pages.values())
