"""What goes on paper: load a meeting or a fiscal year's budget and map it onto the
printing layer's dataclasses (``codi_desktop.printing.data``).

Each function reads through the Session it is given and writes nothing; printing then
renders the result without ever touching the database. Times are stored in UTC and are
turned into Bangkok local dates and times here (DESIGN.md §8).

Typical use::

    with store.read() as session:
        data = documents.minutes_data(session, meeting_id)
    printing.render_minutes(data, path)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.errors import ServiceError
from codi_core.formatting import bangkok_today, thai_date_long, thai_time, to_bangkok
from codi_core.labels import LABELS
from codi_core.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Community,
    Invitee,
    LedgerEntry,
    LedgerKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Organization,
    Person,
    Program,
    Project,
    Subdistrict,
    Vote,
)
from codi_core.rules.ledger import effective_amounts
from codi_desktop.collation import name_key
from codi_desktop.printing import data as doc
from codi_desktop.printing.linebreak import add_words
from codi_desktop.printing.words import person_name_parts

from . import scope
from ._common import get_live

__all__ = [
    "agenda_data",
    "budget_report_data",
    "centre_name",
    "check_invitation",
    "print_budget_report",
    "print_invitation",
    "print_meeting_document",
    "invitation_data",
    "meeting_info",
    "minutes_data",
    "sign_in_data",
]

_CERTIFIED = (MeetingStatus.MINUTES_CERTIFIED, MeetingStatus.LOCKED)


def _live(model):
    return model.deleted_at.is_(None)


def _body_name(session: Session, meeting: Meeting) -> str:
    """Who meets: the organization's name, else the kind's standard name."""
    if meeting.organization_id:
        org = session.get(Organization, meeting.organization_id)
        if org is not None and org.deleted_at is None:
            return org.name
    return LABELS[MeetingKind].get(meeting.kind, (meeting.title, meeting.title))[0]


def meeting_info(
    session: Session, meeting: Meeting, *, actual_times: bool = False
) -> doc.MeetingInfo:
    """The heading shared by every meeting document.

    *actual_times*: the minutes report when the meeting really began and ended
    (``started_at``/``ended_at``); times not recorded (a meeting not held yet) stay
    empty and print as blanks, never as the planned times.
    """
    starts = to_bangkok(meeting.starts_at)
    start = meeting.started_at if actual_times else meeting.starts_at
    end = meeting.ended_at if actual_times else meeting.ends_at
    place = meeting.place or ""
    if not place and meeting.subdistrict_id:
        sub = session.get(Subdistrict, meeting.subdistrict_id)
        place = f"ตำบล{sub.name_th}" if sub is not None else ""
    return doc.MeetingInfo(
        body_name=_body_name(session, meeting),
        number=meeting.number,
        year_be=meeting.number_year,
        date=starts.date(),
        place=place,
        start_time=to_bangkok(start).time() if start else None,
        end_time=to_bangkok(end).time() if end else None,
    )


def _person(session: Session, person_id: str | None) -> Person | None:
    person = session.get(Person, person_id) if person_id else None
    return person if person is not None and person.deleted_at is None else None


def _signatory(session: Session, person_id: str | None) -> doc.Signatory:
    person = _person(session, person_id)
    if person is None:
        return doc.Signatory("", "")  # printed as a dotted line to fill in by hand
    return doc.Signatory(person.full_name, person.position or "")


def _agenda(session: Session, meeting_id: str) -> list[doc.AgendaItem]:
    """Items in agenda order, numbered 1..n, their sub-items n.1, n.2 ..."""
    rows = session.scalars(
        sa.select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id, _live(AgendaItem))
        .order_by(AgendaItem.section, AgendaItem.position, AgendaItem.created_at)
    ).all()
    votes: dict[str, Vote] = {}
    for vote in session.scalars(
        sa.select(Vote).where(Vote.meeting_id == meeting_id, _live(Vote)).order_by(Vote.created_at)
    ):
        votes[vote.agenda_item_id] = vote  # the latest count stands
    children: dict[str, list[AgendaItem]] = defaultdict(list)
    for row in rows:
        if row.parent_id:
            children[row.parent_id].append(row)

    def convert(row: AgendaItem, number: str) -> doc.AgendaItem:
        vote = votes.get(row.id)
        return doc.AgendaItem(
            number=number,
            title=row.title,
            text=row.minutes_text or "",
            resolution=row.resolution or "",
            vote=doc.Vote(vote.votes_for, vote.votes_against, vote.abstentions) if vote else None,
            presenter=row.presenter or "",
            duration_minutes=row.duration_minutes,
            sub_items=[
                convert(child, f"{number}.{k}")
                for k, child in enumerate(children.get(row.id, []), 1)
            ],
        )

    top = [row for row in rows if not row.parent_id]
    return [convert(row, str(n)) for n, row in enumerate(top, 1)]


def _name_words(names: list[str]) -> list[str]:
    """Parts of people's names, for the segmenter: Thai names are rarely in its dictionary
    and must not be broken across lines."""
    return person_name_parts(names)


_taught: set[str] = set()


def _teach_local_names(session: Session) -> None:
    """Teach the line breaker the names of this database's communities and
    organizations (app-wide, once each): documents quote them in titles, project names
    and minutes, and generic dictionaries split them (บ่อ|เกษม)."""
    names = set(session.scalars(sa.select(Community.name).where(_live(Community))))
    names.update(session.scalars(sa.select(Organization.name).where(_live(Organization))))
    words: set[str] = set()
    for name in names:
        if not name:
            continue
        words.add(name.strip())
        for part in name.split():  # "ชุมชนบ้านบ่อเกษม หมู่ 4": the name part alone too
            for prefix in ("ชุมชน", "บ้าน"):
                if part.startswith(prefix) and len(part) > len(prefix) + 1:
                    words.add(part.removeprefix(prefix))
            words.add(part)
    new = {w for w in words if len(w) > 1} - _taught
    if new:
        add_words(new)
        _taught.update(new)


def minutes_data(session: Session, meeting_id: str) -> doc.Minutes:
    """The minutes of a meeting as recorded so far; drafts print with a draft mark."""
    meeting = get_live(session, Meeting, meeting_id, "meeting")
    rows = session.scalars(
        sa.select(Attendance)
        .where(Attendance.meeting_id == meeting_id, _live(Attendance))
        .order_by(Attendance.signed_in_at.is_(None), Attendance.signed_in_at, Attendance.created_at)
    ).all()
    present, absent, attendees = [], [], []
    for row in rows:
        position = row.position or row.organization_name or ""
        if row.status is AttendanceStatus.PRESENT:
            present.append(doc.Attendee(row.person_name, position))
        elif row.status is AttendanceStatus.SUBSTITUTE:
            present.append(
                doc.Attendee(
                    row.person_name, position, substitute_for=row.substitute_for_name or ""
                )
            )
        elif row.status is AttendanceStatus.ABSENT:
            absent.append(doc.Attendee(row.person_name, position, reason=row.reason or ""))
        else:
            attendees.append(doc.Attendee(row.person_name, row.organization_name or position))
    # The chair heads the list of those present, as in every official minutes; the
    # others follow in Thai dictionary order, as in every printed list.
    chair = _person(session, meeting.chair_id)
    chair_name = chair.full_name if chair is not None else None
    present.sort(key=lambda a: (a.name != chair_name, name_key(a.name)))
    absent.sort(key=lambda a: name_key(a.name))
    attendees.sort(key=lambda a: name_key(a.name))
    _teach_local_names(session)
    return doc.Minutes(
        meeting=meeting_info(session, meeting, actual_times=True),
        present=present,
        absent=absent,
        attendees=attendees,
        items=_agenda(session, meeting_id),
        recorder=_signatory(session, meeting.minute_taker_id),
        reviewer=_signatory(session, meeting.reviewer_id),
        certified=meeting.status in _CERTIFIED,
        extra_words=_name_words([r.person_name for r in rows]),
    )


def agenda_data(session: Session, meeting_id: str) -> tuple[doc.MeetingInfo, list[doc.AgendaItem]]:
    """The heading and items for ``printing.render_agenda``."""
    meeting = get_live(session, Meeting, meeting_id, "meeting")
    _teach_local_names(session)
    return meeting_info(session, meeting), _agenda(session, meeting_id)


def invitation_data(
    session: Session,
    meeting_id: str,
    *,
    letter_number: str,
    issuer: str,
    to: str | None = None,
    body: str | None = None,
    letter_date: dt.date | None = None,
    signer_id: str | None = None,
    contact: str = "",
) -> doc.Invitation:
    """An invitation letter for a meeting, signed by the chair unless *signer_id* says
    otherwise. *letter_number* (ที่) and *issuer* (the office and its address) come from
    the user; the body is written from the meeting when not given."""
    meeting = get_live(session, Meeting, meeting_id, "meeting")
    signer = _signatory(session, signer_id or meeting.chair_id)
    if not signer.name:  # an empty "()" where the name goes cannot be sent
        raise ServiceError("signer_required", "signer")
    info = meeting_info(session, meeting)
    _teach_local_names(session)
    when = thai_date_long(info.date)
    if info.start_time:
        when += f" เวลา {thai_time(info.start_time)}"
    number = f"ครั้งที่ {info.number}/{info.year_be} " if info.number and info.year_be else ""
    default_body = f"ด้วย{info.body_name} กำหนดจัดประชุม{number}ใน{when} ณ {info.place}".strip()
    return doc.Invitation(
        meeting=info,
        letter_number=letter_number,
        issuer=issuer,
        letter_date=letter_date or bangkok_today(),
        to=to or f"{info.body_name}ทุกท่าน",
        body=body or default_body,
        signer=signer,
        agenda=_agenda(session, meeting_id),
        contact=contact,
        extra_words=_name_words([signer.name]),
    )


def sign_in_data(
    session: Session,
    meeting_id: str,
    *,
    blank_rows: int = 10,
    show_phones: bool = False,
    order: str = "name",
) -> doc.SignInSheet:
    """The sign-in sheet lists the invitees (printed before the meeting) and everyone
    already recorded in the room who was not invited (walk-ins registered in the app).

    *order*: ``"name"`` (Thai dictionary order) or ``"invitation"`` (the invitation
    list's order, walk-ins after it). The body that meets is named in the heading, so a
    member's organization column is left empty when it would only repeat it.
    """
    if order not in ("name", "invitation"):
        raise ValueError(order)
    meeting = get_live(session, Meeting, meeting_id, "meeting")
    info = meeting_info(session, meeting)
    rows: list[doc.SignInRow] = []
    invited_people: set[str] = set()
    invited_names: set[str] = set()

    def organization(name: str) -> str:
        return "" if name == info.body_name else name

    invitees = session.scalars(
        sa.select(Invitee)
        .where(Invitee.meeting_id == meeting_id, _live(Invitee))
        .order_by(Invitee.created_at, Invitee.id)
    ).all()
    for inv in invitees:
        person = _person(session, inv.person_id)
        org = session.get(Organization, inv.organization_id) if inv.organization_id else None
        if person is not None:
            invited_people.add(person.id)
            invited_names.add(person.full_name)
            rows.append(
                doc.SignInRow(
                    person.full_name,
                    organization(org.name) if org else "",
                    person.position or "",
                    person.phone or "",
                )
            )
        else:  # an organization invited as such: one of its people signs for it
            if inv.name and not org:
                invited_names.add(inv.name)
            rows.append(
                doc.SignInRow("" if org else (inv.name or ""), org.name if org else "", "", "")
            )
    in_room = (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE, AttendanceStatus.ATTENDEE)
    for row in session.scalars(
        sa.select(Attendance)
        .where(
            Attendance.meeting_id == meeting_id,
            _live(Attendance),
            Attendance.status.in_(in_room),
        )
        .order_by(Attendance.created_at, Attendance.id)
    ):
        if row.person_id in invited_people or row.person_name in invited_names:
            continue
        person = _person(session, row.person_id)
        rows.append(
            doc.SignInRow(
                row.person_name,
                organization(row.organization_name or ""),
                row.position or "",
                (person.phone or "") if person else "",
            )
        )
    _teach_local_names(session)
    return doc.SignInSheet(
        meeting=info,
        rows=rows,
        blank_rows=blank_rows,
        show_phones=show_phones,
        order=order,
        extra_words=_name_words([r.name for r in rows]),
    )


def budget_report_data(
    session: Session,
    fiscal_year: int,
    *,
    organization: str,
    province_code: str | None = None,
    as_of: dt.date | None = None,
) -> doc.BudgetReport:
    """The fiscal year's budget per program and project, from the ledger.

    Reversals count against the entry they reverse; disbursed is net of refunds (the
    same rules as ``codi_core.rules.ledger``). Programs with neither an allocation nor a
    project are left out. *province_code* limits the report to one province (a device
    with a wider scope holds several).
    """
    conditions = [LedgerEntry.fiscal_year == fiscal_year, _live(LedgerEntry)]
    project_filter = [Project.fiscal_year == fiscal_year, _live(Project)]
    if province_code:
        conditions.append(LedgerEntry.province_code == province_code)
        project_filter.append(Project.province_code == province_code)
    _teach_local_names(session)
    by_program = effective_amounts(session, LedgerEntry.program_id, *conditions)
    by_project = effective_amounts(
        session, LedgerEntry.project_id, LedgerEntry.project_id.is_not(None), *conditions
    )
    projects: dict[str, list[doc.BudgetProject]] = defaultdict(list)
    for project in session.scalars(
        sa.select(Project).where(*project_filter).order_by(Project.code, Project.name)
    ):

        def amount(kind: LedgerKind, pid: str = project.id) -> int:
            return by_project.get((pid, kind.value), 0)

        projects[project.program_id].append(
            doc.BudgetProject(
                code=project.code,
                name=project.name,
                approved=amount(LedgerKind.APPROVAL),
                disbursed=amount(LedgerKind.DISBURSEMENT) - amount(LedgerKind.REFUND),
            )
        )
    programs = []
    for program in session.scalars(
        sa.select(Program).where(_live(Program)).order_by(Program.sort_order, Program.name_th)
    ):
        allocated = by_program.get((program.id, LedgerKind.ALLOCATION.value), 0)
        if allocated or projects.get(program.id):
            programs.append(
                doc.BudgetProgram(program.name_th, allocated, projects.get(program.id, []))
            )
    return doc.BudgetReport(
        fiscal_year=fiscal_year,
        organization=organization,
        programs=programs,
        as_of=as_of,
    )


# --- printing a document to a file (the app and the command line) ----------------------

def centre_name(session: Session, province_code: str | None) -> str:
    """The provincial coordination centre that issues letters and reports."""
    from codi_core.formatting import province_phrase
    from codi_core.models import Province

    province = session.get(Province, province_code) if province_code else None
    if province is None:
        return "สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)"
    return f"ศูนย์ประสานงานขบวนองค์กรชุมชน{province_phrase(province.name_th)}"


def print_budget_report(
    store, fiscal_year: int, out, *, thai_digits: bool = False, as_of: dt.date | None = None,
    province: str | None = None,
) -> None:
    """Write the fiscal year's budget report (by program and project) as a PDF, of one
    province: ``province`` (a wide account's selector), else the database's own; a wide
    account that names none gets "choose a province"."""
    from codi_core.errors import ServiceError
    from codi_desktop import printing

    if not isinstance(fiscal_year, int) or not 2500 <= fiscal_year <= 2700:
        raise ServiceError("fiscal_year_range", "fiscal_year")
    code = scope.one_province(store, province)
    with store.read() as session:
        data = budget_report_data(
            session,
            fiscal_year,
            organization=centre_name(session, code),
            province_code=code,
            as_of=as_of or bangkok_today(),
        )
    printing.render_budget_report(data, out, thai_digits=thai_digits)


def check_invitation(store, meeting_id: str, signer_id: str | None = None) -> None:
    """Raise ``ServiceError("signer_required")`` when the meeting's letter would have no
    signer, so the app can say so before it asks where to save the PDF."""
    with store.read() as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        if not _signatory(session, signer_id or meeting.chair_id).name:
            raise ServiceError("signer_required", "signer")


def print_invitation(
    store,
    meeting_id: str,
    out,
    *,
    letter_number: str = "",
    issuer: str | None = None,
    signer_id: str | None = None,
    thai_digits: bool = False,
) -> None:
    """Write a meeting's invitation letter (with its agenda attached) as a PDF.

    The document number (ที่) is the centre's prefix from its settings with
    *letter_number* from the register, or a dotted place for it; the issuer's address
    and the contact line at the foot come from the centre's settings too. Raises
    ``ServiceError("signer_required")`` before writing anything when the letter has no
    signer (no chair and no *signer_id*)."""
    from codi_desktop import printing

    from .centre import get_centre
    from .centre import letter_number as number_of

    centre = get_centre(store)
    with store.read() as session:
        office = centre_name(session, store.province_code)
        data = invitation_data(
            session,
            meeting_id,
            letter_number=number_of(centre, letter_number),
            issuer=issuer or "\n".join([office, *centre.address.splitlines()]),
            signer_id=signer_id,
            contact=centre.contact_line(office),
        )
    printing.render_invitation(data, out, thai_digits=thai_digits)


# --- paper -----------------------------------------------------------------------------------

DOCUMENT_KINDS = ("minutes", "sign_in", "agenda", "invitation")


def print_meeting_document(store, meeting_id: str, kind: str, out, *,
                           thai_digits: bool = False) -> None:
    """Write a meeting's minutes, sign-in sheet or agenda as a PDF through the printing
    layer (this module maps the meeting onto its dataclasses)."""
    from codi_desktop import printing

    if kind not in DOCUMENT_KINDS:
        raise ValueError(kind)
    if kind == "invitation":
        print_invitation(store, meeting_id, out, thai_digits=thai_digits)
        return
    with store.read() as session:
        if kind == "minutes":
            data = minutes_data(session, meeting_id)
        elif kind == "sign_in":
            data = sign_in_data(session, meeting_id)
        else:
            data = agenda_data(session, meeting_id)  # type: ignore[assignment]
    if kind == "minutes":
        printing.render_minutes(data, out, thai_digits=thai_digits)
    elif kind == "sign_in":
        printing.render_sign_in_sheet(data, out, thai_digits=thai_digits)
    else:
        printing.render_agenda(*data, out, thai_digits=thai_digits)
