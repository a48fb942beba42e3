"""A record's history as a person reads it: field names in their language, values by their
labels, linked records by their names, Buddhist-Era dates in Bangkok time, who and on which
device, and never an id, a column name or an ISO timestamp.

``services/history.py`` gives the raw entries (``HistoryEntry``); this module only presents
them. Enum values are named by the one labels table (``codi_core.labels``), or by a
caller-given ``value_label(table, field, value)`` first when one is passed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from codi_core.errors import LABELS
from codi_core.formatting import (
    english_date,
    english_time,
    format_baht,
    meeting_number,
    thai_date_short,
    thai_time,
    to_bangkok,
)
from codi_core.labels import field_value_label
from codi_core.models import SYNCED_MODELS
from codi_core.models.base import UTCDateTime
from codi_core.models.serialize import parse_datetime
from codi_desktop.store.database import Store

from . import history

ValueLabel = Callable[[str, str, Any], "str | None"]

#: Bookkeeping a person never needs to see.
HIDDEN = {"id", "seq", "created_at", "updated_at", "province_code", "snapshot"}

#: Integers that are names, not amounts: never "2,569".
PLAIN_NUMBERS = {"moo", "section", "position", "number", "fiscal_year", "number_year",
                 "minutes_version", "version", "level", "criterion"}

#: Field names per table where the shared error labels do not say it (or say it otherwise).
FIELD_NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "meeting": {
        "kind": ("ประเภทการประชุม", "Meeting type"),
        "title": ("ชื่อการประชุม", "Meeting title"),
        "organization_id": ("องค์กรที่ประชุม", "Meeting body"),
        "number": ("ครั้งที่", "Meeting number"),
        "number_year": ("ปีของครั้งที่ (พ.ศ.)", "Year of the number (BE)"),
        "starts_at": ("วันเวลาเริ่ม", "Starts"),
        "ends_at": ("เวลาสิ้นสุด", "Ends"),
        "started_at": ("เริ่มประชุมเวลา", "Meeting opened"),
        "ended_at": ("เลิกประชุมเวลา", "Meeting closed"),
        "place": ("สถานที่", "Place"),
        "subdistrict_id": ("ตำบล", "Subdistrict"),
        "organiser": ("ผู้จัด", "Organiser"),
        "chair_id": ("ประธาน", "Chair"),
        "secretary_id": ("เลขานุการ", "Secretary"),
        "minute_taker_id": ("ผู้จดรายงานการประชุม", "Minute-taker"),
        "reviewer_id": ("ผู้ตรวจรายงานการประชุม", "Minutes reviewer"),
        "status": ("สถานะ", "Status"),
        "previous_meeting_id": ("การประชุมครั้งก่อน", "Previous meeting"),
        "certified_on": ("รับรองรายงานเมื่อ", "Minutes certified on"),
        "certified_in_meeting_id": ("รับรองในการประชุม", "Certified at meeting"),
        "minutes_version": ("ฉบับของรายงานการประชุม", "Minutes version"),
        "notes": ("หมายเหตุ", "Notes"),
        "cancel_reason": ("เหตุผลที่ยกเลิก", "Reason for cancelling"),
        "deleted_at": ("ลบเมื่อ", "Deleted on"),
    },
    "agenda_item": {
        "meeting_id": ("การประชุม", "Meeting"),
        "parent_id": ("อยู่ใต้เรื่อง", "Under item"),
        "section": ("ระเบียบวาระที่", "Agenda section"),
        "position": ("ลำดับ", "Order"),
        "title": ("เรื่อง", "Item"),
        "presenter": ("ผู้นำเสนอ", "Presenter"),
        "duration_minutes": ("เวลา (นาที)", "Minutes allowed"),
        "minutes_text": ("รายงานการประชุม", "Minutes"),
        "resolution": ("มติที่ประชุม", "Resolution"),
        "action_item_id": ("เรื่องที่ต้องติดตาม", "Action item"),
        "project_id": ("โครงการ", "Project"),
    },
}

GENERIC_NAMES: dict[str, tuple[str, str]] = {
    "deleted_at": ("ลบเมื่อ", "Deleted on"),
    "meeting_id": ("การประชุม", "Meeting"),
    "person_id": ("บุคคล", "Person"),
    "organization_id": ("องค์กร", "Organization"),
    "community_id": ("ชุมชน", "Community"),
    "project_id": ("โครงการ", "Project"),
    "district_id": ("อำเภอ", "District"),
    "subdistrict_id": ("ตำบล", "Subdistrict"),
}

OPS = {"insert": ("สร้าง", "Created"), "update": ("แก้ไข", "Changed"),
       "delete": ("ลบ", "Deleted")}
STATUSES = {"pending": ("รอส่ง", "Waiting to send"), "applied": ("ส่งแล้ว", "Sent"),
            "rejected": ("ถูกปฏิเสธ", "Refused"), "discarded": ("ยกเลิกแล้ว", "Discarded"),
            "local": ("ในเครื่อง (สาธิต)", "This laptop only (demo)")}
RECORD_NAMES = {"meeting": ("การประชุม", "meeting"), "agenda_item": ("ระเบียบวาระ", "agenda item"),
                "person": ("บุคคล", "person"), "organization": ("องค์กร", "organization"),
                "community": ("ชุมชน", "community"), "project": ("โครงการ", "project")}


@dataclass
class HistoryLine:
    field: str  # the field's name in the person's language
    old: str
    new: str


@dataclass
class HistoryView:
    when: str  # Buddhist Era, Bangkok time
    author: str
    device: str
    action: str  # "สร้าง · วางแผนการประชุม" / "Created · meeting"
    status: str
    lines: list[HistoryLine] = field(default_factory=list)


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def field_name(table: str, name: str, lang: str = "th") -> str:
    pair = (FIELD_NAMES.get(table, {}).get(name) or LABELS.get(name)
            or GENERIC_NAMES.get(name))
    if pair is None:  # never the column name: a plain word from it
        return name.removesuffix("_id").replace("_", " ")
    return _pick(pair, lang)


def when_text(value: dt.datetime | dt.date, lang: str = "th") -> str:
    if isinstance(value, dt.datetime):
        local = to_bangkok(value)
        if lang == "en":
            return f"{english_date(local, buddhist_era=True)} {english_time(local)}"
        return f"{thai_date_short(local)} {thai_time(local)}"
    return english_date(value, buddhist_era=True) if lang == "en" else thai_date_short(value)


def _linked_name(session, table: str, column: sa.Column, value: str, lang: str) -> str:
    fks = list(column.foreign_keys)
    if not fks:
        return "—"
    target = fks[0].column.table.name
    model = SYNCED_MODELS.get(target)
    obj = session.get(model, value) if model is not None else None
    if obj is None:
        return _pick(("(ไม่พบรายการ)", "(record not found)"), lang)
    if target == "meeting":
        number = (meeting_number(obj.number, obj.number_year)
                  if obj.number and obj.number_year else "")
        return " ".join(x for x in (obj.title, number) if x)
    for attr in ("full_name", "name", "name_en" if lang == "en" else "name_th", "name_th",
                 "title", "code"):
        text = getattr(obj, attr, None)
        if isinstance(text, str) and text:
            return text
    return "—"


def _fallback_label(table: str, name: str, value: Any, lang: str) -> str | None:
    """The one labels table (codi_core.labels) names every enum column's values."""
    return field_value_label(table, name, value, lang)


