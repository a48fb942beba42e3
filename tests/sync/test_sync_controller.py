"""pytest-qt: the status bar follows the server going away and coming back, and sync
starts by itself when it returns."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from codi_desktop.services import communities  # noqa: E402
from codi_desktop.ui.status import SyncStatusWidget  # noqa: E402
from codi_desktop.ui.sync_controller import SyncController  # noqa: E402

from .faultproxy import FaultProxy  # noqa: E402
from .test_faults import laptop_via  # noqa: E402


def test_status_bar_goes_offline_and_syncs_by_itself_when_the_server_returns(
    qtbot, tmp_path, server, memory_keyring
):
    proxy = FaultProxy(upstream_port=server.port).start()
    port = proxy.port
    laptop = laptop_via(tmp_path, "a", proxy.url, server, "somchai")
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    controller = SyncController(
        laptop.store, widget, sync_interval_ms=600_000, probe_min_ms=200, probe_max_ms=800,
        refresh_ms=200,
    )
    try:
        # At start it syncs once and says when. The engine stores the time of the sync
        # before the worker's result reaches the window, and the 200 ms refresh may show
        # that time while the bar still says syncing: wait for the sync to have finished.
        qtbot.waitUntil(
            lambda: widget.state.last_synced_at is not None and not widget.state.syncing,
            timeout=30_000,
        )
        assert widget.state.online
        assert "ซิงค์ล่าสุดเมื่อ" in widget.text()

        # The server goes away; a change waits; the bar says offline, 1 waiting.
        proxy.stop()
        communities.create_community(
            laptop.store, communities.CommunityData(name="ชุมชนคลองเตย"), author="somchai"
        )
        with qtbot.waitSignal(controller.sync_finished, timeout=30_000) as finished:
            assert controller.sync_now()
        assert finished.args[0].offline
        qtbot.waitUntil(lambda: not widget.state.online and widget.state.waiting == 1)
        assert "ออฟไลน์" in widget.text()
        assert "รอส่ง 1 รายการ" in widget.text()

        # It comes back: the controller notices by itself and sends what waited.
        proxy = FaultProxy(upstream_port=server.port, port=port).start()
        with qtbot.waitSignal(controller.sync_finished, timeout=30_000) as finished:
            pass
        assert finished.args[0].ok and finished.args[0].applied == 1
        qtbot.waitUntil(lambda: widget.state.online and widget.state.waiting == 0)
        assert "ออนไลน์" in widget.text() and "ไม่มีรายการรอส่ง" in widget.text()
    finally:
        controller.stop()
        proxy.stop()
        laptop.store.close()


def test_a_demo_database_never_syncs(qtbot, tmp_path, memory_keyring):
    from codi_desktop.store.database import open_store

    store = open_store(tmp_path / "demo")
    store.set_setting("demo", True)
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    controller = SyncController(store, widget)
    try:
        assert not controller.sync_now()
        assert widget.state.demo
        assert "ไม่ซิงค์" in widget.text()
    finally:
        controller.stop()
        store.close()


def test_the_main_window_uses_the_sync_page_and_controller(qtbot, tmp_path, memory_keyring):
    from codi_desktop.store.database import open_store
    from codi_desktop.ui.main_window import MainWindow
    from codi_desktop.ui.sync_page import SyncPage

    store = open_store(tmp_path / "laptop")
    store.set_setting("province_code", "34")
    window = MainWindow(store)
    qtbot.addWidget(window)
    try:
        assert isinstance(window.sync_controller, SyncController)
        page = window.show_page("sync")
        assert isinstance(page, SyncPage)
        assert "ยังไม่ได้ลงทะเบียน" in page.account.text()
        assert not window.sync_controller.sync_now()  # not enrolled: nothing to sync
    finally:
        window.sync_controller.stop()
        store.close()
