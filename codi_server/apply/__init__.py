"""Applying pushed change sets: order, exactly-once, scope, merge, ledger and budgets.

A batch of one device's change sets = one database transaction (``batch.py``), each
change set all or nothing (a rejected one rolled back alone, see below):

1. lock the device row (``FOR UPDATE``) once: pushes of one device are serialised, so a
   retry racing its original sees the stored result; check each ``device_seq`` (replay /
   gap) and each id (exactly once by id);
2. apply every change of a change set: lock the row log entries of the rows it
   touches (sorted, so two change sets lock in the same order), check scope, decode and
   validate values, merge updates field by field against ``base_seq``, create conflict
   rows, check ledger rules and lock the projects whose budget the check reads;
3. check meeting numbers (a meeting inserted or renumbered onto a number its body already
   uses that year is applied with a conflict on ``number``, the free number as the
   server value; see ``check_meeting_numbers`` for the lock) and budget invariants (the
   project rows are locked, so a concurrent change set on the same project waits and then
   sees this one's entries);
4. take the seqs of the whole batch last (``seqs.take_seqs`` once: the counter row lock
   is held until commit) and write them, with each written row's image, into the row
   log (the row log, not the domain row's ``seq`` column, is the server's record of a
   row's seq); a change set touching a row an earlier one of the batch wrote gets the
   earlier ones numbered first, so it sees the row log as if they had committed;
5. store every result with (device, device_seq) and advance the device's last device_seq.

Change sets are first applied without savepoints, their inserts queued and sent one
executemany per table just before the next other statement (two and one round trips
saved per change set). When one is rejected, the batch is rolled back and run again with
that change set inside a SAVEPOINT (after two such, or a database error in queued
inserts, every change set in its own): a rejection then rolls back its change set's
savepoint only, its result is stored in the same transaction and the queue moves on. Deadlocks, serialisation failures and
unique violations from two inserts of the same new row are retried as a whole batch.

Merge bookkeeping: ``row_log.first_seq`` is the insert's seq and ``row_log.field_seqs``
maps each field updated since to the seq of its last write. A field of an update is
"changed since base_seq" when ``field_seqs.get(field, first_seq) > base_seq``.
"""

from .changes import ChangeSetApplier
from .rejections import Rejection
from .scope import DeviceScope
from .transactions import apply_batch, apply_change_sets, known_schema_versions

__all__ = [
    "ChangeSetApplier",
    "DeviceScope",
    "Rejection",
    "apply_change_sets",
    "apply_batch",
    "known_schema_versions",
]
