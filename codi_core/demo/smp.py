"""The demo's self-managing province: assessments, plan proposals, evidence, plan issues,
submissions and the province's indicators."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from typing import Any

from codi_core.models import (
    Assessment,
    AssessmentStatus,
    CriterionScore,
    EvidenceLink,
    MeetingKind,
    MeetingStatus,
    OrganizationKind,
    Outcome,
    PilotStatus,
    PlanIssue,
    PlanProposal,
    ProjectTarget,
    ProposalKind,
    ProposalStatus,
    ProposalSubmission,
    ProvinceIndicator,
)
from codi_core.reference import reference_id

from .base import FISCAL_YEARS, LAST_FY, GeneratorBase, fy_end, fy_start
from .words import CRITERION_EVIDENCE, POLICY_PROPOSALS, PROVINCE_INDICATORS


class SelfManagingMixin(GeneratorBase):
    """The ten criteria assessed each year, and the plan that follows."""

    # -- the self-managing province assessment -------------------------------------------

    def assessments(self) -> list[dict[str, Any]]:
        rng = self.rng
        self.fix_action_links()
        rows: list[dict[str, Any]] = []
        self.scores: list[dict[str, Any]] = []
        self.proposals: list[dict[str, Any]] = []
        pilot_from = rng.randint(2563, 2566)
        pilot_kind = PilotStatus.PILOT if rng.random() < 0.5 else PilotStatus.EXPANSION
        base = [rng.uniform(0.3, 1.5) for _ in range(10)]
        networks = len(self.orgs_by_kind[OrganizationKind.NETWORK])
        self._assessment_rows = rows
        for i, fy in enumerate(FISCAL_YEARS):
            assessed = min(self.today, dt.date(fy - 543, rng.randint(7, 9), rng.randint(1, 28)))
            created = self.moment(assessed)
            a = self.row(
                Assessment, created, fiscal_year=fy,
                pilot_status=pilot_kind if fy >= pilot_from else PilotStatus.NONE,
                assessed_on=assessed,
                notes=f"ผลการประเมินตนเองตามคุณสมบัติจังหวัดจัดการตนเอง 10 ข้อ ปีงบประมาณ {fy}")
            rows.append(a)
            assembly = self.assembly_of_fy.get(fy)
            fy_projects = self.projects_by_fy.get(fy, [])
            for n in range(1, 11):
                level = max(0, min(4, round(base[n - 1] + i * rng.uniform(0.2, 0.4))))
                evidence = CRITERION_EVIDENCE[n - 1].format(
                    n={1: networks, 3: len(self.community_rows), 5: len(self.working_groups),
                       8: len(fy_projects), 9: rng.randint(20, 80),
                       10: self.attendance_of.get(assembly["id"], 0) if assembly else 0,
                       }.get(n, 0),
                    m={1: len(self.partner_orgs), 4: rng.randint(1, 5),
                       8: len({pr["subdistrict_id"] for pr in fy_projects})}.get(n, 0))
                self.scores.append(self.row(
                    CriterionScore, created, assessment_id=a["id"],
                    criterion_id=reference_id("criterion", str(n)), level=level,
                    evidence=evidence,
                    meeting_id=assembly["id"] if n == 10 and assembly and
                    assembly["started_at"] else None,
                    project_id=rng.choice(fy_projects)["id"] if n == 8 and fy_projects else None))
            # Plans and proposals adopted by the year's assembly.
            held = assembly is not None and assembly["started_at"] is not None
            proposals = [(ProposalKind.DEVELOPMENT_PLAN,
                          f"แผนพัฒนาจังหวัด{self.pname}ของขบวนองค์กรชุมชน ปี {fy + 1}",
                          f"คณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.) จังหวัด{self.pname}")]
            policy = [(t, to.format(province=self.pname)) for t, to in POLICY_PROPOSALS]
            for title, to in rng.sample(policy, rng.randint(0, 2)):
                proposals.append((ProposalKind.POLICY_PROPOSAL, title, to))
            for kind, title, to in proposals:
                day = assembly["starts_at"].date() if assembly else assessed
                if not held:
                    status = ProposalStatus.DRAFT
                elif fy == LAST_FY:
                    status = ProposalStatus.ADOPTED if rng.random() < 0.6 else ProposalStatus.SUBMITTED
                else:
                    status = rng.choices(
                        (ProposalStatus.ACCEPTED, ProposalStatus.SUBMITTED, ProposalStatus.DECLINED),
                        weights=(6, 3, 1))[0]
                submitted = (day + dt.timedelta(days=rng.randint(14, 45))
                             if status not in (ProposalStatus.DRAFT, ProposalStatus.ADOPTED)
                             else None)
                if submitted and submitted > self.today:
                    submitted, status = None, ProposalStatus.ADOPTED
                self.proposals.append(self.row(
                    PlanProposal, self.moment(day - dt.timedelta(days=30)),
                    self.moment(submitted or day), fiscal_year=fy, kind=kind, title=title,
                    description=f"{title} จัดทำโดยขบวนองค์กรชุมชนจังหวัด{self.pname} "
                                "ผ่านเวทีสมัชชาองค์กรชุมชนจังหวัด",
                    status=status, meeting_id=assembly["id"] if held else None,
                    submitted_to=to if submitted else None, submitted_on=submitted))
        return rows

    # -- the self-managing province: status, evidence, plan, indicators (issue 11) ------
    # A separate random stream, so the rows made before stay exactly as they were.

    def self_managing_province(self) -> dict[str, list[dict[str, Any]]]:
        rng = random.Random(f"codi-demo-smp/{self.pc}/{self.scale.name}")
        out: dict[str, list[dict[str, Any]]] = {
            "targets": [], "links": [], "issues": [], "submissions": [], "indicators": []}
        held = (MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT,
                MeetingStatus.MINUTES_CERTIFIED, MeetingStatus.LOCKED)
        committee = sorted((m for m in self.meeting_rows
                            if m["kind"] is MeetingKind.PROVINCIAL_COMMITTEE
                            and m["status"] in held), key=lambda m: m["starts_at"])
        assessors = [self.full_name(p) for p in self.staff[:3]]
        networks = self.orgs_by_kind[OrganizationKind.NETWORK]
        by_assessment: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for sc in self.scores:
            by_assessment[sc["assessment_id"]].append(sc)
        proposals_by_fy: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for p in self.proposals:
            proposals_by_fy[p["fiscal_year"]].append(p)
        for a in self._assessment_rows:
            fy = a["fiscal_year"]
            a["assessors"] = "\n".join(assessors)
            agreed_in = next((m for m in committee
                              if m["starts_at"].date() > a["assessed_on"]
                              and m["starts_at"].date() <= self.today), None)
            if fy < LAST_FY and agreed_in is not None:
                a["status"] = AssessmentStatus.AGREED
                a["agreed_meeting_id"] = agreed_in["id"]
                a["agreed_on"] = agreed_in["starts_at"].date()
                if a["pilot_status"] is not PilotStatus.NONE and fy < LAST_FY - 1:
                    a["status"] = AssessmentStatus.CERTIFIED
                    a["certified_on"] = min(self.today, a["agreed_on"] + dt.timedelta(days=30))
                    a["certified_by"] = "hq.assessment"
                a["updated_at"] = min(self.now, self.moment(a["agreed_on"]))
            for sc in by_assessment[a["id"]]:
                n = int(next(k for k in range(1, 11)
                             if sc["criterion_id"] == reference_id("criterion", str(k))))
                links = []
                if sc["meeting_id"]:
                    links.append(("meeting", sc["meeting_id"], f"สมัชชาจังหวัด ปี {fy}"))
                if sc["project_id"]:
                    pr = self.project_by_id[sc["project_id"]]
                    links.append(("project", pr["id"], pr["name"][:500]))
                if n == 1:
                    links += [("organization", o["id"], o["name"]) for o in networks[:2]]
                if n in (2, 4):
                    links += [("proposal", p["id"], p["title"]) for p in proposals_by_fy[fy][:2]]
                for kind, target, label in links:
                    out["links"].append(self.row(
                        EvidenceLink, sc["created_at"], criterion_score_id=sc["id"], kind=kind,
                        target_id=target, label=label, suggested=rng.random() < 0.5))
        issues = [("ที่ดินทำกินและที่อยู่อาศัยไม่มั่นคง", "ครัวเรือนจำนวนมากอยู่ในที่ดินรัฐโดยไม่มีสิทธิ"),
                  ("หนี้สินครัวเรือนและรายได้ไม่พอ", "ชุมชนต้องการเศรษฐกิจฐานรากและกองทุน"),
                  ("ภัยพิบัติน้ำท่วมและภัยแล้ง", "ตำบลริมน้ำถูกน้ำท่วมซ้ำทุกปี"),
                  ("สวัสดิการผู้สูงอายุและคนเปราะบาง", "กองทุนสวัสดิการยังครอบคลุมไม่ทั่วถึง")]
        for fy in FISCAL_YEARS:
            mine = []
            for title, analysis in rng.sample(issues, 2):
                assembly = self.assembly_of_fy.get(fy)
                day = assembly["starts_at"] if assembly else self.moment(fy_start(fy))
                row = self.row(PlanIssue, min(self.now, day - dt.timedelta(days=45)),
                               fiscal_year=fy, title=title,
                               analysis=analysis if rng.random() < 0.8 else None,
                               meeting_id=assembly["id"] if assembly else None)
                out["issues"].append(row)
                mine.append(row)
            for p in proposals_by_fy[fy]:
                p["issue_id"] = rng.choice(mine)["id"]
        declined_reasons = ["ไม่อยู่ในกรอบงบประมาณของหน่วยงาน", "ให้รวมกับแผนของท้องถิ่นแทน"]
        for p in self.proposals:
            if not p["submitted_on"]:
                continue
            agencies = [p["submitted_to"]]
            if rng.random() < 0.3:
                agencies.append(f"องค์การบริหารส่วนจังหวัด{self.pname}")
            for i, agency in enumerate(agencies):
                submitted = p["submitted_on"] + dt.timedelta(days=7 * i)
                if submitted > self.today:
                    continue
                if p["status"] is ProposalStatus.ACCEPTED and i == 0:
                    outcome = Outcome.ACCEPTED
                elif p["status"] is ProposalStatus.DECLINED:
                    outcome = Outcome.DECLINED
                else:
                    outcome = Outcome.PENDING
                decided = (None if outcome is Outcome.PENDING else
                           min(self.today, submitted + dt.timedelta(days=rng.randint(20, 90))))
                out["submissions"].append(self.row(
                    ProposalSubmission, self.moment(submitted),
                    self.moment(decided) if decided else None,
                    proposal_id=p["id"], agency=agency[:300], submitted_on=submitted,
                    outcome=outcome, decided_on=decided,
                    reason=rng.choice(declined_reasons) if outcome is Outcome.DECLINED else None))
        orgs = self.orgs_by_kind[OrganizationKind.COMMUNITY_ORG] or networks
        for pr in self.project_rows:
            if rng.random() < 0.15 and pr["subdistrict_id"]:
                code = rng.choice(self.tambons)[0]
                if code != pr["subdistrict_id"]:
                    out["targets"].append(self.row(ProjectTarget, pr["created_at"],
                                                   project_id=pr["id"], subdistrict_id=code))
                if orgs:
                    o = rng.choice(orgs)
                    if o["id"] != pr["organization_id"]:
                        out["targets"].append(self.row(ProjectTarget, pr["created_at"],
                                                       project_id=pr["id"],
                                                       organization_id=o["id"]))
        indicators = PROVINCE_INDICATORS
        for i, fy in enumerate(FISCAL_YEARS):
            for name, unit, size in indicators:
                base = round(size * (0.5 + 0.08 * i))
                target = round(base * 1.15)
                actual = (round(target * rng.uniform(0.7, 1.05)) if fy < LAST_FY
                          else round(target * rng.uniform(0.3, 0.8)))
                out["indicators"].append(self.row(
                    ProvinceIndicator, self.moment(fy_start(fy)),
                    self.moment(min(self.today, fy_end(fy))), fiscal_year=fy, name=name,
                    unit=unit, baseline=base, target=target, actual=actual))
        return out
