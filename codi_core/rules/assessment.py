"""Who may write what in the self-managing province's assessment (issue 11).

Province staff enter levels, evidence and the committee's agreement (linked to the
meeting that agreed it); only HQ certifies an assessment, changes a certified one, or
edits the reference data (criterion levels, regions, clusters); the pilot / expansion
status of a province is set by its cluster, region or HQ. The desktop services call
``check_assessment_write`` before writing; the server calls it for every pushed change
of these tables, so a client that skips the check is refused all the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

ROLES = ("province", "cluster", "region", "hq")
SCOPE_ROLES = frozenset({"cluster", "region", "hq"})  # may set pilot / expansion status

#: Tables these rules look at (the server runs the check only for these).
RULED_TABLES = frozenset({
    "assessment", "criterion_level", "region", "province_cluster", "criterion", "province",
})
REFERENCE_TABLES = frozenset({"criterion_level", "region", "province_cluster", "criterion",
                              "province"})
CERTIFY_FIELDS = frozenset({"certified_on", "certified_by"})


@dataclass(frozen=True)
class Refusal:
    """Why a write is refused: a code of ``codi_core.errors.MESSAGES`` and its texts."""

    code: str
    field: str | None
    detail_en: str
    detail_th: str


def _value(v: Any) -> Any:
    return getattr(v, "value", v)


def check_assessment_write(
    role: str | None,
    table: str,
    op: str,
    fields: Mapping[str, Any],
    old: Mapping[str, Any] | None = None,
) -> Refusal | None:
    """None if ``role`` may make this write, else the refusal.

    ``fields`` are the values written (all of them for an insert, the changed ones for
    an update); ``old`` is the row as it stands before an update or delete.
    """
    role = role or "province"
    if table not in RULED_TABLES:
        return None
    if table in REFERENCE_TABLES:
        if role != "hq":
            return Refusal("hq_only", None, "Only HQ edits reference data.",
                           "เฉพาะ พอช. ส่วนกลางแก้ไขข้อมูลอ้างอิงได้")
        return None
    old = old or {}
    if role == "hq":
        return None
    new_status = _value(fields.get("status")) if "status" in fields else None
    old_status = _value(old.get("status"))
    if old_status == "certified":
        return Refusal("assessment_certified", None,
                       "A certified assessment can only be changed by HQ.",
                       "การประเมินที่รับรองแล้ว แก้ไขได้เฉพาะ พอช. ส่วนกลาง")
    if new_status == "certified" or CERTIFY_FIELDS & {
        k for k, v in fields.items() if v is not None
    }:
        return Refusal("certify_hq_only", "status", "Only HQ certifies an assessment.",
                       "เฉพาะ พอช. ส่วนกลางรับรองผลการประเมินได้")
    if new_status == "agreed":
        meeting = fields.get("agreed_meeting_id", old.get("agreed_meeting_id"))
        if not meeting:
            return Refusal("agree_needs_meeting", "agreed_meeting_id",
                           "An agreed assessment names the meeting that agreed it.",
                           "ต้องระบุการประชุมที่คณะกรรมการเห็นชอบผลการประเมิน")
    if "pilot_status" in fields and role not in SCOPE_ROLES:
        before = _value(old.get("pilot_status")) if op != "insert" else "none"
        if _value(fields["pilot_status"]) != (before or "none"):
            return Refusal("pilot_status_scope", "pilot_status",
                           "The pilot / expansion status is set by the cluster, region or HQ.",
                           "สถานะจังหวัดนำร่อง/ขยายผล กำหนดโดยกลุ่มจังหวัด ภาค หรือส่วนกลาง")
    return None
