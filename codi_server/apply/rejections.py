"""How a change set is refused: the rejection, and the result stored for it."""

from __future__ import annotations

from typing import Any

from codi_core.wire import WireChangeSet


class Rejection(Exception):
    def __init__(self, code: str, detail: str, detail_th: str, index: int | None = None):
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.detail_th = detail_th
        self.index = index


class RetryTransaction(Exception):
    pass


class Rejected(Exception):
    def __init__(self, rejection: Rejection):
        super().__init__(rejection.detail)
        self.rejection = rejection


def rejected_result(cs: WireChangeSet, rej: Rejection) -> dict[str, Any]:
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
