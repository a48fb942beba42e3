"""The audit across devices and exactly-once by change set id.

``applied_change_set`` keeps the authenticated user, the device's time and the changes
as sent, and is indexed by change set id; ``change_audit`` holds one row per change of an
applied change set (a record's history).

Revision ID: 0002_audit
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import codi_core.models.base

revision: str = "0002_audit"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("applied_change_set", schema=None) as batch_op:
        batch_op.add_column(sa.Column("user_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("device_created_at", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("changes", sa.JSON(), nullable=True))
        batch_op.create_index("ix_applied_change_set_change_set_id", ["change_set_id"])
    op.create_table(
        "change_audit",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=True),
        sa.Column("change_set_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("device_seq", sa.BigInteger(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=True),
        sa.Column("summary", sa.String(length=500), nullable=True),
        sa.Column("device_created_at", sa.String(length=40), nullable=True),
        sa.Column("received_at", codi_core.models.base.UTCDateTime(timezone=True),
                  nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_audit")),
    )
    op.create_index("ix_change_audit_row", "change_audit", ["table_name", "row_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_change_audit_row", table_name="change_audit")
    op.drop_table("change_audit")
    with op.batch_alter_table("applied_change_set", schema=None) as batch_op:
        batch_op.drop_index("ix_applied_change_set_change_set_id")
        batch_op.drop_column("changes")
        batch_op.drop_column("device_created_at")
        batch_op.drop_column("user_id")
