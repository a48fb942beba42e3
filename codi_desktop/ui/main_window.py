"""The main window: side navigation, the pages, a message area and the status bar.

The window owns the store it was given and builds each page with only what that page
needs (the store, mostly). It does not reach into pages and pages do not reach back:
they talk through signals (a record changed → the sync status refreshes).

Sync: ``SyncPage(store, sync_status)`` is the sync page, and ``SyncController(store,
sync_status, parent=window)`` is created once and drives ``sync_status`` (a
``SyncStatusWidget``) from then on. Both are imported directly: a broken sync module
fails loudly instead of hiding behind a stand-in page.

Pages are built on their first visit (``window.pages[key]`` builds one not built yet),
their modules imported then too: start-up builds only the page it opens on.
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

from .i18n import current_language, install_language, save_language
from .setup_pages import WelcomePage
from .status import SyncStatusWidget, TaskProgress
from .sync_controller import SyncController
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


def build_page(key: str, store: Store, sync_status: SyncStatusWidget) -> QWidget:
    """One page of the window, its module imported only now."""
    if key == "dashboard":
        from .dashboard_page import DashboardPage

        return DashboardPage(store)
    if key in ("communities", "organizations", "people", "projects"):
        from . import record_pages

        if key == "projects":
            return record_pages.ProjectsPage(store)
        return getattr(record_pages, f"{key}_page")(store)
    if key == "meetings":
        from .meetings import MeetingsPage

        return MeetingsPage(store)
    if key == "assessment":
        from .assessment_page import AssessmentPage

        return AssessmentPage(store)
    if key == "plan":
        from .plan_page import PlanPage

        return PlanPage(store)
    if key == "comparison":
        from .comparison_page import ComparisonPage

        return ComparisonPage(store)
    if key == "sync":
        # Imported directly: a broken sync module must fail loudly, not hide behind a
        # stand-in page.
        from .sync_page import SyncPage

        return SyncPage(store, sync_status)
    if key == "settings":
        from .setup_pages import SettingsPage

        return SettingsPage(store)
    if key == "reference":
        from .reference_page import ReferencePage

        return ReferencePage(store)
    raise KeyError(key)


class _Pages(dict):
    """The window's pages by key; a page not built yet is built when first asked for."""

    def __init__(self, make: Callable[[str], QWidget]):
        super().__init__()
        self._make = make

    def __missing__(self, key: str) -> QWidget:
        if key not in PAGES:
            raise KeyError(key)
        page = self[key] = self._make(key)
        return page


class MainWindow(QMainWindow):
    ready = Signal()  # the pages are built (after the welcome page, if any)

    def __init__(self, store: Store, *, reopen_store: Callable[[], Store] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.reopen_store = reopen_store or (lambda: store)
        self.pages: dict[str, QWidget] = _Pages(self._make_page)
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
        # Pages are built on their first visit (``self.pages`` builds a missing one): the
        # window opens with only the page it shows, so start-up does not grow with the
        # number of pages nor with what each of them lists.
        self.pages = _Pages(self._make_page)

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

    def _make_page(self, key: str) -> QWidget:
        """Build one page (its module imported here, on the first visit: the printing and
        sync code behind some pages is not loaded until they are) and put it in the stack."""
        if self.stack is None:  # the welcome page: no pages yet
            raise KeyError(key)
        page = build_page(key, self.store, self.sync_status)
        changed = getattr(page, "record_changed", None)
        if changed is not None:
            changed.connect(lambda _id: self.refresh_waiting())
        if key == "settings":
            page.language_changed.connect(self.set_language)
        if key == "sync":
            page.open_real_database.connect(self.open_real_database)
        if self.stack is not None:
            self.stack.addWidget(page)
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
        self.pages = _Pages(self._make_page)
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
        page = self.pages[key]  # built on its first visit
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
