"""The demo province: a realistic, deterministic sandbox for training, trying and testing.

``generate_demo`` makes every row of a province's data set (communities, organizations,
people, projects and their budget ledger, meetings with agendas and attendance, the
self-managing province assessment) on the province's REAL districts and tambons from
``geothai``, with Thai names that look real. The same seed gives the same rows, ids
included. It yields ``(model class, rows)`` in foreign-key order (parents first), every
column present, so both ``build_demo`` here and the server's ``codi-server demo`` can
bulk-insert the lists as they come: that signature and row shape are a contract. The one
link that points forward within a table (a meeting's minutes certified by the body's next
meeting) comes separately from ``certification_links(meeting_rows)``, to apply after the
insert.

``codi_desktop.store.demo.build_demo`` writes the rows into a local database marked
``demo`` (a sandbox: its change sets stay "local" and it is never enrolled or synced);
``cli_demo`` there is ``codi-desktop demo``.

The story is anchored on a fixed day (``DEMO_TODAY``, in fiscal year 2569) rather than
the clock, so that a seed always tells the same story: meetings before it are held,
certified or locked; those after it are planned.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import geothai

from codi_core.formatting import thai_date
from codi_core.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Assessment,
    AssessmentStatus,
    Attendance,
    AttendanceStatus,
    Community,
    CommunityKind,
    CriterionScore,
    EvidenceLink,
    FundingType,
    Gender,
    Indicator,
    Invitee,
    LedgerEntry,
    LedgerKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    MembershipRole,
    Organization,
    OrganizationKind,
    Outcome,
    Person,
    PilotStatus,
    PlanIssue,
    PlanProposal,
    Project,
    ProjectStatus,
    ProjectTarget,
    ProposalKind,
    ProposalStatus,
    ProposalSubmission,
    ProvinceIndicator,
    Sector,
    Vote,
)
from codi_core.reference import CLUSTERS, PROGRAMS, reference_id

UTC = dt.UTC
BANGKOK = dt.timezone(dt.timedelta(hours=7), "Asia/Bangkok")

# The day the demo story stands on: late in fiscal year 2569 (BE), so the current year's
# projects are under way and a few meetings are still ahead.
DEMO_TODAY = dt.date(2026, 8, 17)
FIRST_FY, LAST_FY = 2560, 2569
FISCAL_YEARS = list(range(FIRST_FY, LAST_FY + 1))

# Tables generate_demo fills, in the order it yields them (foreign-key order).
DEMO_MODELS: tuple[type, ...] = (
    Community,
    Organization,
    Person,
    Membership,
    Project,
    ProjectTarget,
    Indicator,
    LedgerEntry,
    Meeting,
    AgendaItem,
    Invitee,
    Attendance,
    Vote,
    ActionItem,
    Assessment,
    CriterionScore,
    EvidenceLink,
    PlanIssue,
    PlanProposal,
    ProposalSubmission,
    ProvinceIndicator,
)


@dataclass(frozen=True)
class Scale:
    """How big a demo province is. ``large`` is the size of the biggest province."""

    name: str
    factor: float
    communities: int
    organizations: int
    people: int
    projects: int
    meetings: int
    attendance: int
    agenda_items: int
    working_groups: int
    committee_size: int
    # meetings a year: provincial committee, cluster, each working group, partner forum
    rates: tuple[int, int, int, int]


SCALES: dict[str, Scale] = {
    "large": Scale("large", 1.0, 4000, 1500, 8000, 2500, 2500, 50000, 12000, 12, 31,
                   (12, 4, 6, 4)),
    "small": Scale("small", 0.05, 200, 75, 400, 125, 125, 2500, 600, 2, 15, (3, 1, 2, 1)),
}


# --- the generator ---------------------------------------------------------------------


def generate_demo(
    province_code: str, scale: str, seed: int = 2567, *, today: dt.date = DEMO_TODAY
) -> Iterator[tuple[type, list[dict[str, Any]]]]:
    """Yield ``(model class, rows)`` for a demo province, parents before children.

    Rows are dicts with every column of the table as Python values (enum members, ``date``,
    aware UTC ``datetime``); ``province_code`` is set, ``seq`` and ``deleted_at`` are None.
    Deterministic: the same arguments give the same rows, ids included.
    """
    if scale not in SCALES:
        raise ValueError(f"unknown demo scale {scale!r}; use one of {sorted(SCALES)}")
    province = geothai.province(province_code)
    if province is None:
        raise ValueError(f"unknown province code {province_code!r}")
    # Everything is made before the first yield, so a consumer may change or drop the
    # rows it was given without changing what comes after.
    yield from _Generator(province, SCALES[scale], seed, today).run()


# --- Thai names ------------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


MALE_NAMES = _words(
    "สมชาย สมศักดิ์ สมพงษ์ ประเสริฐ บุญมี บุญเลิศ ทองดี วิชัย สุรชัย ชัยวัฒน์ ประยุทธ สมบัติ "
    "สุวิทย์ อนุชา ธนากร กิตติพงษ์ วีระ ณรงค์ มานพ สมคิด เสถียร บุญส่ง ไพโรจน์ สุรพล ทวี "
    "สำราญ สมหมาย ประสิทธิ์ เกรียงไกร ชาตรี พิชิต อำนาจ วิรัตน์ สุเมธ ศักดิ์ชัย สมนึก ประดิษฐ์ "
    "จำลอง บุญธรรม คำพันธ์ ทองสุข สุพจน์ เฉลิม อุดม ธีระ พงศกร ปรีชา สมยศ วันชัย นิพนธ์ บุญชู "
    "สุนทร อภิชาติ ยุทธนา ชูชาติ ไชยา วสันต์ เอกชัย จักรพันธ์ สมเกียรติ บัวพันธ์ คำผาย สงกรานต์"
)
FEMALE_NAMES = _words(
    "สมศรี สมหญิง บุญเรือน ทองใบ มาลี สุนีย์ วันเพ็ญ พรทิพย์ กัญญา ศิริพร จันทร์เพ็ญ อรุณี "
    "นงลักษณ์ สุภาพ ประภา บังอร ละเอียด คำปุ่น ทองเพชร สมใจ อำไพ เพ็ญศรี รัตนา วิไลวรรณ "
    "สุดารัตน์ นิตยา ปราณี ยุพิน สายสุนีย์ บุญมา จิราพร ดวงใจ อัมพร สุกัญญา ลำดวน เยาวลักษณ์ "
    "พิมพ์ใจ ศรีสุดา อนงค์ ขวัญใจ มณี สุมาลี นันทนา กาญจนา วรรณา ชนิดา พัชรี ทิพวรรณ อุไร "
    "บุษบา จารุวรรณ ณัฐธิดา สำเนียง คำแพง อรทัย รุ่งนภา ปิยะนุช สมพร วาสนา เบญจวรรณ หนูเพียร"
)
SURNAME_HEADS = _words(
    "ศรี แก้ว บุญ ทอง จันทร์ สุข พรหม วงศ์ มณี คำ ใจ ดวง ประ สาย เพชร อินทร์ ชัย ผล นาค พันธ์ "
    "บัว ทิพย์ แสง สิทธิ์ ธรรม รัตน์ ศักดิ์ มูล ภู พล"
)
SURNAME_TAILS = _words(
    "สุวรรณ วงศ์ ประเสริฐ ศรี มา ดี เจริญ สุข พันธ์ ทอง งาม รักษ์ ภักดี บุตร ธรรม ชาติ กุล แสง "
    "สมบูรณ์ เพ็ง ไชย วิเศษ สอน คำ พิมพ์ ทา สิงห์ หล้า อ่อน จันทร์"
)
SURNAME_ENDINGS = _words("วงศ์ กุล ชัย ศักดิ์ สกุล")
VILLAGE_HEADS = _words(
    "โนน หนอง ดอน นา โคก ห้วย บึง ป่า ท่า วัง สระ บ่อ คำ กุด แก่ง ปาก หัว ทุ่ง เหล่า ศรี บุ่ง "
    "ม่วง หาด ดง โพน ซำ นาง ไร่ สวน"
)
VILLAGE_TAILS = _words(
    "ใหญ่ น้อย สว่าง ทอง แดง ขาม ยาง จิก งิ้ว ไผ่ สำราญ เจริญ พัฒนา ศรีสุข บัว แก เต่า ช้าง "
    "โพธิ์ ไทร กระโดน หว้า ตาล เกษม สูง เหนือ ใต้ กลาง ค้อ ข่า ดู่ แสง อุดม สมบูรณ์ ทรายมูล "
    "ผักหวาน มะเกลือ แคน หินลาด"
)
URBAN_PATTERNS = (
    "ชุมชนวัด{x}", "ชุมชนตลาด{x}", "ชุมชน{x}พัฒนา", "ชุมชนร่วมใจ{x}", "ชุมชนหลังวัด{x}",
    "ชุมชนเคหะ{x}", "ชุมชนสามัคคี{x}",
)
OCCUPATION_GROUPS = (
    "กลุ่มทอผ้าบ้าน{x}", "กลุ่มแม่บ้านเกษตรกรบ้าน{x}", "กลุ่มเลี้ยงโคบ้าน{x}",
    "กลุ่มผู้สูงอายุบ้าน{x}", "กลุ่มเยาวชนบ้าน{x}", "องค์กรชุมชนบ้าน{x}", "กลุ่มเกษตรอินทรีย์บ้าน{x}",
    "กลุ่มจักสานบ้าน{x}", "กลุ่มแปรรูปผลผลิตการเกษตรบ้าน{x}", "กลุ่มปลูกผักปลอดสารพิษบ้าน{x}",
)
ROLE_TH = {
    MembershipRole.MEMBER: "สมาชิก",
    MembershipRole.COMMITTEE: "กรรมการ",
    MembershipRole.CHAIR: "ประธาน",
    MembershipRole.VICE_CHAIR: "รองประธาน",
    MembershipRole.SECRETARY: "เลขานุการ",
    MembershipRole.TREASURER: "เหรัญญิก",
    MembershipRole.COORDINATOR: "ผู้ประสานงาน",
    MembershipRole.ADVISOR: "ที่ปรึกษา",
}
ABSENCE_REASONS = ("ติดภารกิจ", "ลาป่วย", "ลากิจ", "ติดราชการ", "ติดประชุมอื่น", "เดินทางต่างจังหวัด")
COASTAL_PROVINCES = frozenset(
    _words("10 11 20 21 22 23 24 74 75 76 77 80 81 82 83 84 85 86 90 91 92 93 94 96")
)
PROGRAM_ABBR = {
    "baan_mankong": "BMK", "baan_porpeang": "BPP", "canal_housing": "CNL", "homeless": "HML",
    "welfare": "WLF", "community_economy": "ECO", "environment": "ENV", "disaster": "DIS",
    "council_support": "CCS", "leadership": "LDR",
}
# Share of projects per program.
PROGRAM_WEIGHTS = {
    "baan_mankong": 7, "baan_porpeang": 26, "canal_housing": 3, "homeless": 4, "welfare": 12,
    "community_economy": 13, "environment": 8, "disaster": 7, "council_support": 12,
    "leadership": 8,
}
INDICATORS = {
    "baan_mankong": [("จำนวนครัวเรือนที่มีความมั่นคงในที่อยู่อาศัย", "ครัวเรือน"),
                     ("จำนวนบ้านที่ก่อสร้างแล้วเสร็จ", "หลัง")],
    "baan_porpeang": [("จำนวนครัวเรือนผู้มีรายได้น้อยที่ได้รับการซ่อมแซมบ้าน", "ครัวเรือน")],
    "canal_housing": [("จำนวนครัวเรือนริมคลองที่ได้รับการพัฒนาที่อยู่อาศัย", "ครัวเรือน"),
                      ("จำนวนบ้านที่ก่อสร้างแล้วเสร็จ", "หลัง")],
    "homeless": [("จำนวนคนไร้บ้านที่ได้รับการดูแลและพัฒนาคุณภาพชีวิต", "คน")],
    "welfare": [("จำนวนสมาชิกกองทุนสวัสดิการชุมชน", "คน"),
                ("จำนวนผู้ได้รับสวัสดิการ", "คน")],
    "community_economy": [("จำนวนกลุ่มอาชีพที่ได้รับการพัฒนา", "กลุ่ม"),
                          ("จำนวนครัวเรือนที่มีรายได้เพิ่มขึ้น", "ครัวเรือน")],
    "environment": [("พื้นที่ป่าชุมชนที่ได้รับการดูแลรักษา", "ไร่"),
                    ("จำนวนชุมชนที่มีแผนจัดการทรัพยากร", "ชุมชน")],
    "disaster": [("จำนวนครัวเรือนผู้ประสบภัยที่ได้รับการฟื้นฟู", "ครัวเรือน")],
    "council_support": [("จำนวนเวทีสภาองค์กรชุมชนที่จัดขึ้น", "ครั้ง"),
                        ("จำนวนข้อเสนอที่เสนอต่อหน่วยงาน", "เรื่อง")],
    "leadership": [("จำนวนแกนนำที่ผ่านการพัฒนาศักยภาพ", "คน")],
}
CRITERION_EVIDENCE = (
    "มีเครือข่ายองค์กรชุมชน {n} เครือข่าย และภาคีร่วมขับเคลื่อน {m} หน่วยงาน",
    "แผนพัฒนาจังหวัดของขบวนองค์กรชุมชนได้เสนอต่อคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ",
    "มีฐานข้อมูลชุมชน {n} ชุมชน และรายงานความก้าวหน้าทุกไตรมาส",
    "จัดเวทีศึกษาวิเคราะห์ปัญหาที่ดินและที่อยู่อาศัย และจัดทำข้อเสนอต่อหน่วยงาน {m} เรื่อง",
    "มีคณะทำงาน {n} ประเด็นงาน ที่มีผู้แทนจากทุกภาคส่วน",
    "รายงานการเงินและการใช้งบประมาณเปิดเผยต่อที่ประชุมคณะกรรมการทุกครั้ง",
    "มีศูนย์ประสานงานขบวนองค์กรชุมชนจังหวัดที่ติดต่อได้ชัดเจน",
    "สนับสนุนโครงการ {n} โครงการ ครอบคลุม {m} ตำบล",
    "จัดอบรมพัฒนาศักยภาพแกนนำรุ่นใหม่ {n} คน",
    "จัดสมัชชาองค์กรชุมชนจังหวัดประจำปี มีผู้เข้าร่วม {n} คน",
)


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A Bangkok wall-clock time on *day*, as an aware UTC datetime."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BANGKOK).astimezone(UTC)


def _fy_start(fy: int) -> dt.date:
    return dt.date(fy - 544, 10, 1)


def _fy_end(fy: int) -> dt.date:
    return dt.date(fy - 543, 9, 30)


def _fy_of(day: dt.date) -> int:
    return day.year + 543 + (1 if day.month >= 10 else 0)


def _weekday(day: dt.date) -> dt.date:
    """Meetings happen on weekdays: move a weekend to the Monday/Friday next to it."""
    if day.weekday() == 5:
        return day - dt.timedelta(days=1)
    if day.weekday() == 6:
        return day + dt.timedelta(days=1)
    return day


def _split(total: int, parts: int, rng: random.Random, unit: int) -> list[int]:
    """Split *total* into *parts* positive amounts, all but the last rounded to *unit*."""
    if parts <= 1 or total < parts * unit * 2:
        return [total]
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    scale = total / sum(weights)
    out = [max(unit, int(w * scale) // unit * unit) for w in weights[:-1]]
    rest = total - sum(out)
    if rest <= 0:
        return [total]
    return [*out, rest]


def certification_links(meetings: list[dict[str, Any]]) -> list[dict[str, str]]:
    """``{"meeting_id", "certified_in_meeting_id"}`` for each demo meeting whose minutes
    were certified: by the next meeting of the same body.

    That meeting comes later in the same table, so the link is left out of the yielded
    rows (they stay insertable parents-first); insert the meetings, then apply these with
    one executemany UPDATE, as ``build_demo`` does.
    """
    next_of = {m["previous_meeting_id"]: m["id"] for m in meetings if m["previous_meeting_id"]}
    return [{"meeting_id": m["id"], "certified_in_meeting_id": next_of[m["id"]]}
            for m in meetings if m["certified_on"] is not None and m["id"] in next_of]


class _Generator:
    """Builds one demo province, table by table, keeping what later tables refer to."""

    def __init__(self, province: Any, scale: Scale, seed: int, today: dt.date) -> None:
        self.province = province
        self.pc: str = province.code
        bangkok = self.pc == "10"
        self.T = "แขวง" if bangkok else "ตำบล"  # what a subdistrict is called here
        self.A = "เขต" if bangkok else "อำเภอ"  # and a district
        self.pname: str = province.name_th
        self.scale = scale
        self.today = today
        self.now = _at(today, 10)
        self.rng = random.Random(f"codi-demo/{seed}/{self.pc}/{scale.name}")
        self._ids = random.Random(f"codi-demo-ids/{seed}/{self.pc}/{scale.name}")
        self._templates: dict[type, dict[str, Any]] = {}
        self.cluster_name = next(
            (th for _c, th, _e, _r, codes in CLUSTERS if self.pc in codes), None
        )
        self._geography()

    def run(self) -> list[tuple[type, list[dict[str, Any]]]]:
        communities = self.communities()
        organizations = self.organizations()
        projects = self.projects()
        ledger = self.ledger()
        meetings = self.meetings()
        assessments = self.assessments()
        smp = self.self_managing_province()
        return [
            (Community, communities),
            (Organization, organizations),
            (Person, self.people_rows),
            (Membership, self.memberships_rows),
            (Project, projects),
            (ProjectTarget, smp["targets"]),
            (Indicator, self.indicators),
            (LedgerEntry, ledger),
            (Meeting, meetings),
            (AgendaItem, self.agenda),
            (Invitee, self.invitees),
            (Attendance, self.attendance),
            (Vote, self.votes),
            (ActionItem, self.actions),
            (Assessment, assessments),
            (CriterionScore, self.scores),
            (EvidenceLink, smp["links"]),
            (PlanIssue, smp["issues"]),
            (PlanProposal, self.proposals),
            (ProposalSubmission, smp["submissions"]),
            (ProvinceIndicator, smp["indicators"]),
        ]

    # -- helpers -------------------------------------------------------------------------

    def new_id(self, when: dt.datetime) -> str:
        """A UUIDv7-shaped id: the row's creation time in ms, then seeded random bits."""
        ms = int(when.timestamp() * 1000)
        bits = self._ids.getrandbits(74)
        value = (ms << 80) | (7 << 76) | ((bits >> 62) << 64) | (2 << 62) | (bits & ((1 << 62) - 1))
        h = f"{value:032x}"  # what str(uuid.UUID(int=value)) gives, without the object
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def row(self, model: type, created: dt.datetime, updated: dt.datetime | None = None,
            **fields: Any) -> dict[str, Any]:
        template = self._templates.get(model)
        if template is None:
            template = {}
            for column in model.__table__.columns:  # type: ignore[attr-defined]
                default = column.default
                template[column.key] = (
                    default.arg if default is not None and default.is_scalar else None
                )
            self._templates[model] = template
        created = min(created, self.now)
        r = dict(template)
        r["id"] = self.new_id(created)
        r["province_code"] = self.pc
        r["created_at"] = created
        r["updated_at"] = min(max(updated or created, created), self.now)
        r.update(fields)
        return r

    def day_between(self, start: dt.date, end: dt.date) -> dt.date:
        if end <= start:
            return start
        return start + dt.timedelta(days=self.rng.randrange((end - start).days + 1))

    def moment(self, day: dt.date) -> dt.datetime:
        """Some office-hours moment on *day* (when a row was typed in)."""
        return _at(day, self.rng.randint(8, 16), self.rng.randrange(60))

    def phone(self) -> str:
        rng = self.rng
        first = rng.choices("896", weights=(7, 2, 1))[0]
        return f"0{first}{rng.randrange(10)}-{rng.randrange(1000):03d}-{rng.randrange(10000):04d}"

    def place_name(self) -> str:
        return self.rng.choice(VILLAGE_HEADS) + self.rng.choice(VILLAGE_TAILS)

    def surname(self) -> str:
        rng = self.rng
        head, tail = rng.choice(SURNAME_HEADS), rng.choice(SURNAME_TAILS)
        if head == tail:
            tail = "สุวรรณ"
        name = head + tail
        if rng.random() < 0.15 and tail not in SURNAME_ENDINGS:
            # Longer family names end the way Thai ones do (…วงศ์, …กุล, …ชัย).
            name += rng.choice(SURNAME_ENDINGS)
        return name

    def full_name(self, p: dict[str, Any]) -> str:
        return f"{p['prefix'] or ''}{p['first_name']} {p['last_name']}"

    def walk_in_name(self) -> tuple[str, Gender]:
        gender = Gender.FEMALE if self.rng.random() < 0.55 else Gender.MALE
        first = self.rng.choice(FEMALE_NAMES if gender is Gender.FEMALE else MALE_NAMES)
        prefix = "นาย" if gender is Gender.MALE else self.rng.choice(("นาง", "นางสาว"))
        return f"{prefix}{first} {self.surname()}", gender

    # -- geography -----------------------------------------------------------------------

    def _geography(self) -> None:
        districts = geothai.districts(self.pc)
        self.district_names = {d.code: d.name_th for d in districts}
        all_tambons = [
            (s.code, s.name_th, d.code) for d in districts for s in geothai.subdistricts(d.code)
        ]
        # A small demo covers the first tambons in DOPA order (the capital district's
        # first), so it still reads like one real part of the province.
        want = max(6, round(len(all_tambons) * self.scale.factor))
        self.tambons = chosen = all_tambons[:want]
        self.tambon_name = {code: name for code, name, _d in chosen}
        self.tambon_district = {code: d for code, _n, d in chosen}
        self.districts = sorted({d for _c, _n, d in chosen})
        self.capital_district = self.districts[0]

    # -- communities ---------------------------------------------------------------------

    def communities(self) -> list[dict[str, Any]]:
        rng = self.rng
        n = self.scale.communities
        weights = [rng.uniform(0.5, 1.5) for _ in self.tambons]
        per_tambon = defaultdict(int)
        for t in rng.choices(range(len(self.tambons)), weights=weights, k=n):
            per_tambon[t] += 1
        coastal = self.pc in COASTAL_PROVINCES
        kinds = [CommunityKind.VILLAGE, CommunityKind.URBAN, CommunityKind.CANAL_SIDE,
                 CommunityKind.RAILWAY, CommunityKind.FOREST, CommunityKind.COASTAL,
                 CommunityKind.OTHER]
        kind_weights = [62, 14, 8, 3, 6, 5 if coastal else 0, 2]
        rows: list[dict[str, Any]] = []
        self.communities_by_tambon: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.community_short: dict[str, str] = {}
        for t_index in range(len(self.tambons)):
            code, _name, district = self.tambons[t_index]
            urban_boost = 10 if self.pc == "10" else 3 if district == self.capital_district else 1
            moo = 0
            for _ in range(per_tambon[t_index]):
                kind = rng.choices(
                    kinds, weights=[w * (urban_boost if k is CommunityKind.URBAN else 1)
                                    for k, w in zip(kinds, kind_weights, strict=True)]
                )[0]
                x = self.place_name()
                if kind in (CommunityKind.VILLAGE, CommunityKind.FOREST):
                    name = f"ชุมชนบ้าน{x}"
                    short = f"บ้าน{x}"
                elif kind is CommunityKind.URBAN:
                    name = rng.choice(URBAN_PATTERNS).format(x=x)
                    short = name.removeprefix("ชุมชน")
                elif kind is CommunityKind.CANAL_SIDE:
                    name = f"ชุมชนริมคลอง{x}"
                    short = f"ริมคลอง{x}"
                elif kind is CommunityKind.RAILWAY:
                    name = f"ชุมชนริมทางรถไฟ{x}"
                    short = f"ริมทางรถไฟ{x}"
                elif kind is CommunityKind.COASTAL:
                    name = f"ชุมชนประมงบ้าน{x}"
                    short = f"บ้าน{x}"
                else:
                    name = f"ชุมชน{x}"
                    short = x
                village = kind in (CommunityKind.VILLAGE, CommunityKind.FOREST,
                                   CommunityKind.COASTAL)
                if village:
                    moo += 1
                households = rng.randint(40, 350) if village else rng.randint(60, 600)
                created = self.moment(self.day_between(dt.date(2016, 1, 5), dt.date(2019, 9, 30)))
                leader, _g = self.walk_in_name()
                r = self.row(
                    Community, created,
                    created + dt.timedelta(days=rng.randint(0, 2000)),
                    name=name, kind=kind, subdistrict_id=code, district_id=district,
                    moo=moo if village and moo <= 30 else None, households=households,
                    population=int(households * rng.uniform(2.6, 3.8)),
                    leader_name=leader, phone=self.phone() if rng.random() < 0.8 else None,
                    notes=None,
                )
                rows.append(r)
                self.communities_by_tambon[code].append(r)
                self.community_short[r["id"]] = short
        self.community_rows = rows
        self.community_by_id = {c["id"]: c for c in rows}
        return rows

    # -- organizations, people, memberships ----------------------------------------------

    def organizations(self) -> list[dict[str, Any]]:
        """Organizations; people and memberships are made here too (they go together)."""
        rng = self.rng
        f = self.scale.factor
        p = self.pname
        orgs: list[dict[str, Any]] = []
        self.orgs_by_kind: dict[OrganizationKind, list[dict[str, Any]]] = defaultdict(list)
        self.council_of: dict[str, dict[str, Any]] = {}
        self.welfare_of: dict[str, dict[str, Any]] = {}

        def org(kind: OrganizationKind, name: str, tambon: str | None = None,
                district: str | None = None, community: dict[str, Any] | None = None,
                founded: dt.date | None = None, sector: Sector | None = None,
                **extra: Any) -> dict[str, Any]:
            founded = founded or self.day_between(dt.date(2004, 1, 1), dt.date(2018, 12, 31))
            created = self.moment(self.day_between(dt.date(2016, 6, 1), dt.date(2017, 3, 31)))
            if founded > created.date():
                created = self.moment(founded)
            if community is not None:
                tambon = community["subdistrict_id"]
            if tambon is not None:
                district = self.tambon_district[tambon]
            r = self.row(
                Organization, created, created + dt.timedelta(days=rng.randint(0, 2500)),
                name=name, kind=kind, sector=sector, subdistrict_id=tambon,
                district_id=district, community_id=community["id"] if community else None,
                founded_on=founded, registered_on=extra.pop("registered_on", None),
                members_count=extra.pop("members_count", None),
                fund_balance_satang=extra.pop("fund_balance_satang", None),
                savings_satang=extra.pop("savings_satang", None),
                phone=self.phone() if rng.random() < 0.7 else None, notes=None,
            )
            orgs.append(r)
            self.orgs_by_kind[kind].append(r)
            return r

        # The bodies that run the province's movement (each one meets).
        self.provincial_committee = org(
            OrganizationKind.COMMITTEE, f"คณะกรรมการขบวนองค์กรชุมชนจังหวัด{p}",
            district=self.capital_district, founded=dt.date(2012, 5, 14))
        self.cluster_committee = org(
            OrganizationKind.COMMITTEE,
            f"คณะกรรมการขบวนองค์กรชุมชน{self.cluster_name or 'กลุ่มจังหวัด'}",
            district=self.capital_district, founded=dt.date(2013, 2, 4))
        self.assembly_body = org(
            OrganizationKind.COMMITTEE, f"สมัชชาองค์กรชุมชนจังหวัด{p}",
            district=self.capital_district, founded=dt.date(2014, 8, 20))
        self.partner_forum = org(
            OrganizationKind.COMMITTEE, f"คณะทำงานภาคีความร่วมมือการพัฒนาจังหวัด{p}",
            district=self.capital_district, founded=dt.date(2015, 3, 9))
        wg_topics = [
            ("baan_mankong", "คณะทำงานบ้านมั่นคงจังหวัด"),
            ("welfare", "คณะทำงานสวัสดิการชุมชนจังหวัด"),
            ("baan_porpeang", "คณะทำงานบ้านพอเพียงจังหวัด"),
            ("community_economy", "คณะทำงานเศรษฐกิจชุมชนจังหวัด"),
            ("environment", "คณะทำงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด"),
            ("disaster", "คณะทำงานจัดการภัยพิบัติจังหวัด"),
            ("leadership", "คณะทำงานพัฒนาศักยภาพผู้นำจังหวัด"),
            ("homeless", "คณะทำงานแก้ไขปัญหาคนไร้บ้านจังหวัด"),
            ("canal_housing", "คณะทำงานที่ดินและที่อยู่อาศัยจังหวัด"),
            ("council_support", "คณะทำงานสนับสนุนสภาองค์กรชุมชนตำบลจังหวัด"),
            (None, "คณะทำงานข้อมูลและการสื่อสารจังหวัด"),
            (None, "คณะทำงานติดตามและตรวจสอบการใช้งบประมาณจังหวัด"),
        ]
        self.working_groups = [
            org(OrganizationKind.COMMITTEE, f"{title}{p}", district=self.capital_district,
                founded=self.day_between(dt.date(2013, 1, 1), dt.date(2016, 6, 30)))
            for _prog, title in wg_topics[: self.scale.working_groups]
        ]
        self.wg_program = {
            wg["id"]: prog for wg, (prog, _t) in zip(self.working_groups, wg_topics, strict=False)
        }

        # One tambon community council per tambon, and most tambons have a welfare fund.
        for code, name, _d in self.tambons:
            registered = self.day_between(dt.date(2009, 3, 1), dt.date(2016, 9, 1))
            n_comm = len(self.communities_by_tambon[code])
            self.council_of[code] = org(
                OrganizationKind.TAMBON_COUNCIL, f"สภาองค์กรชุมชน{self.T}{name}", tambon=code,
                founded=registered, registered_on=registered,
                members_count=max(8, n_comm * rng.randint(2, 3)))
        for code, name, _d in self.tambons:
            if rng.random() < 0.85:
                self.welfare_of[code] = org(
                    OrganizationKind.WELFARE_FUND, f"กองทุนสวัสดิการชุมชน{self.T}{name}", tambon=code,
                    founded=self.day_between(dt.date(2006, 1, 1), dt.date(2015, 12, 31)),
                    members_count=rng.randint(250, 3500),
                    fund_balance_satang=rng.randint(2_000, 60_000) * 100_00)
        # Local governments are the partners closest to communities.
        for code, name, _d in self.tambons:
            if self.pc == "10":
                continue  # Bangkok's districts are offices of the BMA, listed below
            if rng.random() < 0.6:
                kind = "เทศบาลตำบล" if rng.random() < 0.3 else "องค์การบริหารส่วนตำบล"
                org(OrganizationKind.PARTNER, f"{kind}{name}", tambon=code,
                    sector=Sector.LOCAL_GOVERNMENT, founded=dt.date(1997, 3, 1))
        if self.pc == "10":
            for d in self.districts:
                org(OrganizationKind.PARTNER, f"สำนักงานเขต{self.district_names[d]}", district=d,
                    sector=Sector.LOCAL_GOVERNMENT, founded=dt.date(1972, 12, 13))
        partners = [
            (Sector.GOVERNMENT, f"สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด{p}"),
            (Sector.LOCAL_GOVERNMENT, f"องค์การบริหารส่วนจังหวัด{p}"),
            (Sector.CIVIL_SOCIETY, f"มูลนิธิพัฒนาชุมชนจังหวัด{p}"),
            (Sector.ACADEMIC, f"วิทยาลัยเกษตรและเทคโนโลยี{p}"),
            (Sector.PRIVATE, f"หอการค้าจังหวัด{p}"),
            (Sector.COMMUNITY, f"ศูนย์ประสานงานองค์กรชุมชนจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานพัฒนาชุมชนจังหวัด{p}"),
            (Sector.GOVERNMENT, f"ที่ทำการปกครองจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานเกษตรจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานสาธารณสุขจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานที่ดินจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานสหกรณ์จังหวัด{p}"),
            (Sector.CIVIL_SOCIETY, f"สมาคมผู้สูงอายุจังหวัด{p}"),
            (Sector.CIVIL_SOCIETY, f"เครือข่ายประชาสังคมจังหวัด{p}"),
            (Sector.CIVIL_SOCIETY, f"มูลนิธิเพื่อนชุมชน{p}"),
            (Sector.PRIVATE, f"สภาอุตสาหกรรมจังหวัด{p}"),
            (Sector.PRIVATE, f"บริษัท {self.place_name()}พัฒนา จำกัด"),
            (Sector.ACADEMIC, f"โรงเรียน{self.place_name()}วิทยา"),
            (Sector.ACADEMIC, f"ศูนย์การศึกษานอกระบบและการศึกษาตามอัธยาศัยจังหวัด{p}"),
        ]
        for sector, name in partners[: max(6, round(len(partners) * min(1.0, f * 4)))]:
            org(OrganizationKind.PARTNER, name, district=self.capital_district, sector=sector,
                founded=self.day_between(dt.date(1990, 1, 1), dt.date(2010, 1, 1)))
        self.partner_orgs = list(self.orgs_by_kind[OrganizationKind.PARTNER])

        # Networks: province-wide ones, then per district.
        for title in ("เครือข่ายบ้านมั่นคงจังหวัด", "เครือข่ายสวัสดิการชุมชนจังหวัด",
                      "เครือข่ายสภาองค์กรชุมชนตำบลจังหวัด", "เครือข่ายคนไร้บ้านจังหวัด",
                      "เครือข่ายเกษตรกรรมยั่งยืนจังหวัด", "เครือข่ายผู้หญิงและครอบครัวจังหวัด"):
            org(OrganizationKind.NETWORK, f"{title}{p}", district=self.capital_district,
                members_count=rng.randint(20, 120))
        district_networks = (f"เครือข่ายองค์กรชุมชน{self.A}", f"เครือข่ายป่าชุมชน{self.A}",
                             f"เครือข่ายสวัสดิการชุมชน{self.A}")
        for d in self.districts:
            for title in district_networks:
                if title is district_networks[0] or rng.random() < 0.5:
                    org(OrganizationKind.NETWORK, f"{title}{self.district_names[d]}",
                        district=d, members_count=rng.randint(8, 60))

        village_comms = [c for c in self.community_rows
                         if c["kind"] not in (CommunityKind.URBAN, CommunityKind.OTHER)]
        housing_comms = [c for c in self.community_rows
                         if c["kind"] in (CommunityKind.URBAN, CommunityKind.CANAL_SIDE,
                                          CommunityKind.RAILWAY)] or self.community_rows
        for c in rng.sample(housing_comms, min(len(housing_comms), max(2, round(40 * f)))):
            org(OrganizationKind.COOPERATIVE,
                f"สหกรณ์เคหสถานบ้านมั่นคง{self.community_short[c['id']]} จำกัด", community=c,
                members_count=rng.randint(30, 250),
                savings_satang=rng.randint(300, 8_000) * 1000_00)
        rest = self.scale.organizations - len(orgs)
        savings = max(3, round(rest * 0.6))
        for c in rng.choices(village_comms or self.community_rows, k=savings):
            org(OrganizationKind.SAVINGS_GROUP,
                f"กลุ่มออมทรัพย์เพื่อการผลิต{self.community_short[c['id']]}"
                if c["kind"] is not CommunityKind.URBAN else
                f"กลุ่มออมทรัพย์ชุมชน{self.community_short[c['id']]}",
                community=c, members_count=rng.randint(30, 400),
                savings_satang=rng.randint(50, 4_000) * 1000_00)
        for c in rng.choices(village_comms or self.community_rows,
                             k=max(3, self.scale.organizations - len(orgs))):
            x = self.community_short[c["id"]].removeprefix("บ้าน")
            org(OrganizationKind.COMMUNITY_ORG, rng.choice(OCCUPATION_GROUPS).format(x=x),
                community=c, members_count=rng.randint(10, 80))
        self.org_rows = orgs
        self.org_by_id = {o["id"]: o for o in orgs}
        self._people_and_memberships()
        return orgs

    def _person(self, tambon: str | None, community: dict[str, Any] | None,
                position: str | None = None) -> dict[str, Any]:
        rng = self.rng
        x = rng.random()
        if x < 0.53:
            gender, first = Gender.FEMALE, rng.choice(FEMALE_NAMES)
            prefix = "นาง" if rng.random() < 0.7 else "นางสาว"
        elif x < 0.997:
            gender, first, prefix = Gender.MALE, rng.choice(MALE_NAMES), "นาย"
        else:
            gender, first, prefix = Gender.OTHER, rng.choice(FEMALE_NAMES + MALE_NAMES), None
        created = self.moment(self.day_between(dt.date(2016, 6, 1), dt.date(2025, 12, 31)))
        r = self.row(
            Person, created, created + dt.timedelta(days=rng.randint(0, 600)),
            prefix=prefix, first_name=first, last_name=self.surname(), gender=gender,
            position=position, phone=self.phone() if rng.random() < 0.85 else None,
            email=None, subdistrict_id=tambon,
            community_id=community["id"] if community else None, notes=None,
        )
        self.people_rows.append(r)
        self.person_by_id[r["id"]] = r
        return r

    def _people_and_memberships(self) -> None:
        rng = self.rng
        self.people_rows: list[dict[str, Any]] = []
        self.person_by_id: dict[str, dict[str, Any]] = {}
        self.memberships_rows: list[dict[str, Any]] = []
        self.seats: dict[str, list[dict[str, Any]]] = defaultdict(list)  # org id -> memberships
        self.person_orgs: dict[str, list[str]] = defaultdict(list)
        capital_tambon = next(c for c, _n, d in self.tambons if d == self.capital_district)

        # CODI staff who coordinate the province, and partner agencies' contact people.
        self.staff = [
            self._person(capital_tambon, None, "เจ้าหน้าที่ประสานงาน สถาบันพัฒนาองค์กรชุมชน")
            for _ in range(max(2, round(6 * self.scale.factor ** 0.5)))
        ]
        for s in self.staff:
            s["email"] = f"staff{len(self.people_rows):03d}@codi.or.th"
        self.partner_contacts: dict[str, dict[str, Any]] = {}
        for o in self.partner_orgs:
            contact = self._person(o["subdistrict_id"] or capital_tambon, None,
                                   "ผู้แทน" + o["name"])
            self.partner_contacts[o["id"]] = contact
        # Everyone else lives in a community of a tambon.
        n_local = max(0, self.scale.people - len(self.people_rows))
        comms = self.community_rows
        weights = [c["households"] for c in comms]
        self.people_by_tambon: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for c in rng.choices(comms, weights=weights, k=n_local):
            person = self._person(c["subdistrict_id"], c)
            self.people_by_tambon[c["subdistrict_id"]].append(person)
        self.local_people = [p for t in self.tambons for p in self.people_by_tambon[t[0]]]

        for o in self.partner_orgs:
            self.seat(o, self.partner_contacts[o["id"]], MembershipRole.COORDINATOR,
                      o["created_at"].date())

        def pool(tambon: str | None) -> list[dict[str, Any]]:
            people = self.people_by_tambon.get(tambon or "", [])
            return people if len(people) >= 6 else self.local_people

        sizes = {
            OrganizationKind.WELFARE_FUND: (5, 9), OrganizationKind.SAVINGS_GROUP: (3, 7),
            OrganizationKind.COOPERATIVE: (5, 9), OrganizationKind.COMMUNITY_ORG: (3, 5),
            OrganizationKind.NETWORK: (5, 11),
        }
        # Councils: one or two representatives per community of the tambon.
        self.council_chairs = []
        for code, _n, _d in self.tambons:
            council = self.council_of[code]
            size = min(30, max(9, len(self.communities_by_tambon[code]) + rng.randint(2, 4)))
            members = self.staff_body(council, pool(code), size)
            self.council_chairs.append(members[0])
        for kind, (lo, hi) in sizes.items():
            for o in self.orgs_by_kind[kind]:
                self.staff_body(o, pool(o["subdistrict_id"]), rng.randint(lo, hi))
        # Province bodies draw on the councils' leaders and the staff.
        chairs = list(self.council_chairs)
        rng.shuffle(chairs)
        size = self.scale.committee_size
        pc = self.staff_body(self.provincial_committee, chairs[: size - 3] +
                             rng.sample(self.local_people, 3), size - 1, shuffle=False)
        self.seat(self.provincial_committee, self.staff[0], MembershipRole.COORDINATOR,
                  self.provincial_committee["founded_on"])
        cluster_pool = pc[:8] + rng.sample(self.local_people, 12)
        self.staff_body(self.cluster_committee, cluster_pool, min(20, len(cluster_pool)))
        self.seat(self.cluster_committee, self.staff[0], MembershipRole.COORDINATOR,
                  self.cluster_committee["founded_on"])
        # The assembly's members are the councils (by their chairs) and the committee.
        for person in [*pc, *chairs[size - 3:]]:
            self.seat(self.assembly_body, person,
                      MembershipRole.CHAIR if person is pc[0] else MembershipRole.MEMBER,
                      self.assembly_body["founded_on"])
        forum = [self.partner_contacts[o["id"]] for o in self.partner_orgs
                 if o["sector"] is not Sector.LOCAL_GOVERNMENT][:10]
        self.staff_body(self.partner_forum, pc[:5] + forum, min(15, 5 + len(forum)),
                        shuffle=False)
        for i, wg in enumerate(self.working_groups):
            wg_pool = pc[3:] + rng.sample(self.local_people, 10)
            self.staff_body(wg, wg_pool, rng.randint(8, 11))
            self.seat(wg, self.staff[i % len(self.staff)], MembershipRole.COORDINATOR,
                      wg["founded_on"])
        # Everyone belongs somewhere: an ordinary member of a group of their own community,
        # or of their tambon's welfare fund (bodies whose members do not all sit in
        # meetings, so attendance stays the size of the councils and committees).
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for kind in (OrganizationKind.SAVINGS_GROUP, OrganizationKind.COMMUNITY_ORG):
            for o in self.orgs_by_kind[kind]:
                groups[o["community_id"]].append(o)
        for person in self.local_people:
            if person["id"] not in self.person_orgs:
                tambon = person["subdistrict_id"]
                choices = groups.get(person["community_id"], [])
                if tambon in self.welfare_of:
                    choices = [*choices, self.welfare_of[tambon]]
                body = rng.choice(choices) if choices else self.council_of[tambon]
                self.seat(body, person, MembershipRole.MEMBER, body["founded_on"])

    def seat(self, o: dict[str, Any], person: dict[str, Any], role: MembershipRole,
             from_on: dt.date, to_on: dt.date | None = None) -> dict[str, Any]:
        created = self.moment(max(from_on, o["created_at"].date()))
        m = self.row(Membership, created, person_id=person["id"], organization_id=o["id"],
                     role=role, from_on=from_on, to_on=to_on)
        self.memberships_rows.append(m)
        self.seats[o["id"]].append(m)
        self.person_orgs[person["id"]].append(o["id"])
        return m

    def staff_body(self, o: dict[str, Any], people: list[dict[str, Any]], size: int,
                   shuffle: bool = True) -> list[dict[str, Any]]:
        """Give an organization its officers and committee; some seats changed hands."""
        rng = self.rng
        if shuffle:
            chosen = rng.sample(people, min(size, len(people)))
        else:
            seen: set[str] = set()
            chosen = [p for p in people if not (p["id"] in seen or seen.add(p["id"]))][:size]
        roles = [MembershipRole.CHAIR, MembershipRole.VICE_CHAIR, MembershipRole.SECRETARY,
                 MembershipRole.TREASURER]
        start = max(o["founded_on"], dt.date(2010, 1, 1))
        current = []
        for i, person in enumerate(chosen):
            role = roles[i] if i < len(roles) else (
                MembershipRole.ADVISOR if i >= size - 1 and size > 12 else MembershipRole.COMMITTEE)
            if rng.random() < 0.12 and len(self.local_people) > 10:
                # An earlier holder of this seat, whose term ended.
                change = self.day_between(max(start + dt.timedelta(days=365),
                                              dt.date(2018, 1, 1)), dt.date(2025, 6, 30))
                earlier = rng.choice(people)
                if earlier["id"] != person["id"] and change < dt.date(2025, 6, 30):
                    self.seat(o, earlier, role, start, change - dt.timedelta(days=1))
                    self.seat(o, person, role, change)
                    current.append(person)
                    continue
            self.seat(o, person, role, start)
            current.append(person)
            if role is MembershipRole.CHAIR and person["position"] is None:
                person["position"] = f"ประธาน{o['name']}"
        return current

    def members_on(self, org_id: str, day: dt.date) -> list[dict[str, Any]]:
        return [m for m in self.seats.get(org_id, ())
                if (m["from_on"] is None or m["from_on"] <= day)
                and (m["to_on"] is None or m["to_on"] >= day)]

    # -- projects ------------------------------------------------------------------------

    def projects(self) -> list[dict[str, Any]]:
        rng = self.rng
        p = self.pname
        n = self.scale.projects
        growth = [0.75 + 0.05 * i for i in range(len(FISCAL_YEARS))]
        fys = rng.choices(FISCAL_YEARS, weights=growth, k=n)
        fys.sort()
        programs = list(PROGRAM_WEIGHTS)
        self.project_rows: list[dict[str, Any]] = []
        self.indicators: list[dict[str, Any]] = []
        self.project_amount: dict[str, int] = {}
        self.project_program: dict[str, str] = {}
        self.project_proposed: dict[str, dt.date] = {}
        counter: dict[tuple[str, int], int] = defaultdict(int)
        K = OrganizationKind
        by_kind = self.orgs_by_kind
        for fy in fys:
            program = rng.choices(programs, weights=list(PROGRAM_WEIGHTS.values()))[0]
            tambon_code, tambon_name, district = rng.choice(self.tambons)
            community = None
            comms = self.communities_by_tambon[tambon_code]
            households = None
            if program == "baan_mankong":
                o = rng.choice(by_kind[K.COOPERATIVE] + by_kind[K.SAVINGS_GROUP][:20])
                community = self._community_of(o) or rng.choice(comms or self.community_rows)
                households = rng.randint(30, 250)
                name = f"โครงการบ้านมั่นคงชุมชน{self.community_short[community['id']]}"
                per_house = rng.randint(45, 80) * 1000
            elif program == "baan_porpeang":
                o = self.council_of[tambon_code]
                households = rng.randint(8, 40)
                name = (f"โครงการบ้านพอเพียง {self.T}{tambon_name} "
                        f"{self.A}{self.district_names[district]}")
                per_house = 19_500
            elif program == "canal_housing":
                canal = [c for c in self.community_rows if c["kind"] is CommunityKind.CANAL_SIDE]
                community = rng.choice(canal or self.community_rows)
                o = self._org_in(community) or self.council_of[community["subdistrict_id"]]
                households = rng.randint(20, 150)
                name = f"โครงการพัฒนาที่อยู่อาศัยชุมชน{self.community_short[community['id']]}"
                per_house = rng.randint(60, 120) * 1000
            elif program == "homeless":
                o = by_kind[K.NETWORK][3] if len(by_kind[K.NETWORK]) > 3 else by_kind[K.NETWORK][0]
                households = rng.randint(15, 80)
                name = rng.choice((f"โครงการพัฒนาคุณภาพชีวิตคนไร้บ้านจังหวัด{p}",
                                   f"โครงการศูนย์พักคนไร้บ้านจังหวัด{p}",
                                   f"โครงการสร้างอาชีพและรายได้คนไร้บ้านจังหวัด{p}"))
                per_house = rng.randint(15, 40) * 1000
            elif program == "welfare":
                o = self.welfare_of.get(tambon_code) or rng.choice(by_kind[K.WELFARE_FUND])
                tambon_code = o["subdistrict_id"]
                tambon_name = self.tambon_name[tambon_code]
                name = rng.choice((f"โครงการสนับสนุนกองทุนสวัสดิการชุมชน{self.T}{tambon_name}",
                                   f"โครงการพัฒนาระบบสวัสดิการชุมชน{self.T}{tambon_name}"))
                per_house = 0
            elif program == "community_economy":
                o = rng.choice(by_kind[K.COMMUNITY_ORG] or by_kind[K.SAVINGS_GROUP])
                community = self._community_of(o)
                name = f"โครงการพัฒนาเศรษฐกิจชุมชน{o['name']}"
                per_house = 0
            elif program == "environment":
                x = self.community_short[rng.choice(comms)["id"]] if comms else tambon_name
                o = self.council_of[tambon_code]
                name = rng.choice((f"โครงการป่าชุมชน{x}", f"โครงการจัดการทรัพยากรน้ำชุมชน{x}",
                                   f"โครงการจัดการขยะและสิ่งแวดล้อมชุมชน{x}",
                                   f"โครงการเกษตรกรรมยั่งยืน{self.T}{tambon_name}"))
                per_house = 0
            elif program == "disaster":
                o = self.council_of[tambon_code]
                hazard = rng.choice(("อุทกภัย", "ภัยแล้ง", "วาตภัย", "อัคคีภัย"))
                households = rng.randint(10, 120)
                name = f"โครงการฟื้นฟูชุมชนหลัง{hazard} {self.T}{tambon_name}"
                per_house = rng.randint(5, 15) * 1000
            elif program == "council_support":
                o = self.council_of[tambon_code]
                name = f"โครงการสนับสนุนการดำเนินงานสภาองค์กรชุมชน{self.T}{tambon_name}"
                per_house = 0
            else:  # leadership
                o = rng.choice(self.working_groups + by_kind[K.NETWORK][:3])
                name = rng.choice((f"โครงการพัฒนาศักยภาพแกนนำขบวนองค์กรชุมชนจังหวัด{p}",
                                   f"โครงการโรงเรียนผู้นำชุมชนจังหวัด{p}",
                                   f"โครงการพัฒนาผู้นำรุ่นใหม่ขบวนองค์กรชุมชนจังหวัด{p}"))
                per_house = 0
            if community is not None:
                tambon_code = community["subdistrict_id"]
            elif o["subdistrict_id"]:
                tambon_code = o["subdistrict_id"]
            elif program in ("homeless", "leadership"):
                tambon_code = None  # province-wide
            district = self.tambon_district.get(tambon_code or "", o["district_id"])
            if per_house and households:
                amount = households * per_house
            else:
                amount = {"welfare": (50, 300), "community_economy": (50, 500),
                          "environment": (50, 300), "council_support": (30, 100),
                          "leadership": (80, 400), "homeless": (300, 2000)}.get(
                              program, (100, 500))
                amount = rng.randint(*amount) * 1000
            amount = max(10_000, amount // 1000 * 1000) * 100  # whole thousands of baht
            funding = (FundingType.LOAN if program in ("baan_mankong", "canal_housing")
                       and rng.random() < 0.3 else FundingType.SUBSIDY)
            if funding is FundingType.LOAN:
                amount *= 4
            fy_start, fy_end = _fy_start(fy), _fy_end(fy)
            proposed = self.day_between(fy_start - dt.timedelta(days=60),
                                        fy_start + dt.timedelta(days=150))
            starts = proposed + dt.timedelta(days=rng.randint(30, 90))
            months = 12 if program in ("baan_mankong", "canal_housing") else 6
            ends = starts + dt.timedelta(days=rng.randint(60, 30 * months + 60))
            if ends > fy_end and program not in ("baan_mankong", "canal_housing"):
                ends = max(starts, fy_end)
            roll = rng.random()
            if fy == LAST_FY and roll > 0.88:
                # Still waiting for approval: proposed in the last few months.
                proposed = self.day_between(self.today - dt.timedelta(days=100),
                                            self.today - dt.timedelta(days=5))
                starts = proposed + dt.timedelta(days=rng.randint(45, 90))
                ends = starts + dt.timedelta(days=rng.randint(60, 30 * months + 60))
                status = ProjectStatus.PROPOSED
            elif proposed > self.today - dt.timedelta(days=45):
                status = ProjectStatus.PROPOSED
            elif roll < 0.025:
                status = ProjectStatus.CANCELLED
            elif starts > self.today:
                status = ProjectStatus.APPROVED
            elif ends >= self.today:
                status = ProjectStatus.IN_PROGRESS
            else:
                status = ProjectStatus.COMPLETED
            counter[(program, fy)] += 1
            code = f"{PROGRAM_ABBR[program]}-{fy}-{self.pc}-{counter[(program, fy)]:03d}"
            created = self.moment(min(proposed, self.today))
            last = min(self.today, ends if status is ProjectStatus.COMPLETED else self.today)
            pr = self.row(
                Project, created, self.moment(max(proposed, last)),
                code=code, name=name, program_id=reference_id("program", program),
                fiscal_year=fy, organization_id=o["id"],
                community_id=community["id"] if community else None,
                subdistrict_id=tambon_code if tambon_code in self.tambon_name else None,
                district_id=district, status=status, funding_type=funding,
                households=households, starts_on=starts, ends_on=ends,
                description=f"{name} ดำเนินการโดย{o['name']}",
            )
            self.project_proposed[pr["id"]] = proposed
            self.project_rows.append(pr)
            self.project_amount[pr["id"]] = amount
            self.project_program[pr["id"]] = program
            for ind_name, unit in INDICATORS[program][: rng.randint(1, 2)]:
                target = households if households and unit in ("ครัวเรือน", "หลัง", "คน") else (
                    rng.randint(5, 200))
                if status is ProjectStatus.COMPLETED:
                    actual = max(0, round(target * rng.uniform(0.85, 1.05)))
                elif status is ProjectStatus.IN_PROGRESS:
                    actual = round(target * rng.uniform(0.1, 0.8))
                else:
                    actual = None
                self.indicators.append(self.row(
                    Indicator, created, pr["updated_at"], project_id=pr["id"], name=ind_name,
                    unit=unit, target=target, actual=actual))
        self.project_by_id = {pr["id"]: pr for pr in self.project_rows}
        self.projects_by_fy: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for pr in self.project_rows:
            self.projects_by_fy[pr["fiscal_year"]].append(pr)
        return self.project_rows

    def _community_of(self, o: dict[str, Any]) -> dict[str, Any] | None:
        cid = o["community_id"]
        if cid is None:
            return None
        return self.community_by_id[cid]

    def _org_in(self, community: dict[str, Any]) -> dict[str, Any] | None:
        for kind in (OrganizationKind.COOPERATIVE, OrganizationKind.SAVINGS_GROUP):
            for o in self.orgs_by_kind[kind]:
                if o["community_id"] == community["id"]:
                    return o
        return None

    # -- the budget ledger ---------------------------------------------------------------

    def ledger(self) -> list[dict[str, Any]]:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        staff = [self.full_name(s) for s in self.staff]
        doc_no = defaultdict(int)
        net_approved: dict[tuple[str, int], int] = defaultdict(int)
        first_approval: dict[tuple[str, int], dt.date] = {}

        def entry(kind: LedgerKind, fy: int, program_id: str, amount: int, day: dt.date,
                  project: dict[str, Any] | None = None, tranche: int | None = None,
                  reverses: dict[str, Any] | None = None, note: str | None = None
                  ) -> dict[str, Any]:
            if amount <= 0:
                raise AssertionError(f"ledger amounts are positive: {kind} {amount}")
            be = day.year + 543
            doc_no[be] += 1
            created = self.moment(day)
            r = self.row(
                LedgerEntry, created, kind=kind, fiscal_year=fy, program_id=program_id,
                project_id=project["id"] if project else None, amount_satang=amount,
                tranche_no=tranche, entry_date=day,
                reverses_id=reverses["id"] if reverses else None,
                reference=f"พอช. {doc_no[be]}/{be}", note=note,
                recorded_by=rng.choice(staff),
            )
            rows.append(r)
            return r

        def reverse(target: dict[str, Any], day: dt.date, why: str) -> dict[str, Any]:
            return entry(LedgerKind.REVERSAL, target["fiscal_year"], target["program_id"],
                         target["amount_satang"], day, project=self._project(target),
                         reverses=target, note=f"กลับรายการ {target['reference']}: {why}")

        project_entries: list[dict[str, Any]] = []
        for pr in self.project_rows:
            status = pr["status"]
            if status is ProjectStatus.PROPOSED:
                continue
            fy, program_id = pr["fiscal_year"], pr["program_id"]
            approved = self.project_amount[pr["id"]]
            approved_on = min(max(self.project_proposed[pr["id"]] + dt.timedelta(days=rng.randint(14, 45)),
                                  _fy_start(fy) + dt.timedelta(days=20)),
                              pr["starts_on"], self.today)
            key = (self.project_program[pr["id"]], fy)
            first_approval[key] = min(first_approval.get(key, approved_on), approved_on)
            start = len(rows)
            approval = entry(LedgerKind.APPROVAL, fy, program_id, approved, approved_on, pr,
                             note="อนุมัติโครงการ")
            if status is ProjectStatus.CANCELLED:
                reverse(approval,
                        min(self.today, approved_on + dt.timedelta(days=rng.randint(20, 90))),
                        "ยกเลิกโครงการ")
                project_entries.extend(rows[start:])
                continue
            net_approved[key] += approved
            program = self.project_program[pr["id"]]
            n_tranches = rng.randint(4, 6) if program in ("baan_mankong", "canal_housing") \
                else rng.randint(2, 4)
            tranches = _split(approved, n_tranches, rng, 1000_00)
            span = max(1, (pr["ends_on"] - pr["starts_on"]).days)
            refund_leftover = status is ProjectStatus.COMPLETED and rng.random() < 0.1
            disbursed = 0
            mistake = rng.random()
            for i, amount in enumerate(tranches, start=1):
                day = pr["starts_on"] + dt.timedelta(days=span * (i - 1) // len(tranches))
                if day > self.today:
                    break
                if i > 1 and mistake < 0.012 and approved - disbursed - amount >= amount:
                    # Keyed in twice; the duplicate is reversed the same week.
                    dup = entry(LedgerKind.DISBURSEMENT, fy, program_id, amount, day, pr, i,
                                note=f"เบิกจ่ายงวดที่ {i}")
                    reverse(dup, min(self.today, day + dt.timedelta(days=rng.randint(1, 6))),
                            "บันทึกซ้ำ")
                    mistake = 1.0
                entry(LedgerKind.DISBURSEMENT, fy, program_id, amount, day, pr, i,
                      note=f"เบิกจ่ายงวดที่ {i}")
                disbursed += amount
                spend = amount
                last = i == len(tranches)
                if last and refund_leftover:
                    spend = amount - rng.randint(1, max(1, amount // 10_000_00 + 1)) * 1000_00 \
                        if amount > 2000_00 else amount
                reports = _split(spend, rng.randint(1, 3), rng, 1)
                for j, spent in enumerate(reports):
                    rday = day + dt.timedelta(days=rng.randint(20, 60) * (j + 1))
                    if rday > self.today:
                        break
                    if mistake < 0.035 and spent > 100_00:
                        wrong = entry(LedgerKind.EXPENDITURE, fy, program_id,
                                      spent // 10 or 1, rday, pr, i,
                                      note=f"รายงานการใช้จ่ายงวดที่ {i}")
                        reverse(wrong, min(self.today, rday + dt.timedelta(days=3)),
                                "บันทึกจำนวนเงินผิด")
                        mistake = 1.0
                    # Cents as people really spend them.
                    entry(LedgerKind.EXPENDITURE, fy, program_id, spent, rday, pr, i,
                          note=f"รายงานการใช้จ่ายงวดที่ {i}")
                if last and spend < amount:
                    rday = min(self.today, max(pr["ends_on"], day) + dt.timedelta(days=30))
                    entry(LedgerKind.REFUND, fy, program_id, amount - spend, rday, pr,
                          note="คืนเงินเหลือจ่ายเมื่อปิดโครงการ")
            project_entries.extend(rows[start:])
        # Allocations first in the ledger: HQ allots each program's budget for each year.
        rows.clear()
        programs = [code for code, _th, _en in PROGRAMS]
        for fy in FISCAL_YEARS:
            for program in programs:
                net = net_approved.get((program, fy), 0)
                total = max(200_000_00, int(net * rng.uniform(1.0, 1.12)))
                total = -(-total // 10_000_00) * 10_000_00
                day = min(first_approval.get((program, fy), _fy_start(fy) + dt.timedelta(days=40)),
                          _fy_start(fy) + dt.timedelta(days=rng.randint(10, 20)))
                if rng.random() < 0.25 and total > 2_000_000_00:
                    top_up = total // 4 // 10_000_00 * 10_000_00
                    entry(LedgerKind.ALLOCATION, fy, reference_id("program", program),
                          total - top_up, day, note="จัดสรรงบประมาณประจำปี")
                    entry(LedgerKind.ALLOCATION, fy, reference_id("program", program), top_up,
                          min(self.today, day + dt.timedelta(days=rng.randint(90, 180))),
                          note="จัดสรรงบประมาณเพิ่มเติม")
                else:
                    entry(LedgerKind.ALLOCATION, fy, reference_id("program", program), total,
                          day, note="จัดสรรงบประมาณประจำปี")
        rows.extend(project_entries)
        self.ledger_rows = rows
        return rows

    def _project(self, entry: dict[str, Any]) -> dict[str, Any] | None:
        if entry["project_id"] is None:
            return None
        return self.project_by_id[entry["project_id"]]

    # -- meetings ------------------------------------------------------------------------

    def _schedule(self, per_year: float, start: dt.date) -> list[dt.date]:
        first, last = _fy_start(FIRST_FY), _fy_end(LAST_FY)
        start = max(first, start)
        count = round(per_year * (last - start).days / 365.25)
        if count <= 0:
            return []
        step = (last - start).days / count
        days = []
        for i in range(count):
            base = start + dt.timedelta(days=step * i + step / 2)
            day = _weekday(base + dt.timedelta(days=self.rng.randint(-int(step / 5), int(step / 5))))
            if day == self.today:
                day += dt.timedelta(days=1)
            days.append(min(max(day, first), last))
        return sorted(set(days))

    def meetings(self) -> list[dict[str, Any]]:
        rng = self.rng
        sc = self.scale
        r_committee, r_cluster, r_wg, r_partner = sc.rates
        bodies: list[tuple[dict[str, Any], MeetingKind, list[dt.date]]] = []
        start = _fy_start(FIRST_FY)
        bodies.append((self.provincial_committee, MeetingKind.PROVINCIAL_COMMITTEE,
                       self._schedule(r_committee, start)))
        bodies.append((self.cluster_committee, MeetingKind.CLUSTER,
                       self._schedule(r_cluster, start)))
        assembly_days = [_weekday(dt.date(fy - 543, rng.randint(6, 8), rng.randint(1, 28)))
                         for fy in FISCAL_YEARS]
        bodies.append((self.assembly_body, MeetingKind.PROVINCIAL_ASSEMBLY, assembly_days))
        bodies.append((self.partner_forum, MeetingKind.PARTNER_CONSULTATION,
                       self._schedule(r_partner, start)))
        for wg in self.working_groups:
            bodies.append((wg, MeetingKind.WORKING_GROUP, self._schedule(r_wg, start)))
        planned = sum(len(days) for _b, _k, days in bodies)
        councils = [self.council_of[t[0]] for t in self.tambons]
        remaining = max(len(councils), sc.meetings - planned)
        per_council: dict[str, list[dt.date]] = defaultdict(list)
        for i in range(remaining):
            council = councils[i % len(councils)] if i < len(councils) else rng.choice(councils)
            day = _weekday(self.day_between(max(start, council["registered_on"]),
                                            _fy_end(LAST_FY)))
            if day == self.today:
                day += dt.timedelta(days=1)
            per_council[council["id"]].append(day)
        for council in councils:
            days = sorted(set(per_council[council["id"]]))
            bodies.append((council, MeetingKind.TAMBON_COUNCIL, days))

        self.meeting_rows: list[dict[str, Any]] = []
        self.agenda: list[dict[str, Any]] = []
        self.invitees: list[dict[str, Any]] = []
        self.attendance: list[dict[str, Any]] = []
        self.votes: list[dict[str, Any]] = []
        self.actions: list[dict[str, Any]] = []
        self.assembly_of_fy: dict[int, dict[str, Any]] = {}
        self.attendance_of: dict[str, int] = {}
        everything = [m for body, kind, days in bodies
                      for m in self._body_meetings(body, kind, days)]
        # In date order, so a meeting's previous meeting is always inserted before it.
        everything.sort(key=lambda m: (m["starts_at"], m["id"]))
        self.meeting_rows = everything
        return everything

    def _title(self, kind: MeetingKind, body: dict[str, Any], day: dt.date) -> str:
        if kind is MeetingKind.PROVINCIAL_COMMITTEE:
            return f"การประชุมคณะกรรมการขบวนองค์กรชุมชนจังหวัด{self.pname}"
        if kind is MeetingKind.PROVINCIAL_ASSEMBLY:
            return f"สมัชชาองค์กรชุมชนจังหวัด{self.pname} ประจำปี {_fy_of(day)}"
        if kind is MeetingKind.PARTNER_CONSULTATION:
            return f"การประชุมหารือภาคีความร่วมมือการพัฒนาจังหวัด{self.pname}"
        return f"การประชุม{body['name']}"

    def _place(self, kind: MeetingKind, body: dict[str, Any]) -> tuple[str, str | None]:
        rng = self.rng
        capital_tambon = next(c for c, _n, d in self.tambons if d == self.capital_district)
        if kind is MeetingKind.TAMBON_COUNCIL:
            t = body["subdistrict_id"]
            name = self.tambon_name[t]
            comms = self.communities_by_tambon[t]
            place = rng.choice((
                f"ที่ทำการสภาองค์กรชุมชน{self.T}{name}",
                f"ห้องประชุมสำนักงานเขต{self.district_names[body['district_id']]}"
                if self.pc == "10" else f"ห้องประชุมองค์การบริหารส่วนตำบล{name}",
                f"ศาลาประชาคม{self.community_short[rng.choice(comms)['id']]}" if comms
                else f"ศาลาประชาคม{self.T}{name}",
            ))
            return place, t
        if kind is MeetingKind.PROVINCIAL_ASSEMBLY:
            return rng.choice((f"หอประชุมศาลากลางจังหวัด{self.pname}",
                               f"หอประชุมองค์การบริหารส่วนจังหวัด{self.pname}")), capital_tambon
        if kind is MeetingKind.CLUSTER:
            return f"ห้องประชุมศูนย์ประสานงาน{self.cluster_name or ''}", capital_tambon
        return rng.choice((
            f"ห้องประชุมศูนย์ประสานงานองค์กรชุมชนจังหวัด{self.pname}",
            f"ห้องประชุมสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด{self.pname}",
            f"ห้องประชุมศาลากลางจังหวัด{self.pname}",
        )), capital_tambon

    def _body_meetings(self, body: dict[str, Any], kind: MeetingKind,
                       days: list[dt.date]) -> list[dict[str, Any]]:
        rng = self.rng
        out: list[dict[str, Any]] = []
        numbers: dict[int, int] = defaultdict(int)
        previous: dict[str, Any] | None = None
        prev_actions: list[dict[str, Any]] = []
        for index, day in enumerate(days):
            year = day.year + 543
            numbers[year] += 1
            held = day < self.today
            next_day = days[index + 1] if index + 1 < len(days) else None
            next_held = next_day is not None and next_day < self.today
            if kind is MeetingKind.PROVINCIAL_ASSEMBLY:
                hour, minute, hours = 8, 30, 8
            elif kind is MeetingKind.TAMBON_COUNCIL:
                hour, minute, hours = rng.choice(((9, 0, 3), (13, 30, 3)))
            else:
                hour, minute, hours = rng.choice(((9, 0, 3), (9, 30, 6), (13, 0, 3)))
            starts = _at(day, hour, minute)
            ends = starts + dt.timedelta(hours=hours)
            members = self.members_on(body["id"], day)
            chair = next((m for m in members if m["role"] is MembershipRole.CHAIR), None)
            vice = next((m for m in members if m["role"] is MembershipRole.VICE_CHAIR), None)
            secretary = next((m for m in members if m["role"] is MembershipRole.SECRETARY), None)
            coordinator = next(
                (m for m in members if m["role"] is MembershipRole.COORDINATOR), secretary)
            if held:
                if next_held and next_day is not None and (self.today - next_day).days > 180:
                    status = MeetingStatus.LOCKED
                elif next_held:
                    status = MeetingStatus.MINUTES_CERTIFIED
                elif (self.today - day).days > 3:
                    status = MeetingStatus.MINUTES_DRAFT
                else:
                    status = MeetingStatus.HELD
            else:
                status = (MeetingStatus.INVITED if (day - self.today).days <= 21
                          else MeetingStatus.PLANNED)
            place, tambon = self._place(kind, body)
            created = self.moment(day - dt.timedelta(days=rng.randint(14, 35)))
            started = starts + dt.timedelta(minutes=rng.randint(0, 25)) if held else None
            ended = (started + dt.timedelta(minutes=hours * 60 + rng.randint(-40, 30))
                     if started else None)
            certified_on = next_day if next_held else None
            updated = _at(certified_on, 17) if certified_on else (ended or created)
            m = self.row(
                Meeting, created, updated, kind=kind, title=self._title(kind, body, day),
                organization_id=body["id"], number=numbers[year], number_year=year,
                starts_at=starts, ends_at=ends, started_at=started, ended_at=ended,
                place=place, subdistrict_id=tambon,
                organiser=body["name"],
                chair_id=chair["person_id"] if chair else None,
                secretary_id=secretary["person_id"] if secretary else None,
                # Without a secretary of its own (the assembly) CODI's staff take minutes.
                minute_taker_id=((coordinator or secretary or {}).get("person_id")
                                 or self.staff[0]["id"]) if held else None,
                reviewer_id=((vice or chair or {}).get("person_id")) if held else None,
                status=status,
                previous_meeting_id=previous["id"] if previous else None,
                # The certifying meeting comes later in this same table, so a
                # parents-first insert cannot carry the link: certification_links()
                # gives it, to apply once the meetings are in.
                certified_on=certified_on, certified_in_meeting_id=None,
                minutes_version=2 if certified_on and rng.random() < 0.15 else 1,
                notes=None,
            )
            out.append(m)
            if kind is MeetingKind.PROVINCIAL_ASSEMBLY:
                self.assembly_of_fy[_fy_of(day)] = m
            called = status is not MeetingStatus.PLANNED
            present = self._people_at(m, body, kind, members, held) if called else 0
            prev_actions = self._agenda(m, body, kind, previous, prev_actions, held, present,
                                        members, day, next_day if next_held else None)
            previous = m
        return out

    def _people_at(self, m: dict[str, Any], body: dict[str, Any], kind: MeetingKind,
                   members: list[dict[str, Any]], held: bool) -> int:
        """Invitees for a meeting that was called, attendance for one that was held."""
        rng = self.rng
        created = m["created_at"]
        mid = m["id"]
        seen: set[str] = set()
        for ms in members:
            if ms["person_id"] in seen:
                continue
            seen.add(ms["person_id"])
            self.invitees.append(self.row(
                Invitee, created, meeting_id=mid, person_id=ms["person_id"],
                organization_id=None, name=self.full_name(self.person_by_id[ms["person_id"]]), role="member"))
        guests: list[dict[str, Any]] = []
        if kind in (MeetingKind.PROVINCIAL_COMMITTEE, MeetingKind.PARTNER_CONSULTATION,
                    MeetingKind.PROVINCIAL_ASSEMBLY, MeetingKind.WORKING_GROUP):
            guests = rng.sample(self.partner_orgs, min(len(self.partner_orgs), rng.randint(1, 3)))
        elif kind is MeetingKind.TAMBON_COUNCIL:
            guests = [o for o in self.partner_orgs if o["subdistrict_id"] == body["subdistrict_id"]]
        for o in guests:
            self.invitees.append(self.row(
                Invitee, created, meeting_id=mid, person_id=None, organization_id=o["id"],
                name=o["name"], role="observer"))
        if not held:
            return 0
        starts = m["started_at"]
        present = 0  # members and their substitutes: those who may vote
        guests_present = 0
        seen.clear()
        rows = self.attendance
        for ms in members:
            person = self.person_by_id[ms["person_id"]]
            if person["id"] in seen:
                continue
            seen.add(person["id"])
            roll = rng.random()
            signed = starts - dt.timedelta(minutes=rng.randint(0, 40))
            base = dict(meeting_id=mid, organization_name=body["name"],
                        organization_id=body["id"], position=ROLE_TH[ms["role"]],
                        subdistrict_id=person["subdistrict_id"], reason=None,
                        substitute_for_id=None, substitute_for_name=None)
            if roll < 0.80 or ms["role"] is MembershipRole.CHAIR:
                rows.append(self.row(Attendance, signed, person_id=person["id"],
                                     person_name=self.full_name(person), gender=person["gender"],
                                     status=AttendanceStatus.PRESENT, signed_in_at=signed, **base))
                present += 1
            elif roll < 0.93:
                base["reason"] = rng.choice(ABSENCE_REASONS)
                rows.append(self.row(Attendance, m["created_at"], person_id=person["id"],
                                     person_name=self.full_name(person), gender=person["gender"],
                                     status=AttendanceStatus.ABSENT, signed_in_at=None, **base))
            else:
                # Someone from the member's own community comes in their place.
                name, gender = self.walk_in_name()
                base["substitute_for_id"] = person["id"]
                base["substitute_for_name"] = self.full_name(person)
                base["position"] = f"มาแทน{ROLE_TH[ms['role']]}"
                rows.append(self.row(Attendance, signed, person_id=None, person_name=name,
                                     gender=gender, status=AttendanceStatus.SUBSTITUTE,
                                     signed_in_at=signed, **base))
                present += 1
        # Non-members: CODI staff, partners' representatives, walk-ins.
        if kind is MeetingKind.PROVINCIAL_ASSEMBLY:
            extra = round(rng.randint(60, 140) * max(0.1, self.scale.factor))
        else:
            extra = rng.randint(1, 4)
        for i in range(extra):
            signed = starts - dt.timedelta(minutes=rng.randint(0, 40))
            if i == 0 and kind is not MeetingKind.TAMBON_COUNCIL:
                person = self.staff[rng.randrange(len(self.staff))]
                org_name, org_id = "สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)", None
            elif self.partner_orgs and rng.random() < 0.5:
                o = rng.choice(self.partner_orgs)
                person, org_name, org_id = self.partner_contacts[o["id"]], o["name"], o["id"]
            else:
                person = rng.choice(self.local_people)
                org_name, org_id = f"ชุมชน{self.community_short.get(person['community_id'], '')}", None
            if person["id"] in seen:
                continue
            seen.add(person["id"])
            rows.append(self.row(
                Attendance, signed, meeting_id=mid, person_id=person["id"],
                person_name=self.full_name(person), organization_name=org_name,
                organization_id=org_id, position=person["position"],
                subdistrict_id=person["subdistrict_id"], gender=person["gender"],
                status=AttendanceStatus.ATTENDEE, reason=None, substitute_for_id=None,
                substitute_for_name=None, signed_in_at=signed))
            guests_present += 1
        self.attendance_of[mid] = present + guests_present
        return present

    def _agenda(self, m: dict[str, Any], body: dict[str, Any], kind: MeetingKind,
                previous: dict[str, Any] | None, prev_actions: list[dict[str, Any]],
                held: bool, present: int, members: list[dict[str, Any]], day: dt.date,
                next_held_day: dt.date | None) -> list[dict[str, Any]]:
        """The six standard sections; returns this meeting's action items."""
        rng = self.rng
        fy = _fy_of(day)
        created = m["created_at"]
        updated = m["updated_at"]
        chair = "ประธาน"
        secretary = "เลขานุการ"
        items: list[dict[str, Any]] = []

        def item(section: int, title: str, resolution: str | None, presenter: str,
                 notes: str | None = None, minutes: str | None = None,
                 parent: dict[str, Any] | None = None, project: dict[str, Any] | None = None,
                 action_id: str | None = None) -> dict[str, Any]:
            r = self.row(
                AgendaItem, created, updated if held else created, meeting_id=m["id"],
                parent_id=parent["id"] if parent else None, section=section,
                position=sum(1 for i in items if i["section"] == section
                             and i["parent_id"] == (parent["id"] if parent else None)) + 1,
                title=title, presenter=presenter, duration_minutes=rng.choice((10, 15, 20, 30)),
                notes=notes, minutes_text=(minutes or f"{presenter}ชี้แจงต่อที่ประชุม "
                                           "ที่ประชุมได้ร่วมแลกเปลี่ยนความคิดเห็น") if held else None,
                resolution=resolution if held else None,
                project_id=project["id"] if project else None, action_item_id=action_id)
            items.append(r)
            return r

        # 1. Chair's announcements.
        announcements = [
            f"แจ้งนโยบายสถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน) ปีงบประมาณ {fy}",
            f"แจ้งผลการประชุมคณะกรรมการขบวนองค์กรชุมชน{self.cluster_name or 'กลุ่มจังหวัด'}",
            f"แจ้งกำหนดการจัดสมัชชาองค์กรชุมชนจังหวัด{self.pname} ประจำปี {fy}",
            "ประธานแจ้งเรื่องทั่วไปให้ที่ประชุมทราบ",
            "แจ้งผลการประชุมสมัชชาสภาองค์กรชุมชนแห่งชาติ",
        ]
        item(1, rng.choice(announcements), "ที่ประชุมรับทราบ", chair)
        # 2. Certify the previous minutes.
        if previous is not None:
            n = f"{previous['number']}/{previous['number_year']}"
            fixed = previous["minutes_version"] > 1
            item(2, f"รับรองรายงานการประชุมครั้งที่ {n}",
                 f"ที่ประชุมมีมติรับรองรายงานการประชุมครั้งที่ {n} "
                 + ("โดยมีการแก้ไขตามที่เสนอ" if fixed else "โดยไม่มีการแก้ไข"), secretary)
        # 3. Matters arising: what the previous meeting asked people to do.
        for a in prev_actions:
            if a["status"] is ActionStatus.DONE:
                outcome = "ที่ประชุมรับทราบ ดำเนินการแล้วเสร็จ"
            elif a["status"] is ActionStatus.CANCELLED:
                outcome = "ที่ประชุมมีมติให้ยกเลิกเรื่องนี้"
            else:
                outcome = "ที่ประชุมรับทราบความก้าวหน้า และให้ติดตามต่อในการประชุมครั้งต่อไป"
            item(3, f"ติดตาม: {a['title']}", outcome, a["owner_name"] or secretary,
                 action_id=a["id"])
        # 4. For information.
        info = [
            f"รายงานสถานะการเบิกจ่ายงบประมาณ ปีงบประมาณ {fy}",
            "รายงานความก้าวหน้าการดำเนินงานโครงการในพื้นที่",
            "รายงานผลการดำเนินงานกองทุนสวัสดิการชุมชน",
            "รายงานสถานการณ์ภัยพิบัติและการช่วยเหลือผู้ประสบภัย",
            "รายงานผลการประชุมคณะทำงานชุดต่าง ๆ",
        ]
        if rng.random() < 0.5:
            item(4, rng.choice(info), "ที่ประชุมรับทราบ", secretary)
        # 5. For decision, some about this year's projects.
        fy_projects = self.projects_by_fy.get(fy, [])
        if kind is MeetingKind.TAMBON_COUNCIL:
            fy_projects = [pr for pr in fy_projects
                           if pr["subdistrict_id"] == body["subdistrict_id"]]
        decisions: list[dict[str, Any]] = []
        n_decisions = 1 + (rng.random() < 0.45)
        if fy_projects and rng.random() < 0.4 and n_decisions == 2:
            parent = item(5, f"พิจารณาโครงการปีงบประมาณ {fy}",
                          "ที่ประชุมพิจารณาเป็นรายโครงการ ดังนี้", secretary)
            for pr in rng.sample(fy_projects, min(2, len(fy_projects))):
                decisions.append(item(
                    5, f"พิจารณา{pr['name']}",
                    f"ที่ประชุมมีมติเห็นชอบ{pr['name']} และให้เสนอสถาบันพัฒนาองค์กรชุมชนพิจารณาอนุมัติ",
                    secretary, parent=parent, project=pr))
        else:
            topics = [
                (f"พิจารณาแผนปฏิบัติการประจำปีงบประมาณ {fy}",
                 f"ที่ประชุมมีมติเห็นชอบแผนปฏิบัติการประจำปีงบประมาณ {fy}"),
                (f"พิจารณาการจัดสมัชชาองค์กรชุมชนจังหวัด{self.pname} ประจำปี {fy}",
                 "ที่ประชุมมีมติเห็นชอบในหลักการ และมอบหมายคณะทำงานจัดเตรียมรายละเอียด"),
                ("พิจารณาคัดเลือกผู้แทนเข้าร่วมเวทีระดับภาค",
                 "ที่ประชุมมีมติเห็นชอบผู้แทนตามที่เสนอ"),
                ("พิจารณาแนวทางการแก้ไขปัญหาที่ดินและที่อยู่อาศัย",
                 "ที่ประชุมมีมติเห็นชอบแนวทาง และให้จัดทำข้อเสนอต่อหน่วยงานที่เกี่ยวข้อง"),
                ("พิจารณาหลักเกณฑ์การจ่ายสวัสดิการชุมชน",
                 "ที่ประชุมมีมติเห็นชอบหลักเกณฑ์ตามที่เสนอ"),
                ("พิจารณาแผนพัฒนาจังหวัดของขบวนองค์กรชุมชน",
                 "ที่ประชุมมีมติเห็นชอบแผนพัฒนาจังหวัด และให้เสนอต่อคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ"),
            ]
            for _ in range(n_decisions):
                if fy_projects and rng.random() < 0.35:
                    pr = rng.choice(fy_projects)
                    decisions.append(item(
                        5, f"พิจารณา{pr['name']}",
                        f"ที่ประชุมมีมติเห็นชอบ{pr['name']} และให้เสนอสถาบันพัฒนาองค์กรชุมชนพิจารณาอนุมัติ",
                        secretary, project=pr))
                else:
                    title, resolution = rng.choice(topics)
                    decisions.append(item(5, title, resolution, chair))
        # 6. Other business.
        if rng.random() < 0.4:
            if next_held_day is not None:
                item(6, "กำหนดวันประชุมครั้งต่อไป",
                     f"ที่ประชุมกำหนดประชุมครั้งต่อไปในวันที่ {thai_date(next_held_day)}", chair)
            else:
                item(6, "เรื่องอื่น ๆ", "ไม่มี", chair)
        self.agenda.extend(items)

        actions: list[dict[str, Any]] = []
        if not held:
            return prev_actions  # still to be followed up when this meeting is held
        for d in decisions:
            if present >= 3 and rng.random() < 0.25:
                against = rng.randint(0, 2)
                abstain = rng.randint(0, 2)
                votes_for = max(0, present - against - abstain)
                self.votes.append(self.row(
                    Vote, m["ended_at"], meeting_id=m["id"], agenda_item_id=d["id"],
                    question=f"เห็นชอบ{d['title'].removeprefix('พิจารณา')}หรือไม่",
                    votes_for=votes_for, votes_against=against, abstentions=abstain))
                d["resolution"] = (d["resolution"] +
                                   f" ด้วยคะแนนเสียงเห็นชอบ {votes_for} เสียง "
                                   f"ไม่เห็นชอบ {against} เสียง งดออกเสียง {abstain} เสียง")
            if rng.random() < 0.55 and members:
                owner = rng.choice(members)
                due = day + dt.timedelta(days=rng.randint(14, 60))
                project = d["project_id"]
                # Followed up at the next meeting, which closed it; after the last meeting
                # held so far it is still open.
                if next_held_day is None:
                    status = ActionStatus.OPEN
                elif rng.random() < 0.94:
                    status = ActionStatus.DONE
                else:
                    status = ActionStatus.CANCELLED
                closed = _at(next_held_day, 12) if next_held_day is not None else None
                title = rng.choice((
                    "ประสานหน่วยงานที่เกี่ยวข้องและรายงานผลต่อที่ประชุม",
                    "จัดทำรายละเอียดโครงการเสนอสถาบันพัฒนาองค์กรชุมชน",
                    "แจ้งมติที่ประชุมให้ชุมชนในพื้นที่ทราบ",
                    "รวบรวมข้อมูลครัวเรือนเป้าหมายให้ครบถ้วน",
                    "จัดเวทีประชาคมรับฟังความคิดเห็น",
                    "จัดทำรายงานการเงินเสนอที่ประชุมครั้งต่อไป",
                ))
                a = self.row(
                    ActionItem, m["ended_at"], closed or m["ended_at"], meeting_id=m["id"],
                    agenda_item_id=d["id"], title=title, owner_person_id=owner["person_id"],
                    owner_name=self.full_name(self.person_by_id[owner["person_id"]]), due_on=due, status=status,
                    project_id=project, closed_at=closed,
                    closed_in_meeting_id=None, closing_note=(
                        "ดำเนินการแล้วเสร็จ รายงานต่อที่ประชุมแล้ว" if closed else
                        "ยกเลิก เนื่องจากไม่มีความจำเป็นแล้ว"
                        if status is ActionStatus.CANCELLED else None))
                actions.append(a)
        self.actions.extend(actions)
        return actions

    def fix_action_links(self) -> None:
        """Action items closed at the next meeting point at it (it exists by now)."""
        followed: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for a in self.agenda:
            if a["action_item_id"] is not None:
                followed[a["action_item_id"]].append(a)
        for action in self.actions:
            closers = followed.get(action["id"], [])
            if action["closed_at"] is not None and closers:
                action["closed_in_meeting_id"] = closers[0]["meeting_id"]

    # -- the self-managing province assessment -------------------------------------------

    def assessments(self) -> list[dict[str, Any]]:
        rng = self.rng
        self.fix_action_links()
        rows: list[dict[str, Any]] = []
        self.scores: list[dict[str, Any]] = []
        self.proposals: list[dict[str, Any]] = []
        pilot_from = rng.randint(2563, 2566)
        pilot_kind = PilotStatus.PILOT if rng.random() < 0.5 else PilotStatus.EXPANSION
        base = [rng.uniform(0.3, 1.5) for _ in range(10)]
        networks = len(self.orgs_by_kind[OrganizationKind.NETWORK])
        self._assessment_rows = rows
        for i, fy in enumerate(FISCAL_YEARS):
            assessed = min(self.today, dt.date(fy - 543, rng.randint(7, 9), rng.randint(1, 28)))
            created = self.moment(assessed)
            a = self.row(
                Assessment, created, fiscal_year=fy,
                pilot_status=pilot_kind if fy >= pilot_from else PilotStatus.NONE,
                assessed_on=assessed,
                notes=f"ผลการประเมินตนเองตามคุณสมบัติจังหวัดจัดการตนเอง 10 ข้อ ปีงบประมาณ {fy}")
            rows.append(a)
            assembly = self.assembly_of_fy.get(fy)
            fy_projects = self.projects_by_fy.get(fy, [])
            for n in range(1, 11):
                level = max(0, min(4, round(base[n - 1] + i * rng.uniform(0.2, 0.4))))
                evidence = CRITERION_EVIDENCE[n - 1].format(
                    n={1: networks, 3: len(self.community_rows), 5: len(self.working_groups),
                       8: len(fy_projects), 9: rng.randint(20, 80),
                       10: self.attendance_of.get(assembly["id"], 0) if assembly else 0,
                       }.get(n, 0),
                    m={1: len(self.partner_orgs), 4: rng.randint(1, 5),
                       8: len({pr["subdistrict_id"] for pr in fy_projects})}.get(n, 0))
                self.scores.append(self.row(
                    CriterionScore, created, assessment_id=a["id"],
                    criterion_id=reference_id("criterion", str(n)), level=level,
                    evidence=evidence,
                    meeting_id=assembly["id"] if n == 10 and assembly and
                    assembly["started_at"] else None,
                    project_id=rng.choice(fy_projects)["id"] if n == 8 and fy_projects else None))
            # Plans and proposals adopted by the year's assembly.
            held = assembly is not None and assembly["started_at"] is not None
            proposals = [(ProposalKind.DEVELOPMENT_PLAN,
                          f"แผนพัฒนาจังหวัด{self.pname}ของขบวนองค์กรชุมชน ปี {fy + 1}",
                          f"คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.) จังหวัด{self.pname}")]
            policy = [
                ("ข้อเสนอเชิงนโยบายการแก้ไขปัญหาที่ดินทำกินและที่อยู่อาศัย",
                 "สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)"),
                ("ข้อเสนอเชิงนโยบายการสนับสนุนกองทุนสวัสดิการชุมชน",
                 f"องค์การบริหารส่วนจังหวัด{self.pname}"),
                ("ข้อเสนอเชิงนโยบายการจัดการภัยพิบัติโดยชุมชน",
                 f"สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัด{self.pname}"),
                ("ข้อเสนอเชิงนโยบายการพัฒนาเศรษฐกิจฐานรากของชุมชน",
                 f"คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.) จังหวัด{self.pname}"),
            ]
            for title, to in rng.sample(policy, rng.randint(0, 2)):
                proposals.append((ProposalKind.POLICY_PROPOSAL, title, to))
            for kind, title, to in proposals:
                day = assembly["starts_at"].date() if assembly else assessed
                if not held:
                    status = ProposalStatus.DRAFT
                elif fy == LAST_FY:
                    status = ProposalStatus.ADOPTED if rng.random() < 0.6 else ProposalStatus.SUBMITTED
                else:
                    status = rng.choices(
                        (ProposalStatus.ACCEPTED, ProposalStatus.SUBMITTED, ProposalStatus.DECLINED),
                        weights=(6, 3, 1))[0]
                submitted = (day + dt.timedelta(days=rng.randint(14, 45))
                             if status not in (ProposalStatus.DRAFT, ProposalStatus.ADOPTED)
                             else None)
                if submitted and submitted > self.today:
                    submitted, status = None, ProposalStatus.ADOPTED
                self.proposals.append(self.row(
                    PlanProposal, self.moment(day - dt.timedelta(days=30)),
                    self.moment(submitted or day), fiscal_year=fy, kind=kind, title=title,
                    description=f"{title} จัดทำโดยขบวนองค์กรชุมชนจังหวัด{self.pname} "
                                "ผ่านเวทีสมัชชาองค์กรชุมชนจังหวัด",
                    status=status, meeting_id=assembly["id"] if held else None,
                    submitted_to=to if submitted else None, submitted_on=submitted))
        return rows

    # -- the self-managing province: status, evidence, plan, indicators (issue 11) ------
    # A separate random stream, so the rows made before stay exactly as they were.

    def self_managing_province(self) -> dict[str, list[dict[str, Any]]]:
        rng = random.Random(f"codi-demo-smp/{self.pc}/{self.scale.name}")
        out: dict[str, list[dict[str, Any]]] = {
            "targets": [], "links": [], "issues": [], "submissions": [], "indicators": []}
        held = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT,
                MeetingStatus.MINUTES_CERTIFIED, MeetingStatus.LOCKED)
        committee = sorted((m for m in self.meeting_rows
                            if m["kind"] is MeetingKind.PROVINCIAL_COMMITTEE
                            and m["status"] in held), key=lambda m: m["starts_at"])
        assessors = [self.full_name(p) for p in self.staff[:3]]
        networks = self.orgs_by_kind[OrganizationKind.NETWORK]
        by_assessment: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for sc in self.scores:
            by_assessment[sc["assessment_id"]].append(sc)
        proposals_by_fy: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for p in self.proposals:
            proposals_by_fy[p["fiscal_year"]].append(p)
        for a in self._assessment_rows:
            fy = a["fiscal_year"]
            a["assessors"] = "\n".join(assessors)
            agreed_in = next((m for m in committee
                              if m["starts_at"].date() > a["assessed_on"]
                              and m["starts_at"].date() <= self.today), None)
            if fy < LAST_FY and agreed_in is not None:
                a["status"] = AssessmentStatus.AGREED
                a["agreed_meeting_id"] = agreed_in["id"]
                a["agreed_on"] = agreed_in["starts_at"].date()
                if a["pilot_status"] is not PilotStatus.NONE and fy < LAST_FY - 1:
                    a["status"] = AssessmentStatus.CERTIFIED
                    a["certified_on"] = min(self.today, a["agreed_on"] + dt.timedelta(days=30))
                    a["certified_by"] = "hq.assessment"
                a["updated_at"] = min(self.now, self.moment(a["agreed_on"]))
            for sc in by_assessment[a["id"]]:
                n = int(next(k for k in range(1, 11)
                             if sc["criterion_id"] == reference_id("criterion", str(k))))
                links = []
                if sc["meeting_id"]:
                    links.append(("meeting", sc["meeting_id"], f"สมัชชาจังหวัด ปี {fy}"))
                if sc["project_id"]:
                    pr = self.project_by_id[sc["project_id"]]
                    links.append(("project", pr["id"], pr["name"][:500]))
                if n == 1:
                    links += [("organization", o["id"], o["name"]) for o in networks[:2]]
                if n in (2, 4):
                    links += [("proposal", p["id"], p["title"]) for p in proposals_by_fy[fy][:2]]
                for kind, target, label in links:
                    out["links"].append(self.row(
                        EvidenceLink, sc["created_at"], criterion_score_id=sc["id"], kind=kind,
                        target_id=target, label=label, suggested=rng.random() < 0.5))
        issues = [("ที่ดินทำกินและที่อยู่อาศัยไม่มั่นคง", "ครัวเรือนจำนวนมากอยู่ในที่ดินรัฐโดยไม่มีสิทธิ"),
                  ("หนี้สินครัวเรือนและรายได้ไม่พอ", "ชุมชนต้องการเศรษฐกิจฐานรากและกองทุน"),
                  ("ภัยพิบัติน้ำท่วมและภัยแล้ง", "ตำบลริมน้ำถูกน้ำท่วมซ้ำทุกปี"),
                  ("สวัสดิการผู้สูงอายุและคนเปราะบาง", "กองทุนสวัสดิการยังครอบคลุมไม่ทั่วถึง")]
        for fy in FISCAL_YEARS:
            mine = []
            for title, analysis in rng.sample(issues, 2):
                assembly = self.assembly_of_fy.get(fy)
                day = assembly["starts_at"] if assembly else self.moment(_fy_start(fy))
                row = self.row(PlanIssue, min(self.now, day - dt.timedelta(days=45)),
                               fiscal_year=fy, title=title,
                               analysis=analysis if rng.random() < 0.8 else None,
                               meeting_id=assembly["id"] if assembly else None)
                out["issues"].append(row)
                mine.append(row)
            for p in proposals_by_fy[fy]:
                p["issue_id"] = rng.choice(mine)["id"]
        declined_reasons = ["ไม่อยู่ในกรอบงบประมาณของหน่วยงาน", "ให้รวมกับแผนของท้องถิ่นแทน"]
        for p in self.proposals:
            if not p["submitted_on"]:
                continue
            agencies = [p["submitted_to"]]
            if rng.random() < 0.3:
                agencies.append(f"องค์การบริหารส่วนจังหวัด{self.pname}")
            for i, agency in enumerate(agencies):
                submitted = p["submitted_on"] + dt.timedelta(days=7 * i)
                if submitted > self.today:
                    continue
                if p["status"] is ProposalStatus.ACCEPTED and i == 0:
                    outcome = Outcome.ACCEPTED
                elif p["status"] is ProposalStatus.DECLINED:
                    outcome = Outcome.DECLINED
                else:
                    outcome = Outcome.PENDING
                decided = (None if outcome is Outcome.PENDING else
                           min(self.today, submitted + dt.timedelta(days=rng.randint(20, 90))))
                out["submissions"].append(self.row(
                    ProposalSubmission, self.moment(submitted),
                    self.moment(decided) if decided else None,
                    proposal_id=p["id"], agency=agency[:300], submitted_on=submitted,
                    outcome=outcome, decided_on=decided,
                    reason=rng.choice(declined_reasons) if outcome is Outcome.DECLINED else None))
        orgs = self.orgs_by_kind[OrganizationKind.COMMUNITY_ORG] or networks
        for pr in self.project_rows:
            if rng.random() < 0.15 and pr["subdistrict_id"]:
                code = rng.choice(self.tambons)[0]
                if code != pr["subdistrict_id"]:
                    out["targets"].append(self.row(ProjectTarget, pr["created_at"],
                                                   project_id=pr["id"], subdistrict_id=code))
                if orgs:
                    o = rng.choice(orgs)
                    if o["id"] != pr["organization_id"]:
                        out["targets"].append(self.row(ProjectTarget, pr["created_at"],
                                                       project_id=pr["id"],
                                                       organization_id=o["id"]))
        indicators = [("ครัวเรือนที่มีที่อยู่อาศัยมั่นคง", "ครัวเรือน", 400),
                      ("สมาชิกกองทุนสวัสดิการชุมชน", "คน", 5000),
                      ("ตำบลที่มีแผนพัฒนาตำบล", "ตำบล", 40),
                      ("ผู้นำที่ผ่านการพัฒนาศักยภาพ", "คน", 150),
                      ("ข้อเสนอที่บรรจุในแผนจังหวัด", "เรื่อง", 3)]
        for i, fy in enumerate(FISCAL_YEARS):
            for name, unit, size in indicators:
                base = round(size * (0.5 + 0.08 * i))
                target = round(base * 1.15)
                actual = (round(target * rng.uniform(0.7, 1.05)) if fy < LAST_FY
                          else round(target * rng.uniform(0.3, 0.8)))
                out["indicators"].append(self.row(
                    ProvinceIndicator, self.moment(_fy_start(fy)),
                    self.moment(min(self.today, _fy_end(fy))), fiscal_year=fy, name=name,
                    unit=unit, baseline=base, target=target, actual=actual))
        return out
