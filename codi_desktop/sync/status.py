"""What the sync page and the status bar show, and the person's answers to it (no Qt).

Reads: the change sets waiting in the outbox, recent sync results, open conflicts,
rejected change sets with their reason in Thai and English. Writes, each one user
action through ``Store.action`` so it is itself synced: resolving a conflict (the
chosen value written to the row and the conflict marked resolved, so every device sees
the resolution), resending a rejected change set (after fixing its values) or
discarding it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from codi_core.models import (
    SYNCED_MODELS,
    Change,
    ChangeOp,
    ChangeSet,
    ChangeSetStatus,
    Conflict,
    ConflictStatus,
    utcnow,
)
from codi_core.models.serialize import WireValueError, decode_value, encode_value
from codi_desktop.store.database import Store

from . import apply
from .credentials import S_REVOKED, account
from .engine import S_HISTORY, S_LAST_SUCCESS

# Why the server refused a change set, for a person (PROTOCOL.md rejection codes).
REJECTION_REASONS: dict[str, tuple[str, str]] = {
    "over_budget": (
        "ยอดเบิกจ่ายเกินวงเงินที่อนุมัติ (อาจมีอีกเครื่องบันทึกเบิกจ่ายไปก่อนแล้ว) "
        "กรุณาตรวจสอบยอดคงเหลือ แก้จำนวนเงิน แล้วส่งใหม่ หรือยกเลิกรายการนี้",
        "The disbursements would exceed the approved amount (another device may have "
        "recorded one first). Check the balance, fix the amount and resend, or discard.",
    ),
    "forbidden": (
        "บัญชีหรือเครื่องนี้ไม่มีสิทธิ์แก้ไขข้อมูลนี้ (นอกจังหวัดที่รับผิดชอบ หรือเป็นข้อมูลที่สำนักงานใหญ่ดูแล)",
        "This account or device may not change this record (outside its province, or "
        "data HQ manages).",
    ),
    "invalid": (
        "ข้อมูลบางช่องไม่ถูกต้องตามที่เซิร์ฟเวอร์กำหนด กรุณาแก้ไขแล้วส่งใหม่",
        "Some values are not valid for the server. Fix them and resend.",
    ),
    "schema_mismatch": (
        "โปรแกรมในเครื่องนี้ใหม่กว่าเซิร์ฟเวอร์ กรุณารอให้ฝ่ายไอทีปรับปรุงเซิร์ฟเวอร์แล้วส่งใหม่",
        "This app is newer than the server. Resend after HQ IT upgrades the server.",
    ),
}
UNKNOWN_REASON = (
    "เซิร์ฟเวอร์ไม่รับรายการนี้",
    "The server did not accept this change set.",
)


def rejection_reason(code: str | None, lang: str = "th") -> str:
    th, en = REJECTION_REASONS.get(code or "", UNKNOWN_REASON)
    return th if lang == "th" else en


# -- plain results for the UI --------------------------------------------------------------


@dataclass(frozen=True)
class ChangeInfo:
    table: str
    row_id: str
    op: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class ChangeSetInfo:
    id: str
    device_seq: int
    created_at: dt.datetime
    author: str
    summary: str
    status: str
    result_code: str | None = None
    result_detail: str | None = None
    server_seq: int | None = None
    changes: list[ChangeInfo] = field(default_factory=list)

    def reason(self, lang: str = "th") -> str:
        return rejection_reason(self.result_code, lang)


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    table: str
    row_id: str
    field: str
    server_value: Any  # "theirs": the value that stayed on the server
    client_value: Any  # "mine": the value the other change wanted
    current_value: Any  # what the row holds here now
    author: str | None
    created_at: dt.datetime
    row_label: str | None = None
    from_this_device: bool = False  # the refused value ("client") was written here

    @property
    def mine(self) -> Any:
        return self.client_value if self.from_this_device else self.server_value

    @property
    def theirs(self) -> Any:
        return self.server_value if self.from_this_device else self.client_value


@dataclass(frozen=True)
class SyncOverview:
    """What the status bar needs, in one read."""

    enrolled: bool
    demo: bool
    revoked: bool
    waiting: int
    open_conflicts: int
    rejected: int
    last_sync: dt.datetime | None
    server_url: str | None


def _info(cs: ChangeSet, with_changes: bool = False) -> ChangeSetInfo:
    return ChangeSetInfo(
        id=cs.id,
        device_seq=cs.device_seq,
        created_at=cs.created_at,
        author=cs.author,
        summary=cs.summary,
        status=str(cs.status),
        result_code=cs.result_code,
        result_detail=cs.result_detail,
        server_seq=cs.server_seq,
        changes=[
            ChangeInfo(c.table_name, c.row_id, str(c.op), dict(c.fields or {})) for c in cs.changes
        ]
        if with_changes
        else [],
    )


def _count(store: Store, where: Any, model: Any = ChangeSet) -> int:
    with store.read() as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(model).where(where)) or 0)


def waiting_count(store: Store) -> int:
    return store.count_pending()


def waiting_change_sets(store: Store, limit: int = 500) -> list[ChangeSetInfo]:
    with store.read() as s:
        rows = s.scalars(
            sa.select(ChangeSet)
            .where(ChangeSet.status == ChangeSetStatus.PENDING)
            .order_by(ChangeSet.device_seq)
            .limit(limit)
        )
        return [_info(cs) for cs in rows]


def last_sync_time(store: Store) -> dt.datetime | None:
    value = store.get_setting(S_LAST_SUCCESS)
    return dt.datetime.fromisoformat(value) if value else None


def recent_results(store: Store, limit: int = 20) -> list[dict[str, Any]]:
    """Summaries of the last syncs, newest first (``SyncSummary.to_dict()`` form)."""
    return list(store.get_setting(S_HISTORY, []) or [])[:limit]


def recently_sent(store: Store, limit: int = 50) -> list[ChangeSetInfo]:
    with store.read() as s:
        rows = s.scalars(
            sa.select(ChangeSet)
            .where(ChangeSet.status.in_([ChangeSetStatus.APPLIED, ChangeSetStatus.REJECTED]))
            .order_by(ChangeSet.device_seq.desc())
            .limit(limit)
        )
        return [_info(cs) for cs in rows]


def open_conflict_count(store: Store) -> int:
    return _count(
        store,
        sa.and_(Conflict.status == ConflictStatus.OPEN, Conflict.deleted_at.is_(None)),
        Conflict,
    )


def open_conflicts(store: Store) -> list[ConflictInfo]:
    with store.read() as s:
        conflicts = list(
            s.scalars(
                sa.select(Conflict)
                .where(Conflict.status == ConflictStatus.OPEN, Conflict.deleted_at.is_(None))
                .order_by(Conflict.created_at)
            )
        )
        out = []
        for c in conflicts:
            current = None
            label = None
            model = SYNCED_MODELS.get(c.table_name)
            if model is not None:
                row = s.get(model, c.row_id)
                if row is not None:
                    column = model.__table__.columns.get(c.field)  # type: ignore[attr-defined]
                    if column is not None:
                        current = encode_value(column, getattr(row, column.key))
                    for name in ("title", "name", "name_th", "person_name", "code"):
                        if hasattr(row, name) and getattr(row, name):
                            label = str(getattr(row, name))
                            break
            out.append(
                ConflictInfo(
                    id=c.id,
                    table=c.table_name,
                    row_id=c.row_id,
                    field=c.field,
                    server_value=c.server_value,
                    client_value=c.client_value,
                    current_value=current,
                    author=c.author,
                    created_at=c.created_at,
                    row_label=label,
                    from_this_device=bool(
                        c.change_set_id and s.get(ChangeSet, c.change_set_id) is not None
                    ),
                )
            )
        return out


def rejected_change_sets(store: Store) -> list[ChangeSetInfo]:
    with store.read() as s:
        rows = s.scalars(
            sa.select(ChangeSet)
            .options(selectinload(ChangeSet.changes))
            .where(ChangeSet.status == ChangeSetStatus.REJECTED)
            .order_by(ChangeSet.device_seq)
        )
        return [_info(cs, with_changes=True) for cs in rows]


def overview(store: Store) -> SyncOverview:
    acct = account(store)
    return SyncOverview(
        enrolled=acct is not None,
        demo=store.is_demo,
        revoked=bool(store.get_setting(S_REVOKED, False)),
        waiting=waiting_count(store),
        open_conflicts=open_conflict_count(store),
        rejected=_count(store, ChangeSet.status == ChangeSetStatus.REJECTED),
        last_sync=last_sync_time(store),
        server_url=acct.server_url if acct else None,
    )


# -- the person's answers ----------------------------------------------------------------


class SyncActionError(ValueError):
    def __init__(self, th: str, en: str):
        super().__init__(en)
        self.th = th
        self.en = en

    def message(self, lang: str = "th") -> str:
        return self.th if lang == "th" else self.en


def resolve_conflict(store: Store, conflict_id: str, value: Any, author: str | None = None) -> None:
    """Keep ``value`` (a wire value: mine, theirs or edited) and close the conflict.

    One user action: the row's field and the conflict's resolution go out in one
    change set, so every device sees both.
    """
    with store.action("แก้ความขัดแย้งของข้อมูล (resolve a conflict)", author=author) as s:
        conflict = s.get(Conflict, conflict_id)
        if conflict is None or conflict.status is not ConflictStatus.OPEN:
            raise SyncActionError(
                "ไม่พบความขัดแย้งนี้ หรือมีผู้แก้ไขไปแล้ว",
                "This conflict does not exist or was already resolved.",
            )
        model = SYNCED_MODELS.get(conflict.table_name)
        row = s.get(model, conflict.row_id) if model is not None else None
        if model is not None and row is not None:
            column = model.__table__.columns.get(conflict.field)  # type: ignore[attr-defined]
            if column is not None:
                try:
                    decoded = decode_value(column, value)
                except WireValueError as exc:
                    raise SyncActionError(
                        f"ค่าที่เลือกไม่ถูกต้อง: {exc.message}", f"Invalid value: {exc}"
                    ) from exc
                setattr(row, column.key, decoded)
                if conflict.field != "deleted_at" and row.deleted_at is not None and value:
                    row.deleted_at = None
        conflict.status = ConflictStatus.RESOLVED
        conflict.resolved_value = value
        conflict.resolved_at = utcnow()
        conflict.resolved_by = author or store.author


def discard_rejected(store: Store, change_set_id: str) -> None:
    """Drop a rejected change set (after the person confirmed); its rows are already
    back to the server's version."""
    with store.sessions.begin() as s:
        s.info["capture"] = False
        cs = s.get(ChangeSet, change_set_id)
        if cs is None or cs.status is not ChangeSetStatus.REJECTED:
            raise SyncActionError("ไม่พบรายการที่ถูกปฏิเสธนี้", "No such rejected change set.")
        cs.status = ChangeSetStatus.DISCARDED


