"""Base seqs and tombstones: what an update or a delete may claim to have seen."""

from __future__ import annotations

from .base import Violation


def base_seq_violation(base_seq: int | None, newest_seq: int | None) -> Violation | None:
    """An update or delete needs a base; a base newer than anything the writer can have
    seen is impossible (it would let a change skip every conflict).

    ``newest_seq``: the newest seq the server has given. Not the row's own seq: a laptop
    bases its next edit of a row on the seq of the change set that last wrote it (the
    highest seq that change set wrote), which may be above the row's own seq."""
    if base_seq is None:
        return Violation("base_seq_required", "base_seq")
    if newest_seq is not None and base_seq > newest_seq:
        return Violation("base_in_future", "base_seq", {"base_seq": base_seq,
                                                         "seq": newest_seq})
    return None


def is_tombstone(row: dict) -> bool:
    return row.get("deleted_at") is not None
