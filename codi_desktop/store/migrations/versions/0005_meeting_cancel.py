"""meeting cancel: a planned meeting can be called off with a reason and keeps its number

``meeting.status`` may now be ``cancelled`` (the CHECK constraint of the status enum is
widened) and ``meeting.cancel_reason`` holds why.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = ("planned", "invited", "held", "minutes_draft", "minutes_certified", "locked")
NEW = (*OLD, "cancelled")


def _status_check(values: tuple[str, ...]) -> str:
    return "status IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None, recreate="always") as batch_op:
        batch_op.drop_constraint(op.f("ck_meeting_meeting_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_meeting_meeting_status"), _status_check(NEW))
        batch_op.add_column(sa.Column("cancel_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    op.execute("UPDATE meeting SET status = 'planned' WHERE status = 'cancelled'")
    with op.batch_alter_table("meeting", schema=None, recreate="always") as batch_op:
        batch_op.drop_column("cancel_reason")
        batch_op.drop_constraint(op.f("ck_meeting_meeting_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_meeting_meeting_status"), _status_check(OLD))
