"""The province development report: every section, each criterion's title unbroken
(every line break inside a title falls on a word boundary by pythainlp's own judgement),
the plan's outcomes, and the CLI."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from pythainlp.tokenize import word_tokenize

from codi_core.models import Attendance, Meeting
from codi_core.reference import CRITERIA
from codi_desktop.cli import main
from codi_desktop.printing.province_report import SECTION_TITLES
from codi_desktop.services import assessment, indicators, plan
from codi_desktop.services.province_report import print_province_report
from codi_desktop.store.database import open_store

from .conftest import poppler_pages, squash

FY = 2569


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "data")
    s.set_setting("province_code", "34")
    with s.action("assembly") as session:
        m = Meeting(province_code="34", kind="provincial_assembly", title="สมัชชาจังหวัดอุบลราชธานี",
                    starts_at=dt.datetime(2026, 6, 20, 2, tzinfo=dt.UTC), status="held",
                    place="หอประชุมจังหวัด")
        session.add(m)
        session.flush()
        for i in range(7):
            session.add(Attendance(province_code="34", meeting_id=m.id, person_name=f"คน {i}",
                                   status="present"))
    for fy, level in ((FY - 1, 1), (FY, 3)):
        assessment.save_assessment(s, assessment.AssessmentDraft(fy, scores={
            n: assessment.ScoreDraft(n, level, f"หลักฐานข้อ {n} ปี {fy}") for n in range(1, 11)}))
    pid = plan.save_proposal(s, plan.ProposalData(FY, "policy_proposal", "ข้อเสนอที่ดินทำกิน"))
    sid = plan.submit_proposal(s, pid, "สำนักงานจังหวัดอุบลราชธานี", dt.date(2026, 7, 1))
    plan.record_outcome(s, sid, "declined", dt.date(2026, 7, 20), reason="ไม่อยู่ในกรอบงบประมาณ")
    indicators.save_province_indicator(s, indicators.ProvinceIndicatorData(
        FY, "ครัวเรือนที่มีที่อยู่อาศัยมั่นคง", "ครัวเรือน", 100, 150, 120))
    yield s
    s.close()


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def boundaries(title: str) -> set[int]:
    """Word boundaries of ``title`` by pythainlp's newmm, counted without whitespace."""
    bounds, pos = {0}, 0
    for token in word_tokenize(nfkc(title), engine="newmm", keep_whitespace=True):
        pos += len("".join(token.split()))
        bounds.add(pos)
    return bounds


def title_lines(lines: list[str], title: str) -> list[str] | None:
    """The consecutive extracted lines that together are exactly ``title``."""
    want = squash(title)
    for i in range(len(lines)):
        got = ""
        for j in range(i, len(lines)):
            got += squash(lines[j])
            if got == want:
                return lines[i:j + 1]
            if not want.startswith(got):
                break
    return None


def test_every_section_and_every_criterion_title_unbroken(store, tmp_path):
    out = tmp_path / "report.pdf"
    print_province_report(store, FY, out)
    text = "\n".join(poppler_pages(out.read_bytes(), mode="-nopgbrk"))  # cell by cell
    whole = squash(text)
    for title in SECTION_TITLES:
        assert squash(title) in whole, title
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for n, (title, _en) in enumerate(CRITERIA, 1):
        found = title_lines(lines, title)
        assert found, f"criterion {n} title not found whole"
        cut, allowed = 0, boundaries(title)
        for line in found[:-1]:
            cut += len(squash(line))
            assert cut in allowed, (n, line)
    assert squash("ไม่อยู่ในกรอบงบประมาณ") in whole  # the declined proposal's reason
    assert squash("ผู้เข้าร่วม 7 คน") in whole  # the assembly's real attendance
    assert squash("ครัวเรือนที่มีที่อยู่อาศัยมั่นคง") in whole
    assert squash(f"ปี {FY - 1}") in whole  # last year's beside this year's


def test_cli_prints_the_province_report(store, tmp_path, capsys):
    out = tmp_path / "cli.pdf"
    data_dir = store.data_dir
    store.close()
    code = main(["print", "province-report", "--data-dir", str(data_dir), "--fiscal-year",
                 str(FY), "--province", "34", "--out", str(out)])
    assert code == 0 and out.stat().st_size > 10_000
    assert squash("รายงานการพัฒนาจังหวัด") in squash("".join(poppler_pages(out.read_bytes())))
    assert main(["print", "province-report", "--data-dir", str(data_dir), "--fiscal-year",
                 str(FY), "--province", "10", "--out", str(out)]) == 1
    assert "นอกขอบเขต" in capsys.readouterr().err


def test_bangkoks_report_and_centre_name_bangkok_without_changwat(tmp_path):
    """Bangkok is a special administrative area, not a จังหวัด: its report and its centre
    say กรุงเทพมหานคร alone (other provinces keep จังหวัด, as above)."""
    from codi_desktop.services import documents

    s = open_store(tmp_path / "bkk")
    s.set_setting("province_code", "10")
    try:
        out = tmp_path / "bangkok.pdf"
        print_province_report(s, FY, out)
        lines = [squash(ln) for ln in
                 "\n".join(poppler_pages(out.read_bytes(), mode="-nopgbrk")).splitlines()]
        # The report's kind (its title line) is รายงานการพัฒนาจังหวัด; the line under it
        # names the province.
        assert lines[:2] == [squash("รายงานการพัฒนาจังหวัด"),
                             squash(f"กรุงเทพมหานคร ปีงบประมาณ พ.ศ. {FY}")]
        assert not any("จังหวัดกรุงเทพมหานคร" in ln for ln in lines)
        with s.read() as session:
            assert documents.centre_name(session, "10") == (
                "ศูนย์ประสานงานขบวนองค์กรชุมชนกรุงเทพมหานคร")
            assert documents.centre_name(session, "35") == (
                "ศูนย์ประสานงานขบวนองค์กรชุมชนจังหวัดยโสธร")
    finally:
        s.close()
