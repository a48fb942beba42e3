"""Projects from a spreadsheet: program, fiscal year, and any number of organizations,
target communities and tambons.

How a Thai spreadsheet lists several of them, both read:

- in one cell, separated by commas, semicolons or line breaks (Alt+Enter in Excel),
  e.g. ``ชุมชนบ้านหาดคำ, ชุมชนบ้านป่าน้อย``; a known name with a comma in it stays
  whole;
- on several rows with the same project code (typed again, or the project's cells
  merged down over the rows): one project, each row adding its organizations,
  communities and tambons. Rows that share a code but not the project's name, program
  or fiscal year are an error, not a guess.

The first organization, community and tambon are the project's own (the form's fields);
the others become its targets (``ProjectTarget``, the rows the project page's target
list adds), checked by the same rule (``services.indicators.check_target``). A project
already in the database is not changed, but gets the targets the file gives it that it
does not have yet, so an exported list imports back with nothing new.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from codi_core.models import (
    Community,
    FundingType,
    Organization,
    Program,
    Project,
    ProjectStatus,
    ProjectTarget,
    new_id,
)
from codi_desktop.services import indicators, projects

from .common import (
    PLACE_FIELDS,
    Ctx,
    Names,
    _live,
    optional_text,
    parse_funding,
    parse_status,
)
from .framework import MATCH, NEW, FieldSpec, Importer, Parse, RowResult
from .places import Places
from .values import CellError, date, fiscal_year, integer, norm
from .values import text as cell_text

#: What separates several names in one cell.
_SPLIT = re.compile(r"[,;|\n\r]+")
#: (kind of target, the Project column holding the first one)
LINKS = (("organization", "organization_id"), ("community", "community_id"),
         ("subdistrict", "subdistrict_id"))
_LINK_NAMES = {"organization": ("องค์กร", "organization"),
               "community": ("ชุมชนเป้าหมาย", "target community"),
               "subdistrict": ("ตำบล", "subdistrict")}


def split_names(value: Any) -> list[str]:
    """The names a cell lists, in order, each trimmed."""
    if value is None:
        return []
    raw = value if isinstance(value, str) else cell_text(value)
    return [part for part in (cell_text(x) for x in _SPLIT.split(raw)) if part]


def known_parts(value: Any, known: Callable[[str], bool]) -> list[str]:
    """Like ``split_names``, but pieces that together make a known name (one with a comma
    in it) stay together, the longest such run first."""
    if value is None:
        return []
    raw = value if isinstance(value, str) else cell_text(value)
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^,;|\n\r]+", raw)
             if m.group().strip()]
    out, i = [], 0
    while i < len(spans):
        for j in range(len(spans) - 1, i, -1):
            joined = cell_text(raw[spans[i][0]:spans[j][1]])
            if known(joined):
                out.append(joined)
                i = j + 1
                break
        else:
            out.append(cell_text(raw[spans[i][0]:spans[i][1]]))
            i += 1
    return out


@dataclass
class ProjectRow:
    project: projects.ProjectData
    #: every (kind, id) the row names, in order; the first of each kind is the project's own
    links: list[tuple[str, str]] = field(default_factory=list)


class ProjectImporter(Importer):
    kind = "projects"
    title = ("โครงการ", "projects")
    anchor = ("code", "name")
    hint = (
        "โครงการที่มีหลายองค์กร หลายชุมชนเป้าหมาย หรือหลายตำบล: ใส่ในช่องเดียวกัน "
        "คั่นด้วยจุลภาค (,) อัฒภาค (;) หรือขึ้นบรรทัดใหม่ในช่อง (Alt+Enter) "
        "หรือใช้หลายแถวที่มีรหัสโครงการเดียวกัน (พิมพ์ซ้ำหรือผสานเซลล์) "
        "รายการแรกเป็นองค์กร/ชุมชน/ตำบลหลักของโครงการ",
        "Projects with several organizations, target communities or tambons: list them in "
        "one cell separated by commas, semicolons or line breaks (Alt+Enter), or use "
        "several rows with the same project code (repeated or merged cells). The first of "
        "each is the project's main one.",
    )
    fields = (
        FieldSpec("code", "รหัสโครงการ", "Project code", ("รหัส", "code", "project code"),
                  required=True),
        FieldSpec("name", "ชื่อโครงการ", "Project name", ("โครงการ", "project", "name"),
                  required=True),
        FieldSpec("program", "แผนงาน", "Program", ("ชื่อแผนงาน", "รหัสแผนงาน", "program",
                                                  "programme"), required=True),
        FieldSpec("fiscal_year", "ปีงบประมาณ", "Fiscal year", ("ปีงบ", "ปี", "fy", "year"),
                  required=True),
        FieldSpec("organizations", "องค์กรที่รับผิดชอบ", "Organizations",
                  ("องค์กร", "องค์กรผู้เสนอ", "ชื่อองค์กร", "organization", "organisations")),
        FieldSpec("communities", "ชุมชนเป้าหมาย", "Target communities",
                  ("ชุมชน", "community", "communities", "target community")),
        *PLACE_FIELDS,
        FieldSpec("status", "สถานะ", "Status", ("สถานะโครงการ",)),
        FieldSpec("funding_type", "ประเภทงบประมาณ", "Funding type",
                  ("ประเภทเงิน", "ประเภทงบ", "funding")),
        FieldSpec("households", "ครัวเรือน", "Households", ("จำนวนครัวเรือน", "ครัวเรือนเป้าหมาย")),
        FieldSpec("starts_on", "วันที่เริ่ม", "Start date", ("เริ่ม", "start", "starts")),
        FieldSpec("ends_on", "วันที่สิ้นสุด", "End date", ("สิ้นสุด", "end", "ends")),
        FieldSpec("description", "รายละเอียด", "Description", ("description",)),
    )

    def load(self, session, province):
        ctx = Ctx(province, Places(session, province))
        links: dict[str, set[tuple[str, str]]] = {}
        for row in session.execute(sa.select(
                Project.id, Project.code, Project.organization_id, Project.community_id,
                Project.subdistrict_id).where(_live(Project, province))):
            ctx.existing.setdefault(norm(row.code), row.id)
            links[row.id] = {(kind, getattr(row, column)) for kind, column in LINKS
                             if getattr(row, column)}
        for t in session.execute(sa.select(
                ProjectTarget.project_id, ProjectTarget.organization_id,
                ProjectTarget.community_id, ProjectTarget.subdistrict_id).where(
                _live(ProjectTarget, province))):
            links.setdefault(t.project_id, set()).update(
                (kind, getattr(t, column)) for kind, column in LINKS if getattr(t, column))
        ctx.extra["links"] = links
        programs: dict[str, str] = {}
        for pid, code, th, en in session.execute(
                sa.select(Program.id, Program.code, Program.name_th, Program.name_en)):
            for name in (code, th, en):
                programs.setdefault(norm(name), pid)
        ctx.extra["programs"] = programs
        ctx.extra["communities"] = Names(session.execute(
            sa.select(Community.id, Community.name, Community.subdistrict_id).where(
                _live(Community, province))))
        ctx.extra["organizations"] = Names(session.execute(
            sa.select(Organization.id, Organization.name, Organization.subdistrict_id).where(
                _live(Organization, province))))
        return ctx

    # --- reading a row -----------------------------------------------------------------

    def _tambons(self, p: Parse) -> list[str]:
        """The row's tambons (by code when a code column is filled, else by name); with
        several districts given, one per tambon in the same order."""
        row, places = p.row, p.ctx.places
        key = "subdistrict_code" if cell_text(row.raw("subdistrict_code")) else "subdistrict"
        tambons = split_names(row.raw(key))
        districts = split_names(row.raw("district"))
        if len(districts) > 1 and len(districts) != len(tambons):
            p.problem("district", "ให้ใส่อำเภอทีละหนึ่งต่อหนึ่งตำบล เรียงตามลำดับเดียวกัน",
                      "give one district per subdistrict, in the same order")
            return []
        out: list[str] = []
        try:
            if not tambons:  # still check a district or province written alone
                places.subdistrict(None, row.raw("district"), row.raw("province"))
        except CellError as exc:
            p.problem(None, exc.th, exc.en)
        for i, tambon in enumerate(tambons):
            district = districts[i] if len(districts) > 1 else row.raw("district")
            try:
                sid = places.subdistrict(tambon, district, row.raw("province"))
            except CellError as exc:
                p.problem(None, exc.th, exc.en)
                continue
            if sid and sid not in out:
                out.append(sid)
        return out

    def _named(self, p: Parse, key: str, names: Names, label: tuple[str, str],
               near: set[str]) -> list[str]:
        out: list[str] = []
        for part in known_parts(p.row.raw(key), names.has):
            found = names.find_name(p, key, part, label, near)
            if found and found not in out:
                out.append(found)
        return out

    def parse(self, p):
        program_raw = cell_text(p.get("program"))
        program_id = p.ctx.extra["programs"].get(norm(program_raw)) if program_raw else None
        if program_raw and program_id is None:
            p.problem("program", f"ไม่พบแผนงาน '{program_raw}'", f"no program '{program_raw}'")
        subs = self._tambons(p)
        near = set(subs)
        orgs = self._named(p, "organizations", p.ctx.extra["organizations"],
                           ("องค์กร", "organization"), near)
        coms = self._named(p, "communities", p.ctx.extra["communities"],
                           ("ชุมชน", "community"), near)
        data = projects.ProjectData(
            code=cell_text(p.get("code")), name=cell_text(p.get("name")),
            program_id=program_id or "", fiscal_year=p.get("fiscal_year", fiscal_year, 0),
            organization_id=orgs[0] if orgs else None,
            community_id=coms[0] if coms else None,
            subdistrict_id=subs[0] if subs else None,
            status=p.get("status", parse_status, ProjectStatus.PROPOSED.value),
            funding_type=p.get("funding_type", parse_funding, FundingType.SUBSIDY.value),
            households=p.get("households", integer), starts_on=p.get("starts_on", date),
            ends_on=p.get("ends_on", date), description=p.get("description", optional_text))
        if not p.problems:
            p.service_errors(projects.validate_project(data))
        links = ([("organization", o) for o in orgs] + [("community", c) for c in coms]
                 + [("subdistrict", s) for s in subs])
        extra = {kind: sum(1 for k, _ in links if k == kind) - 1 for kind, _ in LINKS}
        said = [(f"{_LINK_NAMES[k][0]} {n + 1} รายการ", f"{n + 1} {_LINK_NAMES[k][1]}s")
                for k, n in extra.items() if n > 0]
        if said:
            p.notes.append(("มี" + ", ".join(th for th, _ in said),
                            ", ".join(en for _, en in said)))
        return ProjectRow(data, links), norm(data.code), f"{data.code} {data.name}".strip()

    def differs(self, first: RowResult, row: RowResult) -> list[tuple[str, str]]:
        a, b = first.data.project, row.data.project
        if (norm(a.name), a.program_id, a.fiscal_year) == (norm(b.name), b.program_id,
                                                           b.fiscal_year):
            return []
        return [(f"รหัสโครงการ {b.code} ซ้ำกับแถวที่ {first.row} แต่ชื่อโครงการ แผนงาน "
                 "หรือปีงบประมาณไม่ตรงกัน (แถวที่ใช้รหัสเดียวกันต้องเป็นโครงการเดียวกัน)",
                 f"project code {b.code} is also on row {first.row} with another name, "
                 "program or fiscal year (rows sharing a code must be the same project)")]

    def existing(self, ctx, key):
        return ctx.existing.get(key)

    def explain(self, ctx, row):
        data: ProjectRow = row.data
        if row.fate == MATCH:
            have = ctx.extra["links"].get(row.match_id, set())
            new = [link for link in data.links if link not in have]
            if new:
                row.notes.append((f"จะเพิ่มองค์กร/ชุมชน/ตำบลเป้าหมาย {len(new)} รายการ",
                                  f"{len(new)} target(s) will be added to the project"))
        elif data.links:
            row.notes.append(("องค์กร ชุมชน และตำบลของแถวนี้จะเพิ่มให้โครงการเดียวกัน",
                              "this row's organizations, communities and tambons are added "
                              "to the same project"))

    # --- writing -----------------------------------------------------------------------

    def prime(self, session, ctx):
        rows = super().prime(session, ctx) + list(session.scalars(sa.select(Program)))
        for model in (Community, Organization):
            rows += session.scalars(sa.select(model).where(_live(model, ctx.province))).all()
        return rows

    def begin(self, ctx):
        ctx.extra["created"] = {}
        ctx.extra["pending"] = []
        ctx.extra["known"] = {pid: set(links) for pid, links in ctx.extra["links"].items()}

    def write(self, store, session, ctx, row):
        data: ProjectRow = row.data
        known = ctx.extra["known"]
        if row.fate == NEW:
            values = projects._PROJECT.values(store, session, data.project, None)
            project_id = new_id()  # known now, so this file's targets can name it
            session.add(Project(id=project_id, province_code=ctx.province, **values))
            ctx.extra["created"][row.key] = project_id
            known[project_id] = {(kind, values[column]) for kind, column in LINKS
                                 if values.get(column)}
        else:
            project_id = (row.match_id or ctx.extra["created"].get(row.key)
                          or ctx.existing.get(row.key))
        if project_id is None:
            return
        have = known.setdefault(project_id, set())
        for kind, target_id in data.links:
            if (kind, target_id) in have:
                continue
            have.add((kind, target_id))
            column = indicators.check_target(session, ctx.province, kind, target_id)
            # Added after the projects are flushed (no relationship() orders the inserts).
            ctx.extra["pending"].append(ProjectTarget(
                province_code=ctx.province, project_id=project_id, **{column: target_id}))

    def finish(self, session, ctx):
        session.flush()
        session.add_all(ctx.extra["pending"])
