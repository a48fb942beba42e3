"""The assembly's participant list (ผู้เข้าร่วมสมัชชา) read through the import framework:
the same file reading (.xlsx with merged cells, CSV in any Thai encoding), header
mapping, true row numbers and tambon look-up as every other import."""

from __future__ import annotations

from dataclasses import dataclass

from .common import PLACE_FIELDS, subdistrict_of
from .framework import FieldSpec, Importer, Parse
from .places import Places
from .values import norm
from .values import text as cell_text


@dataclass
class _Ctx:
    places: Places


class ParticipantImporter(Importer):
    kind = "participants"
    title = ("ผู้เข้าร่วมประชุม", "participants")
    anchor = ("name", "first_name")
    fields = (
        FieldSpec("name", "ชื่อ-สกุล", "Name", (
            "ชื่อ-นามสกุล", "ชื่อสกุล", "ชื่อนามสกุล", "ชื่อและนามสกุล", "ชื่อ–สกุล",
            "ชื่อผู้เข้าร่วม", "ชื่อผู้เข้าร่วมประชุม", "รายชื่อ", "name", "fullname")),
        FieldSpec("prefix", "คำนำหน้า", "Title", ("คำนำหน้าชื่อ", "prefix", "title")),
        FieldSpec("first_name", "ชื่อ", "First name", ("firstname",)),
        FieldSpec("last_name", "นามสกุล", "Last name", ("สกุล", "lastname", "surname")),
        FieldSpec("organization", "องค์กร", "Organization", (
            "ชื่อองค์กร", "หน่วยงาน", "องค์กร/หน่วยงาน", "องค์กรหน่วยงาน", "สังกัด",
            "องค์กรที่สังกัด", "organization", "organisation")),
        *PLACE_FIELDS,
        FieldSpec("gender", "เพศ", "Gender", ("gender", "sex")),
        FieldSpec("position", "ตำแหน่ง", "Position", ("position",)),
    )

    def load(self, session, province):
        return _Ctx(Places(session, province))

    def parse(self, p: Parse):
        from codi_desktop.services.assemblies import ParticipantData, gender_from

        name = cell_text(p.get("name"))
        if not name:
            name = " ".join(x for x in (cell_text(p.get("first_name")),
                                        cell_text(p.get("last_name"))) if x)
        prefix = cell_text(p.get("prefix"))
        if prefix and name:
            # Always joined: "นาง" + "นางนวล สุขใจ" is นางนางนวล, not a repeated prefix.
            name = prefix + name
        if not name:
            p.problem(None, "ไม่มีชื่อ", "no name")
            return None
        if len(name) > 300:
            p.problem(None, "ชื่อยาวเกิน 300 ตัวอักษร", "name longer than 300 characters")
        if len(cell_text(p.get("organization"))) > 300:
            p.problem(None, "ชื่อองค์กรยาวเกิน 300 ตัวอักษร", "organization name too long")
        raw_gender = cell_text(p.get("gender"))
        gender = gender_from(raw_gender, name)
        if gender == "?":
            p.problem(None, f"เพศ '{raw_gender}' ไม่ถูกต้อง (ใช้ ชาย / หญิง)",
                      f"unknown gender '{raw_gender}' (use ชาย / หญิง)")
        data = ParticipantData(
            name=name, organization_name=cell_text(p.get("organization")) or None,
            subdistrict_id=subdistrict_of(p, p.ctx.places), gender=gender,
            position=cell_text(p.get("position")) or None)
        return data, (norm(name), norm(data.organization_name or "")), name
