"""One change set = one database transaction: order and exactly-once by device, retries
of transient failures, and storing each result (applied or rejected)."""

from __future__ import annotations

import logging
import random
import time
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError

from codi_core.models import utcnow
from codi_core.wire import (
    DEVICE_REVOKED,
    INVALID,
    OUT_OF_ORDER,
    SCHEMA_VERSIONS,
    UNAVAILABLE,
    PushedChangeSet,
    WireChangeSet,
)

from .. import schema
from ..db import write_connection
from ..problems import ProblemError
from .changes import ChangeSetApplier
from .rejections import (
    Rejected,
    Rejection,
    RetryTransaction,
    rejected_result,
    safe_json,
    safe_text,
)
from .scope import DeviceScope

log = logging.getLogger("codi_server.push")

MAX_ATTEMPTS = 6
RETRYABLE_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization, deadlock, lock timeout
UNIQUE_VIOLATION = "23505"


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
        loc = tuple(first.get("loc", ()))
        index = loc[1] if len(loc) > 1 and loc[0] == "changes" else None
        rejection = Rejection(
            INVALID,
            safe_text(f"The change set is malformed at {where or 'its body'}: "
                      f"{first.get('msg', '')}"),
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
        except Rejected as rejected:
            # The failed transaction is rolled back whole (nothing of the change set
            # stays); a second one records the rejection and moves the queue on.
            with write_connection(engine) as conn, conn.begin():
                return _record_rejection(conn, scope, cs, rejected.rejection)
        except RetryTransaction:
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
    result = safe_json(rejected_result(cs, rej))
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
    return _stored_by_id(conn, scope, cs)


def _stored_by_id(conn: sa.Connection, scope: DeviceScope, cs: WireChangeSet
                  ) -> dict[str, Any] | None:
    """Exactly-once keyed by the change set's id: a change set the server already
    answered (under another device_seq, or from this laptop's earlier enrolment) gets
    that answer again and is never applied twice. Its new device_seq is used up."""
    applied = schema.applied_change_set
    stored = conn.execute(
        sa.select(applied.c.result).where(applied.c.change_set_id == cs.id)
        .order_by(applied.c.received_at).limit(1)
    ).first()
    if stored is None:
        return None
    result = dict(stored.result, device_seq=cs.device_seq)
    _store_result(conn, scope, cs, result, audit=False)
    return result


def _apply_new(
    conn: sa.Connection, scope: DeviceScope, cs: WireChangeSet, final: bool
) -> dict[str, Any]:
    # Advance the device first (its row is locked already): this needs no seq, and after
    # the seqs are taken as little as possible should stand between them and the commit.
    _advance_device(conn, scope, cs)
    applier = ChangeSetApplier(conn, scope, cs)
    try:
        result = applier.run()
    except Rejection as rej:
        raise Rejected(rej) from None
    except sa.exc.OperationalError as exc:
        if "overflow" not in str(exc.orig).lower():
            raise
        # SQLite: a SUM past 2^63 (PostgreSQL answers a DataError for the same).
        raise Rejected(
            Rejection(INVALID, "A number is out of range.", "ตัวเลขเกินขอบเขต")
        ) from None
    except (sa.exc.IntegrityError, sa.exc.DataError) as exc:
        if _sqlstate(exc) == UNIQUE_VIOLATION and not final:
            # Most likely another process inserted the same new row a moment ago:
            # start again and see it.
            raise RetryTransaction() from exc
        raise Rejected(
            Rejection(
                INVALID,
                f"A value breaks a rule of the database: {_constraint_text(exc)}",
                "ข้อมูลไม่ถูกต้องตามกฎของฐานข้อมูล",
            )
        ) from None
    provinces = {key: entry.get("province_code") for key, entry in applier.log.items()}
    _store_result(conn, scope, cs, result, advance=False, provinces=provinces)
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
    audit: bool = True,
    provinces: dict[tuple[str, str], str | None] | None = None,
) -> None:
    """Store the answer with (device, device_seq) and, for the audit, the change set as
    sent: its changes, the authenticated author, the device, device time, server time;
    an applied change set also writes one audit row per change (the history endpoint's
    index)."""
    now = utcnow()
    if advance:
        _advance_device(conn, scope, cs)
    changes = [safe_json(c.model_dump(exclude_none=True)) for c in cs.changes or []]
    device_time = safe_text(str(cs.created_at))[:40] if cs.created_at else None
    conn.execute(
        sa.insert(schema.applied_change_set).values(
            device_id=scope.device_id,
            device_seq=cs.device_seq,
            change_set_id=cs.id,
            status=result["status"],
            seq=result.get("seq"),
            author=scope.username[:100],  # the authenticated user, never the body's
            summary=safe_text(cs.summary or "")[:500],
            result=result,
            received_at=now,
            user_id=scope.user_id,
            device_created_at=device_time,
            changes=changes,
        )
    )
    if audit and result["status"] == "applied" and changes:
        conn.execute(
            sa.insert(schema.change_audit),
            [
                {
                    "table_name": c["table"],
                    "row_id": c["row_id"],
                    "province_code": (provinces or {}).get((c["table"], c["row_id"])),
                    "change_set_id": cs.id,
                    "device_id": scope.device_id,
                    "device_seq": cs.device_seq,
                    "username": scope.username[:100],
                    "op": c["op"],
                    "fields": c.get("fields") or {},
                    "seq": result.get("seq"),
                    "summary": safe_text(cs.summary or "")[:500],
                    "device_created_at": device_time,
                    "received_at": now,
                }
                for c in changes
            ],
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
