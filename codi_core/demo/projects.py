"""The demo's projects, their indicators and the budget ledger."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from codi_core.models import (
    CommunityKind,
    FundingType,
    Indicator,
    LedgerEntry,
    LedgerKind,
    OrganizationKind,
    Project,
    ProjectStatus,
)
from codi_core.reference import PROGRAMS, reference_id

from .base import FISCAL_YEARS, LAST_FY, GeneratorBase, fy_end, fy_start, split_amount
from .words import HAZARDS, INDICATORS, PROGRAM_ABBR, PROGRAM_WEIGHTS


class ProjectsMixin(GeneratorBase):
    """Projects per fiscal year and program; the ledger that pays them."""

    # -- projects ------------------------------------------------------------------------

    def projects(self) -> list[dict[str, Any]]:
        rng = self.rng
        p = self.pname
        n = self.scale.projects
        growth = [0.75 + 0.05 * i for i in range(len(FISCAL_YEARS))]
        fys = rng.choices(FISCAL_YEARS, weights=growth, k=n)
        fys.sort()
        programs = list(PROGRAM_WEIGHTS)
        self.project_rows: list[dict[str, Any]] = []
        self.indicators: list[dict[str, Any]] = []
        self.project_amount: dict[str, int] = {}
        self.project_program: dict[str, str] = {}
        self.project_proposed: dict[str, dt.date] = {}
        counter: dict[tuple[str, int], int] = defaultdict(int)
        K = OrganizationKind
        by_kind = self.orgs_by_kind
        for fy in fys:
            program = rng.choices(programs, weights=list(PROGRAM_WEIGHTS.values()))[0]
            tambon_code, tambon_name, district = rng.choice(self.tambons)
            community = None
            comms = self.communities_by_tambon[tambon_code]
            households = None
            if program == "baan_mankong":
                o = rng.choice(by_kind[K.COOPERATIVE] + by_kind[K.SAVINGS_GROUP][:20])
                community = self._community_of(o) or rng.choice(comms or self.community_rows)
                households = rng.randint(30, 250)
                name = f"โครงการบ้านมั่นคงชุมชน{self.community_short[community['id']]}"
                per_house = rng.randint(45, 80) * 1000
            elif program == "baan_porpeang":
                o = self.council_of[tambon_code]
                households = rng.randint(8, 40)
                name = (f"โครงการบ้านพอเพียง {self.T}{tambon_name} "
                        f"{self.A}{self.district_names[district]}")
                per_house = 19_500
            elif program == "canal_housing":
                canal = [c for c in self.community_rows if c["kind"] is CommunityKind.CANAL_SIDE]
                community = rng.choice(canal or self.community_rows)
                o = self._org_in(community) or self.council_of[community["subdistrict_id"]]
                households = rng.randint(20, 150)
                name = f"โครงการพัฒนาที่อยู่อาศัยชุมชน{self.community_short[community['id']]}"
                per_house = rng.randint(60, 120) * 1000
            elif program == "homeless":
                o = by_kind[K.NETWORK][3] if len(by_kind[K.NETWORK]) > 3 else by_kind[K.NETWORK][0]
                households = rng.randint(15, 80)
                name = rng.choice((f"โครงการพัฒนาคุณภาพชีวิตคนไร้บ้านจังหวัด{p}",
                                   f"โครงการศูนย์พักคนไร้บ้านจังหวัด{p}",
                                   f"โครงการสร้างอาชีพและรายได้คนไร้บ้านจังหวัด{p}"))
                per_house = rng.randint(15, 40) * 1000
            elif program == "welfare":
                o = self.welfare_of.get(tambon_code) or rng.choice(by_kind[K.WELFARE_FUND])
                tambon_code = o["subdistrict_id"]
                tambon_name = self.tambon_name[tambon_code]
                name = rng.choice((f"โครงการสนับสนุนกองทุนสวัสดิการชุมชน{self.T}{tambon_name}",
                                   f"โครงการพัฒนาระบบสวัสดิการชุมชน{self.T}{tambon_name}"))
                per_house = 0
            elif program == "community_economy":
                o = rng.choice(by_kind[K.COMMUNITY_ORG] or by_kind[K.SAVINGS_GROUP])
                community = self._community_of(o)
                name = f"โครงการพัฒนาเศรษฐกิจชุมชน{o['name']}"
                per_house = 0
            elif program == "environment":
                x = self.community_short[rng.choice(comms)["id"]] if comms else tambon_name
                o = self.council_of[tambon_code]
                name = rng.choice((f"โครงการป่าชุมชน{x}", f"โครงการจัดการทรัพยากรน้ำชุมชน{x}",
                                   f"โครงการจัดการขยะและสิ่งแวดล้อมชุมชน{x}",
                                   f"โครงการเกษตรกรรมยั่งยืน{self.T}{tambon_name}"))
                per_house = 0
            elif program == "disaster":
                o = self.council_of[tambon_code]
                hazard = rng.choice(HAZARDS)
                households = rng.randint(10, 120)
                name = f"โครงการฟื้นฟูชุมชนหลัง{hazard} {self.T}{tambon_name}"
                per_house = rng.randint(5, 15) * 1000
            elif program == "council_support":
                o = self.council_of[tambon_code]
                name = f"โครงการสนับสนุนการดำเนินงานสภาองค์กรชุมชน{self.T}{tambon_name}"
                per_house = 0
            else:  # leadership
                o = rng.choice(self.working_groups + by_kind[K.NETWORK][:3])
                name = rng.choice((f"โครงการพัฒนาศักยภาพแกนนำขบวนองค์กรชุมชนจังหวัด{p}",
                                   f"โครงการโรงเรียนผู้นำชุมชนจังหวัด{p}",
                                   f"โครงการพัฒนาผู้นำรุ่นใหม่ขบวนองค์กรชุมชนจังหวัด{p}"))
                per_house = 0
            if community is not None:
                tambon_code = community["subdistrict_id"]
            elif o["subdistrict_id"]:
                tambon_code = o["subdistrict_id"]
            elif program in ("homeless", "leadership"):
                tambon_code = None  # province-wide
            district = self.tambon_district.get(tambon_code or "", o["district_id"])
            if per_house and households:
                amount = households * per_house
            else:
                amount = {"welfare": (50, 300), "community_economy": (50, 500),
                          "environment": (50, 300), "council_support": (30, 100),
                          "leadership": (80, 400), "homeless": (300, 2000)}.get(
                              program, (100, 500))
                amount = rng.randint(*amount) * 1000
            amount = max(10_000, amount // 1000 * 1000) * 100  # whole thousands of baht
            funding = (FundingType.LOAN if program in ("baan_mankong", "canal_housing")
                       and rng.random() < 0.3 else FundingType.SUBSIDY)
            if funding is FundingType.LOAN:
                amount *= 4
            fy_first, fy_last = fy_start(fy), fy_end(fy)
            proposed = self.day_between(fy_first - dt.timedelta(days=60),
                                        fy_first + dt.timedelta(days=150))
            starts = proposed + dt.timedelta(days=rng.randint(30, 90))
            months = 12 if program in ("baan_mankong", "canal_housing") else 6
            ends = starts + dt.timedelta(days=rng.randint(60, 30 * months + 60))
            if ends > fy_last and program not in ("baan_mankong", "canal_housing"):
                ends = max(starts, fy_last)
            roll = rng.random()
            if fy == LAST_FY and roll > 0.88:
                # Still waiting for approval: proposed in the last few months.
                proposed = self.day_between(self.today - dt.timedelta(days=100),
                                            self.today - dt.timedelta(days=5))
                starts = proposed + dt.timedelta(days=rng.randint(45, 90))
                ends = starts + dt.timedelta(days=rng.randint(60, 30 * months + 60))
                status = ProjectStatus.PROPOSED
            elif proposed > self.today - dt.timedelta(days=45):
                status = ProjectStatus.PROPOSED
            elif roll < 0.025:
                status = ProjectStatus.CANCELLED
            elif starts > self.today:
                status = ProjectStatus.APPROVED
            elif ends >= self.today:
                status = ProjectStatus.IN_PROGRESS
            else:
                status = ProjectStatus.COMPLETED
            counter[(program, fy)] += 1
            code = f"{PROGRAM_ABBR[program]}-{fy}-{self.pc}-{counter[(program, fy)]:03d}"
            created = self.moment(min(proposed, self.today))
            last = min(self.today, ends if status is ProjectStatus.COMPLETED else self.today)
            pr = self.row(
                Project, created, self.moment(max(proposed, last)),
                code=code, name=name, program_id=reference_id("program", program),
                fiscal_year=fy, organization_id=o["id"],
                community_id=community["id"] if community else None,
                subdistrict_id=tambon_code if tambon_code in self.tambon_name else None,
                district_id=district, status=status, funding_type=funding,
                households=households, starts_on=starts, ends_on=ends,
                description=f"{name} ดำเนินการโดย{o['name']}",
            )
            self.project_proposed[pr["id"]] = proposed
            self.project_rows.append(pr)
            self.project_amount[pr["id"]] = amount
            self.project_program[pr["id"]] = program
            for ind_name, unit in INDICATORS[program][: rng.randint(1, 2)]:
                target = households if households and unit in ("ครัวเรือน", "หลัง", "คน") else (
                    rng.randint(5, 200))
                if status is ProjectStatus.COMPLETED:
                    actual = max(0, round(target * rng.uniform(0.85, 1.05)))
                elif status is ProjectStatus.IN_PROGRESS:
                    actual = round(target * rng.uniform(0.1, 0.8))
                else:
                    actual = None
                self.indicators.append(self.row(
                    Indicator, created, pr["updated_at"], project_id=pr["id"], name=ind_name,
                    unit=unit, target=target, actual=actual))
        self.project_by_id = {pr["id"]: pr for pr in self.project_rows}
        self.projects_by_fy: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for pr in self.project_rows:
            self.projects_by_fy[pr["fiscal_year"]].append(pr)
        return self.project_rows

    def _community_of(self, o: dict[str, Any]) -> dict[str, Any] | None:
        cid = o["community_id"]
        if cid is None:
            return None
        return self.community_by_id[cid]

    def _org_in(self, community: dict[str, Any]) -> dict[str, Any] | None:
        for kind in (OrganizationKind.COOPERATIVE, OrganizationKind.SAVINGS_GROUP):
            for o in self.orgs_by_kind[kind]:
                if o["community_id"] == community["id"]:
                    return o
        return None

    # -- the budget ledger ---------------------------------------------------------------

    def ledger(self) -> list[dict[str, Any]]:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        staff = [self.full_name(s) for s in self.staff]
        doc_no = defaultdict(int)
        net_approved: dict[tuple[str, int], int] = defaultdict(int)
        first_approval: dict[tuple[str, int], dt.date] = {}

        def entry(kind: LedgerKind, fy: int, program_id: str, amount: int, day: dt.date,
                  project: dict[str, Any] | None = None, tranche: int | None = None,
                  reverses: dict[str, Any] | None = None, note: str | None = None
                  ) -> dict[str, Any]:
            if amount <= 0:
                raise AssertionError(f"ledger amounts are positive: {kind} {amount}")
            be = day.year + 543
            doc_no[be] += 1
            created = self.moment(day)
            r = self.row(
                LedgerEntry, created, kind=kind, fiscal_year=fy, program_id=program_id,
                project_id=project["id"] if project else None, amount_satang=amount,
                tranche_no=tranche, entry_date=day,
                reverses_id=reverses["id"] if reverses else None,
                reference=f"พอช. {doc_no[be]}/{be}", note=note,
                recorded_by=rng.choice(staff),
            )
            rows.append(r)
            return r

        def reverse(target: dict[str, Any], day: dt.date, why: str) -> dict[str, Any]:
            return entry(LedgerKind.REVERSAL, target["fiscal_year"], target["program_id"],
                         target["amount_satang"], day, project=self._project(target),
                         reverses=target, note=f"กลับรายการ {target['reference']}: {why}")

        project_entries: list[dict[str, Any]] = []
        for pr in self.project_rows:
            status = pr["status"]
            if status is ProjectStatus.PROPOSED:
                continue
            fy, program_id = pr["fiscal_year"], pr["program_id"]
            approved = self.project_amount[pr["id"]]
            approved_on = min(max(self.project_proposed[pr["id"]] + dt.timedelta(days=rng.randint(14, 45)),
                                  fy_start(fy) + dt.timedelta(days=20)),
                              pr["starts_on"], self.today)
            key = (self.project_program[pr["id"]], fy)
            first_approval[key] = min(first_approval.get(key, approved_on), approved_on)
            start = len(rows)
            approval = entry(LedgerKind.APPROVAL, fy, program_id, approved, approved_on, pr,
                             note="อนุมัติโครงการ")
            if status is ProjectStatus.CANCELLED:
                reverse(approval,
                        min(self.today, approved_on + dt.timedelta(days=rng.randint(20, 90))),
                        "ยกเลิกโครงการ")
                project_entries.extend(rows[start:])
                continue
            net_approved[key] += approved
            program = self.project_program[pr["id"]]
            n_tranches = rng.randint(4, 6) if program in ("baan_mankong", "canal_housing") \
                else rng.randint(2, 4)
            tranches = split_amount(approved, n_tranches, rng, 1000_00)
            span = max(1, (pr["ends_on"] - pr["starts_on"]).days)
            refund_leftover = status is ProjectStatus.COMPLETED and rng.random() < 0.1
            disbursed = 0
            mistake = rng.random()
            for i, amount in enumerate(tranches, start=1):
                day = pr["starts_on"] + dt.timedelta(days=span * (i - 1) // len(tranches))
                if day > self.today:
                    break
                if i > 1 and mistake < 0.012 and approved - disbursed - amount >= amount:
                    # Keyed in twice; the duplicate is reversed the same week.
                    dup = entry(LedgerKind.DISBURSEMENT, fy, program_id, amount, day, pr, i,
                                note=f"เบิกจ่ายงวดที่ {i}")
                    reverse(dup, min(self.today, day + dt.timedelta(days=rng.randint(1, 6))),
                            "บันทึกซ้ำ")
                    mistake = 1.0
                entry(LedgerKind.DISBURSEMENT, fy, program_id, amount, day, pr, i,
                      note=f"เบิกจ่ายงวดที่ {i}")
                disbursed += amount
                spend = amount
                last = i == len(tranches)
                if last and refund_leftover:
                    spend = amount - rng.randint(1, max(1, amount // 10_000_00 + 1)) * 1000_00 \
                        if amount > 2000_00 else amount
                reports = split_amount(spend, rng.randint(1, 3), rng, 1)
                for j, spent in enumerate(reports):
                    rday = day + dt.timedelta(days=rng.randint(20, 60) * (j + 1))
                    if rday > self.today:
                        break
                    if mistake < 0.035 and spent > 100_00:
                        wrong = entry(LedgerKind.EXPENDITURE, fy, program_id,
                                      spent // 10 or 1, rday, pr, i,
                                      note=f"รายงานการใช้จ่ายงวดที่ {i}")
                        reverse(wrong, min(self.today, rday + dt.timedelta(days=3)),
                                "บันทึกจำนวนเงินผิด")
                        mistake = 1.0
                    # Cents as people really spend them.
                    entry(LedgerKind.EXPENDITURE, fy, program_id, spent, rday, pr, i,
                          note=f"รายงานการใช้จ่ายงวดที่ {i}")
                if last and spend < amount:
                    rday = min(self.today, max(pr["ends_on"], day) + dt.timedelta(days=30))
                    entry(LedgerKind.REFUND, fy, program_id, amount - spend, rday, pr,
                          note="คืนเงินเหลือจ่ายเมื่อปิดโครงการ")
            project_entries.extend(rows[start:])
        # Allocations first in the ledger: HQ allots each program's budget for each year.
        rows.clear()
        programs = [code for code, _th, _en in PROGRAMS]
        for fy in FISCAL_YEARS:
            for program in programs:
                net = net_approved.get((program, fy), 0)
                total = max(200_000_00, int(net * rng.uniform(1.0, 1.12)))
                total = -(-total // 10_000_00) * 10_000_00
                day = min(first_approval.get((program, fy), fy_start(fy) + dt.timedelta(days=40)),
                          fy_start(fy) + dt.timedelta(days=rng.randint(10, 20)))
                if rng.random() < 0.25 and total > 2_000_000_00:
                    top_up = total // 4 // 10_000_00 * 10_000_00
                    entry(LedgerKind.ALLOCATION, fy, reference_id("program", program),
                          total - top_up, day, note="จัดสรรงบประมาณประจำปี")
                    entry(LedgerKind.ALLOCATION, fy, reference_id("program", program), top_up,
                          min(self.today, day + dt.timedelta(days=rng.randint(90, 180))),
                          note="จัดสรรงบประมาณเพิ่มเติม")
                else:
                    entry(LedgerKind.ALLOCATION, fy, reference_id("program", program), total,
                          day, note="จัดสรรงบประมาณประจำปี")
        rows.extend(project_entries)
        self.ledger_rows = rows
        return rows

    def _project(self, entry: dict[str, Any]) -> dict[str, Any] | None:
        if entry["project_id"] is None:
            return None
        return self.project_by_id[entry["project_id"]]
