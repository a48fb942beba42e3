"""minutes versions: each locked version of a meeting's minutes, kept whole

After minutes are locked, a correction makes a new version (``meeting.minutes_version``
+ 1) and the earlier text must stay readable as it was certified. Each locked version
is one synced ``minutes_version`` row holding a JSON snapshot of the minutes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 20:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import codi_core.models.base

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "minutes_version",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column(
            "locked_at", codi_core.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("province_code", sa.String(length=2), nullable=True),
        sa.Column("seq", sa.BigInteger(), nullable=True),
        sa.Column(
            "created_at", codi_core.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", codi_core.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "deleted_at", codi_core.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.CheckConstraint(
            "version >= 1", name=op.f("ck_minutes_version_version_positive")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_minutes_version_meeting_id_meeting")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_version")),
    )
    with op.batch_alter_table("minutes_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_version_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_minutes_version_province_code"), ["province_code"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("minutes_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minutes_version_province_code"))
        batch_op.drop_index(batch_op.f("ix_minutes_version_meeting_id"))
    op.drop_table("minutes_version")
