"""Meetings and their minutes: plan one from the standard agenda template, record what
happens in the room (sign-in, times, minutes, resolutions, votes), and take the minutes
from draft to certified to locked; a correction after locking is a new, kept version.

Every public writer is one user action: one ``store.action`` and so one change set. All of
it works offline; nothing here knows about the server.

The package, one module per seam: ``planning`` (the plan, its rules and number, the
invitees), ``agenda`` (items, their minutes, resolutions and votes), ``attendance`` (times
and sign-in), ``minutes`` (certify, lock, amend as a new version), ``reading`` (a meeting's
detail, the list), ``template`` (the agenda template), ``ics`` (iCalendar) and ``common``.
Every public name is importable from here, as before the split.
"""

from __future__ import annotations

from .agenda import (
    AgendaItemData,
    add_agenda_item,
    record_item_minutes,
    record_vote,
    remove_agenda_item,
    remove_vote,
    update_agenda_item,
)
from .attendance import (
    AttendanceData,
    PersonHit,
    WalkInData,
    record_attendance,
    record_times,
    record_walk_in,
    remove_attendance,
    search_people,
)
from .common import (
    ATTENDANCE_NAMES,
    IN_ROOM,
    KEEP,
    KIND_NAMES,
    ROLE_NAMES,
    STATUS_NAMES,
    as_utc,
    guard_minutes,
    local_date,
    number_text,
)
from .ics import meeting_heading_text, meeting_ics
from .minutes import (
    ItemCorrection,
    MinutesVersionRow,
    amend_minutes,
    certify_minutes,
    lock_minutes,
    minutes_versions,
)
from .planning import (
    MeetingPlan,
    add_invitees,
    cancel_meeting,
    delete_meeting,
    duplicate_meeting,
    mark_invited,
    next_meeting_number,
    plan_meeting,
    remove_invitee,
    update_meeting,
    validate_new_plan,
    validate_plan,
)
from .reading import (
    ActionRow,
    AgendaRow,
    AttendanceRow,
    InviteeRow,
    MeetingDetail,
    MeetingRow,
    VoteRow,
    action_row,
    get_meeting,
    list_meetings,
    meeting_plan,
)
from .template import (
    DEFAULT_TEMPLATE,
    TEMPLATE_SETTING,
    TemplateSection,
    agenda_template,
    set_agenda_template,
)

__all__ = [
    "ATTENDANCE_NAMES", "ActionRow", "AgendaItemData", "AgendaRow", "AttendanceData",
    "AttendanceRow", "DEFAULT_TEMPLATE", "IN_ROOM", "InviteeRow", "ItemCorrection", "KEEP",
    "KIND_NAMES", "MeetingDetail", "MeetingPlan", "MeetingRow", "MinutesVersionRow",
    "PersonHit", "ROLE_NAMES", "STATUS_NAMES", "TEMPLATE_SETTING", "TemplateSection",
    "VoteRow", "WalkInData", "action_row", "add_agenda_item", "add_invitees",
    "agenda_template", "amend_minutes", "as_utc", "cancel_meeting", "certify_minutes",
    "delete_meeting", "duplicate_meeting", "get_meeting", "guard_minutes", "list_meetings",
    "local_date", "lock_minutes", "mark_invited", "meeting_heading_text", "meeting_ics",
    "meeting_plan", "minutes_versions", "next_meeting_number", "number_text", "plan_meeting",
    "record_attendance", "record_item_minutes", "record_times", "record_vote",
    "record_walk_in", "remove_agenda_item", "remove_attendance", "remove_invitee",
    "remove_vote", "search_people", "set_agenda_template", "update_agenda_item",
    "update_meeting", "validate_new_plan", "validate_plan",
]
