"""Action items (การติดตามงาน): what someone agreed to do in a meeting, by when; open items
flow into the next meeting's เรื่องสืบเนื่อง and stay on the follow-up list until closed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.formatting import bangkok_today
from codi_core.models import ActionItem, ActionStatus, AgendaItem, Meeting, Person, Project
from codi_desktop.store.database import Store

from ._common import Errors, clean, get_live
from .meetings import ActionRow, action_row, guard_minutes


@dataclass
class ActionItemData:
    title: str = ""
    agenda_item_id: str | None = None
    owner_person_id: str | None = None
    owner_name: str | None = None  # someone not in the database, or a body
    due_on: dt.date | None = None
    project_id: str | None = None


def _validate(data: ActionItemData) -> None:
    errors = Errors()
    errors.text("title", data.title, required=True, max_len=500)
    errors.text("owner_name", data.owner_name, max_len=300)
    errors.raise_if_any()


def add_action_item(store: Store, meeting_id: str, data: ActionItemData,
                    author: str | None = None) -> str:
    _validate(data)
    with store.action(f"เพิ่มเรื่องที่ต้องติดตาม {data.title.strip()}", author) as session:
        meeting = get_live(session, Meeting, meeting_id, "meeting")
        guard_minutes(meeting)
        owner_name = clean(data.owner_name)
        if data.owner_person_id:
            owner_name = get_live(session, Person, data.owner_person_id, "person").full_name
        if data.agenda_item_id:
            item = get_live(session, AgendaItem, data.agenda_item_id, "agenda_item")
            if item.meeting_id != meeting.id:
                raise ServiceError("wrong_meeting")
        if data.project_id:
            get_live(session, Project, data.project_id, "project")
        action = ActionItem(
            province_code=meeting.province_code, meeting_id=meeting.id,
            agenda_item_id=data.agenda_item_id, title=data.title.strip(),
            owner_person_id=data.owner_person_id, owner_name=owner_name, due_on=data.due_on,
            project_id=data.project_id, status=ActionStatus.OPEN)
        session.add(action)
        session.flush()
        return action.id


def close_action_item(store: Store, action_id: str, *, in_meeting_id: str | None = None,
                      note: str | None = None, status: str = ActionStatus.DONE.value,
                      author: str | None = None) -> None:
    """Close an item as done (or cancelled), recording when and in which meeting."""
    if status not in (ActionStatus.DONE, ActionStatus.CANCELLED):
        raise ServiceError("unknown_choice", "status")
    with store.action("ปิดเรื่องที่ต้องติดตาม", author) as session:
        action = get_live(session, ActionItem, action_id, "action_item")
        if action.status is not ActionStatus.OPEN:
            raise ServiceError("action_closed")
        if in_meeting_id:
            get_live(session, Meeting, in_meeting_id, "meeting")
        action.status = ActionStatus(status)
        action.closed_at = dt.datetime.now(dt.UTC)
        action.closed_in_meeting_id = in_meeting_id
        action.closing_note = clean(note)


def open_action_items(store: Store, *, owner_person_id: str | None = None,
                      owner_text: str | None = None, organization_id: str | None = None,
                      today: dt.date | None = None) -> list[ActionRow]:
    """Open items across meetings: overdue first, then by due date and owner."""
    today = today or bangkok_today()
    overdue = sa.and_(ActionItem.due_on.is_not(None), ActionItem.due_on < today)
    stmt = (
        sa.select(ActionItem, Meeting)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .where(ActionItem.deleted_at.is_(None), Meeting.deleted_at.is_(None),
               ActionItem.status == ActionStatus.OPEN)
        .order_by(overdue.desc(), ActionItem.due_on.is_(None), ActionItem.due_on,
                  ActionItem.owner_name, ActionItem.created_at, ActionItem.id)
    )
    if owner_person_id:
        stmt = stmt.where(ActionItem.owner_person_id == owner_person_id)
    if owner_text and owner_text.strip():
        stmt = stmt.where(ActionItem.owner_name.contains(owner_text.strip(), autoescape=True))
    if organization_id:
        stmt = stmt.where(Meeting.organization_id == organization_id)
    with store.read() as session:
        return [action_row(a, m, today) for a, m in session.execute(stmt)]
