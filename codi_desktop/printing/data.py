"""What the printed documents say: plain dataclasses, independent of the database.

Services map meetings, attendance and the budget ledger onto these; the printing layer
never sees an ORM object or a Session, so documents can be rendered (and tested) from
any source. Money is integer satang; dates are ``date``/``time`` already in Bangkok
local time (use :func:`codi_core.formatting.to_bangkok` on stored UTC values).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

__all__ = [
    "AgendaItem",
    "Attendee",
    "BudgetProgram",
    "BudgetProject",
    "BudgetReport",
    "Invitation",
    "MeetingInfo",
    "Minutes",
    "SignInRow",
    "SignInSheet",
    "Signatory",
    "Vote",
]


@dataclass(slots=True)
class MeetingInfo:
    """The heading every meeting document shares."""

    body_name: str  # who meets: "คณะกรรมการขับเคลื่อนจังหวัดจัดการตนเองจังหวัดขอนแก่น"
    number: int | None  # ครั้งที่ n ... (None: an unnumbered meeting, the line is left out)
    year_be: int | None  # ... /BE year (meetings are numbered per calendar year)
    date: date
    place: str
    start_time: time | None = None
    end_time: time | None = None


@dataclass(slots=True)
class Attendee:
    """A person on an attendance list (present, absent or non-member attendee)."""

    name: str
    position: str = ""  # position on the body, or organization for attendees
    substitute_for: str = ""  # present as a substitute: the member they replace
    reason: str = ""  # absent: ลาป่วย, ติดภารกิจ ...


@dataclass(slots=True)
class Vote:
    in_favour: int
    against: int
    abstain: int


@dataclass(slots=True)
class AgendaItem:
    """An agenda item (ระเบียบวาระที่ n) or a sub-item (n.m) of one."""

    number: str  # "1", "4", "4.1"
    title: str
    text: str = ""  # the minutes of the item (paragraphs separated by blank lines)
    resolution: str = ""  # มติที่ประชุม
    vote: Vote | None = None
    presenter: str = ""
    duration_minutes: int | None = None
    sub_items: list[AgendaItem] = field(default_factory=list)


@dataclass(slots=True)
class Signatory:
    name: str
    position: str = ""


@dataclass(slots=True)
class Minutes:
    """รายงานการประชุม, laid out as แบบที่ 11 of the correspondence regulation."""

    meeting: MeetingInfo
    present: list[Attendee]
    items: list[AgendaItem]
    recorder: Signatory  # ผู้จดรายงานการประชุม
    reviewer: Signatory  # ผู้ตรวจรายงานการประชุม
    absent: list[Attendee] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    certified: bool = False  # uncertified minutes carry a draft watermark
    extra_words: list[str] = field(default_factory=list)  # local names, kept whole


@dataclass(slots=True)
class Invitation:
    """หนังสือเชิญประชุม (an external letter), with the agenda as its attachment."""

    meeting: MeetingInfo
    letter_number: str  # ที่ พอช. ...
    issuer: str  # the sending office, with its address (lines separated by "\n")
    letter_date: date
    to: str  # เรียน ...
    body: str  # the invitation paragraph(s) (blank line between paragraphs)
    signer: Signatory
    agenda: list[AgendaItem] = field(default_factory=list)
    closing: str = "จึงเรียนมาเพื่อโปรดพิจารณาเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว"
    contact: str = ""  # the contact office and telephone at the foot of the letter
    extra_words: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SignInRow:
    name: str
    organization: str = ""
    position: str = ""
    phone: str = ""


@dataclass(slots=True)
class SignInSheet:
    """ใบลงทะเบียน with a signature column and blank rows for walk-ins."""

    meeting: MeetingInfo
    rows: list[SignInRow]
    blank_rows: int = 10  # at least this many walk-in rows; more to fill the last page
    show_phones: bool = False  # phones are masked (08x-xxx-5678) unless asked
    order: str = "name"  # "name": Thai dictionary order; "invitation": as given
    extra_words: list[str] = field(default_factory=list)


@dataclass(slots=True)
class BudgetProject:
    code: str
    name: str
    approved: int  # satang
    disbursed: int  # satang

    @property
    def remaining(self) -> int:
        """What is still to be paid out of the approved amount."""
        return self.approved - self.disbursed


@dataclass(slots=True)
class BudgetProgram:
    name: str
    allocated: int  # satang, the HQ allocation for this program and fiscal year
    projects: list[BudgetProject] = field(default_factory=list)

    @property
    def approved(self) -> int:
        return sum(p.approved for p in self.projects)

    @property
    def disbursed(self) -> int:
        return sum(p.disbursed for p in self.projects)

    @property
    def remaining(self) -> int:
        """What is left of the allocation for new approvals (as the budget screens show it)."""
        return self.allocated - self.approved


@dataclass(slots=True)
class BudgetReport:
    fiscal_year: int  # BE
    organization: str  # the centre / province the report is for
    programs: list[BudgetProgram]
    as_of: date | None = None
    extra_words: list[str] = field(default_factory=list)

    @property
    def allocated(self) -> int:
        return sum(p.allocated for p in self.programs)

    @property
    def approved(self) -> int:
        return sum(p.approved for p in self.programs)

    @property
    def disbursed(self) -> int:
        return sum(p.disbursed for p in self.programs)

    @property
    def remaining(self) -> int:
        return self.allocated - self.approved
