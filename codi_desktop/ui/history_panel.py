"""A record's history tab: its change sets (``services.history_view``), newest first,
field names and values in the person's language."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from codi_core import labels as core_labels
from codi_core.errors import LABELS
from codi_core.labels import FIELD_ENUMS
from codi_desktop.services import history_view, lists
from codi_desktop.store.database import Store

from . import labels as L
from .i18n import current_language

translate = QCoreApplication.translate



# Every enum column of every table, from the one labels table (codi_core.labels).
VALUE_LABELS = FIELD_ENUMS


def enum_label(table: str, name: str, value: Any) -> str | None:
    """The one label table's word for a stored enum value (None when it has none)."""
    return core_labels.field_value_label(table, name, value, current_language())


EXTRA_LABELS = {
    "district_id": ("อำเภอ", "District"),
    "community_id": ("ชุมชน", "Community"),
}


def field_label(name: str) -> str:
    th, en = LABELS.get(name) or EXTRA_LABELS.get(name) or (name, name)
    return en if current_language() == "en" else th


def _place_name(store: Store, name: str, code: str) -> str | None:
    lang = current_language()
    if name == "district_id":
        found = [c for c in lists.districts(store) if c.value == code]
    else:
        found = [c for c in lists.subdistricts(store, code[:4]) if c.value == code]
    return found[0].name(lang) if found else None


def history_value(table: str, name: str, value: Any, store: Store | None = None) -> str:
    if value is None or value == "":
        return "—"
    if store is not None and isinstance(value, str):
        # ids are shown by the name they stand for (still the id if it is gone)
        if name in ("subdistrict_id", "district_id"):
            return _place_name(store, name, value) or value
        if name in ("community_id", "organization_id", "person_id"):
            return lists.name_of(store, name.removesuffix("_id"), value) or value
    if (table, name) in VALUE_LABELS:
        return L.label(VALUE_LABELS[(table, name)], value)
    if name.endswith("_satang") and isinstance(value, int):
        return L.money_text(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return L.date_text(dt.date.fromisoformat(value))
    if isinstance(value, int):
        return L.number_text(value)
    return str(value)


class HistoryPanel(QTreeWidget):
    """A record's change sets, newest first; each expands to its field changes."""

    def __init__(self, store: Store, table: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.table = table
        self.setColumnCount(3)
        self.setHeaderLabels([translate("Form", "เมื่อ"), translate("Form", "ผู้แก้ไข"), translate("Form", "รายการ")])
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setAlternatingRowColors(True)

    def load(self, record_id: str | None) -> None:
        self.clear()
        if record_id is None:
            return
        for entry in history_view.readable_history(self.store, self.table, record_id,
                                                   current_language(), enum_label):
            top = QTreeWidgetItem([entry.when, f"{entry.author} · {entry.device}",
                                   f"{entry.action} ({entry.status})"])
            for line in entry.lines:
                text = (f"{line.field}: {line.new}" if line.old == "—" else
                        f"{line.field}: {line.old} → {line.new}")
                top.addChild(QTreeWidgetItem(["", "", text]))
            self.addTopLevelItem(top)
        if self.topLevelItemCount():
            self.topLevelItem(0).setExpanded(True)

    def _value(self, name: str, value: Any) -> str:
        return history_value(self.table, name, value, self.store)

    def entries(self) -> list[str]:
        out = []
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            out.append(item.text(2))
            out.extend(item.child(j).text(2) for j in range(item.childCount()))
        return out
