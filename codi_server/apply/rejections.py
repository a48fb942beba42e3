"""How a change set is refused: the rejection, and the result stored for it."""

from __future__ import annotations

import json
import math
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


def safe_text(text: str) -> str:
    """Text that can be stored and sent: a lone surrogate (never valid UTF-8) becomes '?'."""
    return text.encode("utf-8", "replace").decode("utf-8")


def safe_json(value: Any) -> Any:
    """A JSON value every database stores: strings (and keys) made safe by ``safe_text``,
    NaN and Infinity (not JSON) written as text. A value with neither is returned as it
    is, found so by one pass of the JSON encoder (in C) instead of a walk in Python."""
    try:
        json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (ValueError, TypeError, UnicodeEncodeError):
        return _sanitised(value)
    return value


def _sanitised(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {safe_text(str(k)): _sanitised(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_sanitised(v) for v in value]
    return value


def rejected_result(cs: WireChangeSet, rej: Rejection) -> dict[str, Any]:
    return {
        "id": cs.id,
        "device_seq": cs.device_seq,
        "status": "rejected",
        "seq": None,
        "conflicts": [],
        "code": rej.code,
        "detail": safe_text(rej.detail),
        "detail_th": safe_text(rej.detail_th),
        "change_index": rej.index,
    }
