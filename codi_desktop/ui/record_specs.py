"""What the community, organization and person forms edit (their fields and services)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from codi_desktop.services import communities, organizations, people

from . import labels as L
from .record_form import FieldSpec, FormSpec

translate = QCoreApplication.translate


def community_spec() -> FormSpec:
    return FormSpec(
        table="community",
        data_cls=communities.CommunityData,
        fields=[
            FieldSpec("name", translate("Form", "ชื่อชุมชน")),
            FieldSpec("kind", translate("Form", "ประเภทชุมชน"), "choice", L.choices(L.COMMUNITY_KIND)),
            FieldSpec("subdistrict_id", translate("Form", "ตำบล"), "subdistrict"),
            FieldSpec("moo", translate("Form", "หมู่ที่"), "int"),
            FieldSpec("households", translate("Form", "จำนวนครัวเรือน"), "int"),
            FieldSpec("population", translate("Form", "จำนวนประชากร"), "int"),
            FieldSpec("leader_name", translate("Form", "ชื่อผู้นำชุมชน")),
            FieldSpec("phone", translate("Form", "โทรศัพท์")),
            FieldSpec("notes", translate("Form", "หมายเหตุ"), "multiline"),
        ],
        validate=communities.validate_community,
        create=communities.create_community,
        update=communities.update_community,
        delete=communities.delete_community,
        get=communities.get_community,
        title_new=translate("Form", "ลงทะเบียนชุมชนใหม่"),
        title_of=lambda d: d.name or translate("Form", "ชุมชน"),
        delete_question=translate("Form", "ลบชุมชนนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์"),
    )


def organization_spec() -> FormSpec:
    K = organizations.KIND_FIELDS
    return FormSpec(
        table="organization",
        data_cls=organizations.OrganizationData,
        fields=[
            FieldSpec("name", translate("Form", "ชื่อองค์กร")),
            FieldSpec("kind", translate("Form", "ประเภทองค์กร"), "choice", L.choices(L.ORGANIZATION_KIND)),
            FieldSpec("sector", translate("Form", "ภาคส่วน"), "choice", L.choices(L.SECTOR),
                      optional_choice=True, kinds={str(k) for k in K["sector"]}),
            FieldSpec("subdistrict_id", translate("Form", "ตำบล"), "subdistrict"),
            FieldSpec("founded_on", translate("Form", "วันที่ก่อตั้ง"), "date"),
            FieldSpec("registered_on", translate("Form", "วันที่จดแจ้งจัดตั้ง"), "date",
                      kinds={str(k) for k in K["registered_on"]}),
            FieldSpec("members_count", translate("Form", "จำนวนสมาชิก"), "int"),
            FieldSpec("fund_balance_satang", translate("Form", "ยอดเงินกองทุน (บาท)"), "money",
                      kinds={str(k) for k in K["fund_balance_satang"]}),
            FieldSpec("savings_satang", translate("Form", "เงินออม (บาท)"), "money",
                      kinds={str(k) for k in K["savings_satang"]}),
            FieldSpec("phone", translate("Form", "โทรศัพท์")),
            FieldSpec("notes", translate("Form", "หมายเหตุ"), "multiline"),
        ],
        validate=organizations.validate_organization,
        create=organizations.create_organization,
        update=organizations.update_organization,
        delete=organizations.delete_organization,
        get=organizations.get_organization,
        title_new=translate("Form", "ลงทะเบียนองค์กรใหม่"),
        title_of=lambda d: d.name or translate("Form", "องค์กร"),
        delete_question=translate("Form", "ลบองค์กรนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์"),
    )


def person_spec() -> FormSpec:
    return FormSpec(
        table="person",
        data_cls=people.PersonData,
        fields=[
            FieldSpec("prefix", translate("Form", "คำนำหน้า")),
            FieldSpec("first_name", translate("Form", "ชื่อ")),
            FieldSpec("last_name", translate("Form", "นามสกุล")),
            FieldSpec("gender", translate("Form", "เพศ"), "choice", L.choices(L.GENDER), optional_choice=True),
            FieldSpec("position", translate("Form", "ตำแหน่ง")),
            FieldSpec("phone", translate("Form", "โทรศัพท์")),
            FieldSpec("email", translate("Form", "อีเมล")),
            FieldSpec("subdistrict_id", translate("Form", "ตำบล"), "subdistrict"),
            FieldSpec("notes", translate("Form", "หมายเหตุ"), "multiline"),
        ],
        validate=people.validate_person,
        create=people.create_person,
        update=people.update_person,
        delete=people.delete_person,
        get=people.get_person,
        title_new=translate("Form", "เพิ่มบุคคลใหม่"),
        title_of=lambda d: f"{d.prefix or ''}{d.first_name} {d.last_name}".strip() or translate("Form", "บุคคล"),
        delete_question=translate("Form", "ลบบุคคลนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์"),
    )
