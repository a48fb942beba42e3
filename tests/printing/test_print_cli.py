"""``codi-desktop print``: every document from a demo province, read back from the PDF."""

import sqlite3
import subprocess

import pytest

from codi_desktop.cli import main
from codi_desktop.store.demo import build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder, "34", "small", 7)
    con = sqlite3.connect(folder / "codi.sqlite3")
    meeting_id, title = con.execute(
        "select id, title from meeting where status = 'locked' order by starts_at limit 1"
    ).fetchone()
    person = con.execute(
        "select person_name from attendance where meeting_id = ? and status = 'present' limit 1",
        (meeting_id,),
    ).fetchone()[0]
    con.close()
    return folder, meeting_id, title, person


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return "".join(out.stdout.split())


@pytest.mark.parametrize(
    ("document", "heading"),
    [("minutes", "รายงานการประชุม"), ("agenda", "ระเบียบวาระการประชุม"),
     ("invitation", "เชิญประชุม"), ("sign-in", "ลงทะเบียน")],
)
def test_meeting_documents(demo, tmp_path, document, heading, capsys):
    folder, meeting_id, title, person = demo
    out = tmp_path / f"{document}.pdf"
    assert main(["print", document, "--data-dir", str(folder), "--meeting", meeting_id,
                 "--out", str(out)]) == 0
    text = pdf_text(out)
    assert heading in text
    if document == "minutes":
        assert "".join(person.split()) in text  # who came is on the minutes
        assert "ผู้จดรายงานการประชุม" in text


def test_budget_report(demo, tmp_path):
    folder = demo[0]
    out = tmp_path / "budget.pdf"
    assert main(["print", "budget", "--data-dir", str(folder), "--fiscal-year", "2569",
                 "--out", str(out)]) == 0
    text = pdf_text(out)
    assert "ปีงบประมาณพ.ศ.2569" in text and "อุบลราชธานี" in text
    assert "บาทถ้วน" in text or "สตางค์" in text  # totals in words


def test_budget_report_of_a_province_outside_the_laptop_is_refused(demo, tmp_path, capsys):
    folder = demo[0]
    out = tmp_path / "budget.pdf"
    assert main(["print", "budget", "--data-dir", str(folder), "--fiscal-year", "2569",
                 "--province", "35", "--out", str(out)]) == 1
    assert "นอกขอบเขต" in capsys.readouterr().err
    assert not out.exists()
    assert main(["print", "budget", "--data-dir", str(folder), "--fiscal-year", "2569",
                 "--province", "34", "--out", str(out)]) == 0
    assert "อุบลราชธานี" in pdf_text(out)


def test_bad_requests_get_a_clear_message_and_no_file(demo, tmp_path, capsys):
    folder = demo[0]
    out = tmp_path / "x.pdf"
    assert main(["print", "minutes", "--data-dir", str(folder), "--meeting", "no-such-id",
                 "--out", str(out)]) == 1
    assert "ไม่พบการประชุม" in capsys.readouterr().err
    assert main(["print", "budget", "--data-dir", str(folder), "--out", str(out)]) == 2
    assert "--fiscal-year" in capsys.readouterr().err
    assert main(["print", "budget", "--data-dir", str(folder), "--fiscal-year", "1999",
                 "--out", str(out)]) == 1
    assert "ปีงบประมาณ" in capsys.readouterr().err
    assert not out.exists()


def test_sign_in_sheet_in_the_invitation_lists_order(demo, tmp_path):
    folder, meeting_id, _title, _person = demo
    texts = {}
    for order in ("name", "invitation"):
        out = tmp_path / f"sign-in-{order}.pdf"
        assert main(["print", "sign-in", "--data-dir", str(folder), "--meeting", meeting_id,
                     "--order", order, "--out", str(out)]) == 0
        texts[order] = pdf_text(out)
    assert all("ลงทะเบียน" in t for t in texts.values())
    assert sorted(texts["name"]) == sorted(texts["invitation"])  # the same people
