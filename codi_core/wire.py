"""The sync protocol's request and response bodies as pydantic models (PROTOCOL.md).

Shared by the sync client and ``codi-server``: both sides validate against the same
types, and the server's OpenAPI document is generated from them. Field values inside a
change (``fields``) stay plain JSON here; they are decoded per column with
``codi_core.models.serialize.decode_value`` by whoever applies them.
"""

from __future__ import annotations

import base64
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
SUPPORTED_PROTOCOLS = (1,)
PROTOCOL_HEADER = "Codi-Protocol"
# The largest pull page a client may ask for (rows). Pages of a few thousand rows keep the
# per-request cost (auth, transaction, HTTP) small next to the rows' own.
MAX_PULL_LIMIT = 10000
PROBLEM_MEDIA_TYPE = "application/problem+json"

MAX_INT = 2**63 - 1

# The desktop schema revisions a change set may name (``schema_version``): those released
# that change the synced tables, and 0006, released while every revision was listed. A
# revision that changes only the laptop's own file (an index, a trigger) is not added:
# it is listed in codi_desktop.store.database.LOCAL_ONLY_REVISIONS, and its change sets
# name the newest one here. A test checks both lists against the migrations.
SCHEMA_VERSIONS = ("0001", "0002", "0003", "0004", "0005", "0006")

# Stable machine codes of problem details and change set rejections.
OUT_OF_ORDER = "out_of_order"
FORBIDDEN = "forbidden"
INVALID = "invalid"
OVER_BUDGET = "over_budget"
SCHEMA_MISMATCH = "schema_mismatch"
CURSOR_EXPIRED = "cursor_expired"
DEVICE_REVOKED = "device_revoked"
UNAUTHORIZED = "unauthorized"
BAD_CREDENTIALS = "bad_credentials"
TOO_MANY_ATTEMPTS = "too_many_attempts"
PROTOCOL_UNSUPPORTED = "protocol_unsupported"
INVALID_REQUEST = "invalid_request"
INVALID_CURSOR = "invalid_cursor"
NOT_FOUND = "not_found"
METHOD_NOT_ALLOWED = "method_not_allowed"
BAD_ENCODING = "bad_encoding"
TOO_LARGE = "too_large"
UNAVAILABLE = "unavailable"
INTERNAL_ERROR = "internal_error"
LOCKED = "locked"  # the minutes of the meeting are locked: amend with a new version

Op = Literal["insert", "update", "delete"]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore")


# -- health ---------------------------------------------------------------------------


class HealthResponse(_Wire):
    status: Literal["ok"] = "ok"
    protocols: list[int]
    server_time: str
    database: Literal["ok"] = "ok"


# -- enrolment ------------------------------------------------------------------------


class EnrolRequest(_Wire):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)
    device_name: str = Field(min_length=1, max_length=200)
    # Given: rotate the token of this (own, not revoked) device instead of enrolling anew.
    device_id: str | None = Field(default=None, min_length=1, max_length=36)


class Scope(_Wire):
    provinces: list[str] | Literal["all"]


class EnrolResponse(_Wire):
    device_id: str
    token: str
    user: str
    role: Literal["province", "cluster", "region", "hq"]
    scope: Scope


# -- push -----------------------------------------------------------------------------


class WireChange(_Wire):
    table: str = Field(min_length=1, max_length=60)
    row_id: str = Field(min_length=1, max_length=36)
    op: Op
    fields: dict[str, Any] = Field(default_factory=dict)
    base_seq: int | None = Field(default=None, ge=0, le=MAX_INT)


class WireChangeSet(_Wire):
    id: str = Field(min_length=1, max_length=36)
    device_seq: int = Field(ge=1, le=MAX_INT)
    created_at: str | None = Field(default=None, max_length=40)
    author: str = Field(default="", max_length=100)
    schema_version: str = Field(min_length=1, max_length=40)
    summary: str = Field(default="", max_length=500)
    changes: list[WireChange] = Field(default_factory=list, max_length=10_000)


class PushedChangeSet(_Wire):
    """A change set as a push carries it. Only its envelope (``id``, ``device_seq``) must
    be sound for the push to be taken; the rest is checked as a ``WireChangeSet`` one
    change set at a time, so one that breaks a limit is answered ``rejected``/``invalid``
    and the device's queue moves on instead of stopping at it (PROTOCOL.md: a failing
    change set never blocks the queue)."""

    id: str = Field(min_length=1, max_length=36)
    device_seq: int = Field(ge=1, le=MAX_INT)
    created_at: Any = None
    author: Any = ""
    schema_version: Any = None
    summary: Any = ""
    changes: list[Any] = Field(default_factory=list)

    def checked(self) -> WireChangeSet:
        """The full change set, or pydantic's ``ValidationError``."""
        return WireChangeSet.model_validate(self.model_dump())


class PushRequest(_Wire):
    device_id: str = Field(min_length=1, max_length=36)
    change_sets: list[PushedChangeSet] = Field(max_length=1000)


class ConflictInfo(_Wire):
    conflict_id: str
    table: str
    row_id: str
    field: str
    server_value: Any = None
    client_value: Any = None


class ChangeSetResult(_Wire):
    id: str
    device_seq: int
    status: Literal["applied", "rejected"]
    seq: int | None = None
    conflicts: list[ConflictInfo] = Field(default_factory=list)
    code: str | None = None
    detail: str | None = None
    detail_th: str | None = None
    # For a rejection caused by one change: its position in the change set (0-based).
    change_index: int | None = None


class PushResponse(_Wire):
    results: list[ChangeSetResult]


# -- pull -----------------------------------------------------------------------------


class PulledRow(_Wire):
    seq: int
    table: str
    row_id: str
    deleted: bool
    fields: dict[str, Any]


class PullResponse(_Wire):
    changes: list[PulledRow]
    cursor: str
    more: bool
    #: on a snapshot's first page asked with ``splits=true``: cursors cutting the rest
    #: into pages of ``limit`` rows, to fetch at once with ``until`` (PROTOCOL.md, pull)
    splits: list[str] | None = None


# -- errors ---------------------------------------------------------------------------


class Problem(BaseModel):
    """RFC 9457 problem details with CODI's stable ``code`` (and a Thai ``detail_th``).

    Extra members (``expected_device_seq``, ``protocols``...) are allowed.
    """

    model_config = ConfigDict(extra="allow")

    type: str = "about:blank"
    title: str
    status: int
    code: str
    detail: str | None = None
    detail_th: str | None = None


# -- cursors --------------------------------------------------------------------------


def encode_cursor(seq: int, purged_seq: int = 0) -> str:
    """The opaque pull cursor: "everything up to ``seq``", seen when the server's purge
    horizon was ``purged_seq`` (a later purge past ``seq`` expires the cursor)."""
    return base64.urlsafe_b64encode(f"v1:{seq}:{purged_seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[int, int]:
    """(seq, purged_seq) inside a cursor; ``ValueError`` for anything not made by us."""
    if not cursor or len(cursor) > 64:
        raise ValueError("not a cursor")
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except Exception as exc:  # binascii.Error, UnicodeDecodeError
        raise ValueError("not a cursor") from exc
    parts = text.split(":")
    if len(parts) not in (2, 3) or parts[0] != "v1":
        raise ValueError("not a cursor")
    numbers = parts[1:] + ["0"] * (3 - len(parts))
    if not all(n.isdigit() and len(n) <= 19 for n in numbers):
        raise ValueError("not a cursor")
    seq, purged = (int(n) for n in numbers)
    if seq > MAX_INT or purged > MAX_INT:
        raise ValueError("not a cursor")
    return seq, purged
