"""The self-managing province through a real codi-server: an assessment, a proposal's
outcome and an indicator update each travel as one change set to a second laptop; the
server refuses a province user's certification even when the laptop's own check is
bypassed; a cluster account syncs exactly its provinces and ranks them."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from codi_core.models import (
    SYNCED_MODELS,
    Assessment,
    ChangeSet,
    CriterionScore,
    EvidenceLink,
    Indicator,
    Program,
    Project,
    ProposalSubmission,
)
from codi_core.reference import reference_id
from codi_desktop.services import assessment, comparison, indicators, plan
from codi_desktop.sync import status

from .conftest import PASSWORD, make_laptop, server_cli

FY = 2569


def pending(laptop) -> list[ChangeSet]:
    with laptop.store.read() as s:
        return list(s.scalars(sa.select(ChangeSet).where(ChangeSet.status == "pending")))


def test_assessment_outcome_and_indicator_each_one_change_set_to_a_second_laptop(
    laptops, province
):
    a, b = laptops
    with a.store.action("โครงการ", author=a.username) as s:
        project = Project(province_code=province, code="SMP-1", name="โครงการพัฒนาผู้นำ",
                          fiscal_year=FY, program_id=reference_id("program", "leadership"))
        s.add(project)
        s.flush()
        ind = Indicator(province_code=province, project_id=project.id, name="ผู้นำ", unit="คน",
                        target=40)
        s.add(ind)
    pid = plan.save_proposal(a.store, plan.ProposalData(FY, "development_plan", "ที่ดินทำกิน"))
    sid = plan.submit_proposal(a.store, pid, "สำนักงานจังหวัด", dt.date(2026, 1, 5))
    a.synced()

    draft = assessment.AssessmentDraft(FY + 5, assessors="ทีมประเมิน", scores={
        1: assessment.ScoreDraft(1, 3, "เครือข่าย 4", [assessment.Link("project", project.id,
                                                                     "โครงการพัฒนาผู้นำ")]),
        10: assessment.ScoreDraft(10, 2)})
    aid = assessment.save_assessment(a.store, draft, author=a.username)
    assert len(pending(a)) == 1
    a.synced()
    plan.record_outcome(a.store, sid, "accepted", dt.date(2026, 2, 1), author=a.username)
    assert len(pending(a)) == 1
    a.synced()
    indicators.update_actual(a.store, ind.id, 37, author=a.username)
    assert len(pending(a)) == 1
    a.synced()

    b.synced()
    view = assessment.assessment_view(b.store, FY + 5)
    assert view.id == aid and view.scores[1].level == 3 and view.scores[10].level == 2
    assert view.scores[1].links[0].target_id == project.id
    assert b.get(ProposalSubmission, sid).outcome.value == "accepted"
    assert [r.outcome for r in plan.proposals(b.store, FY) if r.id == pid] == ["accepted"]
    assert b.get(Indicator, ind.id).actual == 37


def test_a_province_user_cannot_certify_even_past_its_own_check(laptops):
    a, b = laptops
    aid = assessment.save_assessment(a.store, assessment.AssessmentDraft(
        FY + 6, scores={2: assessment.ScoreDraft(2, 2)}), author=a.username)
    a.synced()
    # Pretend to be HQ on the laptop only: the local rule lets it through ...
    a.store.set_setting("sync_role", "hq")
    assessment.certify_assessment(a.store, aid, dt.date(2026, 5, 1), author=a.username)
    a.store.set_setting("sync_role", "province")
    summary = a.sync()
    # ... and the server, which knows the account is a province account, refuses it.
    assert summary.rejected == 1
    (rejected,) = status.rejected_change_sets(a.store)
    assert rejected.result_code == "forbidden"
    assert "ไม่มีสิทธิ์" in rejected.reason("th")
    assert "Only HQ certifies" in (rejected.result_detail or "")
    assert a.get(Assessment, aid).status.value == "draft"  # undone locally
    b.synced()
    assert b.get(Assessment, aid).status.value == "draft"


@pytest.mark.slow
def test_a_cluster_account_syncs_exactly_its_provinces_and_ranks_them(
        tmp_path, server, memory_keyring):
    cluster = ["33", "34", "35", "37"]  # กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนล่าง 2
    for name, code in (("smp_p35", "35"), ("smp_p10", "10")):
        server.create_user(name, province=code)
    server_cli(server.database_url, "create-user", "smp_cluster", "--role", "cluster",
               *[x for c in cluster for x in ("--province", c)], stdin=PASSWORD + "\n")
    server.users["smp_cluster"] = PASSWORD
    fy = FY + 7
    levels = {"34": 2, "35": 4, "10": 3}
    ids = {}
    for user, code in (("somchai", "34"), ("smp_p35", "35"), ("smp_p10", "10")):
        lap = make_laptop(tmp_path, f"p{code}", server, user)
        lap.synced()
        ids[code] = assessment.save_assessment(lap.store, assessment.AssessmentDraft(
            fy, scores={n: assessment.ScoreDraft(n, levels[code]) for n in range(1, 11)}),
            author=user)
        lap.synced()
        lap.store.close()

    c = make_laptop(tmp_path, "cluster", server, "smp_cluster")
    c.synced()
    assert c.store.get_setting("sync_role") == "cluster"
    with c.store.read() as s:
        seen = set()
        for model in SYNCED_MODELS.values():
            if model.__sync_scope__ == "province":
                seen |= set(s.scalars(sa.select(model.province_code).distinct()))
        assert s.get(Assessment, ids["34"]) and s.get(Assessment, ids["35"])
        assert s.get(Assessment, ids["10"]) is None
        assert s.scalar(sa.select(sa.func.count()).select_from(CriterionScore)
                        .where(CriterionScore.province_code == "10")) == 0
        assert s.scalar(sa.select(sa.func.count()).select_from(Program)) >= 10
        s.scalar(sa.select(sa.func.count()).select_from(EvidenceLink))
    assert seen <= set(cluster) and {"34", "35"} <= seen

    rows = comparison.comparison(c.store, fy)
    assert [r.province for r in rows][:2] == ["35", "34"]
    assert {r.province for r in rows} == set(cluster)
    assert rows[0].readiness == 100.0 and rows[1].readiness == 50.0


def test_hq_edits_clusters_one_change_set_each_and_the_server_refuses_anyone_else(
        tmp_path, server, memory_keyring, province):
    """HQ's new cluster and the move of this test's own province into it reach a province
    laptop; a province and a cluster account that skip their own check are refused by the
    server (only HQ edits reference data) and the laptop undoes their edits."""
    from codi_core.models import Province, ProvinceCluster, Region
    from codi_desktop.services import reference_edit

    server.create_user(f"smp_hq{province}", role="hq", province=None)
    server.create_user(f"smp_cl{province}", role="cluster", province=province)
    hq = make_laptop(tmp_path, "hq", server, f"smp_hq{province}")
    hq.synced()
    code = f"smp_cluster_{province}"  # this test's own cluster
    cid = reference_edit.save_cluster(hq.store, code, "กลุ่มจังหวัดทดสอบ", "Test cluster",
                                      "northeast", author=hq.username)
    assert len(pending(hq)) == 1
    reference_edit.move_province(hq.store, province, code, author=hq.username)
    assert len(pending(hq)) == 2
    assert hq.synced().pushed == 2

    for user in (f"somchai{province}", f"smp_cl{province}"):
        lap = make_laptop(tmp_path, user, server, user)
        lap.synced()
        assert lap.get(ProvinceCluster, cid).name_th == "กลุ่มจังหวัดทดสอบ"
        assert lap.get(Province, province).cluster_id == cid
        with lap.store.read() as s:
            region_name = s.scalar(sa.select(Region.name_th).where(Region.code == "northeast"))
        # the laptop's own check refuses ...
        with pytest.raises(Exception) as err:
            reference_edit.save_cluster(lap.store, code, "แก้เอง", "", "northeast")
        assert getattr(err.value, "code", None) == "hq_only"
        # ... and the server refuses a laptop that pretends to be HQ
        role = lap.store.get_setting("sync_role")
        lap.store.set_setting("sync_role", "hq")
        reference_edit.save_cluster(lap.store, code, "แก้เอง", "", "northeast")
        reference_edit.rename_region(lap.store, "northeast", "ภาคที่แก้เอง")
        lap.store.set_setting("sync_role", role)
        summary = lap.sync()
        assert summary.rejected == 2, summary.describe("en")
        rejected = status.rejected_change_sets(lap.store)
        assert {r.result_code for r in rejected} == {"forbidden"}
        assert all("Only HQ edits reference data" in (r.result_detail or "") for r in rejected)
        assert lap.get(ProvinceCluster, cid).name_th == "กลุ่มจังหวัดทดสอบ"  # undone
        with lap.store.read() as s:
            assert s.scalar(sa.select(Region.name_th).where(Region.code == "northeast")) \
                == region_name
        lap.store.close()
    hq.synced()
    assert hq.get(ProvinceCluster, cid).name_th == "กลุ่มจังหวัดทดสอบ"
    hq.store.close()


def test_hq_revises_level_meanings_in_one_change_set_and_the_server_refuses_anyone_else(
        tmp_path, server, memory_keyring, province):
    """HQ's revision of criterion 7's level meanings travels as one change set to a
    province laptop; the province laptop that skips its own check is refused by the
    server and its edit undone. HQ puts the first wording back at the end (the server's
    reference data is shared by every test)."""
    from codi_core.models import CriterionLevel
    from codi_desktop.services import reference_edit

    def meanings(laptop) -> dict[int, tuple[str, str]]:
        with laptop.store.read() as s:
            return {lv.level: (lv.text_th, lv.text_en) for lv in s.scalars(
                sa.select(CriterionLevel).where(
                    CriterionLevel.criterion_id == reference_id("criterion", "7")))}

    server.create_user(f"smp_hqlv{province}", role="hq", province=None)
    hq = make_laptop(tmp_path, "hq", server, f"smp_hqlv{province}")
    hq.synced()
    first = meanings(hq)
    assert set(first) == {0, 1, 2, 3, 4}
    revised = {1: (f"ระดับ 1 ฉบับแก้ไข {province}", f"Level 1 revised {province}"),
               3: (f"ระดับ 3 ฉบับแก้ไข {province}", first[3][1])}
    assert reference_edit.revise_levels(hq.store, 7, revised, author=hq.username) == 2
    assert len(pending(hq)) == 1
    try:
        assert hq.synced().pushed == 1

        user = f"somchai{province}"
        lap = make_laptop(tmp_path, user, server, user)
        lap.synced()
        assert meanings(lap) == {**first, **revised}
        with pytest.raises(Exception) as err:
            reference_edit.revise_levels(lap.store, 7, {0: ("แก้เอง", "")})
        assert getattr(err.value, "code", None) == "hq_only"
        lap.store.set_setting("sync_role", "hq")
        reference_edit.revise_levels(lap.store, 7, {0: ("แก้เอง", ""), 2: ("แก้เอง", "")})
        lap.store.set_setting("sync_role", "province")
        assert len(pending(lap)) == 1
        summary = lap.sync()
        assert summary.rejected == 1, summary.describe("en")
        [rejected] = status.rejected_change_sets(lap.store)
        assert rejected.result_code == "forbidden"
        assert "Only HQ edits reference data" in (rejected.result_detail or "")
        assert meanings(lap) == {**first, **revised}  # undone
        lap.store.close()
    finally:
        reference_edit.revise_levels(hq.store, 7, first, author=hq.username)
        hq.synced()
    assert meanings(hq) == first
    hq.store.close()
