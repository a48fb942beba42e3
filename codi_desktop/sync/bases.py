"""The ``base_seq`` each pushed change is sent with: what this laptop knows of each field.

A row's ``seq`` is the seq of the last server image pulled into it: every field of the
row is known at that seq. A change set of this laptop's own that the server applied
(result ``seq`` S, the highest seq it wrote) also tells something, field by field: the
fields it wrote hold this laptop's value at S, so a later edit of those fields must not
conflict with it (the laptop would conflict with itself). Fields it did not write are
not known at S (another laptop may have written them meanwhile), so they keep the base
of the last pulled image, and the server still sees other laptops' writes there.

So an update is sent as one wire change per distinct base: the fields this laptop wrote
last get S, the others the row's base. The server merges several changes of one row in
one change set (a field written earlier in the same change set is never a conflict).

"Learned" seqs are local facts in the ``sync_learned`` setting:
``{"table|row_id": {field: [seq, after_device_seq]}}``: a change of a change set with a
``device_seq`` above ``after_device_seq`` may use ``seq`` as its base for that field.
For a field written without a conflict that is the writing change set's own number
(every later edit was made on top of it). For a conflicted field the server kept its
own value, which this laptop writes into the row when the result arrives: only edits
made after that moment (change sets numbered above the newest one at that moment) were
made on top of it; earlier ones still meet the server's value as a conflict. An entry
is dropped once a pulled image at or above its seq has been written into the row and
no change is waiting on the row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

S_LEARNED = "sync_learned"

Learned = dict[str, dict[str, list[int]]]


def row_key(table: str, row_id: str) -> str:
    return f"{table}|{row_id}"


def note_applied(
    learned: Learned,
    table: str,
    row_id: str,
    written: Iterable[str],
    conflicted: set[str],
    seq: int,
    own_device_seq: int,
    newest_device_seq: int,
) -> None:
    """Record what an applied change set of this laptop wrote to one row."""
    entry = learned.setdefault(row_key(table, row_id), {})
    for name in written:
        after = newest_device_seq if name in conflicted else own_device_seq
        old = entry.get(name)
        if old is None or seq >= old[0]:
            entry[name] = [int(seq), int(after)]


def forget_up_to(learned: Learned, table: str, row_id: str, pulled_seq: int | None) -> bool:
    """A pulled image at ``pulled_seq`` is in the row: entries at or below it add nothing.
    Returns whether anything was dropped."""
    key = row_key(table, row_id)
    entry = learned.get(key)
    if not entry or pulled_seq is None:
        return False
    kept = {name: v for name, v in entry.items() if v[0] > pulled_seq}
    if len(kept) == len(entry):
        return False
    if kept:
        learned[key] = kept
    else:
        del learned[key]
    return True


def _usable(entry: dict[str, list[int]], name: str, device_seq: int) -> int | None:
    found = entry.get(name)
    if found is None or found[1] >= device_seq:
        return None
    return found[0]


def wire_changes(
    table: str,
    row_id: str,
    op: str,
    fields: dict[str, Any],
    base_seq: int | None,
    device_seq: int,
    learned: Learned,
) -> list[dict[str, Any]]:
    """One stored change as the wire changes to send (an update may become several)."""
    if op == "insert":
        return [{"table": table, "row_id": row_id, "op": op, "fields": fields}]
    entry = learned.get(row_key(table, row_id)) or {}
    if op == "delete":
        base = base_seq
        for name in entry:
            seq = _usable(entry, name, device_seq)
            if seq is not None and (base is None or seq > base):
                base = seq
        return [{"table": table, "row_id": row_id, "op": op, "base_seq": base}]
    groups: dict[int | None, dict[str, Any]] = {}
    for name, value in fields.items():
        seq = _usable(entry, name, device_seq)
        base = seq if seq is not None and (base_seq is None or seq > base_seq) else base_seq
        groups.setdefault(base, {})[name] = value
    if not groups:
        return [{"table": table, "row_id": row_id, "op": op, "fields": {}, "base_seq": base_seq}]
    return [
        {"table": table, "row_id": row_id, "op": op, "fields": part, "base_seq": base}
        for base, part in sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
    ]
