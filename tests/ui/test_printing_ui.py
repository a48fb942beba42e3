"""Printing from the window: the budget report and the invitation letter as real PDFs."""

import subprocess

import sqlalchemy as sa

from codi_core.models import Meeting, MeetingStatus


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return "".join(out.stdout.split())


def test_budget_report_prints_the_fiscal_year_shown(qtbot, window, tmp_path):
    page = window.show_page("projects")
    page.ensure_loaded()
    fy = page._fiscal_year
    assert fy is not None and page.print_budget.isEnabled()
    out = tmp_path / "budget.pdf"
    page.print_report(str(out))
    qtbot.waitUntil(lambda: str(out) in page.print_status.text(), timeout=20000)
    text = pdf_text(out)
    assert f"ปีงบประมาณพ.ศ.{fy}" in text
    assert "ศูนย์ประสานงานขบวนองค์กรชุมชนจังหวัดอุบลราชธานี" in text


def test_invitation_letter_from_the_meeting_page(qtbot, window, demo_store, tmp_path):
    with demo_store.read() as s:
        meeting = s.scalars(sa.select(Meeting).where(Meeting.status == MeetingStatus.LOCKED)
                            .order_by(Meeting.starts_at)).first()
    page = window.show_page("meetings")
    page.open_meeting(meeting.id)
    ws = page.workspace
    out = tmp_path / "invitation.pdf"
    with qtbot.waitSignal(ws.printed, timeout=60_000):
        ws.print_document("invitation", str(out))
    text = pdf_text(out)
    assert "เชิญประชุม" in text and "สิ่งที่ส่งมาด้วย" in text
    assert "".join(meeting.place.split()) in text
