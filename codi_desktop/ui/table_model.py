"""A Qt table model over one ``services.lists.RecordList``, fetched in pages.

The model holds only plain row tuples, never ORM objects or a Session. It counts the
matching rows, loads the first page, and loads the next page when the view scrolls near
the end (``canFetchMore``/``fetchMore``), so a province with thousands of communities
opens as fast as one with ten. Sorting re-queries with ``ORDER BY`` on the real value;
``SORT_ROLE`` returns that value and ``ID_ROLE`` the record id (STYLE.md: Vorta's model).
"""

from __future__ import annotations

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


@dataclass
class Column:
    """One visible column: the list's column key, its header and how to show a value."""

    key: str
    header: str
    show: Callable[[Any], str] = lambda v: "" if v is None else str(v)
    numeric: bool = False
    width: int | None = None  # initial width in pixels (None: the view's default)
    raw_export: bool = False  # exported as the real value (a number stays a number)


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
        self._rows: list[tuple] = []
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
        self.total = self.source.count(self.store, self.filter)
        self._rows = self._window(0)
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

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._window(len(self._rows))
        if not more:
            self.total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # --- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
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
        return self._rows[row][0]

    def row_of(self, record_id: str) -> int | None:
        for i, row in enumerate(self._rows):
            if row[0] == record_id:
                return i
        return None

    def loaded(self) -> int:
        return len(self._rows)
