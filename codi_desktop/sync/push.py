"""The push half of a sync (no Qt): the outbox sent in batches, each answer recorded.

A batch is read from the outbox with two plain queries (no ORM objects), sent as one
push, and its results recorded in one local write transaction; a change set is marked
done only when its result arrives. While one push is at the server, the next batch is
read and encoded, and once its answer is in, the next push goes out before this
answer is recorded, so the laptop's work overlaps the server's. Each push's size
follows the server's time for the one before (``pacing.PushPacer``). The next batch goes
out early only when it does not edit a row the one before wrote: its ``base_seq``
comes from that earlier result (``_cut_at_dependency``); otherwise it is built again
after the recording, as before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import orjson
import sqlalchemy as sa

from codi_core.models import Change, ChangeOp, ChangeSet, ChangeSetStatus
from codi_core.models.serialize import format_datetime
from codi_desktop.store.database import wire_schema

from . import apply, bases
from .client import ProblemError, SyncClient
from .credentials import S_SEQ_OFFSET
from .pacing import PushPacer

log = logging.getLogger("codi_desktop.sync.engine")

# A push carries at most this many change sets (PROTOCOL.md) and about this many bytes of
# JSON (before gzip): well under the server's 32 MiB limit, and small enough that a cut
# connection on a rural link loses little; the server applies one push in one or a few
# transactions.
MAX_PUSH_CHANGE_SETS = 1000
PUSH_BYTES = 1024 * 1024

# Problem codes for a push the server refused as a whole (its shape, not its content).
_SHAPE_CODES = frozenset({"invalid_request", "too_large", "bad_request", "invalid"})

_cs_t: sa.Table = ChangeSet.__table__  # type: ignore[assignment]
_change_t: sa.Table = Change.__table__  # type: ignore[assignment]


class _UnsendableChangeSet(Exception):
    """The server refuses the request carrying this one change set (not a rejection)."""

    def __init__(self, change_set: Outgoing, problem: ProblemError):
        super().__init__(str(problem))
        self.change_set = change_set
        self.problem = problem


@dataclasses.dataclass(slots=True)
class OutChange:
    """One change of an outgoing change set, as ``ResultRecorder`` reads it."""

    table_name: str
    row_id: str
    op: ChangeOp
    fields: dict[str, Any]
    base_seq: int | None
    position: int
    old_fields: Any  # the stored JSON text; decoded only when a rejection needs it


@dataclasses.dataclass(slots=True)
class Outgoing:
    """A change set of the outbox, read without the ORM (``_load_batch``)."""

    id: str
    device_seq: int
    created_at: dt.datetime
    author: str
    summary: str
    schema_version: str
    changes: list[OutChange]


def _dumps(value: Any) -> bytes:
    try:
        return orjson.dumps(value)
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


@dataclasses.dataclass
class _Prepared:
    batch: list[Outgoing]
    wire: list[dict[str, Any]]
    offset: int


class PushMixin:
    """``SyncEngine``'s push (it provides store, summary, _call, _check_cancel, _report)."""

    store: Any
    summary: Any
    push_batch: int
    push_bytes: int
    push_target: float
    _pacer: PushPacer | None = None
    _call: Callable[..., Any]
    _check_cancel: Callable[[], None]
    cancelled: Callable[[], bool]
    _report: Callable[..., None]

    def _load_batch(
        self,
        from_seq: int | None = None,
        after_seq: int | None = None,
        limit: int | None = None,
    ) -> list[Outgoing]:
        """The next change sets to send, oldest first: the pending ones (after
        ``after_seq`` when given), or with ``from_seq`` everything from that device_seq
        on (the server lost change sets it had applied: restored from a backup)."""
        q = sa.select(
            _cs_t.c.id,
            _cs_t.c.device_seq,
            _cs_t.c.created_at,
            _cs_t.c.author,
            _cs_t.c.summary,
            _cs_t.c.schema_version,
        )
        if from_seq is None:
            q = q.where(_cs_t.c.status == ChangeSetStatus.PENDING)
            if after_seq is not None:
                q = q.where(_cs_t.c.device_seq > after_seq)
        else:
            q = q.where(
                _cs_t.c.device_seq >= from_seq,
                _cs_t.c.status.not_in([ChangeSetStatus.LOCAL, ChangeSetStatus.DISCARDED]),
            )
        if limit is None:
            limit = self._pacer.size if self._pacer is not None else self.push_batch
        q = q.order_by(_cs_t.c.device_seq).limit(limit)
        with self.store.engine.connect() as conn:
            sets = [
                Outgoing(
                    r.id, r.device_seq, r.created_at, r.author, r.summary, r.schema_version, []
                )
                for r in conn.execute(q)
            ]
            by_id = {cs.id: cs for cs in sets}
            ids = list(by_id)
            # Fields and old values as their stored text: orjson decodes the fields
            # about twice as fast, and the old values are needed only on a rejection.
            text = sa.Text()
            for start in range(0, len(ids), 500):
                rows = conn.execute(
                    sa.select(
                        _change_t.c.change_set_id,
                        _change_t.c.table_name,
                        _change_t.c.row_id,
                        _change_t.c.op,
                        sa.type_coerce(_change_t.c.fields, text),
                        _change_t.c.base_seq,
                        _change_t.c.position,
                        sa.type_coerce(_change_t.c.old_fields, text),
                    )
                    .where(_change_t.c.change_set_id.in_(ids[start : start + 500]))
                    .order_by(_change_t.c.change_set_id, _change_t.c.position)
                )
                for cs_id, table, row_id, op, fields, base, position, old in rows:
                    by_id[cs_id].changes.append(
                        OutChange(
                            table, row_id, ChangeOp(op), apply.load_json(fields) or {}, base,
                            position, old,
                        )
                    )
        return sets

    def _resend_from(self, first_local: int, offset: int, expected: int) -> int | None:
        """After 409 out_of_order: the local change set the server expects, if this
        laptop has it and it comes before what was sent (the server lost it)."""
        wanted = expected + offset
        if wanted >= first_local or wanted < 1:
            return None
        with self.store.read() as s:
            have = s.scalar(
                sa.select(sa.func.count())
                .select_from(ChangeSet)
                .where(
                    ChangeSet.device_seq == wanted,
                    ChangeSet.status.not_in([ChangeSetStatus.LOCAL, ChangeSetStatus.DISCARDED]),
                )
            )
        return wanted if have else None

    def _wire(self, batch: list[Outgoing], offset: int) -> list[dict[str, Any]]:
        """The batch as the push body has it: numbered for the server, and each change
        with the bases this laptop knows (``bases``)."""
        schema = wire_schema()
        learned = self.store.get_setting(bases.S_LEARNED, {}) or {}
        wire = []
        for cs in batch:
            wire.append(
                {
                    "id": cs.id,
                    "device_seq": cs.device_seq - offset,
                    "created_at": format_datetime(cs.created_at),
                    "author": cs.author,
                    "schema_version": cs.schema_version or schema,
                    "summary": cs.summary,
                    "changes": [
                        part
                        for c in cs.changes  # in position order (_load_batch)
                        for part in bases.wire_changes(
                            c.table_name,
                            c.row_id,
                            c.op.value,
                            c.fields,
                            c.base_seq,
                            cs.device_seq,
                            learned,
                        )
                    ],
                }
            )
        return wire

    def _prepare(
        self,
        offset: int,
        *,
        from_seq: int | None = None,
        after: list[Outgoing] | None = None,
        one_at_a_time: bool = False,
    ) -> _Prepared | None:
        """The next batch and its wire form; ``after``: the batch still at the server,
        whose results are not recorded yet (only what does not depend on it; as many as
        the pacer may ask for once that answer is in, cut to its size then)."""
        limit = self._pacer.ceiling if after and self._pacer is not None else None
        loaded = self._load_batch(from_seq, after[-1].device_seq if after else None, limit)
        if after:
            loaded = _cut_at_dependency(after + loaded)[len(after) :]
        batch = _cut_at_dependency(loaded)
        if not batch:
            return None
        if one_at_a_time:
            batch = batch[:1]
        wire = _cut_at_bytes(self._wire(batch, offset), self.push_bytes)
        return _Prepared(batch[: len(wire)], wire, offset)

    def _push(self, client: SyncClient, device_id: str) -> None:
        total = self.store.count_pending()
        if not total:
            return  # nothing waiting (a sync with nothing to do asks one question here)
        offset = int(self.store.get_setting(S_SEQ_OFFSET, 0) or 0)
        done = 0
        out_of_order = 0
        one_at_a_time = False
        # Each push sized by the server's time for the one before (pacing.py).
        self._pacer = PushPacer(self.push_batch, target=self.push_target)
        pool: ThreadPoolExecutor | None = None

        def send(prepared: _Prepared) -> Future[dict[str, Any]]:
            nonlocal pool
            self._check_cancel()
            self._report("push", done, total, f"{len(prepared.batch)} change sets")
            if pool is None:
                pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="codi-sync-push")
            wire = prepared.wire
            return pool.submit(self._call, client, lambda: client.push(device_id, wire))

        try:
            current = self._prepare(offset)
            if current is None:
                return
            in_flight = send(current)
            upcoming: _Prepared | None = None
            while True:
                if upcoming is None and not one_at_a_time:
                    # Read and encode the next batch while this one is at the server.
                    upcoming = self._prepare(offset, after=current.batch)
                try:
                    answer, took = in_flight.result()
                except ProblemError as exc:
                    upcoming = None
                    batch = current.batch
                    if exc.status == 409 and exc.code == "out_of_order" and out_of_order < 3:
                        out_of_order += 1
                        expected = exc.body.get("expected_device_seq")
                        if not isinstance(expected, int) or expected < 1:
                            raise
                        resend = self._resend_from(batch[0].device_seq, offset, expected)
                        if resend is None:
                            # The server numbers this device's change sets differently (a
                            # new device for an old outbox, a restored laptop): send the
                            # waiting ones from the number it expects. The server knows
                            # change sets by id, so one it has applied already is answered
                            # with its stored result and never applied twice; nothing is
                            # renumbered locally.
                            offset = batch[0].device_seq - expected
                            self.store.set_setting(S_SEQ_OFFSET, offset)
                            log.warning(
                                "the server expects device_seq %s: local %s is sent as %s",
                                expected,
                                batch[0].device_seq,
                                expected,
                            )
                        current = self._prepare(  # type: ignore[assignment]
                            offset, from_seq=resend, one_at_a_time=one_at_a_time
                        )
                    elif exc.status in (400, 413, 422) and exc.code in _SHAPE_CODES:
                        if len(batch) <= 1:
                            raise _UnsendableChangeSet(batch[0], exc) from exc
                        # Find the one the server cannot take: send one at a time.
                        one_at_a_time = True
                        current = self._prepare(offset, one_at_a_time=True)  # type: ignore[assignment]
                    else:
                        raise
                    if current is None:
                        return
                    in_flight = send(current)
                    continue
                size = self._pacer.observe(len(current.batch), took)
                # The next push goes out before this answer is recorded.
                following = upcoming
                upcoming = None
                if following is not None and len(following.batch) > size:
                    following = _Prepared(
                        following.batch[:size], following.wire[:size], following.offset
                    )
                if following is not None and (following.offset != offset or self.cancelled()):
                    following = None  # a cancel: this answer is recorded first
                if following is not None:
                    in_flight = send(following)
                results = answer.get("results") or []
                by_id = {cs.id: cs for cs in current.batch}
                self._record(results, by_id)
                done += len(results)
                self._report("push", done, total)
                if not {r.get("id") for r in results} & set(by_id):
                    # The server answered none of what we sent: stop rather than loop.
                    raise ProblemError(502, "no_results", "the server answered no change set")
                if following is None:
                    following = self._prepare(offset, one_at_a_time=one_at_a_time)
                    if following is None:
                        return
                    in_flight = send(following)
                current = following
        finally:
            self._pacer = None
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)

    def _record(self, results: list[dict[str, Any]], by_id: dict[str, Outgoing]) -> None:
        with apply.write_transaction(self.store) as conn:
            recorder = apply.ResultRecorder(conn, by_id)
            for result in results:
                if result.get("id") not in by_id:
                    continue
                status, conflicts = recorder.record(result)
                self.summary.pushed += 1
                if status == "applied":
                    self.summary.applied += 1
                    self.summary.conflicts += conflicts
                elif status == "rejected":
                    self.summary.rejected += 1
            recorder.finish()


def _cut_at_dependency(batch: list[Any]) -> list[Any]:
    """End the batch before a change set that edits a row an earlier one in it wrote.

    Its ``base_seq`` must be the server seq of that earlier change set (the server
    refuses an update without a base, and an old base would make the device conflict
    with itself), which is known only once the earlier result has arrived.
    """
    touched: set[tuple[str, str]] = set()
    for index, cs in enumerate(batch):
        keys = {(c.table_name, c.row_id) for c in cs.changes}
        if index and any(
            c.op is not ChangeOp.INSERT and (c.table_name, c.row_id) in touched for c in cs.changes
        ):
            return batch[:index]
        touched |= keys
    return batch


def _cut_at_bytes(wire: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The first change sets of the batch whose JSON stays within ``limit`` bytes (at
    least one: a change set too large for the server is found out by its answer)."""
    size = 0
    for index, body in enumerate(wire):
        size += len(_dumps(body)) + 1
        if index and size > limit:
            return wire[:index]
    return wire
