"""A demo database's Sync button (issue 17): it says the demo is a sandbox and offers the
real database in a folder of its own — the welcome page there (enrol, or start the
province's database), or the real database itself once it exists. Nothing of the demo
reaches the real database or an outbox, and the next start opens the real database."""

from __future__ import annotations

import argparse
import sys

import sqlalchemy as sa
from PySide6.QtCore import Qt

from codi_core.models import ChangeSet, ChangeSetStatus, Community
from codi_desktop.store import paths
from codi_desktop.store.database import open_store


def count(store, model, *where) -> int:
    with store.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def test_the_demo_sync_button_says_sandbox_and_opens_the_real_database(
        qtbot, open_window, demo_dir):
    window = open_window(demo_dir)
    # the dashboard reads its figures in the background: let it finish before leaving
    qtbot.waitUntil(lambda: window.pages["dashboard"].task is None, timeout=30_000)
    demo_communities = count(window.store, Community)
    assert window.store.is_demo and demo_communities > 0
    page = window.show_page("sync")
    assert page.real_button.isVisible()
    assert page.real_button.text() == "สร้างฐานข้อมูลจริงและลงทะเบียนเครื่อง…"
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    text = page.message.text()
    assert "สาธิต" in text and "ไม่ซิงค์" in text and "ไม่ถูกส่งไปที่ใด" in text
    assert page.real_button.text() in text  # the message names the button to press
    real = paths.real_data_dir(demo_dir)
    assert str(real) in text and real != demo_dir

    qtbot.mouseClick(page.real_button, Qt.MouseButton.LeftButton)
    # the real folder's welcome page: enrolment, or an empty province database; no demo
    assert window.welcome is not None and window.nav is None
    assert window.store.data_dir == real and not window.store.is_demo
    assert window.welcome.demo_box.isHidden()
    assert not window.welcome.enrol_button.isHidden()
    welcome = window.welcome
    welcome.province.setCurrentIndex(welcome.province.findData("34"))
    qtbot.mouseClick(welcome.empty_button, Qt.MouseButton.LeftButton)
    assert window.nav is not None and window.current_page() == "dashboard"
    qtbot.waitUntil(lambda: window.pages["dashboard"].task is None, timeout=30_000)
    store = window.store
    assert store.province_code == "34" and not store.is_demo
    assert count(store, Community) == 0  # nothing of the demo came along
    assert count(store, ChangeSet) == 0
    assert "(สาธิต)" not in window.windowTitle()
    sync = window.show_page("sync")
    assert sync.real_button.isHidden() and sync.sync_button.text() == "ซิงค์ตอนนี้"

    # the demo is as it was, its change sets local only (never in an outbox)
    demo = open_store(demo_dir)
    try:
        assert demo.is_demo and count(demo, Community) == demo_communities
        assert count(demo, ChangeSet, ChangeSet.status == ChangeSetStatus.PENDING) == 0
        assert demo.get_setting(paths.REAL_DATA_DIR_SETTING) == str(real)
    finally:
        demo.close()


def test_the_next_start_opens_the_real_database_and_a_demo_switches_to_it(
        qtbot, open_window, demo_dir, monkeypatch):
    real = paths.real_data_dir(demo_dir)
    store = open_store(real)
    store.set_setting("province_code", "34")
    store.close()
    window = open_window(demo_dir)  # an explicit data folder: the demo itself
    qtbot.waitUntil(lambda: window.pages["dashboard"].task is None, timeout=30_000)
    page = window.show_page("sync")
    assert page.real_button.text() == "เปิดฐานข้อมูลจริง"  # it exists: switch to it
    qtbot.mouseClick(page.real_button, Qt.MouseButton.LeftButton)
    assert window.welcome is None and window.nav is not None
    assert window.store.data_dir == real and not window.store.is_demo

    # started without --data-dir (the default folder holds the demo): the real one opens
    monkeypatch.setenv("CODI_DATA_DIR", str(demo_dir))
    from codi_desktop.app import start

    hook = sys.excepthook  # keep pytest-qt's (start() installs the app's)
    again = start(argparse.Namespace(data_dir=None, lang=None))
    sys.excepthook = hook
    qtbot.addWidget(again)
    try:
        assert again.store.data_dir == real and not again.store.is_demo
    finally:
        again.store.close()
