"""Applying one change set's changes in order, then its checks and its seqs."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from codi_core.models import SYNCED_MODELS
from codi_core.models.serialize import WireValueError, content_columns
from codi_core.rules.assessment import RULED_TABLES, check_assessment_write
from codi_core.rules.columns import update_violation
from codi_core.rules.merge import base_seq_violation
from codi_core.rules.minutes import LOCKED_CHILDREN
from codi_core.rules.planning import PLAN_FIELDS
from codi_core.wire import FORBIDDEN, SCHEMA_MISMATCH, SCHEMA_VERSIONS, WireChange

from .. import schema
from ..seqs import log_new_rows
from .attendance import AttendanceMixin
from .base import decode
from .ledger import LedgerMixin
from .links import LinksMixin
from .lock import MinutesLockMixin
from .merge import MergeMixin
from .numbering import NumberingMixin
from .planning import PlanningMixin
from .rejections import Rejection


class ChangeSetApplier(
    MergeMixin, LedgerMixin, NumberingMixin, LinksMixin, AttendanceMixin, MinutesLockMixin,
    PlanningMixin,
):
    """Applies one change set's changes inside the caller's transaction."""

    def apply_changes(self) -> None:
        """Every change and every check of the change set; the seqs come later
        (``log_seqs``, once per batch: see ``batch.py``)."""
        cs = self.cs
        if cs.schema_version not in SCHEMA_VERSIONS:
            raise Rejection(
                SCHEMA_MISMATCH,
                f"Schema version {cs.schema_version} is newer than this server knows; "
                "the server must be upgraded first.",
                "ฐานข้อมูลของเครื่องนี้ใหม่กว่าที่เซิร์ฟเวอร์รู้จัก ต้องปรับรุ่นเซิร์ฟเวอร์ก่อน",
            )
        self._lock_log_entries(cs.changes)
        for self.index, change in enumerate(cs.changes):
            self.apply(change)
        # Links are checked once every change is in: a change set may name a parent after
        # its child.
        self.check_links()
        self.index = None  # type: ignore[assignment]
        self.check_meeting_numbers()
        for project_id in sorted(self.budget_projects):
            self.check_budget(project_id)

    def result(self, seq: int) -> dict[str, Any]:
        return {
            "id": self.cs.id,
            "device_seq": self.cs.device_seq,
            "status": "applied",
            "seq": seq,
            "conflicts": self.conflicts,
            "code": None,
            "detail": None,
        }

    def apply(self, change: WireChange) -> None:
        model = SYNCED_MODELS.get(change.table)
        if model is None:
            raise self.invalid(f"Unknown table {change.table!r}.", "ไม่รู้จักตารางนี้")
        table = schema.DOMAIN_TABLES[change.table]
        columns = {c.name: c for c in content_columns(table)}
        unknown = sorted(set(change.fields) - set(columns))
        if unknown:
            raise self.invalid(
                f"Unknown field(s) of {change.table}: {', '.join(unknown)}.", "ไม่รู้จักช่องข้อมูลนี้"
            )
        values: dict[str, Any] = {}
        for name, raw in change.fields.items():
            try:
                values[name] = decode(columns[name], raw)
            except WireValueError as exc:
                raise self.invalid(
                    f"{change.table}.{exc.field}: {exc.message}", f"ค่าของช่อง {exc.field} ไม่ถูกต้อง"
                ) from None
        if change.table in RULED_TABLES:  # who may write the assessment (issue 11)
            old = None if change.op == "insert" or (change.table, change.row_id) not in self.log \
                else self._server_row(table, change.row_id)
            refusal = check_assessment_write(self.scope.role, change.table, change.op, values, old)
            if refusal is not None:
                raise self.reject(FORBIDDEN, refusal.detail_en, refusal.detail_th)
        if change.op == "update":
            problem = update_violation(values)
            if problem is not None:
                raise self.invalid(
                    f"{change.table}.{problem.field} is not writable by an update "
                    "(a delete is op: delete).",
                    f"แก้ไขช่อง {problem.field} ด้วยการแก้ไขไม่ได้",
                )
            values.pop("updated_at", None)  # the writer's own bookkeeping
        if change.table in LOCKED_CHILDREN:
            self.check_minutes_lock(table, change, values)
        if change.op == "insert":
            if change.table == "meeting":
                self.check_meeting_plan(values)
            self.insert(model, table, columns, change, values)
        elif model.__ledger__:
            raise self.forbidden(
                f"{change.table} is an append-only ledger: correct an entry with a reversal."
            )
        else:
            entry = self.log.get((change.table, change.row_id))
            if entry is None:
                raise self.invalid(
                    f"There is no {change.table} row {change.row_id} on the server.",
                    "ไม่พบรายการนี้บนเซิร์ฟเวอร์",
                )
            if not self.scope.covers(entry["province_code"]):
                raise self.forbidden(f"Row {change.row_id} is outside this device's scope.")
            problem = base_seq_violation(change.base_seq, self.issued_seq())
            if problem is not None and problem.code == "base_seq_required":
                raise self.invalid("An update or delete needs base_seq.", "ไม่มี base_seq")
            if problem is not None:
                raise self.invalid(
                    f"base_seq {change.base_seq} is newer than any seq the server has "
                    f"given ({self.issued_seq()}): impossible.",
                    "base_seq ใหม่กว่ารายการบนเซิร์ฟเวอร์ ซึ่งเป็นไปไม่ได้",
                )
            if change.op == "update":
                self.note_links(change, values, entry["province_code"])
            if change.op == "update":
                self.update(table, columns, change, values, entry)
                if change.table == "meeting" and PLAN_FIELDS & set(values):
                    self.check_meeting_plan(self._server_row(table, change.row_id), values)
            else:
                self.delete(table, change, entry)

    def insert(
        self,
        model: type,
        table: sa.Table,
        columns: dict[str, sa.Column],
        change: WireChange,
        values: dict[str, Any],
    ) -> None:
        key = (change.table, change.row_id)
        entry = self.log.get(key)
        if entry is not None:
            if not self.scope.covers(entry["province_code"]):
                raise self.forbidden(f"Row {change.row_id} exists outside this device's scope.")
            raise self.invalid(
                f"{change.table} row {change.row_id} already exists.", "มีรายการนี้อยู่แล้ว"
            )
        province = values.get("province_code")
        if model.__sync_scope__ == "national":
            if not self.scope.is_hq:
                raise self.forbidden(f"{change.table} is national reference data: HQ only.")
            if province is not None:
                raise self.invalid(f"{change.table} rows have no province_code.")
        else:
            if province is None:
                raise self.invalid(
                    f"A {change.table} row needs its province_code.", "ต้องระบุจังหวัด"
                )
            if not self.scope.covers(province):
                raise self.forbidden(f"Province {province} is outside this device's scope.")
            if not self.known_province(province):
                raise self.invalid(f"Unknown province {province}.", "ไม่รู้จักจังหวัดนี้")
        for name, column in columns.items():
            if (
                name not in values
                and not column.nullable
                and column.default is None
                and column.server_default is None
            ):
                raise self.invalid(
                    f"{change.table}.{name} is required.", f"ต้องกรอกช่อง {name}"
                )
        if model.__ledger__:
            self.check_ledger_entry(province, values)
        self.note_links(change, values, province)
        if change.table == "attendance":
            self.merge_second_sign_in(table, columns, change, values, province)
        values.setdefault("updated_at", self.now)
        values.setdefault("created_at", self.now)
        self.insert_row(table, dict(values, id=change.row_id, seq=None))
        self.log[key] = {
            "province_code": province,
            "deleted": values.get("deleted_at") is not None,
            "seq": None,
            "first_seq": None,
            "field_seqs": {},
            "pending": True,
        }
        self._note_write(
            change.table, change.row_id, province, values.get("deleted_at") is not None,
            set(values), insert=True,
        )
        if change.table == "meeting" and values.get("deleted_at") is None:
            self.meeting_checks[change.row_id] = change

    def log_seqs(
        self,
        first: int,
        images: dict[str, dict[str, str]],
        new_rows: dict[str, list[tuple[str, str | None, bool, int, str]]],
        log_updates: list[dict[str, Any]],
    ) -> int:
        """Number this change set's writes from ``first`` (seqs taken by the caller, the
        counter locked until commit) and add their row log entries, with each row's image,
        to ``new_rows`` and ``log_updates``; returns the change set's highest seq."""
        for offset, write in enumerate(self.writes.values()):
            seq = first + offset
            image = images[write.table][write.row_id]
            if write.insert:
                new_rows.setdefault(write.table, []).append(
                    (write.row_id, write.province_code, write.deleted, seq, image)
                )
                continue
            field_seqs = dict(self.log[(write.table, write.row_id)]["field_seqs"])
            for name in write.fields:
                field_seqs[name] = seq
            log_updates.append(
                {
                    "b_table": write.table,
                    "b_row": write.row_id,
                    "seq": seq,
                    "deleted": write.deleted,
                    "field_seqs": field_seqs,
                    "image": image,
                    "written_at": self.now,
                }
            )
        return first + len(self.writes) - 1


def write_row_log(
    conn: sa.Connection,
    now: Any,
    new_rows: dict[str, list[tuple[str, str | None, bool, int, str]]],
    log_updates: list[dict[str, Any]],
) -> None:
    """The row log entries of a batch's writes (``ChangeSetApplier.log_seqs``)."""
    for name, rows in new_rows.items():
        log_new_rows(conn, name, rows, now)
    if log_updates:
        rl = schema.row_log
        conn.execute(
            sa.update(rl)
            .where(rl.c.table_name == sa.bindparam("b_table"), rl.c.row_id == sa.bindparam("b_row"))
            .values(
                seq=sa.bindparam("seq"),
                deleted=sa.bindparam("deleted"),
                field_seqs=sa.bindparam("field_seqs"),
                image=sa.bindparam("image"),
                written_at=sa.bindparam("written_at"),
            ),
            log_updates,
        )
