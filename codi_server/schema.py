"""The server's tables: the synced domain tables plus the server's own bookkeeping.

Domain tables are copies of the desktop models' tables (``SYNCED_MODELS``), so the wire
names and column types are the same on both sides, with two differences:

* no foreign keys: a change set may name a parent after its child, tombstones are purged
  after a while, and a row is checked by the server's own rules (scope, ledger) instead;
* a domain row's own ``seq`` column is not the server's record (bulk-loaded rows have it,
  pushed rows leave it empty): ``row_log.seq`` is, written with every write.

Server-only tables:

* ``users`` (argon2id password hashes, role, provinces) and ``devices`` (sha256 of the
  token, revoked_at, last_seen_at, ``last_device_seq`` = the last change set applied);
* ``applied_change_set``: (device, device_seq) → stored result, for exactly-once replay
  (also looked up by change set id), with the audit of the change set (author = the
  authenticated user, device time, server time, the changes as sent);
* ``change_audit``: one row per change of an applied change set (a record's history);
* ``server_state``: one row: the sequence counter (``last_seq``), the purge horizon
  (``purged_seq``) and the reference data version;
* ``row_log``: one entry per synced row, ``(table_name, row_id)`` → its latest ``seq``,
  ``province_code``, tombstone flag, ``first_seq`` (the insert) and ``field_seqs`` (the
  seq of the last write of each field updated since the insert) and ``image`` (the row's
  wire fields as JSON). It is the pull index (indexed by seq, and by province then seq),
  the pull's data, and the three-way merge's memory;
* ``login_failure``: failed enrolments per username and per client address (rate limit).
"""

from __future__ import annotations

import sqlalchemy as sa

from codi_core.models import SYNCED_MODELS, UTCDateTime
from codi_core.models.base import NAMING_CONVENTION

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def _copy_without_foreign_keys(table: sa.Table) -> sa.Table:
    copy = table.to_metadata(metadata)
    for fk in list(copy.foreign_key_constraints):
        copy.constraints.discard(fk)
    for column in copy.columns:
        column.foreign_keys.clear()
    copy.foreign_keys.clear()
    return copy


DOMAIN_TABLES: dict[str, sa.Table] = {
    name: _copy_without_foreign_keys(model.__table__)  # type: ignore[attr-defined]
    for name, model in SYNCED_MODELS.items()
}

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(100), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("provinces", sa.JSON, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("disabled_at", UTCDateTime, nullable=True),
    sa.CheckConstraint("role IN ('province', 'cluster', 'region', 'hq')", name="role"),
)

devices = sa.Table(
    "devices",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("last_seen_at", UTCDateTime, nullable=True),
    sa.Column("revoked_at", UTCDateTime, nullable=True),
    sa.Column("last_device_seq", sa.BigInteger, nullable=False, server_default="0"),
)

applied_change_set = sa.Table(
    "applied_change_set",
    metadata,
    sa.Column("device_id", sa.String(36), sa.ForeignKey("devices.id"), primary_key=True),
    sa.Column("device_seq", sa.BigInteger, primary_key=True),
    sa.Column("change_set_id", sa.String(36), nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=True),
    sa.Column("author", sa.String(100), nullable=True),
    sa.Column("summary", sa.String(500), nullable=True),
    sa.Column("result", sa.JSON, nullable=False),
    sa.Column("received_at", UTCDateTime, nullable=False),
    # The audit: who (the authenticated user), the device's own time, and the changes as
    # sent (NULL for change sets stored before revision 0002_audit).
    sa.Column("user_id", sa.Integer, nullable=True),
    sa.Column("device_created_at", sa.String(40), nullable=True),
    sa.Column("changes", sa.JSON, nullable=True),
    sa.Index("ix_applied_change_set_change_set_id", "change_set_id"),
)

# One row per change of every applied change set: a record's history across devices.
change_audit = sa.Table(
    "change_audit",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=True),
    sa.Column("table_name", sa.String(60), nullable=False),
    sa.Column("row_id", sa.String(36), nullable=False),
    sa.Column("province_code", sa.String(2), nullable=True),
    sa.Column("change_set_id", sa.String(36), nullable=False),
    sa.Column("device_id", sa.String(36), nullable=False),
    sa.Column("device_seq", sa.BigInteger, nullable=False),
    sa.Column("username", sa.String(100), nullable=False),
    sa.Column("op", sa.String(10), nullable=False),
    sa.Column("fields", sa.JSON, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=True),
    sa.Column("summary", sa.String(500), nullable=True),
    sa.Column("device_created_at", sa.String(40), nullable=True),
    sa.Column("received_at", UTCDateTime, nullable=False),
    sa.Index("ix_change_audit_row", "table_name", "row_id", "id"),
)

server_state = sa.Table(
    "server_state",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("last_seq", sa.BigInteger, nullable=False),
    sa.Column("purged_seq", sa.BigInteger, nullable=False),
    sa.Column("reference_version", sa.String(60), nullable=True),
    sa.CheckConstraint("id = 1", name="one_row"),
)

row_log = sa.Table(
    "row_log",
    metadata,
    sa.Column("table_name", sa.String(60), primary_key=True),
    sa.Column("row_id", sa.String(36), primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False, unique=True),
    sa.Column("province_code", sa.String(2), nullable=True),
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("first_seq", sa.BigInteger, nullable=False),
    sa.Column("field_seqs", sa.JSON, nullable=False),
    sa.Column("written_at", UTCDateTime, nullable=False),
    # The row's wire fields as JSON text, written with the row (codi_server.images).
    sa.Column("image", sa.Text, nullable=False),
    sa.Index("ix_row_log_province_seq", "province_code", "seq"),
)

login_failure = sa.Table(
    "login_failure",
    metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("window_start", UTCDateTime, nullable=False),
    sa.Column("locked_until", UTCDateTime, nullable=True),
)
