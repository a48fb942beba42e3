"""What a rule answers when a row breaks it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Violation:
    """A broken rule: an error code (``codi_core.errors``), the field it is about, and
    the message's parameters. ``wire`` is the protocol code the server answers with."""

    code: str
    field: str | None = None
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    wire: str = "invalid"
