"""A meeting as iCalendar (RFC 5545) and its one-line heading."""

from __future__ import annotations

import datetime as dt

from codi_core.formatting import thai_date, thai_time
from codi_core.models import (
    utcnow,
)
from codi_desktop.store.database import Store

from .reading import (
    MeetingDetail,
    get_meeting,
)


def _ics_escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _ics_fold(line: str) -> str:
    """RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF + one space;
    a UTF-8 character is never split."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with a space
        if size + n > limit:
            out.append(current)
            current, size = "", 0
        current += ch
        size += n
    out.append(current)
    return "\r\n ".join(out)


def _ics_time(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def meeting_ics(store: Store, meeting_id: str, *, now: dt.datetime | None = None) -> str:
    """The meeting as an iCalendar (RFC 5545) event, times in UTC, for a phone's calendar."""
    detail = get_meeting(store, meeting_id)
    ends = detail.ends_at or detail.starts_at + dt.timedelta(hours=3)
    number = f" ครั้งที่ {detail.number_text}" if detail.number_text else ""
    agenda = "\n".join(f"{'  ' * a.depth}{'ระเบียบวาระที่ ' if a.depth == 0 else ''}"
                       f"{a.number} {a.title}" for a in detail.agenda)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CODI//CODI Desktop//TH",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT",
        f"UID:{detail.id}@codi-desktop",
        f"DTSTAMP:{_ics_time(now or utcnow())}",
        f"DTSTART:{_ics_time(detail.starts_at)}",
        f"DTEND:{_ics_time(ends)}",
        f"SUMMARY:{_ics_escape(detail.title + number)}",
    ]
    if detail.place:
        lines.append(f"LOCATION:{_ics_escape(detail.place)}")
    if agenda:
        lines.append(f"DESCRIPTION:{_ics_escape(agenda)}")
    lines.append("STATUS:CONFIRMED")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(_ics_fold(line) + "\r\n" for line in lines)


def meeting_heading_text(detail: MeetingDetail) -> str:
    """ "ครั้งที่ 3/2569 วันพุธที่ ... เวลา 09.30 น." for lists and window titles."""
    number = f"ครั้งที่ {detail.number_text} " if detail.number_text else ""
    return f"{number}{thai_date(detail.starts_at)} {thai_time(detail.starts_at)}"
