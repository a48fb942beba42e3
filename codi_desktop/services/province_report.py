"""The province development report (รายงานการพัฒนาจังหวัด): gathered from the records
into ``printing.province_report.ProvinceReport`` and printed; also the CLI's
``codi-desktop print province-report --fiscal-year 2569 [--province CODE] --out FILE``."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.formatting import bangkok_today, thai_date
from codi_core.models import (
    Attendance,
    AttendanceStatus,
    Community,
    Meeting,
    MeetingKind,
    Organization,
    Province,
)
from codi_desktop.printing import province_report as pr
from codi_desktop.store.database import Store

from . import assessment, indicators, plan, scope
from .documents import budget_report_data, centre_name
from .suggestions import HELD, _fy_moments

ORG_KIND_TH = {
    "tambon_council": "สภาองค์กรชุมชนตำบล", "welfare_fund": "กองทุนสวัสดิการชุมชน",
    "savings_group": "กลุ่มออมทรัพย์", "cooperative": "สหกรณ์", "network": "เครือข่าย",
    "committee": "คณะกรรมการ/คณะทำงาน", "community_org": "องค์กรชุมชน", "partner": "ภาคี",
}
MEETING_KIND_TH = {
    "provincial_committee": "ประชุมคณะกรรมการจังหวัด", "cluster": "ประชุมกลุ่มจังหวัด",
    "tambon_council": "ประชุมสภาองค์กรชุมชนตำบล", "working_group": "ประชุมคณะทำงาน",
    "partner_consultation": "หารือภาคี", "provincial_assembly": "สมัชชาจังหวัด",
}
KIND_TH = {"development_plan": "แผนพัฒนาจังหวัด", "policy_proposal": "ข้อเสนอเชิงนโยบาย"}


def report_data(store: Store, fiscal_year: int, province: str | None = None,
                as_of: dt.date | None = None) -> pr.ProvinceReport:
    if not isinstance(fiscal_year, int) or not 2500 <= fiscal_year <= 2700:
        raise ServiceError("fiscal_year_range", "fiscal_year")
    code = scope.one_province(store, province)
    start, end = _fy_moments(fiscal_year)
    with store.read() as s:
        name = s.scalar(sa.select(Province.name_th).where(Province.id == code)) or code
        organization = centre_name(s, code)
        n, with_hh, households, population = s.execute(
            sa.select(sa.func.count(), sa.func.count(Community.households),
                      sa.func.coalesce(sa.func.sum(Community.households), 0),
                      sa.func.coalesce(sa.func.sum(Community.population), 0))
            .where(Community.province_code == code, Community.deleted_at.is_(None))).one()
        communities = [pr.CountRow("ชุมชนทั้งหมด", n, f"มีข้อมูลครัวเรือน {with_hh:,} ชุมชน"),
                       pr.CountRow("ครัวเรือน", households),
                       pr.CountRow("ประชากร", population)]
        organizations = [pr.CountRow(ORG_KIND_TH.get(k.value, k.value), c) for k, c in s.execute(
            sa.select(Organization.kind, sa.func.count())
            .where(Organization.province_code == code, Organization.deleted_at.is_(None))
            .group_by(Organization.kind).order_by(sa.func.count().desc()))]
        budget = budget_report_data(s, fiscal_year, organization=organization,
                                    province_code=code)
        programs = [pr.ProgramRow(p.name, len(p.projects), p.approved, p.disbursed)
                    for p in budget.programs]
        held = [Meeting.province_code == code, Meeting.deleted_at.is_(None),
                Meeting.status.in_(HELD), Meeting.starts_at >= start, Meeting.starts_at < end]
        meetings = [pr.CountRow(MEETING_KIND_TH.get(k.value, k.value), c) for k, c in s.execute(
            sa.select(Meeting.kind, sa.func.count()).where(*held).group_by(Meeting.kind)
            .order_by(Meeting.kind))]
        assembly_line = None
        a = s.execute(sa.select(Meeting.id, Meeting.title, Meeting.starts_at, Meeting.place)
                      .where(*held, Meeting.kind == MeetingKind.PROVINCIAL_ASSEMBLY)
                      .order_by(Meeting.starts_at.desc()).limit(1)).first()
        if a is not None:
            came = s.scalar(sa.select(sa.func.count()).select_from(Attendance).where(
                Attendance.meeting_id == a.id, Attendance.deleted_at.is_(None),
                Attendance.status != AttendanceStatus.ABSENT)) or 0
            place = f" ณ {a.place}" if a.place else ""
            assembly_line = (f"{a.title} วันที่ {thai_date(a.starts_at)}{place} "
                             f"ผู้เข้าร่วม {came:,} คน")
    view = assessment.assessment_view(store, fiscal_year, code)
    info = assessment.criteria(store)
    criteria = [pr.CriterionRow(c.number, c.text_th,
                                view.scores[c.number].level if c.number in view.scores else 0,
                                view.last_year.get(c.number),
                                (view.scores[c.number].evidence or "") if c.number in view.scores
                                else "") for c in info]
    proposals = [pr.ProposalLine(p.title, KIND_TH.get(p.kind, p.kind),
                                 ", ".join(f"{x.agency} ({thai_date(x.submitted_on)})"
                                           for x in p.submissions),
                                 p.outcome, "; ".join(x.reason for x in p.submissions if x.reason))
                 for p in plan.proposals(store, fiscal_year, code)]
    inds = [pr.IndicatorLine(i.name, i.unit or "", i.target, i.actual)
            for i in indicators.province_indicators(store, fiscal_year, code)]
    return pr.ProvinceReport(
        province_name=name, fiscal_year=fiscal_year, organization=organization,
        as_of=as_of or bangkok_today(),
        communities=communities, organizations=organizations, programs=programs,
        meetings=meetings, assembly=assembly_line, pilot_status=view.pilot_status,
        assessment_status=view.status if view.id else None, criteria=criteria,
        proposals=proposals, indicators=inds)


def print_province_report(store: Store, fiscal_year: int, out, *, province: str | None = None,
                          thai_digits: bool = False) -> None:
    data = report_data(store, fiscal_year, province)
    pr.render_province_report(data, out, thai_digits=thai_digits)
