"""self-managing province: criterion levels, evidence links, the development plan
(issues, submissions to agencies and their outcome), project targets, province indicators;
assessment status draft → agreed → certified

Revision ID: 0003_smp
Revises: 0002_audit
Create Date: 2026-12-01 21:46:58.366037
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import codi_core.models.base


revision: str = '0003_smp'
down_revision: str | None = '0002_audit'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('criterion_level',
    sa.Column('criterion_id', sa.String(length=36), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('text_th', sa.Text(), nullable=False),
    sa.Column('text_en', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('province_code', sa.String(length=2), nullable=True),
    sa.Column('seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint('level BETWEEN 0 AND 4', name=op.f('ck_criterion_level_level_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criterion_level'))
    )
    with op.batch_alter_table('criterion_level', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_criterion_level_criterion_id'), ['criterion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_criterion_level_province_code'), ['province_code'], unique=False)

    op.create_table('evidence_link',
    sa.Column('criterion_score_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.Enum('meeting', 'proposal', 'project', 'organization', 'document', name='evidence_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('target_id', sa.String(length=36), nullable=True),
    sa.Column('label', sa.String(length=500), nullable=False),
    sa.Column('suggested', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('province_code', sa.String(length=2), nullable=True),
    sa.Column('seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_link'))
    )
    with op.batch_alter_table('evidence_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_link_criterion_score_id'), ['criterion_score_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_link_province_code'), ['province_code'], unique=False)

    op.create_table('plan_issue',
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('analysis', sa.Text(), nullable=True),
    sa.Column('meeting_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('province_code', sa.String(length=2), nullable=True),
    sa.Column('seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_issue'))
    )
    with op.batch_alter_table('plan_issue', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_issue_fiscal_year'), ['fiscal_year'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_issue_province_code'), ['province_code'], unique=False)

    op.create_table('project_target',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('community_id', sa.String(length=36), nullable=True),
    sa.Column('subdistrict_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('province_code', sa.String(length=2), nullable=True),
    sa.Column('seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(CASE WHEN organization_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN community_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN subdistrict_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_project_target_one_target')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_target'))
    )
    with op.batch_alter_table('project_target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_target_project_id'), ['project_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_target_province_code'), ['province_code'], unique=False)

    op.create_table('proposal_submission',
    sa.Column('proposal_id', sa.String(length=36), nullable=False),
    sa.Column('agency', sa.String(length=300), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.Enum('pending', 'accepted', 'declined', name='submission_outcome', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('province_code', sa.String(length=2), nullable=True),
    sa.Column('seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint('decided_on IS NULL OR decided_on >= submitted_on', name=op.f('ck_proposal_submission_dates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_submission'))
    )
    with op.batch_alter_table('proposal_submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_submission_proposal_id'), ['proposal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_submission_province_code'), ['province_code'], unique=False)

    op.create_table('province_indicator',
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('unit', sa.String(length=60), nullable=True),
    sa.Column('baseline', sa.Integer(), nullable=True),
    sa.Column('target', sa.Integer(), nullable=True),
    sa.Column('actual', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('province_code', sa.String(length=2), nullable=True),
    sa.Column('seq', sa.BigInteger(), nullable=True),
    sa.Column('created_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', codi_core.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_province_indicator'))
    )
    with op.batch_alter_table('province_indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_province_indicator_fiscal_year'), ['fiscal_year'], unique=False)
        batch_op.create_index(batch_op.f('ix_province_indicator_province_code'), ['province_code'], unique=False)

    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.Enum('draft', 'agreed', 'certified', name='assessment_status', native_enum=False, create_constraint=True, length=32), nullable=False, server_default='draft'))
        batch_op.add_column(sa.Column('assessors', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('agreed_meeting_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('agreed_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('certified_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('certified_by', sa.String(length=100), nullable=True))

    with op.batch_alter_table('plan_proposal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('issue_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('agenda_item_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_plan_proposal_issue_id'), ['issue_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('plan_proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_proposal_issue_id'))
        batch_op.drop_column('agenda_item_id')
        batch_op.drop_column('issue_id')

    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_column('certified_by')
        batch_op.drop_column('certified_on')
        batch_op.drop_column('agreed_on')
        batch_op.drop_column('agreed_meeting_id')
        batch_op.drop_column('assessors')
        batch_op.drop_constraint(batch_op.f('ck_assessment_assessment_status'), type_='check')
        batch_op.drop_column('status')

    with op.batch_alter_table('province_indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_province_indicator_province_code'))
        batch_op.drop_index(batch_op.f('ix_province_indicator_fiscal_year'))

    op.drop_table('province_indicator')
    with op.batch_alter_table('proposal_submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_submission_province_code'))
        batch_op.drop_index(batch_op.f('ix_proposal_submission_proposal_id'))

    op.drop_table('proposal_submission')
    with op.batch_alter_table('project_target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_target_province_code'))
        batch_op.drop_index(batch_op.f('ix_project_target_project_id'))

    op.drop_table('project_target')
    with op.batch_alter_table('plan_issue', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_issue_province_code'))
        batch_op.drop_index(batch_op.f('ix_plan_issue_fiscal_year'))

    op.drop_table('plan_issue')
    with op.batch_alter_table('evidence_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_link_province_code'))
        batch_op.drop_index(batch_op.f('ix_evidence_link_criterion_score_id'))

    op.drop_table('evidence_link')
    with op.batch_alter_table('criterion_level', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_criterion_level_province_code'))
        batch_op.drop_index(batch_op.f('ix_criterion_level_criterion_id'))

    op.drop_table('criterion_level')
