"""The main window: side navigation, the pages, a message area and the status bar.

The window owns the store it was given and builds each page with only what that page
needs (the store, mostly). It does not reach into pages and pages do not reach back:
they talk through signals (a record changed → the sync status refreshes).

Sync: ``SyncPage(store, sync_status)`` is the sync page, and ``SyncController(store,
sync_status, parent=window)`` is created once and drives ``sync_status`` (a
``SyncStatusWidget``) from then on. Both are imported directly: a broken sync module
fails loudly instead of hiding behind a stand-in page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from codi_desktop.services import lists, reference_edit, scope
from codi_desktop.store.database import Store
from codi_desktop.sync.status import last_sync_time

from .assessment_page import AssessmentPage
from .comparison_page import ComparisonPage
from .dashboard_page import DashboardPage
from .i18n import current_language, install_language, save_language
from .list_page import ListPage
from .meetings import MeetingsPage
from .plan_page import PlanPage
from .record_pages import (
    ProjectsPage,
    communities_page,
    organizations_page,
    people_page,
)
from .reference_page import ReferencePage
from .setup_pages import SettingsPage, WelcomePage
from .status import SyncStatusWidget, TaskProgress
from .sync_controller import SyncController
from .sync_page import SyncPage
from .widgets import MessageBar

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

PAGES = [
    "dashboard", "communities", "organizations", "people", "projects", "meetings",
    "assessment", "plan", "comparison", "sync", "settings", "reference",
]
# pages only some roles see (the others do not get them in the navigation)
HQ_PAGES = frozenset({"reference"})


def page_title(key: str) -> str:
    titles = {
        "dashboard": translate("MainWindow", "ภาพรวม"),
        "communities": translate("MainWindow", "ชุมชน"),
        "organizations": translate("MainWindow", "องค์กร"),
        "people": translate("MainWindow", "บุคคล"),
        "projects": translate("MainWindow", "โครงการและงบประมาณ"),
        "meetings": translate("MainWindow", "การประชุมและสมัชชา"),
        "assessment": translate("MainWindow", "การประเมินจังหวัด"),
        "plan": translate("MainWindow", "แผนพัฒนาจังหวัด"),
        "comparison": translate("MainWindow", "เปรียบเทียบจังหวัด"),
        "sync": translate("MainWindow", "ซิงค์ข้อมูล"),
        "settings": translate("MainWindow", "ตั้งค่า"),
        "reference": translate("MainWindow", "ภาคและกลุ่มจังหวัด"),
    }
    return titles[key]


class MainWindow(QMainWindow):
    ready = Signal()  # the pages are built (after the welcome page, if any)

    def __init__(self, store: Store, *, reopen_store: Callable[[], Store] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.reopen_store = reopen_store or (lambda: store)
        self.pages: dict[str, QWidget] = {}
        self.nav: QListWidget | None = None
        self.stack: QStackedWidget | None = None
        self.welcome: WelcomePage | None = None
        self.sync_controller = None
        self._fit_to_screen()

        self.message = MessageBar()
        self.message.set_reserved(False)  # rare (start-up problems); pages keep their own
        self.sync_status = SyncStatusWidget()
        self.sync_status.setObjectName("sync_status")
        self.sync_status.clicked.connect(lambda: self.show_page("sync"))
        self.progress = TaskProgress()
        self.statusBar().addWidget(self.progress)
        self.statusBar().addPermanentWidget(self.sync_status)
        self._waiting_timer = QTimer(self)
        self._waiting_timer.setInterval(10_000)
        self._waiting_timer.timeout.connect(self.refresh_waiting)

        self._shortcuts: list[QShortcut] = []
        for i in range(len(PAGES)):
            sc = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            sc.activated.connect(lambda i=i: self._shortcut(PAGES[i]))
            self._shortcuts.append(sc)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self._focus_search)

        # A province account's database has its province; a cluster, regional or HQ
        # account's has several (its lists then open on "all provinces in scope").
        if scope.provinces_in_scope(store):
            self._build_main()
        else:
            self._build_welcome()

    # --- building ---------------------------------------------------------------------

    def _fit_to_screen(self) -> None:
        """At most the available screen (1366×768 laptops are the common case); the app
        opens maximised there (``app.py``)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen is not None else None
        width, height = 1366, 768
        if avail is not None:
            width, height = min(width, avail.width()), min(height, avail.height())
        self.resize(width, height)

    def _set_central(self, widget: QWidget) -> None:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(6, 6, 6, 0)
        # The window's own message (rare: start-up problems, an unexpected error) lies over
        # the top of the page instead of pushing it down; pages keep their own reserved bars.
        self.message.setParent(holder)
        holder.installEventFilter(self)
        layout.addWidget(widget, 1)
        old = self.centralWidget()
        self.setCentralWidget(holder)
        self._place_message()
        if old is not None:
            old.deleteLater()

    def _place_message(self) -> None:
        holder = self.message.parentWidget()
        if holder is not None:
            self.message.setGeometry(6, 6, max(0, holder.width() - 12),
                                     self.message.maximumHeight())
            self.message.raise_()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and watched is self.message.parentWidget():
            self._place_message()
        return super().eventFilter(watched, event)

    def _update_title(self) -> None:
        name = ""
        held = scope.provinces_in_scope(self.store)
        if len(held) == 1:
            name = next((c.name(current_language()) for c in lists.provinces(self.store)
                         if c.value == held[0]), held[0])
        elif held:
            name = self.tr("%1 จังหวัดในขอบเขต").replace("%1", str(len(held)))
        title = "CODI Desktop"
        if name:
            title += " — " + name
        if self.store.is_demo:
            title += " " + self.tr("(สาธิต)")
        self.setWindowTitle(title)

    def _build_welcome(self, offer_demo: bool = True) -> None:
        self.welcome = WelcomePage(self.store, self.reopen_store, offer_demo=offer_demo)
        self.welcome.ready.connect(self._welcome_done)
        self.welcome.task_started.connect(
            lambda task, title: self.progress.track(task, title, cancellable=False))
        self._set_central(self.welcome)
        self._update_title()
        self._update_sync_status()

    def _welcome_done(self, store: Store) -> None:
        self.store = store
        self.welcome = None
        self._build_main()
        self.show_page("dashboard")

    def _build_main(self, current: str = "dashboard") -> None:
        store = self.store
        self.pages = {
            "dashboard": DashboardPage(store),
            "communities": communities_page(store),
            "organizations": organizations_page(store),
            "people": people_page(store),
            "projects": ProjectsPage(store),
            "meetings": MeetingsPage(store),
            "assessment": AssessmentPage(store),
            "plan": PlanPage(store),
            "comparison": ComparisonPage(store),
            "sync": self._sync_page(),
            "settings": SettingsPage(store),
            "reference": ReferencePage(store),
        }
        for page in self.pages.values():
            if isinstance(page, ListPage | MeetingsPage | ProjectsPage | AssessmentPage
                          | PlanPage | ReferencePage):
                page.record_changed.connect(lambda _id: self.refresh_waiting())
        self.pages["settings"].language_changed.connect(self.set_language)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        # one width on every page, from the longest page name (and never wider than 240)
        self.nav.setFixedWidth(min(240, max(self.nav.fontMetrics().horizontalAdvance(
            page_title(k)) for k in PAGES) * 5 // 4 + 40))
        self.nav.setStyleSheet(
            "#nav { font-size: 12pt; } #nav::item { padding: 7px 10px; }"
            " #nav::item:selected { background: #1f6f8b; color: white; }")
        for key in PAGES:
            item = QListWidgetItem(page_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            item.setHidden(not self.may_see(key))
        self.stack = QStackedWidget()
        for key in PAGES:
            self.stack.addWidget(self.pages[key])
        self.nav.currentRowChanged.connect(self._nav_changed)
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([self.nav.width(), 1366 - self.nav.width()])
        split.setCollapsible(0, False)
        self._set_central(split)
        self._update_title()
        self._attach_sync_controller()
        self._update_sync_status()
        self._waiting_timer.start()
        self.show_page(current)
        self.ready.emit()

    def _sync_page(self) -> QWidget:
        # Imported directly: a broken sync module must fail loudly, not hide behind a
        # stand-in page.
        page = SyncPage(self.store, self.sync_status)
        page.open_real_database.connect(self.open_real_database)
        return page

    def open_real_database(self, folder) -> None:
        """Leave the demo for the real database in ``folder`` (beside the demo's): the
        welcome page there enrols this laptop (or starts the province's database), or the
        database opens straight away when it exists. The demo stays as it was, unsynced;
        it remembers the folder so the next start opens the real database."""
        from pathlib import Path

        from codi_desktop.store import paths
        from codi_desktop.store.database import open_store

        folder = Path(folder)
        demo = self.store
        if demo.is_demo:
            demo.set_setting(paths.REAL_DATA_DIR_SETTING, str(folder))
        if self.sync_controller is not None:
            self.sync_controller.stop()
            self.sync_controller.deleteLater()
            self.sync_controller = None
        self._waiting_timer.stop()
        store = open_store(folder)
        self.store = store
        self.reopen_store = lambda: open_store(folder)
        self.pages = {}
        self.nav = None
        self.stack = None
        demo.close()
        if scope.provinces_in_scope(store):
            self._build_main()
        else:
            self._build_welcome(offer_demo=False)

    def _attach_sync_controller(self) -> None:
        if self.sync_controller is not None:
            return
        self.sync_controller = SyncController(self.store, self.sync_status, parent=self)

    # --- navigation -------------------------------------------------------------------

    def _nav_changed(self, row: int) -> None:
        if self.stack is None or row < 0:
            return
        key = PAGES[row]
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        if hasattr(page, "ensure_loaded"):
            page.ensure_loaded()

    def may_see(self, key: str) -> bool:
        """HQ's reference data page is in HQ's navigation only."""
        return key not in HQ_PAGES or reference_edit.may_edit(self.store)

    def _shortcut(self, key: str) -> None:
        if self.may_see(key):
            self.show_page(key)

    def show_page(self, key: str) -> QWidget | None:
        if self.nav is None:
            return None
        row = PAGES.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        else:
            self._nav_changed(row)
        return self.pages[key]

    def current_page(self) -> str | None:
        if self.nav is None or self.nav.currentRow() < 0:
            return None
        return PAGES[self.nav.currentRow()]

    def _focus_search(self) -> None:
        key = self.current_page()
        page = self.pages.get(key or "")
        search = getattr(page, "search", None) or getattr(getattr(page, "list", None),
                                                          "search", None)
        if search is not None:
            search.setFocus()
            search.selectAll()

    # --- language ---------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the interface language now: reload the translation, rebuild the pages."""
        if lang == current_language():
            return
        if not install_language(lang):
            self.show_error(self.tr("ไม่พบไฟล์แปลภาษา จึงยังแสดงเป็นภาษาไทย"))
            install_language("th")
            lang = "th"
        save_language(lang)
        current = self.current_page() or "settings"
        old_stack = self.stack
        self._build_main(current)
        if old_stack is not None:
            old_stack.deleteLater()
        self.sync_status.set_state(self.sync_status.state)  # re-render in the new language
        self.progress.cancel.setText(translate("TaskProgress", "ยกเลิก"))

    # --- status -----------------------------------------------------------------------

    def _update_sync_status(self) -> None:
        self.sync_status.update_state(demo=self.store.is_demo)
        self.refresh_waiting()

    def refresh_waiting(self) -> None:
        """The outbox count now (after a save), not only at the next timer tick."""
        if self.sync_controller is not None:
            refresh = getattr(self.sync_controller, "refresh", None)
            if callable(refresh):
                refresh()
            return
        try:
            waiting = lists.pending_changes(self.store)
            last = last_sync_time(self.store)
            self.sync_status.update_state(waiting=waiting, last_synced_at=last)
        except Exception:  # noqa: BLE001 - a status refresh must never break the window
            log.exception("could not count waiting changes")

    def show_error(self, text: str) -> None:
        self.message.show_message(text, "error")
        self._place_message()

    def show_info(self, text: str) -> None:
        self.message.show_message(text, "info")
        self._place_message()
