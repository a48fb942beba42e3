"""A push = one or more batches of one device's change sets, each one database
transaction (``batch.Batch``): order and exactly-once by device, retries of transient
failures, each change set all-or-nothing inside its savepoint."""

from __future__ import annotations

import random
import time
from typing import Any

import sqlalchemy as sa

from codi_core.wire import OUT_OF_ORDER, SCHEMA_VERSIONS, UNAVAILABLE, PushedChangeSet

from ..db import write_connection
from ..problems import ProblemError
from .batch import ALL, Batch, Rerun, sqlstate
from .rejections import RetryTransaction
from .scope import DeviceScope

MAX_ATTEMPTS = 6
RETRYABLE_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization, deadlock, lock timeout
# One transaction holds at most this many changes (its row locks are held to its commit).
BATCH_CHANGES = 5000
# Change sets are applied without a savepoint (two round trips saved each) until one is
# rejected; after this many rejections in one batch, each gets its savepoint.
RERUNS = 2


def known_schema_versions() -> frozenset[str]:
    """Every desktop schema revision this server knows (older ones are accepted)."""
    return frozenset(SCHEMA_VERSIONS)


def _is_retryable(exc: sa.exc.DBAPIError) -> bool:
    if sqlstate(exc) in RETRYABLE_SQLSTATES:
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
    results: list[dict[str, Any]] = []
    for batch in _batches(change_sets):
        results.extend(apply_batch(engine, scope, batch))
    return results


def _batches(change_sets: list[PushedChangeSet]) -> list[list[PushedChangeSet]]:
    batches: list[list[PushedChangeSet]] = []
    size = 0
    for cs in change_sets:
        n = len(cs.changes) if isinstance(cs.changes, list) else 1
        if batches and size + n <= BATCH_CHANGES:
            batches[-1].append(cs)
            size += n
        else:
            batches.append([cs])
            size = n
    return batches


def apply_batch(
    engine: sa.Engine, scope: DeviceScope, change_sets: list[PushedChangeSet]
) -> list[dict[str, Any]]:
    """One transaction for the batch; deadlocks, serialisation failures and unique
    violations from two inserts of the same new row start the whole batch again."""
    guarded: set[int] | None = set()
    attempt = 0
    while attempt < MAX_ATTEMPTS:
        final = attempt == MAX_ATTEMPTS - 1
        try:
            with write_connection(engine) as conn, conn.begin():
                return Batch(conn, scope, final, guarded).run(change_sets)
        except Rerun as rerun:
            # A rejection without a savepoint: again, that change set in one (after a
            # few, or a database error in queued inserts, every change set in its own).
            assert guarded is not None
            guarded.add(rerun.index)
            if rerun.index == ALL or len(guarded) > RERUNS:
                guarded = None
            continue
        except RetryTransaction:
            pass
        except sa.exc.DBAPIError as exc:
            if not _is_retryable(exc):
                raise
        if final:
            break
        attempt += 1
        time.sleep(random.uniform(0.005, 0.05) * (attempt + 1))
    raise ProblemError(
        503,
        UNAVAILABLE,
        "The server is busy; try again shortly.",
        "เซิร์ฟเวอร์ไม่ว่าง กรุณาลองใหม่อีกครั้ง",
        retry_after=2,
    )
