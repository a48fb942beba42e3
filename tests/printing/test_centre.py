"""The centre's particulars on its letters, and an invitation that can be sent."""

from __future__ import annotations

import datetime as dt

import pytest

from codi_core.errors import ServiceError
from codi_core.models import Meeting, MeetingKind, Person
from codi_desktop.services import centre, documents

from .conftest import pdf_lines, pypdf_pages, squash

UTC = dt.UTC


@pytest.fixture
def store(tmp_path):
    from codi_desktop.store.database import open_store

    s = open_store(tmp_path)
    s.set_setting("province_code", "40")
    yield s
    s.close()


def _meeting(store, *, chair: bool) -> str:
    with store.action("a meeting to invite to") as s:
        person = None
        if chair:
            person = Person(prefix="นาย", first_name="บุญมี", last_name="ศรีสุวรรณวงศ์",
                            position="ประธานกรรมการ", province_code="40")
            s.add(person)
            s.flush()
        meeting = Meeting(
            kind=MeetingKind.PROVINCIAL_COMMITTEE, title="การประชุมคณะกรรมการ", number=5,
            number_year=2569, place="ห้องประชุมศูนย์ประสานงานบ้านหนองกระทุ่ม",
            starts_at=dt.datetime(2026, 12, 20, 6, 0, tzinfo=UTC),  # 13.00 in Bangkok
            chair_id=person.id if person else None, province_code="40",
        )
        s.add(meeting)
        s.flush()
        return meeting.id


def test_settings_are_kept_and_checked(store):
    assert centre.get_centre(store) == centre.CentreSettings()
    saved = centre.save_centre(store, centre.CentreSettings(
        letter_prefix="  พอช. ขก ", address="123 หมู่ 4\n ตำบลในเมือง ", phone="0 4312 3456",
        email="kk@codi.or.th", contact="งานประสานงานจังหวัด"))
    assert centre.get_centre(store) == saved
    assert saved.letter_prefix == "พอช. ขก" and saved.address == "123 หมู่ 4\nตำบลในเมือง"
    with pytest.raises(ServiceError) as err:
        centre.save_centre(store, centre.CentreSettings(email="not an address"))
    assert err.value.message("th") == "อีเมลไม่ถูกต้อง"
    assert err.value.message("en") == "Invalid e-mail address"
    with pytest.raises(ServiceError) as err:
        centre.save_centre(store, centre.CentreSettings(letter_prefix="ก" * 41))
    assert "40" in err.value.message("th") and "40" in err.value.message("en")
    assert centre.get_centre(store) == saved  # a refused save writes nothing


def test_an_invitation_without_a_signer_is_refused_before_printing(store, tmp_path):
    meeting_id = _meeting(store, chair=False)
    out = tmp_path / "letter.pdf"
    with pytest.raises(ServiceError) as err:  # what the app asks before the file dialog
        documents.check_invitation(store, meeting_id)
    assert err.value.code == "signer_required"
    with pytest.raises(ServiceError) as err:
        documents.print_invitation(store, meeting_id, out)
    assert err.value.code == "signer_required"
    assert "ผู้ลงนาม" in err.value.message("th")
    assert "signer" in err.value.message("en")
    assert not out.exists()


def test_the_invitation_carries_the_centres_number_and_contact(store, tmp_path):
    meeting_id = _meeting(store, chair=True)
    centre.save_centre(store, centre.CentreSettings(
        letter_prefix="พอช. ขก", address="123 หมู่ 4 ตำบลในเมือง\nอำเภอเมืองขอนแก่น 40000",
        phone="0 4312 3456", email="kk@codi.or.th", contact="งานประสานงานจังหวัดขอนแก่น"))
    out = tmp_path / "letter.pdf"
    documents.print_invitation(store, meeting_id, out, letter_number="0123/2569")
    pdf = out.read_bytes()
    letter = squash(pypdf_pages(pdf)[0])
    for phrase in ("ที่ พอช. ขก 0123/2569", "123 หมู่ 4 ตำบลในเมือง", "งานประสานงานจังหวัดขอนแก่น",
                   "โทร. 0 4312 3456 อีเมล kk@codi.or.th", "(นายบุญมี ศรีสุวรรณวงศ์)ประธานกรรมการ"):
        assert squash(phrase) in letter, phrase
    lines = [squash(text) for page, text in pdf_lines(pdf) if page == 1]
    # A time stays with its unit and with เวลา: never "เวลา | 13.00 น." across lines.
    assert any(squash("เวลา 13.00 น.") in line for line in lines)
    # Without a number from the register: the prefix and a place to write it in.
    documents.print_invitation(store, meeting_id, out)
    assert squash("ที่ พอช. ขก ................") in squash(pypdf_pages(out.read_bytes())[0])


def test_the_settings_page_saves_the_centre(qtbot, store):
    from codi_desktop.ui.centre_box import CentreBox

    box = CentreBox(store)
    qtbot.addWidget(box)
    box.letter_prefix.setText("พอช. อบ")
    box.phone.setText("0 4524 5678")
    box.save.click()
    assert centre.get_centre(store).letter_prefix == "พอช. อบ"
    assert box.message.kind == "info"
    box.email.setText("bad")
    box.save.click()
    assert box.message.kind == "error"
    assert centre.get_centre(store).phone == "0 4524 5678"
    assert centre.get_centre(store).email == ""