def value_text(session, table: str, name: str, value: Any, lang: str = "th",
               value_label: ValueLabel | None = None) -> str:
    """One stored value as a person reads it."""
    if value is None or value == "":
        return "—"
    model = SYNCED_MODELS.get(table)
    column = model.__table__.c.get(name) if model is not None else None
    if column is not None and column.foreign_keys and isinstance(value, str):
        return _linked_name(session, table, column, value, lang)
    if column is not None and isinstance(value, str) and isinstance(column.type, sa.Enum):
        label = (value_label(table, name, value) if value_label else None) or \
            _fallback_label(table, name, value, lang)
        return label or value.replace("_", " ")
    if column is not None and isinstance(column.type, UTCDateTime) and isinstance(value, str):
        try:
            return when_text(parse_datetime(value), lang)
        except ValueError:
            return value
    if column is not None and isinstance(column.type, sa.Date) and isinstance(value, str):
        try:
            return when_text(dt.date.fromisoformat(value), lang)
        except ValueError:
            return value
    if isinstance(value, bool):
        return _pick(("ใช่", "yes") if value else ("ไม่ใช่", "no"), lang)
    if name.endswith("_satang") and isinstance(value, int):
        return format_baht(value)
    if isinstance(value, int):
        # a count reads with separators (1,600); a year, a number or an order does not (2569)
        plain = name.endswith(("year", "number", "version")) or name in PLAIN_NUMBERS
        return str(value) if plain else f"{value:,}"
    if isinstance(value, dict | list):
        return _pick(("(ข้อมูลหลายรายการ)", "(several values)"), lang)
    return str(value)


def readable_history(store: Store, table: str, row_id: str, lang: str = "th",
                     value_label: ValueLabel | None = None) -> list[HistoryView]:
    """Newest first, as ``history.record_history``, ready to show."""
    entries = history.record_history(store, table, row_id)
    device = store.get_setting("device_name") or _pick(("เครื่องนี้", "this laptop"), lang)
    record = _pick(RECORD_NAMES.get(table, ("รายการ", "record")), lang)
    out = []
    with store.read() as session:
        for entry in entries:
            op = _pick(OPS.get(entry.op, (entry.op, entry.op)), lang)
            # the summary is the Thai name of the action; English shows the record kind
            action = f"{op} · {record}" if lang == "en" else f"{op} · {entry.summary}"
            lines = [HistoryLine(field_name(table, name, lang),
                                 value_text(session, table, name, old, lang, value_label),
                                 value_text(session, table, name, new, lang, value_label))
                     for name, old, new in entry.changes if name not in HIDDEN
                     and not (entry.op == "insert" and new in (None, ""))]
            out.append(HistoryView(
                when=when_text(entry.when, lang),
                author=entry.author or _pick(("ผู้ใช้เครื่องนี้", "the laptop's user"), lang),
                device=device, action=action,
                status=_pick(STATUSES.get(entry.status, (entry.status, entry.status)), lang),
                lines=lines))
    return out
