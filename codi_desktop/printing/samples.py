"""Realistic sample documents: for previews, the sample PNGs, the benchmark and tests.

The people, places and figures are invented but shaped like a provincial committee's
real business, including the words that are hard to typeset in Thai (ที่ ครั้ง น้ำ
ผู้ใหญ่ ฝั่ง ปี่), mixed Thai/English/digits, and local names the segmenter must keep whole.
"""

from __future__ import annotations

from datetime import date, time

from .data import (
    AgendaItem,
    Attendee,
    BudgetProgram,
    BudgetProject,
    BudgetReport,
    Invitation,
    MeetingInfo,
    Minutes,
    Signatory,
    SignInRow,
    SignInSheet,
    Vote,
)

__all__ = [
    "LOCAL_NAMES",
    "sample_budget_report",
    "sample_invitation",
    "sample_meeting",
    "sample_minutes",
    "sample_sign_in_sheet",
]

#: Local place and person names a generic dictionary does not know.
LOCAL_NAMES = ["บ้านหนองบัวแดง", "โนนศิลาเลิง", "หนองเรือ", "ห้วยซ้อ", "ศรีสุวรรณวงศ์", "พรหมวิหาร"]

_MEN = ["สมชาย", "วิชัย", "บุญมี", "สุริยา", "ทองใบ", "เกษม", "ณัฐวุฒิ", "ธีระ"]
_WOMEN = ["สมหญิง", "ประภาพร", "อรุณี", "จันทร์เพ็ญ", "ปิยะนุช", "มาลัย", "ศรีสุดา", "กาญจนา"]
_LAST = [
    "ใจดี",
    "รักษ์ถิ่น",
    "ศรีสุวรรณวงศ์",
    "พรหมวิหาร",
    "บุญมา",
    "แก้วกล้า",
    "ทองคำ",
    "สุขสวัสดิ์",
    "ปัญญาดี",
    "มั่นคง",
    "นาคสวัสดิ์",
    "วงศ์ใหญ่",
]
_ORGS = [
    "สภาองค์กรชุมชนตำบลโนนศิลาเลิง",
    "กองทุนสวัสดิการชุมชนตำบลห้วยซ้อ",
    "กลุ่มออมทรัพย์บ้านหนองบัวแดง",
    "สหกรณ์เคหสถานบ้านมั่นคงริมฝั่งน้ำ จำกัด",
    "องค์การบริหารส่วนตำบลห้วยซ้อ",
    "สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)",
    "เครือข่ายบ้านมั่นคงจังหวัดขอนแก่น",
    "มหาวิทยาลัยขอนแก่น",
]
_POSITIONS = [
    "ประธานกรรมการ",
    "รองประธาน",
    "กรรมการ",
    "เลขานุการ",
    "ผู้ประสานงาน",
    "ผู้ใหญ่บ้าน",
    "เหรัญญิก",
    "ผู้แทนภาคี",
]


