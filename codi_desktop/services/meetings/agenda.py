"""The agenda and what is recorded against its items: items and sub-items, their
minutes and resolutions, and votes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.errors import ServiceError
from codi_core.models import (
    AgendaItem,
    Meeting,
    MeetingStatus,
    Project,
    Vote,
    new_id,
    utcnow,
)
from codi_desktop.store.database import Store

from .._common import Errors, clean, get_live
from .common import (
    KEEP,
    _present_count,
    guard_minutes,
)
from .template import (
    DEFAULT_TEMPLATE,
)


@dataclass
class AgendaItemData:
    section: int = 5
    title: str = ""
    parent_id: str | None = None  # None: a numbered item under the section's heading
    presenter: str | None = None
    duration_minutes: int | None = None
    notes: str | None = None
    project_id: str | None = None


def _validate_item(data: AgendaItemData) -> None:
    errors = Errors()
    errors.text("title", data.title, required=True, max_len=500)
    errors.text("presenter", data.presenter, max_len=300)
    errors.count("duration_minutes", data.duration_minutes)
    if not isinstance(data.section, int) or not 1 <= data.section <= 6:
        errors.add("section", "section_range")
    errors.raise_if_any()


def _item_parent(session: Session, meeting: Meeting, data: AgendaItemData) -> AgendaItem:
    if data.parent_id:
        parent = get_live(session, AgendaItem, data.parent_id, "agenda_item")
        if parent.meeting_id != meeting.id:
            raise ServiceError("wrong_meeting")
        return parent
    head = session.scalar(sa.select(AgendaItem).where(
        AgendaItem.meeting_id == meeting.id, AgendaItem.parent_id.is_(None),
        AgendaItem.section == data.section, AgendaItem.deleted_at.is_(None)
    ).order_by(AgendaItem.position).limit(1))
    if head is None:  # a meeting planned without that section: make its heading
        title = next((s.title for s in DEFAULT_TEMPLATE if s.section == data.section), "")
        head = AgendaItem(id=new_id(), province_code=meeting.province_code,
                          meeting_id=meeting.id, section=data.section, position=0, title=title)
        session.add(head)
    return head


def _check_project(session: Session, project_id: str | None) -> None:
    if project_id:
        get_live(session, Project, project_id, "project")


def add_agenda_item(store: Store, meeting_id: str, data: AgendaItemData,
                    author: str | None = None) -> str:
    _validate_item(data)
    with store.action(f"เพิ่มระเบียบวาระ {data.title.strip()}", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        guard_minutes(meeting)
        _check_project(session, data.project_id)
        parent = _item_parent(session, meeting, data)
        last = session.scalar(sa.select(sa.func.max(AgendaItem.position)).where(
            AgendaItem.parent_id == parent.id)) or 0
        item = AgendaItem(province_code=meeting.province_code, meeting_id=meeting.id,
                          parent_id=parent.id, section=parent.section, position=last + 1,
                          title=data.title.strip(), presenter=clean(data.presenter),
                          duration_minutes=data.duration_minutes, notes=clean(data.notes),
                          project_id=data.project_id)
        session.add(item)
        session.flush()
        return item.id


def update_agenda_item(store: Store, item_id: str, data: AgendaItemData,
                       author: str | None = None) -> None:
    """Title, presenter, duration, notes and linked project (the section stays)."""
    errors = Errors()
    errors.text("title", data.title, required=True, max_len=500)
    errors.text("presenter", data.presenter, max_len=300)
    errors.count("duration_minutes", data.duration_minutes)
    errors.raise_if_any()
    with store.action(f"แก้ไขระเบียบวาระ {data.title.strip()}", author) as session:
        item = get_live(session, AgendaItem, item_id, "agenda_item")
        guard_minutes(session.get(Meeting, item.meeting_id))
        _check_project(session, data.project_id)
        item.title = data.title.strip()
        item.presenter = clean(data.presenter)
        item.duration_minutes = data.duration_minutes
        item.notes = clean(data.notes)
        item.project_id = data.project_id


def remove_agenda_item(store: Store, item_id: str, author: str | None = None) -> None:
    with store.action("ลบระเบียบวาระ", author) as session:
        item = get_live(session, AgendaItem, item_id, "agenda_item")
        guard_minutes(session.get(Meeting, item.meeting_id))
        now = utcnow()
        item.deleted_at = now
        for child in session.scalars(sa.select(AgendaItem).where(
                AgendaItem.parent_id == item.id, AgendaItem.deleted_at.is_(None))):
            child.deleted_at = now


def record_item_minutes(store: Store, item_id: str, *, minutes_text: Any = KEEP,
                        resolution: Any = KEEP, notes: Any = KEEP,
                        author: str | None = None) -> None:
    """The minutes of one agenda item and its resolution (มติ). Writing minutes of a held
    meeting makes its minutes a draft."""
    errors = Errors()
    for name, value in (("minutes_text", minutes_text), ("resolution", resolution),
                        ("notes", notes)):
        if value is not KEEP:
            errors.text(name, value, max_len=20000)
    errors.raise_if_any()
    with store.action("บันทึกรายงานการประชุม", author) as session:
        item = get_live(session, AgendaItem, item_id, "agenda_item")
        meeting = session.get(Meeting, item.meeting_id)
        guard_minutes(meeting)
        if minutes_text is not KEEP:
            item.minutes_text = clean(minutes_text)
        if resolution is not KEEP:
            item.resolution = clean(resolution)
        if notes is not KEEP:
            item.notes = clean(notes)
        if meeting.status is MeetingStatus.HELD and (
                minutes_text is not KEEP or resolution is not KEEP):
            meeting.status = MeetingStatus.MINUTES_DRAFT


def record_vote(store: Store, item_id: str, votes_for: int, votes_against: int,
                abstentions: int = 0, question: str | None = None,
                author: str | None = None) -> str:
    """The count of a vote on an agenda item (one vote per item; recording again
    corrects it). The total cannot be more than the people in the room."""
    errors = Errors()
    for name, value in (("votes", votes_for), ("votes", votes_against),
                        ("votes", abstentions)):
        errors.count(name, value)
    errors.text("question", question, max_len=500)
    errors.raise_if_any()
    with store.action("บันทึกผลการลงคะแนน", author) as session:
        item = get_live(session, AgendaItem, item_id, "agenda_item")
        meeting = session.get(Meeting, item.meeting_id)
        guard_minutes(meeting)
        present = _present_count(session, meeting.id)
        total = votes_for + votes_against + abstentions
        if total > present:
            raise ServiceError("vote_above_present", "votes", total=total, present=present)
        vote = session.scalar(sa.select(Vote).where(
            Vote.agenda_item_id == item.id, Vote.deleted_at.is_(None)).limit(1))
        if vote is None:
            vote = Vote(province_code=meeting.province_code, meeting_id=meeting.id,
                        agenda_item_id=item.id)
            session.add(vote)
        vote.votes_for, vote.votes_against, vote.abstentions = (
            votes_for, votes_against, abstentions)
        vote.question = clean(question)
        if meeting.status is MeetingStatus.HELD:
            meeting.status = MeetingStatus.MINUTES_DRAFT
        session.flush()
        return vote.id


def remove_vote(store: Store, item_id: str, author: str | None = None) -> None:
    with store.action("ลบผลการลงคะแนน", author) as session:
        item = get_live(session, AgendaItem, item_id, "agenda_item")
        guard_minutes(session.get(Meeting, item.meeting_id))
        for vote in session.scalars(sa.select(Vote).where(
                Vote.agenda_item_id == item.id, Vote.deleted_at.is_(None))):
            vote.deleted_at = utcnow()
