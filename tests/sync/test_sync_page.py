"""pytest-qt: the sync page shows conflicts and rejections and the person's answers travel."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from codi_core.models import Meeting  # noqa: E402
from codi_core.reference import reference_id  # noqa: E402
from codi_desktop.services import ledger, projects  # noqa: E402
from codi_desktop.sync import status  # noqa: E402
from codi_desktop.ui.status import SyncStatusWidget  # noqa: E402
from codi_desktop.ui.sync_controller import SyncController  # noqa: E402
from codi_desktop.ui.sync_page import SyncPage  # noqa: E402

from .test_two_laptops import edit, new_meeting  # noqa: E402


def page_for(qtbot, laptop):
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    controller = SyncController(laptop.store, widget, start=False)
    page = SyncPage(laptop.store, widget)
    qtbot.addWidget(page)
    page.ensure_loaded()
    return page, controller


def sync_from_page(qtbot, page, controller):
    with qtbot.waitSignal(controller.sync_finished, timeout=30_000) as done:
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def test_conflict_is_resolved_from_the_page_and_reaches_the_other_laptop(qtbot, laptops):
    a, b = laptops
    meeting_id = new_meeting(a)
    a.synced()
    b.synced()
    edit(a, meeting_id, place="วัดบ้านโนน")
    edit(b, meeting_id, place="โรงเรียนบ้านโนน")
    a.synced()
    page, controller = page_for(qtbot, b)
    summary = sync_from_page(qtbot, page, controller)
    assert summary.conflicts == 1
    assert page.tabs.tabText(2) == "ความขัดแย้ง (1)"
    assert "โรงเรียนบ้านโนน" in page.conflict_detail.text()  # mine
    assert "วัดบ้านโนน" in page.conflict_detail.text()  # theirs
    assert controller.state.problem and "ความขัดแย้ง 1" in controller.state.problem

    qtbot.mouseClick(page.keep_mine, Qt.MouseButton.LeftButton)
    assert page.tabs.tabText(2) == "ความขัดแย้ง (0)"
    assert sync_from_page(qtbot, page, controller).ok
    a.synced()
    assert status.open_conflicts(a.store) == []
    assert a.get(Meeting, meeting_id).place == "โรงเรียนบ้านโนน"
    controller.stop()


def test_rejection_is_explained_fixed_and_resent_or_discarded(qtbot, laptops):
    a, b = laptops
    program = reference_id("program", "homeless")
    project_id = projects.create_project(
        a.store,
        projects.ProjectData(code="34-HL-1", name="ศูนย์คนไร้บ้าน", program_id=program, fiscal_year=2569),
    )
    day = dt.date(2026, 3, 1)
    ledger.record_approval(a.store, project_id=project_id, amount_satang=500_00, entry_date=day)
    a.synced()
    b.synced()
    ledger.record_disbursement(a.store, project_id=project_id, amount_satang=400_00, entry_date=day)
    ledger.record_disbursement(b.store, project_id=project_id, amount_satang=300_00, entry_date=day)
    ledger.record_disbursement(b.store, project_id=project_id, amount_satang=50_00, entry_date=day)
    a.synced()

    page, controller = page_for(qtbot, b)
    summary = sync_from_page(qtbot, page, controller)
    assert summary.rejected == 1 and summary.applied == 1
    assert page.tabs.tabText(3) == "ถูกปฏิเสธ (1)"
    assert "เกินวงเงิน" in page.rejection_reason.text()

    # Fix the amount in the table and resend.
    items = [
        page.rejection_changes.topLevelItem(i)
        for i in range(page.rejection_changes.topLevelItemCount())
    ]
    (amount,) = [it for it in items if it.text(2) == "amount_satang"]
    amount.setText(3, "4000")
    with qtbot.waitSignal(controller.sync_finished, timeout=30_000) as done:
        qtbot.mouseClick(page.resend_button, Qt.MouseButton.LeftButton)
    assert done.args[0].ok, done.args[0].describe("en")
    assert page.tabs.tabText(3) == "ถูกปฏิเสธ (0)"
    assert ledger.get_project_balance(b.store, project_id).disbursed == 490_00

    # Another refusal, discarded after the inline confirmation.
    ledger.record_disbursement(a.store, project_id=project_id, amount_satang=10_00, entry_date=day)
    a.synced()
    ledger.record_disbursement(b.store, project_id=project_id, amount_satang=1, entry_date=day)
    sync_from_page(qtbot, page, controller)
    assert page.tabs.tabText(3) == "ถูกปฏิเสธ (1)"
    qtbot.mouseClick(page.discard_button, Qt.MouseButton.LeftButton)
    assert not page.confirm.isHidden()
    qtbot.mouseClick(page.confirm.yes, Qt.MouseButton.LeftButton)
    assert page.tabs.tabText(3) == "ถูกปฏิเสธ (0)"
    assert status.rejected_change_sets(b.store) == []
    controller.stop()


def test_a_demo_databases_sync_button_explains_the_sandbox(qtbot, tmp_path):
    from codi_desktop.store.database import open_store

    store = open_store(tmp_path / "demo")
    store.set_setting("province_code", "34")
    store.set_setting("demo", True)
    try:
        widget = SyncStatusWidget()
        qtbot.addWidget(widget)
        page = SyncPage(store, widget)
        qtbot.addWidget(page)
        page.resize(900, 500)
        page.show()
        page.ensure_loaded()
        assert page.password.isHidden()  # no password is asked for a sandbox
        assert page.sync_button.text() == "ซิงค์ตอนนี้"
        # beside it, the way to the real database (a folder of its own)
        assert page.real_button.isVisible()
        assert page.real_button.text() == "สร้างฐานข้อมูลจริงและลงทะเบียนเครื่อง…"
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        text = page.message.text()
        assert "สาธิต" in text and "ไม่ซิงค์" in text and page.real_button.text() in text
        assert str(tmp_path / "demo-real") in text
        page.grab().save(str(tmp_path / "demo-sync-page.png"))
    finally:
        store.close()


def test_from_a_demo_the_real_database_is_enrolled_with_a_real_server(
        qtbot, tmp_path, server, memory_keyring, province):
    """The demo's Sync page leads to the real database's welcome page; enrolling there
    with a province account opens the main window on an enrolled, non-demo database that
    syncs, while the demo keeps no account and its change sets stay local."""
    import sqlalchemy as sa

    from codi_core.models import ChangeSet, ChangeSetStatus, Community
    from codi_desktop.services import communities
    from codi_desktop.store import paths
    from codi_desktop.store.database import open_store
    from codi_desktop.sync.credentials import account
    from codi_desktop.ui.main_window import MainWindow

    demo_dir = tmp_path / "demo"
    demo = open_store(demo_dir)
    demo.set_setting("province_code", province)
    demo.set_setting("demo", True)
    communities.create_community(demo, communities.CommunityData(name="ชุมชนสาธิต"))
    window = MainWindow(demo, reopen_store=lambda: open_store(demo_dir))
    qtbot.addWidget(window)
    window.show()
    # the dashboard reads its figures in the background: let it finish before leaving
    qtbot.waitUntil(lambda: window.pages["dashboard"].task is None, timeout=30_000)
    page = window.show_page("sync")
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert "ไม่ซิงค์" in page.message.text()
    qtbot.mouseClick(page.real_button, Qt.MouseButton.LeftButton)
    welcome = window.welcome
    assert welcome is not None and window.store.data_dir == paths.real_data_dir(demo_dir)
    welcome.server.setText(server.url)
    welcome.username.setText(f"somchai{province}")
    welcome.password.setText(server.users[f"somchai{province}"])
    qtbot.mouseClick(welcome.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.nav is not None, timeout=30_000)
    real = window.store
    try:
        assert not real.is_demo and real.province_code == province
        assert account(real) is not None and account(real).username == f"somchai{province}"
        ctl = window.sync_controller
        assert ctl is not None and ctl.can_sync()
        qtbot.waitUntil(lambda: not ctl.running, timeout=30_000)
        qtbot.waitUntil(lambda: window.pages["dashboard"].task is None, timeout=30_000)
        with real.read() as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(Community)
                            .where(Community.name == "ชุมชนสาธิต")) == 0
    finally:
        window.close()
        if window.sync_controller is not None:
            window.sync_controller.stop()
        real.close()
    demo = open_store(demo_dir)
    try:
        assert account(demo) is None  # the demo itself was never enrolled
        with demo.read() as s:
            statuses = set(s.scalars(sa.select(ChangeSet.status)))
        assert statuses == {ChangeSetStatus.LOCAL}
    finally:
        demo.close()
    # and the server never received the demo's community
    engine = server.engine()
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM community WHERE name = :n"),
                                {"n": "ชุมชนสาธิต"}).scalar() == 0
    finally:
        engine.dispose()