def _name(i: int) -> str:
    if i % 2 == 0:
        first, title = _MEN[(i // 2) % len(_MEN)], "นาย"
    else:
        first, title = _WOMEN[(i // 2) % len(_WOMEN)], "นาง" if i % 3 else "นางสาว"
    return f"{title}{first} {_LAST[(i * 7) % len(_LAST)]}"


def sample_meeting() -> MeetingInfo:
    return MeetingInfo(
        body_name="คณะกรรมการขับเคลื่อนจังหวัดจัดการตนเองจังหวัดขอนแก่น",
        number=3,
        year_be=2569,
        date=date(2026, 11, 25),
        place="ห้องประชุมสภาองค์กรชุมชนตำบลโนนศิลาเลิง อำเภอหนองเรือ จังหวัดขอนแก่น",
        start_time=time(9, 30),
        end_time=time(16, 0),
    )


_DISCUSSION = (
    "ผู้ใหญ่บ้านบ้านหนองบัวแดงรายงานว่า ฝนที่ตกหนักเมื่อวันที่ 12 ตุลาคม 2569 ทำให้น้ำท่วมพื้นที่ฝั่งตะวันออก"
    "ของลำห้วยซ้อ มีครัวเรือนได้รับผลกระทบ 47 ครัวเรือน ที่ประชุมได้ร่วมกันพิจารณาแนวทางการฟื้นฟู"
    "โดยใช้งบประมาณจากกองทุนสวัสดิการชุมชนร่วมกับโครงการบ้านพอเพียง (Baan Porpeang) ของ พอช. "
    "ปี่พาทย์ของวัดในชุมชนได้จัดแสดงเพื่อระดมทุนได้เงิน 25,300 บาท ครั้งนี้มีผู้ร่วมบริจาคจาก LINE Official Account "
    "ของเครือข่ายอีก 1,250.50 บาท"
)


def sample_minutes(*, items: int = 6, certified: bool = False) -> Minutes:
    """Minutes with the standard six sections, repeated to make *items* agenda items."""
    base = [
        AgendaItem(
            "1",
            "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ",
            text="ประธานแจ้งให้ที่ประชุมทราบถึงผลการประชุมสมัชชาจังหวัดเมื่อเดือนที่ผ่านมา "
            "และขอบคุณผู้ใหญ่บ้านทุกหมู่ที่ให้ความร่วมมือ",
            resolution="ที่ประชุมรับทราบ",
        ),
        AgendaItem(
            "2",
            "รับรองรายงานการประชุมครั้งที่ 2/2569",
            text="ฝ่ายเลขานุการได้ส่งรายงานการประชุมครั้งที่ 2/2569 ให้กรรมการตรวจสอบล่วงหน้าแล้ว",
            resolution="ที่ประชุมมีมติรับรองรายงานการประชุมโดยไม่มีการแก้ไข",
        ),
        AgendaItem(
            "3",
            "เรื่องสืบเนื่อง",
            text=_DISCUSSION,
            sub_items=[
                AgendaItem(
                    "3.1",
                    "การติดตามโครงการบ้านมั่นคงริมฝั่งน้ำ",
                    text="ผู้ประสานงานรายงานความก้าวหน้าการก่อสร้าง 32 หลัง จาก 40 หลัง",
                )
            ],
            resolution="ที่ประชุมรับทราบและมอบหมายให้คณะทำงานติดตามต่อไป",
        ),
        AgendaItem("4", "เรื่องเพื่อทราบ", text=""),
        AgendaItem(
            "5",
            "เรื่องเพื่อพิจารณา",
            text=_DISCUSSION + "\n\nคณะทำงานเสนอให้อนุมัติงบประมาณฟื้นฟู 630,000 บาท",
            resolution="ที่ประชุมมีมติเห็นชอบตามที่คณะทำงานเสนอ",
            vote=Vote(in_favour=14, against=2, abstain=1),
        ),
        AgendaItem("6", "เรื่องอื่น ๆ", text="ไม่มี"),
    ]
    agenda = []
    for i in range(items):
        item = base[i % len(base)]
        if i >= len(base):
            item = AgendaItem(
                str(i + 1),
                item.title,
                item.text,
                item.resolution,
                item.vote,
                sub_items=list(item.sub_items),
            )
        agenda.append(item)
    present = [Attendee(_name(i), _POSITIONS[i % len(_POSITIONS)]) for i in range(14)]
    present.append(Attendee("นางสาวอรุณี แก้วกล้า", "กรรมการ", substitute_for="นายธีระ มั่นคง"))
    return Minutes(
        meeting=sample_meeting(),
        present=present,
        absent=[
            Attendee("นายเกษม ทองคำ", "กรรมการ", reason="ติดภารกิจ"),
            Attendee("นางมาลัย ปัญญาดี", "กรรมการ", reason="ลาป่วย"),
        ],
        attendees=[Attendee("นายณัฐวุฒิ วงศ์ใหญ่", "เจ้าหน้าที่ พอช. สำนักงานภาคอีสาน")],
        items=agenda,
        recorder=Signatory("นางสาวกาญจนา สุขสวัสดิ์", "เลขานุการ"),
        reviewer=Signatory("นายสมชาย ใจดี", "ประธานกรรมการ"),
        certified=certified,
        extra_words=list(LOCAL_NAMES),
    )


def sample_invitation() -> Invitation:
    minutes = sample_minutes()
    agenda = [
        AgendaItem(
            i.number,
            i.title,
            presenter="ประธาน" if i.number == "1" else "เลขานุการ",
            duration_minutes=30,
            sub_items=i.sub_items,
        )
        for i in minutes.items
    ]
    return Invitation(
        meeting=minutes.meeting,
        letter_number="พอช. ขก 0123/2569",
        issuer="ศูนย์ประสานงานองค์กรชุมชนจังหวัดขอนแก่น\n123 หมู่ที่ 4 ตำบลโนนศิลาเลิง\nอำเภอหนองเรือ จังหวัดขอนแก่น 40210",
        letter_date=date(2026, 11, 10),
        to="คณะกรรมการขับเคลื่อนจังหวัดจัดการตนเองจังหวัดขอนแก่นทุกท่าน",
        body=(
            "ด้วยคณะกรรมการขับเคลื่อนจังหวัดจัดการตนเองจังหวัดขอนแก่น กำหนดจัดประชุมครั้งที่ 3/2569 "
            "ในวันพุธที่ 25 พฤศจิกายน 2569 เวลา 09.30 น. ณ ห้องประชุมสภาองค์กรชุมชนตำบลโนนศิลาเลิง "
            "เพื่อพิจารณาแนวทางการฟื้นฟูพื้นที่น้ำท่วมฝั่งตะวันออกของลำห้วยซ้อ"
        ),
        signer=Signatory("นายสมชาย ใจดี", "ประธานคณะกรรมการขับเคลื่อนจังหวัดจัดการตนเองจังหวัดขอนแก่น"),
        agenda=agenda,
        contact="ศูนย์ประสานงานองค์กรชุมชนจังหวัดขอนแก่น\nโทร. 0 4312 3456",
        extra_words=list(LOCAL_NAMES),
    )


def sample_sign_in_sheet(rows: int = 40, *, blank_rows: int = 10) -> SignInSheet:
    people = [
        SignInRow(
            _name(i),
            _ORGS[i % len(_ORGS)],
            _POSITIONS[i % len(_POSITIONS)],
            f"08{(i * 7919) % 10}{(i * 104729) % 10_000_000:07d}",
        )
        for i in range(rows)
    ]
    return SignInSheet(
        sample_meeting(), people, blank_rows=blank_rows, extra_words=list(LOCAL_NAMES)
    )


def sample_budget_report() -> BudgetReport:
    def baht(x: float) -> int:
        return round(x * 100)

    programs = [
        BudgetProgram(
            "บ้านมั่นคง",
            baht(12_500_000),
            [
                BudgetProject(
                    "BMK-69-001",
                    "บ้านมั่นคงริมฝั่งน้ำ ชุมชนบ้านหนองบัวแดง",
                    baht(4_800_000),
                    baht(3_150_000.50),
                ),
                BudgetProject(
                    "BMK-69-002",
                    "บ้านมั่นคงเมืองขอนแก่น ชุมชนหลังศูนย์ราชการ",
                    baht(6_200_000),
                    baht(2_480_000),
                ),
            ],
        ),
        BudgetProgram(
            "บ้านพอเพียง",
            baht(3_000_000),
            [
                BudgetProject(
                    "BPP-69-014",
                    "ซ่อมแซมบ้านผู้ยากไร้ ตำบลโนนศิลาเลิง 60 หลัง",
                    baht(1_080_000),
                    baht(1_080_000),
                ),
                BudgetProject(
                    "BPP-69-015",
                    "ซ่อมแซมบ้านผู้ประสบภัยน้ำท่วม ตำบลห้วยซ้อ 47 หลัง",
                    baht(846_000),
                    baht(211_500.25),
                ),
            ],
        ),
        BudgetProgram(
            "สวัสดิการชุมชน",
            baht(950_000),
            [
                BudgetProject(
                    "WEL-69-003", "สมทบกองทุนสวัสดิการชุมชนตำบลห้วยซ้อ", baht(300_000), baht(150_000)
                ),
            ],
        ),
    ]
    return BudgetReport(
        2570,
        "ศูนย์ประสานงานองค์กรชุมชนจังหวัดขอนแก่น",
        programs,
        as_of=date(2026, 11, 25),
        extra_words=list(LOCAL_NAMES),
    )
