"""A batch of one device's change sets in one database transaction.

The device row is locked once, the stored answers of replays and of change sets known
by id are read once, the row log entries of every row the batch touches are locked in
one sorted pass, every change set is applied all or nothing (optimistically without a
savepoint, see ``Batch``; inside its own SAVEPOINT once a rejection is known, which then
rolls back that change set alone and is stored; the batch goes on), and the seqs of all
the applied ones are taken once, at the end, just before the commit: the counter row
stays locked from there to the commit, so seqs are still handed out in commit order
across server processes, and every other push waits for this batch only that long.

A change set that touches a row an earlier change set of the batch wrote (or repeats
its id) first gets the earlier ones numbered and logged (``flush``): it is then applied
against the row log exactly as if the earlier ones had committed on their own.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError

from codi_core.models import utcnow
from codi_core.wire import (
    DEVICE_REVOKED,
    INVALID,
    OUT_OF_ORDER,
    UNAUTHORIZED,
    PushedChangeSet,
    WireChangeSet,
)

from .. import schema
from ..images import images_for
from ..problems import ProblemError
from ..seqs import current_seq, take_seqs
from .base import lock_log_entries
from .changes import ChangeSetApplier, write_row_log
from .rejections import (
    Rejected,
    Rejection,
    RetryTransaction,
    rejected_result,
    safe_json,
    safe_text,
)
from .scope import DeviceScope
from .tail import finish_in_one_round_trip

log = logging.getLogger("codi_server.push")

UNIQUE_VIOLATION = "23505"


def sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None)


class Rerun(Exception):
    """A change set applied without a savepoint was rejected: the batch is rolled back
    and run again with that change set inside a savepoint."""

    def __init__(self, index: int):
        super().__init__(index)
        self.index = index


ALL = -1  # Rerun(ALL): every change set in its own savepoint


class DeferredInserts:
    """The connection of a batch's unguarded change sets: their inserts are queued and
    sent as one executemany per table and set of columns just before the next other
    statement (the checks that read the tables then see them, as if sent one by one).
    A database error while sending them cannot be laid at one change set's door: the
    batch runs again, every change set in its own savepoint, inserting at once."""

    def __init__(self, conn: sa.Connection):
        self.conn = conn
        self.queued: dict[tuple[str, tuple[str, ...]], tuple[sa.Table, list[dict]]] = {}

    @property
    def dialect(self) -> sa.Dialect:
        return self.conn.dialect

    @property
    def engine(self) -> sa.Engine:
        return self.conn.engine

    def insert(self, table: sa.Table, row: dict[str, Any]) -> None:
        key = (table.name, tuple(sorted(row)))
        self.queued.setdefault(key, (table, []))[1].append(row)

    def flush(self) -> None:
        queued, self.queued = self.queued, {}
        try:
            for table, rows in queued.values():
                self.conn.execute(sa.insert(table), rows)
        except (sa.exc.IntegrityError, sa.exc.DataError, sa.exc.OperationalError) as exc:
            if isinstance(exc, sa.exc.OperationalError) and "overflow" not in str(exc.orig):
                raise
            raise Rerun(ALL) from exc

    def execute(self, *args: Any, **kwargs: Any) -> Any:
        if self.queued:
            self.flush()
        return self.conn.execute(*args, **kwargs)

    def begin_nested(self) -> Any:
        if self.queued:
            self.flush()
        return self.conn.begin_nested()


class Batch:
    """One transaction's worth of one device's change sets (``run``).

    ``guarded``: the positions of change sets applied inside a SAVEPOINT (all of them
    when ``guarded`` is None). Unguarded ones save two round trips each; when one of
    them is rejected, ``Rerun`` starts the batch again with it guarded.
    """

    def __init__(
        self, conn: sa.Connection, scope: DeviceScope, final: bool,
        guarded: set[int] | None = None,
    ):
        # Unguarded change sets queue their inserts (``DeferredInserts``).
        self.deferred = DeferredInserts(conn) if guarded is not None else None
        self.conn: Any = self.deferred or conn
        self.scope = scope
        self.final = final  # the last attempt: a unique violation is a rejection
        self.guarded = guarded
        # Row log entries locked for the whole batch at its start (None: not on the
        # server); a flushed row is dropped and read again by the change set that needs it.
        self.locked: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._issued: int | None = None
        self.now = utcnow()
        self.pending: list[tuple[ChangeSetApplier, dict[str, Any]]] = []
        self.pending_keys: set[tuple[str, str]] = set()
        self.pending_ids: set[str] = set()
        # (change set as sent, its result, write audit rows?, provinces of its rows)
        self.records: list[tuple[WireChangeSet, dict[str, Any], bool, dict]] = []
        self.answered: dict[str, dict[str, Any]] = {}  # change set id -> result, this batch

    # -- the batch --------------------------------------------------------------------

    def run(self, pushed: list[PushedChangeSet]) -> list[dict[str, Any]]:
        expected, any_known = self._lock_device([p.id for p in pushed])
        replays = self._replays(pushed, expected)
        fresh = [p.id for p in pushed if p.device_seq >= expected]
        known = self._known_by_id(fresh) if any_known and fresh else {}
        checked = {
            p.device_seq: _checked(p) for p in pushed
            if p.device_seq >= expected and p.id not in known
        }
        self._lock_rows([cs for cs in checked.values() if isinstance(cs, WireChangeSet)])
        results: list[dict[str, Any]] = []
        first_new = expected
        for position, p in enumerate(pushed):
            if p.device_seq < expected:
                stored = replays.get(p.device_seq)
                if stored is not None and stored.change_set_id == p.id:
                    results.append(stored.result)
                    continue
                raise ProblemError(
                    409, OUT_OF_ORDER,
                    f"device_seq {p.device_seq} was already used by another change set.",
                    "ลำดับของชุดการเปลี่ยนแปลงนี้ถูกใช้ไปแล้ว",
                    expected_device_seq=expected,
                )
            if p.device_seq > expected:
                raise ProblemError(
                    409, OUT_OF_ORDER, f"Expected device_seq {expected}, got {p.device_seq}.",
                    f"ต้องส่งชุดการเปลี่ยนแปลงลำดับที่ {expected} ก่อน",
                    expected_device_seq=expected,
                )
            expected += 1
            results.append(self._one(position, p, known, checked.get(p.device_seq)))
        if expected > first_new:
            self._advance_device(expected - 1)  # before the counter is locked
        if self.conn.dialect.name == "postgresql":
            # From the seqs to the commit every other push waits: there, in one round trip.
            finish_in_one_round_trip(self)
        else:
            self.flush()
            self._store_records()
        return results

    def _one(
        self, position: int, pushed: PushedChangeSet, known: dict[str, dict[str, Any]],
        cs: WireChangeSet | ValidationError | None,
    ) -> dict[str, Any]:
        if pushed.id in self.pending_ids:
            self.flush()  # its earlier answer needs its seq
        earlier = self.answered.get(pushed.id) or known.get(pushed.id)
        if earlier is not None:
            # Exactly-once keyed by the change set's id: the stored answer again, under
            # this device_seq (which is used up); never applied twice.
            envelope = _envelope(pushed)
            result = dict(earlier, device_seq=pushed.device_seq)
            self.records.append((envelope, result, False, {}))
            return result
        if cs is None:
            cs = _checked(pushed)
        if isinstance(cs, ValidationError):
            return self._reject(_envelope(pushed), _malformed(cs))
        keys = {(c.table, c.row_id) for c in cs.changes}
        if keys & self.pending_keys:
            self.flush()
        guarded = self.guarded is None or position in self.guarded
        applier = ChangeSetApplier(
            self.conn, self.scope, cs, self.locked, None if guarded else self.deferred,
            self.issued_seq,
        )
        if guarded:
            try:
                with self.conn.begin_nested():  # SAVEPOINT: a rejection undoes this one only
                    self._apply(applier)
            except Rejected as rejected:
                return self._reject(cs, rejected.rejection)
        else:
            try:
                self._apply(applier)
            except Rejected:
                raise Rerun(position) from None
        result = applier.result(0)  # numbered by flush
        self.pending.append((applier, result))
        self.pending_keys |= keys | set(applier.writes)
        self.pending_ids.add(cs.id)
        self.answered[cs.id] = result
        provinces = {key: entry.get("province_code") for key, entry in applier.log.items()}
        self.records.append((cs, result, True, provinces))
        return result

    def _apply(self, applier: ChangeSetApplier) -> None:
        try:
            applier.apply_changes()
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
            if sqlstate(exc) == UNIQUE_VIOLATION and not self.final:
                # Most likely another process inserted the same new row a moment ago:
                # start the batch again and see it.
                raise RetryTransaction() from exc
            raise Rejected(
                Rejection(
                    INVALID,
                    f"A value breaks a rule of the database: {_constraint_text(exc)}",
                    "ข้อมูลไม่ถูกต้องตามกฎของฐานข้อมูล",
                )
            ) from None

    def _reject(self, cs: WireChangeSet, rejection: Rejection) -> dict[str, Any]:
        result = safe_json(rejected_result(cs, rejection))
        self.answered[cs.id] = result
        self.records.append((cs, result, False, {}))
        return result

    # -- seqs -------------------------------------------------------------------------

    def issued_seq(self) -> int:
        """The highest seq the server has given, read once per batch: every base_seq of
        the push was known to its laptop before the push arrived, and the seqs this
        batch takes are added as it takes them."""
        if self._issued is None:
            self._issued = current_seq(self.conn)
        return self._issued

    def flush(self) -> None:
        """Number the pending change sets' writes (the counter is locked from here to the
        commit) and write their row log entries with each row's image."""
        if self.deferred is not None:
            self.deferred.flush()
        if not self.pending:
            return
        wanted: dict[str, set[str]] = {}
        for applier, _result in self.pending:
            for write in applier.writes.values():
                wanted.setdefault(write.table, set()).add(write.row_id)
        # Read before the counter is locked: from take_seqs to the commit, pushes wait.
        images = {name: images_for(self.conn, name, sorted(ids)) for name, ids in wanted.items()}
        total = sum(len(applier.writes) for applier, _ in self.pending)
        first = take_seqs(self.conn, total)
        self._issued = first + total - 1
        new_rows: dict[str, list[tuple[str, str | None, bool, int, str]]] = {}
        log_updates: list[dict[str, Any]] = []
        for applier, result in self.pending:
            if applier.writes:
                result["seq"] = applier.log_seqs(first, images, new_rows, log_updates)
                first += len(applier.writes)
            else:
                result["seq"] = first - 1
        write_row_log(self.conn, self.now, new_rows, log_updates)
        for key in self.pending_keys:
            self.locked.pop(key, None)  # its row log entry changed: read it again
        self.pending.clear()
        self.pending_keys.clear()
        self.pending_ids.clear()

    # -- the device and the stored answers --------------------------------------------

    def _lock_device(self, ids: list[str]) -> tuple[int, bool]:
        """Lock the device row and, in the same statement, check the device and its user
        again (revoked, disabled, token rotated: refused at once, whatever scope the
        request was authenticated with), read the highest seq issued and whether any of
        these change set ids has a stored answer. Returns (next device_seq, any known)."""
        devices, users, applied = schema.devices, schema.users, schema.applied_change_set
        issued = (
            sa.select(schema.server_state.c.last_seq)
            .where(schema.server_state.c.id == 1)
            .scalar_subquery()
        )
        known = sa.exists().where(applied.c.change_set_id.in_(ids[:500])) if ids else sa.false()
        device = self.conn.execute(
            sa.select(
                devices.c.last_device_seq, devices.c.revoked_at, devices.c.token_hash,
                users.c.username, users.c.role, users.c.provinces, users.c.disabled_at,
                issued.label("issued"), known.label("known"),
            )
            .join(users, users.c.id == devices.c.user_id)
            .where(devices.c.id == self.scope.device_id)
            .with_for_update(of=devices)
        ).one()
        if device.revoked_at is not None:
            raise ProblemError(
                401, DEVICE_REVOKED, "This device has been revoked.", "อุปกรณ์นี้ถูกเพิกถอนสิทธิ์แล้ว"
            )
        if device.disabled_at is not None:
            raise ProblemError(401, UNAUTHORIZED, "This account is disabled.", "บัญชีนี้ถูกระงับ")
        token_hash = self.scope.token_hash
        if token_hash is not None and device.token_hash != token_hash:
            raise ProblemError(
                401, UNAUTHORIZED, "Unknown device token.", "ไม่รู้จักอุปกรณ์นี้ กรุณาลงทะเบียนใหม่",
                headers={"WWW-Authenticate": "Bearer"},
            )
        provinces = None if device.role == "hq" else frozenset(device.provinces)
        if (device.username, device.role, provinces) != (
            self.scope.username, self.scope.role, self.scope.provinces
        ):
            # The account changed since the token was checked: its current scope applies.
            self.scope = dataclasses.replace(
                self.scope, username=device.username, role=device.role, provinces=provinces
            )
        self._issued = device.issued
        # More than 500 ids (a very long push): the first 500 only were looked at.
        return device.last_device_seq + 1, bool(device.known) or len(ids) > 500

    def _lock_rows(self, change_sets: list[WireChangeSet]) -> None:
        """Lock the row log entries of every row the batch touches, in one sorted pass
        (two batches lock shared rows in the same order)."""
        keys = {
            (c.table, c.row_id) for cs in change_sets for c in cs.changes
            if c.table in schema.DOMAIN_TABLES
        }
        found = lock_log_entries(self.conn, sorted(keys))
        self.locked = {key: found.get(key) for key in keys}

    def _replays(self, pushed: list[PushedChangeSet], expected: int) -> dict[int, Any]:
        seqs = [p.device_seq for p in pushed if p.device_seq < expected]
        if not seqs:
            return {}
        applied = schema.applied_change_set
        rows = self.conn.execute(
            sa.select(applied.c.device_seq, applied.c.change_set_id, applied.c.result).where(
                applied.c.device_id == self.scope.device_id, applied.c.device_seq.in_(seqs)
            )
        )
        return {row.device_seq: row for row in rows}

    def _known_by_id(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """The first stored answer of each of these change set ids, if any."""
        applied = schema.applied_change_set
        known: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            rows = self.conn.execute(
                sa.select(applied.c.change_set_id, applied.c.result)
                .where(applied.c.change_set_id.in_(ids[start : start + 500]))
                .order_by(applied.c.received_at)
            )
            for row in rows:
                known.setdefault(row.change_set_id, row.result)
        return known

    def _advance_device(self, last: int) -> None:
        devices = schema.devices
        self.conn.execute(
            sa.update(devices)
            .where(devices.c.id == self.scope.device_id)
            .values(last_device_seq=last, last_seen_at=self.now)
        )

    def _store_records(self) -> None:
        answers, audits = self.records_params()
        if answers:
            self.conn.execute(sa.insert(schema.applied_change_set), answers)
        if audits:
            self.conn.execute(sa.insert(schema.change_audit), audits)
        self.log_records()

    def records_params(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Each answer with (device, device_seq) and, for the audit, the change set as
        sent: its changes, the authenticated author, the device, device time, server
        time; an applied change set also writes one audit row per change (the history
        endpoint's index)."""
        if not self.records:
            return [], []
        scope = self.scope
        author = scope.author
        answers: list[dict[str, Any]] = []
        audits: list[dict[str, Any]] = []
        for cs, result, audit, provinces in self.records:
            changes = [safe_json(c.model_dump(exclude_none=True)) for c in cs.changes or []]
            device_time = safe_text(str(cs.created_at))[:40] if cs.created_at else None
            summary = safe_text(cs.summary or "")[:500]
            answers.append({
                "device_id": scope.device_id, "device_seq": cs.device_seq,
                "change_set_id": cs.id, "status": result["status"], "seq": result.get("seq"),
                "author": author, "summary": summary, "result": result,
                "received_at": self.now, "user_id": scope.user_id,
                "device_created_at": device_time, "changes": changes,
            })
            if audit and result["status"] == "applied":
                audits.extend(
                    {
                        "table_name": c["table"], "row_id": c["row_id"],
                        "province_code": provinces.get((c["table"], c["row_id"])),
                        "change_set_id": cs.id, "device_id": scope.device_id,
                        "device_seq": cs.device_seq, "username": author, "op": c["op"],
                        "fields": c.get("fields") or {}, "seq": result.get("seq"),
                        "summary": summary, "device_created_at": device_time,
                        "received_at": self.now,
                    }
                    for c in changes
                )
        return answers, audits

    def log_records(self) -> None:
        """One log line per answered change set (once its seq is known)."""
        if not log.isEnabledFor(logging.INFO):
            return
        for cs, result, _audit, _provinces in self.records:
            log.info(
                "change set %s",
                result["status"],
                extra={
                    "event": "change_set", "device_id": self.scope.device_id,
                    "device_seq": cs.device_seq, "change_set_id": cs.id,
                    "status": result["status"], "seq": result.get("seq"),
                    "code": result.get("code"), "changes": len(cs.changes or []),
                    "conflicts": len(result.get("conflicts") or []),
                },
            )


def _checked(pushed: PushedChangeSet) -> WireChangeSet | ValidationError:
    try:
        return pushed.checked()
    except ValidationError as exc:
        return exc


def _envelope(pushed: PushedChangeSet) -> WireChangeSet:
    return WireChangeSet.model_construct(
        id=pushed.id, device_seq=pushed.device_seq, author=str(pushed.author or "")[:100],
        summary=str(pushed.summary or "")[:500], changes=[],
        created_at=None,
    )


def _malformed(exc: ValidationError) -> Rejection:
    """Malformed content: answered like any rejection, so the queue moves on."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    loc = tuple(first.get("loc", ()))
    index = loc[1] if len(loc) > 1 and loc[0] == "changes" else None
    return Rejection(
        INVALID,
        safe_text(f"The change set is malformed at {where or 'its body'}: "
                  f"{first.get('msg', '')}"),
        "ชุดการเปลี่ยนแปลงมีรูปแบบไม่ถูกต้อง",
        index if isinstance(index, int) else None,
    )


def _constraint_text(exc: Exception) -> str:
    orig = getattr(exc, "orig", exc)
    diag = getattr(orig, "diag", None)
    name = getattr(diag, "constraint_name", None) if diag is not None else None
    if name:
        return name
    return str(orig).splitlines()[0][:200]
