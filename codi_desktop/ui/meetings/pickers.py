"""Type-to-find pickers for people and organizations: a search line and the matches below
it. Made for the sign-in desk: type part of a Thai name, press Down then Enter (or click)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from codi_desktop.services import lists, meetings
from codi_desktop.store.database import Store

from ..widgets import SearchBox

ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class _Picker(QWidget):
    """A search line; the matches list shows while there is text."""

    picked = Signal(str, str)  # id, name

    def __init__(self, store: Store, placeholder: str = "", *, show_choice: bool = True,
                 rows: int = 6, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.value_id: str | None = None
        self.value_name: str = ""
        self.show_choice = show_choice
        self.search = SearchBox(delay_ms=150)
        self.search.setPlaceholderText(placeholder)
        self.search.search.connect(self.find)
        self.results = QListWidget()
        self.results.setMaximumHeight(self.fontMetrics().height() * (rows + 1) + 12)
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        self.results.hide()
        self.chosen = QLabel()
        self.chosen.setObjectName("chosen")
        self.chosen.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.chosen)
        self.setFocusProxy(self.search)
        self.search.installEventFilter(self)
        # Enter after typing a name that matches one record picks it: the quickest sign-in.
        self.search.returnPressed.connect(self._pick_single)

    def _pick_single(self) -> None:
        if self.results.count() == 1:
            self._activated(self.results.item(0))

    def eventFilter(self, obj, event) -> bool:  # Down from the search line into the list
        from PySide6.QtCore import QEvent

        if (obj is self.search and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down and self.results.count()):
            self.results.setFocus()
            self.results.setCurrentRow(0)
            return True
        return super().eventFilter(obj, event)

    def matches(self, text: str) -> list[tuple[str, str, str]]:
        """(id, name shown, name kept) for the text."""
        raise NotImplementedError

    def find(self, text: str) -> None:
        self.results.clear()
        if not text.strip():
            self.results.hide()
            return
        for row_id, shown, name in self.matches(text):
            item = QListWidgetItem(shown)
            item.setData(ID_ROLE, row_id)
            item.setData(NAME_ROLE, name)
            self.results.addItem(item)
        self.results.setVisible(self.results.count() > 0)

    def _activated(self, item: QListWidgetItem) -> None:
        self.pick(item.data(ID_ROLE), item.data(NAME_ROLE))

    def pick(self, row_id: str, name: str) -> None:
        self.set_value(row_id, name)
        self.picked.emit(row_id, name)

    def set_value(self, row_id: str | None, name: str | None) -> None:
        self.value_id, self.value_name = row_id, name or ""
        self.results.clear()
        self.results.hide()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.chosen.setText(f"✓ {name}" if row_id and self.show_choice else "")
        self.chosen.setVisible(bool(row_id) and self.show_choice)

    def clear(self) -> None:
        self.set_value(None, None)


class PersonPicker(_Picker):
    """People of the province; in sign-in mode, who is already signed in shows too."""

    meeting_id: str | None = None

    def matches(self, text: str) -> list[tuple[str, str, str]]:
        out = []
        for hit in meetings.search_people(self.store, text, meeting_id=self.meeting_id):
            extra = " · ".join(x for x in (hit.position, hit.organization, hit.subdistrict) if x)
            shown = hit.name + (f"  ({extra})" if extra else "")
            if hit.invited:
                shown += "  · " + self.tr("ได้รับเชิญ")
            if hit.attendance_status:
                shown = "✓ " + shown
            out.append((hit.id, shown, hit.name))
        return out


class OrganizationPicker(_Picker):
    def matches(self, text: str) -> list[tuple[str, str, str]]:
        return [(c.value, c.name_th, c.name_th)
                for c in lists.search_names(self.store, "organization", text)]


class ProjectPicker(_Picker):
    def matches(self, text: str) -> list[tuple[str, str, str]]:
        out = []
        for row in lists.PROJECTS.window(self.store, lists.ListFilter(text=text), limit=20):
            shown = " ".join(str(v) for v in row[1:3] if v)
            out.append((row[0], shown, shown))
        return out
