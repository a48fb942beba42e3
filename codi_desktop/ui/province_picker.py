"""The province selector of wider accounts: one province, or "all provinces in scope".

A province account holds one province, so the selector is hidden for it. The choice is
one across the pages: choosing a province on one page keeps it on every other page (the
lists, the dashboard, the plan and the assessment), through the account's working
province (``scope.chosen_province``), which each selector follows when its page is
shown."""

from __future__ import annotations

from PySide6.QtCore import QTimer
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
        self.store = store
        self.allow_all = allow_all
        #: follow the choice made on another page when shown (a list page instead
        #: follows it itself as it loads, see ``ListPage.ensure_loaded``)
        self.follow_on_show = True
        self.follow(quiet=True)
        self.currentIndexChanged.connect(self._chosen)  # before the page's own slots
        self.setVisible(len(codes) > 1)

    def _chosen(self, _index: int) -> None:
        if self.wide:
            scope.set_working_province(self.store, self.province())

    def follow(self, quiet: bool = False) -> bool:
        """Show the province chosen on any page; True if the selection changed.
        ``quiet``: without telling the page (it reads the selector itself)."""
        if not self.wide:
            return False
        chosen = scope.chosen_province(self.store)
        if chosen is None and not self.allow_all:
            return False  # a page for one province keeps its own until one is chosen
        index = self.findData(chosen or ALL)
        if index < 0 or index == self.currentIndex():
            return False
        self.blockSignals(quiet)
        self.setCurrentIndex(index)
        self.blockSignals(False)
        return True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.follow_on_show and self.follow(quiet=True):
            # the page reloads for it once it has loaded itself (it is being shown now)
            QTimer.singleShot(0, lambda: self.currentIndexChanged.emit(self.currentIndex()))

    def province(self) -> str | None:
        """The chosen province code, or None for every province in scope."""
        value = self.currentData()
        return None if value == ALL else value
