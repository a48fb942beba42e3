"""Who is pushing: the device's scope as the server decided it from the token."""

from __future__ import annotations

import dataclasses
import time
from typing import Any

import sqlalchemy as sa

from .. import schema

# Province codes per database (reference data that practically never changes; an unknown
# code is looked up again before it is refused).
_PROVINCES: dict[str, tuple[float, frozenset[str]]] = {}


@dataclasses.dataclass(frozen=True)
class DeviceScope:
    """Who is pushing or pulling, as the server decided from the token."""

    device_id: str
    user_id: int
    username: str
    role: str
    provinces: frozenset[str] | None  # None: every province (hq)
    # The sha256 of the token it was decided from, when the push checks it again under
    # the device lock (a scope remembered by ``auth.authenticate_push``).
    token_hash: str | None = dataclasses.field(default=None, compare=False)

    @property
    def author(self) -> str:
        """The authenticated user as conflicts, answers and the audit record the author
        (never the name a body gives; the columns hold 100 characters)."""
        return self.username[:100]

    @property
    def is_hq(self) -> bool:
        return self.role == "hq"

    def covers(self, province_code: str | None) -> bool:
        """May this device write rows of this province? (national rows: HQ only)."""
        if province_code is None:
            return self.is_hq
        return self.provinces is None or province_code in self.provinces

    def wire_scope(self) -> dict[str, Any]:
        return {"provinces": "all" if self.provinces is None else sorted(self.provinces)}


def known_province(conn: sa.Connection, code: str) -> bool:
    key = str(conn.engine.url)
    cached = _PROVINCES.get(key)
    if cached is None or code not in cached[1] or time.monotonic() - cached[0] > 300:
        table = schema.DOMAIN_TABLES["province"]
        codes = frozenset(
            conn.execute(sa.select(table.c.id).where(table.c.deleted_at.is_(None))).scalars()
        )
        _PROVINCES[key] = cached = (time.monotonic(), codes)
    return code in cached[1]
