"""Start-up of the desktop application: Qt, language, font, the store, the main window.

``run_app(args)`` is what ``codi-desktop`` runs without a subcommand. ``start(args)``
does everything but the event loop, so tests, the screenshot script and the benchmark
open exactly the window a person gets.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from codi_desktop.store import paths
from codi_desktop.store.database import MigrationError, Store, open_store

from .logs import setup_logging
from .ui.errors import install_excepthook
from .ui.i18n import install_language, saved_language
from .ui.main_window import MainWindow

log = logging.getLogger("codi_desktop")

UI_FONT = "Sarabun"
UI_POINT_SIZE = 11  # Thai glyphs with stacked marks need a little more than Qt's default


_registered: dict[str, str | None] = {}


def register_fonts(app: QApplication) -> str | None:
    """Register Sarabun for the interface; returns the family, or None if missing."""
    if "family" in _registered:  # once per process (tests start the window many times)
        return _registered["family"]
    try:
        import fontpkg_sarabun
    except ImportError:
        log.warning("fontpkg-sarabun is not installed; using the system font")
        return None
    folder = Path(fontpkg_sarabun.ROOT) / "files"
    family = None
    for style in ("Regular", "Bold", "Italic", "BoldItalic", "Medium", "SemiBold"):
        font_id = QFontDatabase.addApplicationFont(str(folder / f"Sarabun-{style}.ttf"))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    _registered["family"] = family
    if family:
        font = QFont(family, UI_POINT_SIZE)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        app.setFont(font)
    return family


def use_settings_folder(data_dir: Path) -> None:
    """With ``--data-dir``, the interface settings (language, window state) live in that
    folder too (``settings/``), not in the user's profile."""
    folder = data_dir / "settings"
    folder.mkdir(parents=True, exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("CODI")
        QCoreApplication.setApplicationName("CODI Desktop")
        app = QApplication(sys.argv[:1])
    register_fonts(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


class StartupProblem(QWidget):
    """Shown instead of the main window when the database cannot be opened."""

    def __init__(self, text: str, detail: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("CODI Desktop")
        label = QLabel(text)
        label.setObjectName("startup_problem")
        label.setWordWrap(True)
        more = QLabel(detail)
        more.setWordWrap(True)
        more.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        more.setStyleSheet("color: #555;")
        close = QPushButton(self.tr("ปิดโปรแกรม"))
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(more)
        layout.addWidget(close)
        self.resize(560, 220)

    def text(self) -> str:
        return self.findChild(QLabel, "startup_problem").text()


def start(args: argparse.Namespace) -> QWidget:
    """Everything up to the event loop; returns the main window (or the problem shown)."""
    given = getattr(args, "data_dir", None)
    data_dir = paths.resolve_data_dir(given)
    if given:
        use_settings_folder(data_dir)
    app = application()
    setup_logging(data_dir)
    lang = getattr(args, "lang", None) or saved_language()
    install_language(lang)
    try:
        store = open_store(data_dir)
    except MigrationError as exc:
        log.error("database upgrade failed: %s", exc)
        return StartupProblem(
            QCoreApplication.translate(
                "Startup",
                "ปรับรุ่นฐานข้อมูลไม่สำเร็จ ไฟล์เดิมถูกกู้คืนจากสำเนาสำรองแล้วและยังใช้งานได้ "
                "กรุณาใช้โปรแกรมรุ่นก่อนหน้า หรือแจ้งผู้ดูแลระบบพร้อมข้อความด้านล่าง",
            ),
            str(exc),
        )
    except Exception as exc:  # noqa: BLE001 - an unreadable file must not be a traceback
        log.exception("could not open the database in %s", data_dir)
        return StartupProblem(
            QCoreApplication.translate(
                "Startup", "เปิดฐานข้อมูลไม่ได้ ตรวจสอบว่าโฟลเดอร์ข้อมูลเขียนได้และไฟล์ไม่เสีย"
            ),
            f"{data_dir}: {exc}",
        )

    if not given and store.is_demo:
        # The person left this demo for a real database (the sync page's button): open
        # that one (an explicit --data-dir still opens the demo).
        real = store.get_setting(paths.REAL_DATA_DIR_SETTING)
        if real and paths.has_database(Path(real)):
            try:
                real_store = open_store(Path(real))
            except Exception:  # noqa: BLE001 - the demo still opens
                log.exception("could not open the real database in %s", real)
            else:
                store.close()
                store, data_dir = real_store, Path(real)

    def reopen() -> Store:
        return open_store(data_dir)

    window = MainWindow(store, reopen_store=reopen)
    install_excepthook(window.show_error)
    app.aboutToQuit.connect(lambda: window.store.close())
    return window


def run_app(args: argparse.Namespace) -> int:
    window = start(args)
    screen = window.screen()
    if screen is not None and screen.availableGeometry().width() <= 1440:
        window.showMaximized()  # the provincial laptop: use the whole screen
    else:
        window.show()
    return QApplication.instance().exec()  # type: ignore[union-attr]


def self_test_window(data_dir: Path) -> str:
    """``codi-desktop self-test``'s last step: open the main window on *data_dir* exactly
    as :func:`start` does, show it, let it lay out, grab it, close it.

    QSettings go into *data_dir* so the test never touches the person's saved language.
    Returns a one-line description; raises when the start-up problem page appears
    instead of the main window, or nothing was drawn.
    """
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data_dir / "settings")
    )
    app = application()
    window = start(argparse.Namespace(data_dir=str(data_dir), lang="th"))
    try:
        if not isinstance(window, MainWindow):
            text = window.text() if isinstance(window, StartupProblem) else type(window).__name__
            raise RuntimeError(f"the start-up problem page opened instead: {text}")
        window.show()
        for _ in range(5):
            app.processEvents()
        image = window.grab().toImage()
        if image.isNull() or image.width() < 400:
            raise RuntimeError("the main window drew nothing")
        shot = data_dir / "self-test-window.png"
        image.save(str(shot))
        platform = QApplication.platformName()
        return (f"{type(window).__name__} {image.width()}x{image.height()} on '{platform}', "
                f"font {app.font().family()}")
    finally:
        window.close()
        store = getattr(window, "store", None)
        if store is not None:
            store.close()
