"""UI test fixtures: one small demo province built per session and copied per test, QSettings
kept in a temporary folder, the real main window opened offscreen."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from codi_desktop.store.paths import DB_FILENAME

# The offscreen screen is the provincial office's laptop: 1366×768 (issue 13), set before
# the QApplication exists (collection imports this file before any test runs).
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        "offscreen:configfile=" + str(Path(__file__).with_name("laptop_screen.json")))


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(tmp_path_factory):
    """QSettings (the saved language) go to a temporary folder, never the real profile."""
    folder = tmp_path_factory.mktemp("qsettings")
    QCoreApplication.setOrganizationName("CODI-tests")
    QCoreApplication.setApplicationName("CODI Desktop tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture(autouse=True)
def _thai_again(qapp):
    """Every test starts in Thai with no saved language."""
    from codi_desktop.ui.i18n import SETTINGS_KEY, install_language

    QSettings().remove(SETTINGS_KEY)
    install_language("th")
    yield
    install_language("th")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The small demo province, built once for the whole session."""
    from codi_desktop.store.demo import build_demo

    folder = tmp_path_factory.mktemp("demo-small")
    build_demo(folder, "34", "small")
    return folder / DB_FILENAME


@pytest.fixture
def demo_dir(tmp_path, demo_template) -> Path:
    """A private copy of the small demo province for one test."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(demo_template, folder / DB_FILENAME)
    return folder


@pytest.fixture
def demo_store(demo_dir):
    from codi_desktop.store.database import open_store

    store = open_store(demo_dir)
    yield store
    store.close()


@pytest.fixture
def open_window(qtbot):
    """Open the real main window on a data folder (as ``codi-desktop --data-dir``)."""
    opened = []

    def _open(data_dir: Path, lang: str | None = None):
        from codi_desktop.app import start

        # start() installs the app's excepthook; keep pytest-qt's so that an error in a
        # slot fails the test instead of becoming a message in the window.
        hook = sys.excepthook
        window = start(argparse.Namespace(data_dir=str(data_dir), lang=lang))
        sys.excepthook = hook
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        return window

    yield _open
    for window in opened:
        store = getattr(window, "store", None)
        if store is not None:
            store.close()


@pytest.fixture
def window(open_window, demo_dir):
    return open_window(demo_dir)


@pytest.fixture
def type_text(qtbot):
    """Type text as key events, any script (QTest.keyClicks only knows ASCII keys)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    def _type(widget, text: str) -> None:
        widget.setFocus()
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                )

    return _type
