"""The assessment, plan and indicator services: suggested evidence matches the records
(counted here by hand), every write is one change set, the rules refuse locally."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.models import (
    Attendance,
    ChangeSet,
    Community,
    EvidenceLink,
    Indicator,
    Meeting,
    Membership,
    Organization,
    Person,
    Project,
    Subdistrict,
)
from codi_core.reference import reference_id
from codi_desktop.services import assessment, comparison, indicators, plan, suggestions

FY = 2569
IN_FY = dt.datetime(2026, 3, 1, 3, 0, tzinfo=dt.UTC)  # 1 Mar 2569 BE, inside FY 2569


def change_sets(store) -> int:
    with store.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(ChangeSet))


def tambons(store, n):
    with store.read() as s:
        return list(s.scalars(sa.select(Subdistrict.id).where(Subdistrict.province_id == "34")
                              .order_by(Subdistrict.id).limit(n)))


def test_no_assembly_no_suggestion_for_criterion_10_then_its_real_attendance(store):
    with store.action("meetings") as s:
        for i in range(2):
            s.add(Meeting(province_code="34", kind="provincial_committee", title=f"ประชุม {i}",
                          starts_at=IN_FY + dt.timedelta(days=i), status="held"))
        s.add(Meeting(province_code="34", kind="provincial_committee", title="ยังไม่ได้ประชุม",
                      starts_at=IN_FY, status="planned"))
    assert 10 not in suggestions.suggestions(store, "34", FY)

    with store.action("assembly") as s:
        m = Meeting(province_code="34", kind="provincial_assembly", title="สมัชชาจังหวัด",
                    starts_at=IN_FY + dt.timedelta(days=30), status="held")
        s.add(m)
        s.flush()
        for i, status in enumerate(["present", "present", "attendee", "absent"]):
            s.add(Attendance(province_code="34", meeting_id=m.id, person_name=f"คน {i}",
                             status=status))
    got = suggestions.suggestions(store, "34", FY)[10]
    assert got.fact("Meetings held this fiscal year") == 3
    assert got.fact("Assembly attendance") == 3  # the absent one did not come
    assert got.links[0].target_id == m.id
    assert "ผู้เข้าร่วมสมัชชา (คน) 3" in got.text("th")
    # Another fiscal year has no assembly: no suggestion there.
    assert 10 not in suggestions.suggestions(store, "34", FY + 1)


def test_criterion_1_counts_organizations_partners_and_links(store):
    with store.action("orgs") as s:
        net = Organization(province_code="34", name="เครือข่ายบ้านมั่นคง", kind="network")
        a = Organization(province_code="34", name="องค์กร ก", kind="community_org")
        b = Organization(province_code="34", name="องค์กร ข", kind="community_org")
        p1 = Organization(province_code="34", name="อบจ.", kind="partner", sector="local_government")
        p2 = Organization(province_code="34", name="มหาวิทยาลัย", kind="partner", sector="academic")
        gone = Organization(province_code="34", name="ลบแล้ว", kind="savings_group",
                            deleted_at=dt.datetime.now(dt.UTC))
        person = Person(province_code="34", first_name="สมชาย")
        s.add_all([net, a, b, p1, p2, gone, person])
        s.flush()
        for org in (net, a, p1):
            s.add(Membership(province_code="34", person_id=person.id, organization_id=org.id))
    got = suggestions.suggestions(store, "34", FY)[1]
    assert got.fact("Organizations") == 5
    assert got.fact("Kinds of organization") == 3
    assert got.fact("Partners") == 2
    assert got.fact("Networks") == 1
    assert got.fact("Organizations linked in networks") == 2  # a and p1 share a member with net
    assert got.level == 3


def test_plan_outcomes_suggest_criterion_2_and_each_write_is_one_change_set(store):
    before = change_sets(store)
    issue = plan.add_issue(store, plan.IssueData(FY, "ที่ดินทำกิน", analysis="วิเคราะห์แล้ว"))
    ids = [plan.save_proposal(store, plan.ProposalData(FY, kind, f"ข้อเสนอ {i}", issue_id=issue))
           for i, kind in enumerate(["development_plan", "policy_proposal", "development_plan"])]
    s1 = plan.submit_proposal(store, ids[0], "สำนักงานจังหวัด", dt.date(2026, 1, 10))
    s2 = plan.submit_proposal(store, ids[1], "อบจ.", dt.date(2026, 1, 12))
    assert change_sets(store) == before + 6
    plan.record_outcome(store, s1, "accepted", dt.date(2026, 2, 1))
    assert change_sets(store) == before + 7
    with pytest.raises(ServiceError) as err:
        plan.record_outcome(store, s2, "declined", dt.date(2026, 2, 1))
    assert err.value.code == "outcome_needs_reason" and "เหตุผล" in err.value.message("th")
    assert change_sets(store) == before + 7  # the refusal wrote nothing
    plan.record_outcome(store, s2, "declined", dt.date(2026, 2, 1), reason="งบประมาณไม่พอ")

    rows = {r.id: r for r in plan.proposals(store, FY)}
    assert rows[ids[0]].outcome == "accepted" and rows[ids[0]].status == "accepted"
    assert rows[ids[1]].outcome == "declined" and rows[ids[1]].submissions[0].reason
    assert rows[ids[2]].outcome == "not_submitted"
    assert plan.proposals_by_outcome(store, FY) == {
        "accepted": 1, "pending": 0, "declined": 1, "not_submitted": 1}
    got = suggestions.suggestions(store, "34", FY)
    assert (got[2].fact("Plan proposals"), got[2].fact("Submitted to agencies"),
            got[2].fact("Accepted by agencies")) == (3, 2, 1)
    assert got[4].fact("Issues analysed") == 1 and got[4].fact("Policy proposals") == 1


def test_tambon_coverage_and_records_completeness(store):
    t = tambons(store, 3)
    with store.action("projects") as s:
        s.add(Community(province_code="34", name="ชุมชน ก", households=40))
        s.add(Community(province_code="34", name="ชุมชน ข"))
        p1 = Project(province_code="34", code="P1", name="โครงการ 1", fiscal_year=FY,
                     program_id=reference_id("program", "leadership"), subdistrict_id=t[0],
                     status="approved")
        p2 = Project(province_code="34", code="P2", name="โครงการ 2", fiscal_year=FY,
                     program_id=reference_id("program", "welfare"), status="approved")
        s.add_all([p1, p2])
        s.flush()
        ind = Indicator(province_code="34", project_id=p1.id, name="ผู้นำที่ผ่านการอบรม",
                        unit="คน", target=30)
        s.add(ind)
    indicators.add_target(store, p2.id, "subdistrict", t[1])
    indicators.add_target(store, p2.id, "subdistrict", t[0])  # already counted via p1
    before = change_sets(store)
    indicators.update_actual(store, ind.id, 25)
    assert change_sets(store) == before + 1
    got = suggestions.suggestions(store, "34", FY)
    assert got[8].fact("Tambons with projects") == 2
    with store.read() as s:
        all_tambons = s.scalar(sa.select(sa.func.count()).select_from(Subdistrict)
                               .where(Subdistrict.province_id == "34"))
    assert got[8].fact("Tambons in the province") == all_tambons
    assert got[3].fact("Communities with households") == 1
    assert got[3].fact("Projects with indicators reported") == 1
    assert got[9].fact("People trained") == 25


def test_save_assessment_with_a_suggestion_is_one_change_set_and_reads_back(store):
    with store.action("net") as s:
        s.add(Organization(province_code="34", name="เครือข่าย", kind="network"))
    sugg = suggestions.suggestions(store, "34", FY)[1]
    draft = assessment.assessment_view(store, FY).draft()
    draft.assessors = "นายสมชาย\nนางมาลี"
    draft.scores[1] = suggestions.apply_suggestion(assessment.ScoreDraft(1), sugg)
    draft.scores[2] = assessment.ScoreDraft(2, 2, "มีแผนพัฒนาจังหวัด")
    before = change_sets(store)
    aid = assessment.save_assessment(store, draft)
    assert change_sets(store) == before + 1
    view = assessment.assessment_view(store, FY)
    assert view.id == aid and view.levels()[:2] == [sugg.level, 2]
    assert view.scores[1].suggested and "เครือข่าย 1" in view.scores[1].evidence
    with store.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(EvidenceLink)) == 1
    # Saving the same again writes nothing new but one (empty-change) action is fine.
    assessment.save_assessment(store, view.draft())
    with store.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(EvidenceLink)
                        .where(EvidenceLink.deleted_at.is_(None))) == 1
    with pytest.raises(ServiceError) as err:
        bad = view.draft()
        bad.scores[3] = assessment.ScoreDraft(3, 5)
        assessment.save_assessment(store, bad)
    assert "0 ถึง 4" in err.value.message("th")


def test_province_user_cannot_certify_and_agreement_needs_its_meeting(store):
    aid = assessment.save_assessment(store, assessment.AssessmentDraft(
        FY, scores={10: assessment.ScoreDraft(10, 3)}))
    before = change_sets(store)
    with pytest.raises(ServiceError) as err:
        assessment.certify_assessment(store, aid)
    assert err.value.code == "certify_hq_only"
    assert "ส่วนกลาง" in err.value.message("th") and "HQ" in err.value.message("en")
    with pytest.raises(ServiceError) as err:
        assessment.agree_assessment(store, aid, None)
    assert err.value.code == "agree_needs_meeting"
    with pytest.raises(ServiceError):
        assessment.set_pilot_status(store, "34", FY, "pilot")
    assert change_sets(store) == before
    with store.action("meeting") as s:
        m = Meeting(province_code="34", kind="provincial_committee", title="ประชุมคณะกรรมการ",
                    starts_at=IN_FY, status="held")
        s.add(m)
    assessment.agree_assessment(store, aid, m.id, dt.date(2026, 3, 1))
    assert assessment.assessment_view(store, FY).status == "agreed"
    store.set_setting("sync_role", "hq")
    assessment.certify_assessment(store, aid, dt.date(2026, 4, 1))
    view = assessment.assessment_view(store, FY)
    assert view.status == "certified" and view.certified_on == dt.date(2026, 4, 1)
    store.set_setting("sync_role", "province")
    with pytest.raises(ServiceError) as err:
        assessment.save_assessment(store, view.draft())
    assert err.value.code == "assessment_certified"


def test_last_year_levels_beside_this_year(store):
    assessment.save_assessment(store, assessment.AssessmentDraft(
        FY - 1, scores={n: assessment.ScoreDraft(n, 1) for n in range(1, 11)}))
    assessment.save_assessment(store, assessment.AssessmentDraft(
        FY, scores={n: assessment.ScoreDraft(n, 2 if n % 2 else 3) for n in range(1, 11)}))
    view = assessment.assessment_view(store, FY)
    assert view.last_year == {n: 1 for n in range(1, 11)}
    assert view.levels() == [2, 3] * 5
    levels = assessment.criteria(store)
    assert len(levels) == 10 and all(len(c.levels) == 5 and c.levels[4][0] for c in levels)


def test_comparison_ranks_provinces_by_readiness(store):
    store.set_setting("sync_role", "cluster")
    store.set_setting("sync_scope", ["34", "35", "33", "37"])
    store.set_setting("province_code", None)
    plan_levels = {"34": 2, "35": 4, "33": 1}  # 37 not assessed
    for code, lv in plan_levels.items():
        assessment.save_assessment(store, assessment.AssessmentDraft(
            FY, province=code, scores={n: assessment.ScoreDraft(n, lv) for n in range(1, 11)}))
    assessment.set_pilot_status(store, "35", FY, "pilot")
    rows = comparison.comparison(store, FY)
    assert [r.province for r in rows] == ["35", "34", "33", "37"]
    assert rows[0].readiness == 100.0 and rows[0].pilot_status == "pilot"
    assert rows[-1].status is None and rows[-1].levels == (0,) * 10
    by_name = comparison.comparison(store, FY, sort="name", descending=False)
    assert [r.name for r in by_name] == sorted(r.name for r in rows)
    with pytest.raises(ServiceError):
        plan.issues(store, FY, province="10")  # outside the cluster


def test_hq_edits_reference_data_and_nobody_else(store):
    from codi_core.models import CriterionLevel, Province, ProvinceCluster
    from codi_desktop.services import reference_edit

    before = change_sets(store)
    for call in (lambda: reference_edit.save_cluster(store, "new", "กลุ่มใหม่", "New", "north"),
                 lambda: reference_edit.move_province(store, "34", "east"),
                 lambda: reference_edit.revise_level(store, 1, 4, "ความหมายใหม่")):
        with pytest.raises(ServiceError) as err:
            call()
        assert err.value.code == "hq_only"
    assert change_sets(store) == before
    store.set_setting("sync_role", "hq")
    cid = reference_edit.save_cluster(store, "isan_test", "กลุ่มทดสอบ", "Test", "northeast")
    reference_edit.move_province(store, "34", "isan_test")
    reference_edit.revise_level(store, 1, 4, "ความหมายใหม่ของระดับ 4")
    assert change_sets(store) == before + 3
    with store.read() as s:
        assert s.get(Province, "34").cluster_id == cid
        assert s.get(ProvinceCluster, cid).name_th == "กลุ่มทดสอบ"
        assert s.get(CriterionLevel, reference_id("criterion_level", "1:4")).text_th \
            == "ความหมายใหม่ของระดับ 4"
    assert assessment.criteria(store)[0].levels[4][0] == "ความหมายใหม่ของระดับ 4"


def test_a_wide_account_writes_only_to_the_province_it_names(store):
    """The working province (a list page's selector) serves the list's own forms; a page
    that names no province gets a clear error, never the list's province by chance."""
    from codi_desktop.services import communities, plan, scope

    store.set_setting("province_code", None)
    store.set_setting("sync_role", "cluster")
    store.set_setting("sync_scope", ["34", "35"])
    with pytest.raises(ServiceError) as err:
        communities.create_community(store, communities.CommunityData(name="ชุมชน ก"))
    assert err.value.code == "choose_province"
    assert "เลือกจังหวัด" in err.value.message("th")
    scope.set_working_province(store, "35")
    cid = communities.create_community(store, communities.CommunityData(name="ชุมชน ก"))
    from codi_core.models import Community, PlanProposal

    with store.read() as s:
        assert s.get(Community, cid).province_code == "35"
    with pytest.raises(ServiceError) as err:
        plan.save_proposal(store, plan.ProposalData(2569, "development_plan", "ที่ดิน"))
    assert err.value.code == "choose_province"
    pid = plan.save_proposal(store, plan.ProposalData(2569, "development_plan", "ที่ดิน",
                                                      province="34"))
    with store.read() as s:
        assert s.get(PlanProposal, pid).province_code == "34"
    with pytest.raises(ServiceError) as err:
        scope.set_working_province(store, "10")
    assert err.value.code == "not_in_scope"
