"""The self-managing province in the window: fill an assessment of the demo province
with suggested evidence, see the radar with last year's beside it, enter an indicator's
actual value on the project page, record an agency's acceptance of a proposal, print the
province report."""

from __future__ import annotations

import subprocess

import sqlalchemy as sa

from codi_core.models import (
    Assessment,
    ChangeSet,
    Criterion,
    CriterionScore,
    Indicator,
    Project,
    ProposalSubmission,
)
from codi_core.reference import CRITERIA

FY = 2569  # the demo's current fiscal year


def change_sets(store) -> int:
    with store.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(ChangeSet))


def levels_of(store, fy) -> dict[int, int]:
    with store.read() as s:
        return dict(s.execute(
            sa.select(Criterion.number, CriterionScore.level)
            .join(CriterionScore, CriterionScore.criterion_id == Criterion.id)
            .join(Assessment, Assessment.id == CriterionScore.assessment_id)
            .where(Assessment.fiscal_year == fy, CriterionScore.deleted_at.is_(None))).all())


def test_assessment_with_suggested_evidence_radar_indicator_outcome_and_report(
        qtbot, window, tmp_path):
    store = window.store
    page = window.show_page("assessment")
    page.year.setCurrentIndex(page.year.findData(FY))
    assert page.fiscal_year() == FY

    # the radar shows last year's levels beside this year's (read straight from the DB)
    last = levels_of(store, FY - 1)
    assert page.radar.last_year == [last.get(n, 0) for n in range(1, 11)]
    assert page.radar.levels == [levels_of(store, FY).get(n, 0) for n in range(1, 11)]

    # accept the suggestions the records support; decline criterion 1's
    suggested = [n for n, row in page.rows.items() if row.suggestion is not None]
    assert 10 in suggested  # the demo held its assembly this year
    assert 7 not in suggested  # nothing in the records to count for visibility
    page.rows[1].decline.click()
    accepted = [n for n in suggested if n != 1]
    for n in accepted:
        row = page.rows[n]
        expected_level = row.suggestion.level
        numbers = row.suggestion.text("th")
        row.accept.click()
        assert row.current().level == expected_level and numbers in row.evidence.text()
    assert page.radar.levels == page.levels()  # the radar follows the pickers
    page.rows[7].level.setCurrentIndex(2)
    before = change_sets(store)
    assert page.save_assessment(), page.message.text()
    assert change_sets(store) == before + 1  # one action
    saved = levels_of(store, FY)
    assert saved[7] == 2
    assert all(saved[n] == page.rows[n].current().level for n in accepted)
    with store.read() as s:
        ten = s.scalar(sa.select(CriterionScore.evidence)
                       .join(Assessment, Assessment.id == CriterionScore.assessment_id)
                       .where(Assessment.fiscal_year == FY, CriterionScore.criterion_id ==
                              sa.select(Criterion.id).where(Criterion.number == 10)
                              .scalar_subquery()))
    assert "ผู้เข้าร่วมสมัชชา (คน)" in ten
    page.radar.grab().save(str(tmp_path / "radar.png"))

    # an indicator's actual value, typed on the project page
    with store.read() as s:
        ind = s.scalars(sa.select(Indicator).join(Project, Project.id == Indicator.project_id)
                        .where(Project.fiscal_year == FY).order_by(Indicator.id)).first()
    projects = window.show_page("projects")
    projects.ensure_loaded()
    panel = projects.list.detail
    panel.show_record(ind.project_id)
    entry = panel.indicators
    item = next(entry.topLevelItem(i) for i in range(entry.topLevelItemCount())
                if entry.topLevelItem(i).data(0, 256) == ind.id)
    before = change_sets(store)
    item.setText(3, "123")  # as the delegate does when the person presses Enter
    assert change_sets(store) == before + 1
    with store.read() as s:
        assert s.get(Indicator, ind.id).actual == 123

    # an agency accepts a proposal
    with store.read() as s:
        sub = s.scalars(sa.select(ProposalSubmission)
                        .where(ProposalSubmission.outcome == "pending")
                        .order_by(ProposalSubmission.id)).first()
        fy = s.scalar(sa.text("SELECT fiscal_year FROM plan_proposal WHERE id = :i"),
                      {"i": sub.proposal_id})
    plan_page = window.show_page("plan")
    plan_page.year.setValue(fy)
    plan_page.select("submission", sub.id)
    plan_page.outcome.setCurrentIndex(plan_page.outcome.findData("accepted"))
    assert plan_page.record_selected(), plan_page.message.text()
    with store.read() as s:
        assert s.get(ProposalSubmission, sub.id).outcome.value == "accepted"
    row = next(r for r in plan_page.rows if r.id == sub.proposal_id)
    assert row.outcome == "accepted"

    # print the province report from the assessment page
    page = window.show_page("assessment")
    out = tmp_path / "province.pdf"
    page.print_report(str(out))
    qtbot.waitUntil(lambda: str(out) in page.print_status.text(), timeout=60_000)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    squashed = "".join(text.split())
    assert "รายงานการพัฒนาจังหวัด" in squashed
    for title, _en in CRITERIA:
        assert "".join(title.split()) in squashed


def test_comparison_page_and_dashboard_radar(qtbot, window):
    page = window.show_page("comparison")
    page.year.setValue(FY)
    assert page.provinces_shown() == ["34"]
    dash = window.show_page("dashboard")
    qtbot.waitUntil(lambda: dash.smp.data is not None, timeout=20_000)
    dash.year.setCurrentIndex(dash.year.findData(FY))
    qtbot.waitUntil(lambda: dash.smp.fiscal_year == FY, timeout=20_000)
    assert dash.smp.radar.last_year is not None
    assert sum(dash.smp.data.outcomes.values()) > 0


def test_a_project_gets_more_tambons_and_organizations(qtbot, window):
    from codi_core.models import ProjectTarget

    store = window.store
    with store.read() as s:
        project = s.scalars(sa.select(Project).where(Project.fiscal_year == FY)
                            .order_by(Project.id)).first()
    page = window.show_page("projects")
    page.ensure_loaded()
    panel = page.list.detail
    panel.show_record(project.id)
    targets = panel.targets
    before = targets.list.count()
    targets.kind.setCurrentIndex(targets.kind.findData("subdistrict"))
    targets.choice.setCurrentIndex(3)
    tambon = targets.choice.currentData()
    assert targets.add()
    assert targets.list.count() == before + 1
    with store.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(ProjectTarget).where(
            ProjectTarget.project_id == project.id, ProjectTarget.subdistrict_id == tambon,
            ProjectTarget.deleted_at.is_(None))) == 1
    targets.list.setCurrentRow(targets.list.count() - 1)
    assert targets.remove() and targets.list.count() == before
