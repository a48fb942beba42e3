"""Applying pushed change sets: order, exactly-once, scope, merge, ledger and budgets.

One change set = one database transaction:

1. lock the device row (``FOR UPDATE``): pushes of one device are serialised, so a retry
   racing its original sees the stored result; check ``device_seq`` (replay / gap);
2. apply every change: lock the row log entries of the rows it
   touches (sorted, so two change sets lock in the same order), check scope, decode and
   validate values, merge updates field by field against ``base_seq``, create conflict
   rows, check ledger rules and lock the projects whose budget the check reads;
3. check meeting numbers (a meeting inserted or renumbered onto a number its body already
   uses that year is applied with a conflict on ``number``, the free number as the
   server value; see ``check_meeting_numbers`` for the lock) and budget invariants (the
   project rows are locked, so a concurrent change set on the same project waits and then
   sees this one's entries);
4. take the seqs last (``seqs.take_seqs``: the counter row lock is held until commit)
   and write them, with each written row's image, into the row log (the row log, not
   the domain row's ``seq`` column, is the server's record of a row's seq);
5. store the result with (device, device_seq) and advance the device's last device_seq.

A rejection rolls the whole transaction back (no savepoint round trips on the happy
path); a second transaction stores the rejected result and the device's queue moves on.
Deadlocks, serialisation failures and unique violations from two inserts of the same new
row are retried as a whole transaction.

Merge bookkeeping: ``row_log.first_seq`` is the insert's seq and ``row_log.field_seqs``
maps each field updated since to the seq of its last write. A field of an update is
"changed since base_seq" when ``field_seqs.get(field, first_seq) > base_seq``.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import time
import zlib
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError

from codi_core.models import SYNCED_MODELS, LedgerKind, new_id, utcnow
from codi_core.models.serialize import (
    WireValueError,
    content_columns,
    decode_value,
    encode_value,
)
from codi_core.rules.assessment import RULED_TABLES, check_assessment_write
from codi_core.wire import (
    DEVICE_REVOKED,
    FORBIDDEN,
    INVALID,
    OUT_OF_ORDER,
    OVER_BUDGET,
    SCHEMA_MISMATCH,
    SCHEMA_VERSIONS,
    UNAVAILABLE,
    PushedChangeSet,
    WireChange,
    WireChangeSet,
)

from . import schema
from .db import write_connection
from .images import images_for
from .problems import ProblemError
from .seqs import log_new_rows, take_seqs

log = logging.getLogger("codi_server.push")

MAX_ATTEMPTS = 6
RETRYABLE_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization, deadlock, lock timeout
UNIQUE_VIOLATION = "23505"
INT32 = 2**31
# Fields that decide a meeting's number ("ครั้งที่ n/BE-year" of its body): writing one
# of them (or restoring the meeting) re-checks the number against the body's other meetings.
MEETING_NUMBER_FIELDS = frozenset({"number", "number_year", "organization_id", "kind"})
# pg_advisory_xact_lock namespace of the per-body meeting number locks (84700001: migrations).
MEETING_NUMBER_LOCK = 84700002
# Province codes per database (reference data that practically never changes; an unknown
# code is looked up again before it is refused).
_PROVINCES: dict[str, tuple[float, frozenset[str]]] = {}


@dataclasses.dataclass(frozen=True)
class DeviceScope:
    """Who is pushing or pulling, as the server decided from the token."""

    device_id: str
    user_id: int
    username: str
    role: str
    provinces: frozenset[str] | None  # None: every province (hq)

    @property
    def is_hq(self) -> bool:
        return self.role == "hq"

    def covers(self, province_code: str | None) -> bool:
        """May this device write rows of this province? (national rows: HQ only)."""
        if province_code is None:
            return self.is_hq
        return self.provinces is None or province_code in self.provinces

    def wire_scope(self) -> dict[str, Any]:
        return {"provinces": "all" if self.provinces is None else sorted(self.provinces)}


class Rejection(Exception):
    def __init__(self, code: str, detail: str, detail_th: str, index: int | None = None):
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.detail_th = detail_th
        self.index = index


class _RetryTransaction(Exception):
    pass


class _Rejected(Exception):
    def __init__(self, rejection: Rejection):
        super().__init__(rejection.detail)
        self.rejection = rejection


def known_schema_versions() -> frozenset[str]:
    """Every desktop schema revision this server knows (older ones are accepted)."""
    return frozenset(SCHEMA_VERSIONS)


def _sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None)


def _is_retryable(exc: sa.exc.DBAPIError) -> bool:
    if _sqlstate(exc) in RETRYABLE_SQLSTATES:
        return True
    return "database is locked" in str(getattr(exc, "orig", ""))


def apply_change_sets(
    engine: sa.Engine, scope: DeviceScope, change_sets: list[PushedChangeSet]
) -> list[dict[str, Any]]:
    for prev, cur in zip(change_sets, change_sets[1:], strict=False):
        if cur.device_seq != prev.device_seq + 1:
            raise ProblemError(
                409,
                OUT_OF_ORDER,
                "The change sets of one push must have consecutive device_seq values.",
                "ชุดการเปลี่ยนแปลงต้องเรียงลำดับต่อเนื่องกัน",
                expected_device_seq=prev.device_seq + 1,
            )
    return [_apply_pushed(engine, scope, cs) for cs in change_sets]


def _apply_pushed(engine: sa.Engine, scope: DeviceScope, pushed: PushedChangeSet) -> dict[str, Any]:
    try:
        cs = pushed.checked()
    except ValidationError as exc:
        # Malformed content: answered like any rejection, so the queue moves on.
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        index = first["loc"][1] if first.get("loc", ())[:1] == ("changes",) else None
        rejection = Rejection(
            INVALID,
            f"The change set is malformed at {where or 'its body'}: {first.get('msg', '')}",
            "ชุดการเปลี่ยนแปลงมีรูปแบบไม่ถูกต้อง",
            index if isinstance(index, int) else None,
        )
        envelope = WireChangeSet.model_construct(
            id=pushed.id, device_seq=pushed.device_seq, author=str(pushed.author or "")[:100],
            summary=str(pushed.summary or "")[:500], changes=[],
        )
        with write_connection(engine) as conn, conn.begin():
            return _record_rejection(conn, scope, envelope, rejection)
    return apply_with_retry(engine, scope, cs)


def apply_with_retry(engine: sa.Engine, scope: DeviceScope, cs: WireChangeSet) -> dict[str, Any]:
    for attempt in range(MAX_ATTEMPTS):
        final = attempt == MAX_ATTEMPTS - 1
        try:
            with write_connection(engine) as conn, conn.begin():
                return _apply_in_transaction(conn, scope, cs, final)
        except _Rejected as rejected:
            # The failed transaction is rolled back whole (nothing of the change set
            # stays); a second one records the rejection and moves the queue on.
            with write_connection(engine) as conn, conn.begin():
                return _record_rejection(conn, scope, cs, rejected.rejection)
        except _RetryTransaction:
            pass
        except sa.exc.DBAPIError as exc:
            if not _is_retryable(exc):
                raise
        if final:
            break
        time.sleep(random.uniform(0.005, 0.05) * (attempt + 1))
    raise ProblemError(
        503,
        UNAVAILABLE,
        "The server is busy; try again shortly.",
        "เซิร์ฟเวอร์ไม่ว่าง กรุณาลองใหม่อีกครั้ง",
        retry_after=2,
    )


def _record_rejection(
    conn: sa.Connection, scope: DeviceScope, cs: WireChangeSet, rej: Rejection
) -> dict[str, Any]:
    stored = _check_device_seq(conn, scope, cs)
    if stored is not None:
        return stored  # a concurrent retry recorded it meanwhile
    result = _rejected(cs, rej)
    _store_result(conn, scope, cs, result)
    return result


def _apply_in_transaction(
    conn: sa.Connection, scope: DeviceScope, cs: WireChangeSet, final: bool
) -> dict[str, Any]:
    stored = _check_device_seq(conn, scope, cs)
    if stored is not None:
        return stored
    return _apply_new(conn, scope, cs, final)


def _check_device_seq(
    conn: sa.Connection, scope: DeviceScope, cs: WireChangeSet
) -> dict[str, Any] | None:
    """Lock the device; the stored result of a replay, None for the next change set,
    or a 409 problem for a gap."""
    devices = schema.devices
    device = conn.execute(
        sa.select(devices.c.last_device_seq, devices.c.revoked_at)
        .where(devices.c.id == scope.device_id)
        .with_for_update()
    ).one()
    if device.revoked_at is not None:
        raise ProblemError(
            401, DEVICE_REVOKED, "This device has been revoked.", "อุปกรณ์นี้ถูกเพิกถอนสิทธิ์แล้ว"
        )
    expected = device.last_device_seq + 1
    if cs.device_seq < expected:
        applied = schema.applied_change_set
        stored = conn.execute(
            sa.select(applied.c.change_set_id, applied.c.result).where(
                applied.c.device_id == scope.device_id, applied.c.device_seq == cs.device_seq
            )
        ).first()
        if stored is not None and stored.change_set_id == cs.id:
            return stored.result
        raise ProblemError(
            409,
            OUT_OF_ORDER,
            f"device_seq {cs.device_seq} was already used by another change set.",
            "ลำดับของชุดการเปลี่ยนแปลงนี้ถูกใช้ไปแล้ว",
            expected_device_seq=expected,
        )
    if cs.device_seq > expected:
        raise ProblemError(
            409,
            OUT_OF_ORDER,
            f"Expected device_seq {expected}, got {cs.device_seq}.",
            f"ต้องส่งชุดการเปลี่ยนแปลงลำดับที่ {expected} ก่อน",
            expected_device_seq=expected,
        )
    return None


def _apply_new(
    conn: sa.Connection, scope: DeviceScope, cs: WireChangeSet, final: bool
) -> dict[str, Any]:
    # Advance the device first (its row is locked already): this needs no seq, and after
    # the seqs are taken as little as possible should stand between them and the commit.
    _advance_device(conn, scope, cs)
    try:
        result = ChangeSetApplier(conn, scope, cs).run()
    except Rejection as rej:
        raise _Rejected(rej) from None
    except (sa.exc.IntegrityError, sa.exc.DataError) as exc:
        if _sqlstate(exc) == UNIQUE_VIOLATION and not final:
            # Most likely another process inserted the same new row a moment ago:
            # start again and see it.
            raise _RetryTransaction() from exc
        raise _Rejected(
            Rejection(
                INVALID,
                f"A value breaks a rule of the database: {_constraint_text(exc)}",
                "ข้อมูลไม่ถูกต้องตามกฎของฐานข้อมูล",
            )
        ) from None
    _store_result(conn, scope, cs, result, advance=False)
    return result


def _advance_device(conn: sa.Connection, scope: DeviceScope, cs: WireChangeSet) -> None:
    devices = schema.devices
    conn.execute(
        sa.update(devices)
        .where(devices.c.id == scope.device_id)
        .values(last_device_seq=cs.device_seq, last_seen_at=utcnow())
    )


def _store_result(
    conn: sa.Connection,
    scope: DeviceScope,
    cs: WireChangeSet,
    result: dict[str, Any],
    advance: bool = True,
) -> None:
    now = utcnow()
    if advance:
        _advance_device(conn, scope, cs)
    conn.execute(
        sa.insert(schema.applied_change_set).values(
            device_id=scope.device_id,
            device_seq=cs.device_seq,
            change_set_id=cs.id,
            status=result["status"],
            seq=result.get("seq"),
            author=cs.author[:100],
            summary=cs.summary[:500],
            result=result,
            received_at=now,
        )
    )
    log.info(
        "change set %s",
        result["status"],
        extra={
            "event": "change_set",
            "device_id": scope.device_id,
            "device_seq": cs.device_seq,
            "change_set_id": cs.id,
            "status": result["status"],
            "seq": result.get("seq"),
            "code": result.get("code"),
            "changes": len(cs.changes),
            "conflicts": len(result.get("conflicts") or []),
        },
    )


def _constraint_text(exc: Exception) -> str:
    orig = getattr(exc, "orig", exc)
    diag = getattr(orig, "diag", None)
    name = getattr(diag, "constraint_name", None) if diag is not None else None
    if name:
        return name
    return str(orig).splitlines()[0][:200]


def _rejected(cs: WireChangeSet, rej: Rejection) -> dict[str, Any]:
    return {
        "id": cs.id,
        "device_seq": cs.device_seq,
        "status": "rejected",
        "seq": None,
        "conflicts": [],
        "code": rej.code,
        "detail": rej.detail,
        "detail_th": rej.detail_th,
        "change_index": rej.index,
    }


@dataclasses.dataclass
class _Write:
    table: str
    row_id: str
    province_code: str | None
    deleted: bool
    insert: bool
    fields: set[str]


def _decode(column: sa.Column, value: Any) -> Any:
    decoded = decode_value(column, value)
    if (
        decoded is not None
        and isinstance(column.type, sa.Integer)
        and not isinstance(column.type, sa.BigInteger)
        and not -INT32 <= decoded < INT32
    ):
        raise WireValueError(column.name, "number out of range")
    return decoded


def _same(column: sa.Column, a: Any, b: Any) -> bool:
    return encode_value(column, a) == encode_value(column, b)


class ChangeSetApplier:
    """Applies one change set's changes inside the caller's transaction."""

    def __init__(self, conn: sa.Connection, scope: DeviceScope, cs: WireChangeSet):
        self.conn = conn
        self.scope = scope
        self.cs = cs
        self.now = utcnow()
        self.log: dict[tuple[str, str], dict[str, Any]] = {}
        self.writes: dict[tuple[str, str], _Write] = {}
        self.conflicts: list[dict[str, Any]] = []
        self.budget_projects: set[str] = set()
        self.meeting_checks: dict[str, WireChange] = {}  # meeting id -> the change to blame
        self.index = 0

    # -- helpers ---------------------------------------------------------------------

    def reject(self, code: str, detail: str, detail_th: str) -> Rejection:
        return Rejection(code, detail, detail_th, self.index)

    def invalid(self, detail: str, detail_th: str = "ข้อมูลไม่ถูกต้อง") -> Rejection:
        return self.reject(INVALID, detail, detail_th)

    def forbidden(self, detail: str) -> Rejection:
        return self.reject(FORBIDDEN, detail, "อุปกรณ์นี้ไม่มีสิทธิ์แก้ไขข้อมูลนี้")

    def known_province(self, code: str) -> bool:
        key = str(self.conn.engine.url)
        cached = _PROVINCES.get(key)
        if cached is None or code not in cached[1] or time.monotonic() - cached[0] > 300:
            table = schema.DOMAIN_TABLES["province"]
            codes = frozenset(
                self.conn.execute(sa.select(table.c.id).where(table.c.deleted_at.is_(None))).scalars()
            )
            _PROVINCES[key] = cached = (time.monotonic(), codes)
        return code in cached[1]

    def _lock_log_entries(self, changes: list[WireChange]) -> None:
        keys = sorted({(c.table, c.row_id) for c in changes if c.table in schema.DOMAIN_TABLES})
        rl = schema.row_log
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            rows = self.conn.execute(
                sa.select(rl)
                .where(sa.tuple_(rl.c.table_name, rl.c.row_id).in_(chunk))
                .order_by(rl.c.table_name, rl.c.row_id)
                .with_for_update()
            ).mappings()
            for row in rows:
                entry = dict(row)
                entry["field_seqs"] = dict(entry["field_seqs"] or {})
                self.log[(row["table_name"], row["row_id"])] = entry

    def _note_write(
        self, table: str, row_id: str, province: str | None, deleted: bool, fields: set[str],
        insert: bool = False,
    ) -> None:
        key = (table, row_id)
        write = self.writes.get(key)
        if write is None:
            self.writes[key] = _Write(table, row_id, province, deleted, insert, set(fields))
        else:
            write.deleted = deleted
            write.fields |= fields

    # -- the change set --------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        cs = self.cs
        if cs.schema_version not in known_schema_versions():
            raise Rejection(
                SCHEMA_MISMATCH,
                f"Schema version {cs.schema_version} is newer than this server knows; "
                "the server must be upgraded first.",
                "ฐานข้อมูลของเครื่องนี้ใหม่กว่าที่เซิร์ฟเวอร์รู้จัก ต้องปรับรุ่นเซิร์ฟเวอร์ก่อน",
            )
        self._lock_log_entries(cs.changes)
        for self.index, change in enumerate(cs.changes):
            self.apply(change)
        self.index = None  # type: ignore[assignment]
        self.check_meeting_numbers()
        for project_id in sorted(self.budget_projects):
            self.check_budget(project_id)
        seq = self.assign_seqs()
        return {
            "id": cs.id,
            "device_seq": cs.device_seq,
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
                values[name] = _decode(columns[name], raw)
            except WireValueError as exc:
                raise self.invalid(
                    f"{change.table}.{exc.field}: {exc.message}", f"ค่าของช่อง {exc.field} ไม่ถูกต้อง"
                ) from None
        if change.table in RULED_TABLES:  # issue 11: who may write the assessment
            old = None if change.op == "insert" or (change.table, change.row_id) not in self.log \
                else self._server_row(table, change.row_id)
            refusal = check_assessment_write(self.scope.role, change.table, change.op, values, old)
            if refusal is not None:
                raise self.reject(FORBIDDEN, refusal.detail_en, refusal.detail_th)
        if change.op == "insert":
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
            if change.base_seq is None:
                raise self.invalid("An update or delete needs base_seq.", "ไม่มี base_seq")
            if change.op == "update":
                self.update(table, columns, change, values, entry)
            else:
                self.delete(table, change, entry)

    # -- insert ----------------------------------------------------------------------

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
        values.setdefault("updated_at", self.now)
        values.setdefault("created_at", self.now)
        self.conn.execute(sa.insert(table).values(id=change.row_id, seq=None, **values))
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

    def check_ledger_entry(self, province: str | None, values: dict[str, Any]) -> None:
        kind = LedgerKind(values["kind"])
        amount = values.get("amount_satang")
        if amount is None or amount <= 0:
            raise self.invalid(
                "A ledger amount must be a positive number of satang.", "จำนวนเงินต้องมากกว่าศูนย์"
            )
        if kind is LedgerKind.ALLOCATION and not self.scope.is_hq:
            raise self.forbidden("Allocations are recorded by HQ only.")
        programs = schema.DOMAIN_TABLES["program"]
        if self.conn.execute(
            sa.select(programs.c.id).where(
                programs.c.id == values["program_id"], programs.c.deleted_at.is_(None)
            )
        ).first() is None:
            raise self.invalid("Unknown program.", "ไม่รู้จักแผนงานนี้")
        project_id = values.get("project_id")
        if project_id is not None:
            projects = schema.DOMAIN_TABLES["project"]
            # Lock the project: every change set that touches its budget queues here, so
            # the budget check below reads a total no one else is changing.
            project = self.conn.execute(
                sa.select(projects.c.province_code, projects.c.deleted_at)
                .where(projects.c.id == project_id)
                .with_for_update()
            ).first()
            if project is None or project.deleted_at is not None:
                raise self.invalid("Unknown project.", "ไม่พบโครงการนี้")
            if project.province_code != province:
                raise self.invalid(
                    "A ledger entry must be in its project's province.",
                    "รายการเงินต้องอยู่ในจังหวัดเดียวกับโครงการ",
                )
            if kind in (LedgerKind.APPROVAL, LedgerKind.DISBURSEMENT, LedgerKind.REFUND):
                self.budget_projects.add(project_id)
        if kind is LedgerKind.REVERSAL:
            self.check_reversal(province, values)

    def check_reversal(self, province: str | None, values: dict[str, Any]) -> None:
        ledger = schema.DOMAIN_TABLES["ledger_entry"]
        target_id = values.get("reverses_id")
        target = self.conn.execute(
            sa.select(ledger).where(ledger.c.id == target_id).with_for_update()
        ).mappings().first()
        if target is None:
            raise self.invalid("The entry to reverse does not exist.", "ไม่พบรายการที่จะกลับบัญชี")
        if target["province_code"] != province:
            raise self.forbidden("The entry to reverse belongs to another province.")
        target_kind = LedgerKind(target["kind"])
        if target_kind is LedgerKind.REVERSAL:
            raise self.invalid("A reversal cannot be reversed.", "ไม่สามารถกลับรายการกลับบัญชีได้")
        if target_kind is LedgerKind.ALLOCATION and not self.scope.is_hq:
            raise self.forbidden("Allocations are reversed by HQ only.")
        for name in ("amount_satang", "project_id", "program_id", "fiscal_year"):
            if values.get(name) != target[name]:
                raise self.invalid(
                    f"A reversal must match the entry it reverses ({name} differs).",
                    "รายการกลับบัญชีต้องตรงกับรายการเดิม",
                )
        already = self.conn.execute(
            sa.select(sa.func.count()).select_from(ledger).where(ledger.c.reverses_id == target_id)
        ).scalar_one()
        if already:
            raise self.invalid("This entry has already been reversed.", "รายการนี้ถูกกลับบัญชีแล้ว")
        if target["project_id"] is not None and target_kind in (
            LedgerKind.APPROVAL, LedgerKind.DISBURSEMENT, LedgerKind.REFUND
        ):
            self.budget_projects.add(target["project_id"])

    def check_budget(self, project_id: str) -> None:
        ledger = schema.DOMAIN_TABLES["ledger_entry"]
        live = ledger.c.deleted_at.is_(None)
        totals = dict(
            self.conn.execute(
                sa.select(ledger.c.kind, sa.func.sum(ledger.c.amount_satang))
                .where(ledger.c.project_id == project_id, live)
                .group_by(ledger.c.kind)
            ).all()
        )
        target = ledger.alias("target")
        reversed_ = dict(
            self.conn.execute(
                sa.select(target.c.kind, sa.func.sum(ledger.c.amount_satang))
                .join(target, ledger.c.reverses_id == target.c.id)
                .where(target.c.project_id == project_id, live)
                .group_by(target.c.kind)
            ).all()
        )

        def net(kind: LedgerKind) -> int:
            return int(totals.get(kind, 0) or totals.get(kind.value, 0) or 0) - int(
                reversed_.get(kind, 0) or reversed_.get(kind.value, 0) or 0
            )

        approved = net(LedgerKind.APPROVAL)
        spent = net(LedgerKind.DISBURSEMENT) - net(LedgerKind.REFUND)
        if spent > approved:
            raise Rejection(
                OVER_BUDGET,
                f"Project {project_id}: disbursements less refunds ({spent} satang) would be "
                f"above the approved amount ({approved} satang).",
                f"ยอดเบิกจ่ายสุทธิ ({spent / 100:,.2f} บาท) เกินวงเงินที่อนุมัติ "
                f"({approved / 100:,.2f} บาท)",
            )

    # -- meeting numbers ---------------------------------------------------------------

    def check_meeting_numbers(self) -> None:
        """A meeting numbered like another live meeting of its body and year stays applied
        (it is real: its minutes may be printed already) with a conflict on ``number``:
        client value = its number, server value = the body's next free number that year.

        Checked after every change of the set, so a change set that swaps two numbers is
        judged on the result. Meetings are numbered per body (``organization_id``) or,
        with no body, per ``kind``, within the province: the same rule as
        ``codi_desktop.services.meetings``.
        """
        if not self.meeting_checks:
            return
        meetings = schema.DOMAIN_TABLES["meeting"]
        rows = []
        for row_id in sorted(self.meeting_checks):
            row = self.conn.execute(
                sa.select(meetings).where(meetings.c.id == row_id)
            ).mappings().first()
            if (
                row is not None
                and row["deleted_at"] is None
                and row["number"] is not None
                and row["number_year"] is not None
            ):
                rows.append(row)
        self._lock_meeting_bodies(sorted({self._body_key(row) for row in rows}))
        columns = {c.name: c for c in meetings.columns}
        for row in rows:
            body = self._body_conditions(meetings, row)
            duplicate = self.conn.execute(
                sa.select(meetings.c.id)
                .where(*body, meetings.c.number == row["number"], meetings.c.id != row["id"])
                .limit(1)
            ).first()
            if duplicate is None:
                continue
            used = self.conn.execute(
                sa.select(sa.func.max(meetings.c.number)).where(*body)
            ).scalar_one()
            change = self.meeting_checks[row["id"]]
            self.add_conflict(
                change, self.log[("meeting", row["id"])], columns["number"], "number",
                (used or 0) + 1, row["number"],
            )

    @staticmethod
    def _body_key(row: Any) -> str:
        org = row["organization_id"]
        kind = "" if org else str(row["kind"])
        return f"{row['province_code']}|{org or ''}|{kind}|{row['number_year']}"

    @staticmethod
    def _body_conditions(meetings: sa.Table, row: Any) -> list[sa.ColumnElement]:
        conds = [
            meetings.c.province_code == row["province_code"],
            meetings.c.deleted_at.is_(None),
            meetings.c.number_year == row["number_year"],
        ]
        if row["organization_id"]:
            conds.append(meetings.c.organization_id == row["organization_id"])
        else:
            conds += [meetings.c.organization_id.is_(None), meetings.c.kind == row["kind"]]
        return conds

    def _lock_meeting_bodies(self, keys: list[str]) -> None:
        """Serialise the number check of one body and year across server processes.

        The seq counter lock does not do it: it is taken last, after this check, so two
        transactions could both read "no duplicate" before either commits. SELECT ... FOR
        UPDATE on the body's meetings does not either: the first 1/2569 of a body has no
        row to lock (a phantom). So on PostgreSQL a transaction-scoped advisory lock per
        (province, body, year), taken in sorted order; the waiter's next statement (READ
        COMMITTED: a fresh snapshot) then sees the other's committed meeting. A hash
        collision only makes two bodies wait for each other. SQLite: every push holds the
        database write lock from BEGIN IMMEDIATE, so pushes are serial already.
        """
        if self.conn.dialect.name != "postgresql":
            return
        for key in keys:
            crc = zlib.crc32(key.encode())
            self.conn.execute(
                sa.text("SELECT pg_advisory_xact_lock(:ns, :key)"),
                {"ns": MEETING_NUMBER_LOCK, "key": crc - 2**32 if crc >= 2**31 else crc},
            )

    # -- update and delete -------------------------------------------------------------

    def _server_row(self, table: sa.Table, row_id: str) -> dict[str, Any]:
        row = self.conn.execute(sa.select(table).where(table.c.id == row_id)).mappings().first()
        if row is None:
            raise self.invalid(f"There is no {table.name} row {row_id} on the server.")
        return dict(row)

    def _changed_since(self, entry: dict[str, Any], field: str, base_seq: int) -> bool:
        if entry.get("pending") or field in entry.get("pending_fields", ()):
            return False  # written earlier in this same change set
        last = entry["field_seqs"].get(field, entry["first_seq"])
        return last is not None and last > base_seq

    def update(
        self,
        table: sa.Table,
        columns: dict[str, sa.Column],
        change: WireChange,
        values: dict[str, Any],
        entry: dict[str, Any],
    ) -> None:
        base_seq = change.base_seq or 0
        if "province_code" in values and values["province_code"] != entry["province_code"]:
            raise self.forbidden("A row may not move to another province.")
        values.pop("province_code", None)
        values.pop("updated_at", None)  # the server's own bookkeeping
        row = self._server_row(table, change.row_id)
        apply: dict[str, Any] = {}
        # Edit against a delete made since base_seq: the row is kept (restored) and a
        # conflict shows the person that someone had deleted it.
        if (
            row["deleted_at"] is not None
            and "deleted_at" not in values
            and self._changed_since(entry, "deleted_at", base_seq)
        ):
            self.add_conflict(
                change, entry, columns["deleted_at"], "deleted_at", row["deleted_at"], None
            )
            apply["deleted_at"] = None
        for name, value in values.items():
            column = columns[name]
            if not self._changed_since(entry, name, base_seq):
                if not _same(column, row[name], value):
                    apply[name] = value
            elif _same(column, row[name], value):
                continue  # changed since, to the same value: nothing to do
            else:
                self.add_conflict(change, entry, column, name, row[name], value)
        if not apply:
            return
        self.conn.execute(
            sa.update(table).where(table.c.id == change.row_id).values(updated_at=self.now, **apply)
        )
        deleted = apply.get("deleted_at", row["deleted_at"]) is not None
        entry.setdefault("pending_fields", set()).update(apply)
        entry["deleted"] = deleted
        self._note_write(change.table, change.row_id, entry["province_code"], deleted, set(apply))
        if change.table == "meeting" and not deleted and (
            MEETING_NUMBER_FIELDS & set(apply) or "deleted_at" in apply
        ):
            self.meeting_checks[change.row_id] = change

    def delete(self, table: sa.Table, change: WireChange, entry: dict[str, Any]) -> None:
        row = self._server_row(table, change.row_id)
        if row["deleted_at"] is not None:
            return  # already deleted: nothing to do
        changed = not entry.get("pending") and (
            entry["seq"] > (change.base_seq or 0) if entry["seq"] is not None else False
        )
        if changed:
            # Someone edited the row since this device saw it: keep it, ask a person.
            columns = {c.name: c for c in table.columns}
            self.add_conflict(
                change, entry, columns["deleted_at"], "deleted_at", None, self.now
            )
            return
        deleted_at = self.now
        self.conn.execute(
            sa.update(table)
            .where(table.c.id == change.row_id)
            .values(deleted_at=deleted_at, updated_at=self.now)
        )
        entry.setdefault("pending_fields", set()).add("deleted_at")
        entry["deleted"] = True
        self._note_write(change.table, change.row_id, entry["province_code"], True, {"deleted_at"})

    def add_conflict(
        self,
        change: WireChange,
        entry: dict[str, Any],
        column: sa.Column,
        field: str,
        server_value: Any,
        client_value: Any,
    ) -> None:
        conflict_id = new_id()
        server_wire = encode_value(column, server_value)
        client_wire = encode_value(column, client_value)
        province = entry["province_code"]
        self.conn.execute(
            sa.insert(schema.DOMAIN_TABLES["conflict"]).values(
                id=conflict_id,
                province_code=province,
                seq=None,
                table_name=change.table,
                row_id=change.row_id,
                field=field,
                server_value=server_wire,
                client_value=client_wire,
                change_set_id=self.cs.id,
                author=self.cs.author[:100] or None,
                status="open",
                created_at=self.now,
                updated_at=self.now,
            )
        )
        self.log[("conflict", conflict_id)] = {
            "province_code": province, "deleted": False, "seq": None, "first_seq": None,
            "field_seqs": {}, "pending": True,
        }
        self._note_write("conflict", conflict_id, province, False, set(), insert=True)
        self.conflicts.append(
            {
                "conflict_id": conflict_id,
                "table": change.table,
                "row_id": change.row_id,
                "field": field,
                "server_value": server_wire,
                "client_value": client_wire,
            }
        )

    # -- seqs ------------------------------------------------------------------------

    def assign_seqs(self) -> int:
        """Take the seqs last (the counter lock is held until commit) and record them."""
        writes = list(self.writes.values())
        # Everything that does not need the seq happens before the counter is locked:
        # from take_seqs to the commit, every other push waits.
        images: dict[str, dict[str, str]] = {}
        for write in writes:
            images.setdefault(write.table, {})[write.row_id] = ""
        for name, ids in images.items():
            images[name] = images_for(self.conn, name, list(ids))
        first = take_seqs(self.conn, len(writes))
        if not writes:
            return first - 1
        new_rows: dict[str, list[tuple[str, str | None, bool, int]]] = {}
        log_updates: list[dict[str, Any]] = []
        for offset, write in enumerate(writes):
            seq = first + offset
            entry = self.log[(write.table, write.row_id)]
            if write.insert:
                new_rows.setdefault(write.table, []).append(
                    (write.row_id, write.province_code, write.deleted, seq)
                )
            else:
                field_seqs = dict(entry["field_seqs"])
                for name in write.fields:
                    field_seqs[name] = seq
                log_updates.append(
                    {
                        "b_table": write.table,
                        "b_row": write.row_id,
                        "seq": seq,
                        "deleted": write.deleted,
                        "field_seqs": field_seqs,
                        "written_at": self.now,
                    }
                )
        for name, rows in new_rows.items():
            log_new_rows(
                self.conn, name, [(*r, images[name][r[0]]) for r in rows], self.now
            )
        for update in log_updates:
            update["image"] = images[update["b_table"]][update["b_row"]]
        if log_updates:
            rl = schema.row_log
            self.conn.execute(
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
        return first + len(writes) - 1