def resend_rejected(
    store: Store,
    change_set_id: str,
    edits: dict[tuple[str, str], dict[str, Any]] | None = None,
    author: str | None = None,
) -> str:
    """Apply a rejected change set again, with the person's fixes, as a new change set.

    ``edits`` maps (table, row_id) to wire field values that replace the rejected
    ones (for example a smaller disbursement amount). The old change set is marked
    discarded (it stays in the history); the new one waits in the outbox. Returns the
    new change set's id.
    """
    edits = edits or {}
    with store.read() as s:
        old = s.scalars(
            sa.select(ChangeSet)
            .options(selectinload(ChangeSet.changes))
            .where(ChangeSet.id == change_set_id)
        ).first()
        if old is None or old.status is not ChangeSetStatus.REJECTED:
            raise SyncActionError("ไม่พบรายการที่ถูกปฏิเสธนี้", "No such rejected change set.")
        changes = [(c.table_name, c.row_id, c.op, dict(c.fields or {})) for c in old.changes]
        summary = old.summary
        last_seq = s.scalar(sa.select(sa.func.max(ChangeSet.device_seq))) or 0
    with store.action(f"ส่งใหม่: {summary}"[:500], author=author) as s:
        for table_name, row_id, op, fields in changes:
            model = SYNCED_MODELS.get(table_name)
            if model is None:
                continue
            fields = {**fields, **edits.get((table_name, row_id), {})}
            table = model.__table__  # type: ignore[attr-defined]
            try:
                values = {
                    table.columns[k].key: decode_value(table.columns[k], v)
                    for k, v in fields.items()
                    if k in table.columns
                }
            except WireValueError as exc:
                raise SyncActionError(
                    f"ค่าที่แก้ไม่ถูกต้อง: {exc.message}", f"Invalid value: {exc}"
                ) from exc
            row = s.get(model, row_id)
            if op is ChangeOp.INSERT:
                if row is None:
                    s.add(model(id=row_id, **values))
                else:
                    for k, v in values.items():
                        setattr(row, k, v)
            elif row is not None:
                if op is ChangeOp.DELETE:
                    row.deleted_at = utcnow()
                else:
                    for k, v in values.items():
                        setattr(row, k, v)
        s.flush()
        old_cs = s.get(ChangeSet, change_set_id)
        assert old_cs is not None
        old_cs.status = ChangeSetStatus.DISCARDED
        old_cs.result_detail = (old_cs.result_detail or "") + " [resent]"
    with store.read() as s:
        new_id = s.scalar(
            sa.select(ChangeSet.id)
            .where(ChangeSet.status == ChangeSetStatus.PENDING, ChangeSet.device_seq > last_seq)
            .order_by(ChangeSet.device_seq)
            .limit(1)
        )
    if new_id is None:
        raise SyncActionError(
            "ไม่มีอะไรต้องส่งใหม่ (ข้อมูลเหมือนกับบนเซิร์ฟเวอร์แล้ว)",
            "Nothing to resend: the rows already hold these values.",
        )
    return new_id


def shadow_rows(store: Store) -> dict[str, Any]:
    """Server images kept aside for rows with waiting changes (for diagnostics)."""
    return dict(store.get_setting(apply.S_SHADOW, {}) or {})


def change_count(store: Store, change_set_id: str) -> int:
    return _count(store, Change.change_set_id == change_set_id, Change)
