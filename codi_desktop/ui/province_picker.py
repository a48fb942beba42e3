"""The province selector of wider accounts: one province, or "all provinces in scope".

A province account holds one province, so the selector is hidden for it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from codi_desktop.services import scope
from codi_desktop.store.database import Store

from .i18n import current_language

ALL = "all"


class ProvincePicker(QComboBox):
    def __init__(self, store: Store, *, allow_all: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("province_picker")
        codes = scope.provinces_in_scope(store)
        # the account holds several provinces (a province account sees no picker)
        self.wide = len(codes) > 1
        names = scope.province_names(store, codes, current_language())
        if allow_all and len(codes) > 1:
            self.addItem(self.tr("ทุกจังหวัดในขอบเขต (%1)").replace("%1", str(len(codes))), ALL)
        for code in sorted(codes, key=lambda c: names.get(c, c)):
            self.addItem(names.get(code, code), code)
        own = store.province_code
        if own and self.findData(own) >= 0 and not (allow_all and len(codes) > 1):
            self.setCurrentIndex(self.findData(own))
        self.setVisible(len(codes) > 1)

    def province(self) -> str | None:
        """The chosen province code, or None for every province in scope."""
        value = self.currentData()
        return None if value == ALL else value
