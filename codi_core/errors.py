"""Errors a person can read, in Thai (default) or English, with a stable code.

Services raise ``ServiceError``; the UI shows ``message(lang)`` next to the field it names
or in the status area. Nothing else about the error leaks to the person.
"""

from __future__ import annotations

from typing import Any

# code -> (Thai, English). Templates take the error's params with str.format.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("กรุณากรอก{label}", "{label_en} is required"),
    "too_long": ("{label}ยาวเกิน {max} ตัวอักษร", "{label_en} is longer than {max} characters"),
    "not_negative": ("{label}ต้องไม่ติดลบ", "{label_en} must not be negative"),
    "not_number": ("{label}ต้องเป็นตัวเลข", "{label_en} must be a number"),
    "moo_range": ("หมู่ที่ต้องอยู่ระหว่าง 1 ถึง 99", "Village number must be between 1 and 99"),
    "population_below_households": (
        "ประชากรต้องไม่น้อยกว่าจำนวนครัวเรือน",
        "Population cannot be less than the number of households",
    ),
    "unknown_choice": ("ค่า{label}ไม่ถูกต้อง", "Unknown {label_en}"),
    "outside_province": (
        "ตำบลนี้ไม่อยู่ในจังหวัดของฐานข้อมูลนี้",
        "This subdistrict is not in this database's province",
    ),
    "unknown_subdistrict": ("ไม่พบตำบลที่เลือก", "The chosen subdistrict does not exist"),
    "not_found": ("ไม่พบ{label}ที่ต้องการ (อาจถูกลบไปแล้ว)", "{label_en} not found (it may have been deleted)"),
    "deleted": ("{label}นี้ถูกลบไปแล้ว", "This {label_en} has been deleted"),
    "date_order": ("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม", "The end date cannot be before the start date"),
    "date_in_future": ("{label}ต้องไม่เป็นวันในอนาคต", "{label_en} cannot be in the future"),
    "fiscal_year_range": (
        "ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง 2500 ถึง 2700",
        "Fiscal year must be a Buddhist-Era year between 2500 and 2700",
    ),
    "signer_required": (
        "ยังไม่ได้ระบุผู้ลงนามหนังสือเชิญ: กำหนดประธานการประชุมหรือเลือกผู้ลงนามก่อนพิมพ์",
        "The invitation has no signer: set the meeting's chair or choose a signer before printing",
    ),
    "no_province": (
        "ยังไม่ได้เลือกจังหวัดของฐานข้อมูลนี้",
        "This database has no province yet",
    ),
    "duplicate_code": ("รหัส {taken} ถูกใช้แล้ว", "Code {taken} is already used"),
    "invalid_phone": ("หมายเลขโทรศัพท์ไม่ถูกต้อง", "Invalid phone number"),
    "invalid_email": ("อีเมลไม่ถูกต้อง", "Invalid e-mail address"),
    # ledger
    "amount_positive": (
        "จำนวนเงินต้องมากกว่าศูนย์ (การแก้ไขให้ใช้รายการกลับบัญชี)",
        "The amount must be greater than zero (use a reversal to correct an entry)",
    ),
    "amount_too_large": ("จำนวนเงินมากเกินไป", "The amount is too large"),
    "over_approved": (
        "เบิกจ่ายเกินวงเงินอนุมัติ: อนุมัติ {approved} เบิกแล้ว {disbursed} ขอเบิก {amount}",
        "Disbursement above the approved amount: approved {approved}, disbursed {disbursed}, "
        "requested {amount}",
    ),
    "refund_above_disbursed": (
        "คืนเงินเกินยอดที่เบิกจ่าย (เบิกจ่ายสุทธิ {disbursed})",
        "Refund above the amount disbursed (net disbursed {disbursed})",
    ),
    "approval_below_disbursed": (
        "กลับรายการอนุมัตินี้ไม่ได้ เพราะจะทำให้วงเงินอนุมัติต่ำกว่ายอดเบิกจ่าย ({disbursed})",
        "Reversing this approval would leave less approved than already disbursed ({disbursed})",
    ),
    "already_reversed": ("รายการนี้ถูกกลับบัญชีไปแล้ว", "This entry has already been reversed"),
    "reverse_reversal": (
        "กลับบัญชีรายการกลับบัญชีไม่ได้ ให้บันทึกรายการใหม่แทน",
        "A reversal cannot be reversed; record a new entry instead",
    ),
    "ledger_immutable": (
        "รายการบัญชีแก้ไขหรือลบไม่ได้ ให้ใช้รายการกลับบัญชี",
        "Ledger entries cannot be edited or deleted; use a reversal",
    ),
    "project_not_approved": (
        "โครงการยังไม่มีวงเงินอนุมัติ",
        "The project has no approved amount yet",
    ),
    "reversal_mismatch": (
        "รายการกลับบัญชีต้องมีจำนวนเงินและโครงการเดียวกับรายการเดิม",
        "A reversal must carry the same amount and project as the entry it reverses",
    ),
    "project_required": ("กรุณาเลือกโครงการ", "Choose a project"),
    "wrong_program": (
        "แผนงานไม่ตรงกับแผนงานของโครงการ",
        "The program does not match the project's program",
    ),
    # meetings
    "end_before_start": (
        "เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่ม", "The end time cannot be before the start time"
    ),
    "meeting_number_used": (
        "ครั้งที่ {number} ถูกใช้แล้ว ({body}) กรุณาใช้ครั้งที่ {next}",
        "Meeting number {number} is already used ({body}); use {next}",
    ),
    "number_positive": ("ครั้งที่ต้องเป็นจำนวนเต็มบวก", "The meeting number must be positive"),
    "minutes_locked": (
        "รายงานการประชุมนี้ล็อกแล้ว แก้ไขได้โดยบันทึกเป็นฉบับแก้ไขใหม่เท่านั้น",
        "These minutes are locked; correct them by saving a new version",
    ),
    "minutes_certified": (
        "รายงานการประชุมนี้รับรองแล้ว ให้ล็อกรายงานแล้วแก้ไขเป็นฉบับใหม่",
        "These minutes are certified; lock them and correct them as a new version",
    ),
    "lock_needs_minute_taker": (
        "ล็อกรายงานการประชุมไม่ได้ เพราะยังไม่ได้ระบุผู้จดรายงานการประชุม",
        "The minutes cannot be locked without a minute-taker",
    ),
    "lock_needs_certified": (
        "ล็อกได้เฉพาะรายงานการประชุมที่รับรองแล้ว",
        "Only certified minutes can be locked",
    ),
    "amend_needs_locked": (
        "แก้ไขเป็นฉบับใหม่ได้เฉพาะรายงานการประชุมที่ล็อกแล้ว",
        "Only locked minutes are corrected as a new version",
    ),
    "certify_not_held": (
        "รับรองรายงานการประชุมไม่ได้ เพราะการประชุมนี้ยังไม่ได้จัดขึ้น",
        "Minutes of a meeting that was never held cannot be certified",
    ),
    "certify_how": (
        "ระบุการประชุมที่รับรองรายงาน หรือวันที่รับรองโดยการเวียน อย่างใดอย่างหนึ่ง",
        "Give either the meeting that certified the minutes or the date of circulation",
    ),
    "certify_meeting_order": (
        "การประชุมที่รับรองรายงานต้องจัดขึ้นหลังการประชุมนี้",
        "The certifying meeting must come after this meeting",
    ),
    "already_certified": (
        "รายงานการประชุมนี้รับรองแล้ว", "These minutes have already been certified"
    ),
    "vote_above_present": (
        "จำนวนผู้ลงคะแนนรวม {total} คน มากกว่าผู้เข้าประชุม {present} คน",
        "{total} votes counted but only {present} people are present",
    ),
    "already_signed_in": (
        "{name} ลงทะเบียนในการประชุมนี้แล้ว", "{name} has already signed in to this meeting"
    ),
    "substitute_for_required": (
        "กรุณาระบุว่ามาประชุมแทนผู้ใด", "Say whom the substitute is attending for"
    ),
    "reason_required": ("กรุณาระบุเหตุผลที่ไม่มาประชุม", "Give the reason for the absence"),
    "wrong_meeting": (
        "รายการนี้ไม่ได้อยู่ในการประชุมเดียวกัน", "This item belongs to another meeting"
    ),
    "section_range": ("ระเบียบวาระต้องอยู่ระหว่าง 1 ถึง 6", "The agenda section must be 1 to 6"),
    "template_sections": (
        "แม่แบบระเบียบวาระต้องมีครบ 6 วาระ", "The agenda template must have six sections"
    ),
    "meeting_body_required": (
        "กรุณาเลือกองค์กรที่ประชุม (คณะกรรมการ สภา หรือคณะทำงานที่จัดประชุม)",
        "Choose the body that meets (the committee, council or working group)",
    ),
    "meeting_cancel_not_planned": (
        "ยกเลิกได้เฉพาะการประชุมที่ยังไม่ได้จัด",
        "Only a meeting that has not been held can be cancelled",
    ),
    "meeting_cancelled": (
        "การประชุมนี้ถูกยกเลิกแล้ว แก้ไขไม่ได้",
        "This meeting was cancelled and cannot be changed",
    ),
    "meeting_held_kept": (
        "การประชุมที่จัดขึ้นแล้วลบไม่ได้ บันทึกการประชุมต้องเก็บไว้",
        "A meeting that was held cannot be deleted; its record is kept",
    ),
    "evidence_not_held": (
        "การประชุมนี้ยังไม่ได้จัดขึ้น จึงยังบันทึกผลหรือหลักฐานไม่ได้",
        "This meeting has not been held yet, so nothing can be recorded from it",
    ),
    "action_closed": ("เรื่องนี้ปิดไปแล้ว", "This action item is already closed"),
    "not_assembly": (
        "ใช้ได้เฉพาะการประชุมสมัชชาจังหวัด", "This is only for a provincial assembly"
    ),
    "import_unreadable": (
        "เปิดไฟล์ Excel ไม่ได้ ({detail}) กรุณาบันทึกเป็นไฟล์ .xlsx หรือ .csv แล้วลองใหม่",
        "The Excel file cannot be read ({detail}); save it as .xlsx or .csv and try again",
    ),
    "import_encoding": (
        "อ่านรหัสอักษรของไฟล์ CSV ไม่ได้ (ไม่ใช่ UTF-8 หรือ TIS-620) กรุณาบันทึกเป็น CSV UTF-8",
        "The CSV file's encoding is neither UTF-8 nor TIS-620; save it as CSV UTF-8",
    ),
    "import_no_header": (
        "ไม่พบหัวตารางในไฟล์ (ต้องมีคอลัมน์ ชื่อ-สกุล หรือ ชื่อ)",
        "No header row found (a name column such as ชื่อ-สกุล is required)",
    ),
    "import_empty": ("ไม่มีรายชื่อในไฟล์", "The file lists no participants"),
    "import_rows": (
        "นำเข้าไม่ได้ มีข้อมูลไม่ถูกต้องในแถวที่ {rows} (ยังไม่ได้นำเข้าข้อมูลใด ๆ)\n{details}",
        "Nothing was imported: rows {rows} are not valid\n{details}",
    ),
    # the self-managing province (issue 11; rules in codi_core/rules/assessment.py)
    "hq_only": ("เฉพาะ พอช. ส่วนกลางแก้ไขข้อมูลอ้างอิงได้", "Only HQ edits reference data"),
    "assessment_certified": (
        "การประเมินที่รับรองแล้ว แก้ไขได้เฉพาะ พอช. ส่วนกลาง",
        "A certified assessment can only be changed by HQ",
    ),
    "certify_hq_only": (
        "เฉพาะ พอช. ส่วนกลางรับรองผลการประเมินได้", "Only HQ certifies an assessment"
    ),
    "agree_needs_meeting": (
        "ต้องระบุการประชุมที่คณะกรรมการเห็นชอบผลการประเมิน",
        "An agreed assessment names the meeting that agreed it",
    ),
    "pilot_status_scope": (
        "สถานะจังหวัดนำร่อง/ขยายผล กำหนดโดยกลุ่มจังหวัด ภาค หรือส่วนกลาง",
        "The pilot / expansion status is set by the cluster, region or HQ",
    ),
    "level_range": ("ระดับต้องอยู่ระหว่าง 0 ถึง 4", "The level must be between 0 and 4"),
    "assessment_exists": (
        "มีการประเมินของปีงบประมาณ {year} แล้ว", "There is already an assessment for {year}"
    ),
    "outcome_needs_reason": (
        "กรุณาระบุเหตุผลที่หน่วยงานไม่รับข้อเสนอ", "Give the reason the agency declined"
    ),
    "not_in_scope": (
        "จังหวัดนี้อยู่นอกขอบเขตของบัญชีนี้", "This province is outside this account's scope"
    ),
    "choose_province": (
        "บัญชีนี้ดูแลหลายจังหวัด กรุณาเลือกจังหวัดที่จะบันทึกจากช่องเลือกจังหวัดก่อน",
        "This account holds several provinces: choose the province to record for first",
    ),
}

# Field labels: field -> (Thai, English).
LABELS: dict[str, tuple[str, str]] = {
    "name": ("ชื่อ", "Name"),
    "kind": ("ประเภท", "Type"),
    "sector": ("ภาคส่วน", "Sector"),
    "subdistrict_id": ("ตำบล", "Subdistrict"),
    "moo": ("หมู่ที่", "Village number"),
    "households": ("จำนวนครัวเรือน", "Households"),
    "population": ("จำนวนประชากร", "Population"),
    "leader_name": ("ชื่อผู้นำชุมชน", "Community leader"),
    "phone": ("โทรศัพท์", "Phone"),
    "email": ("อีเมล", "E-mail"),
    "notes": ("หมายเหตุ", "Notes"),
    "members_count": ("จำนวนสมาชิก", "Members"),
    "fund_balance_satang": ("ยอดเงินกองทุน", "Fund balance"),
    "savings_satang": ("เงินออม", "Savings"),
    "registered_on": ("วันที่จดแจ้งจัดตั้ง", "Registration date"),
    "founded_on": ("วันที่ก่อตั้ง", "Founding date"),
    "first_name": ("ชื่อ", "First name"),
    "last_name": ("นามสกุล", "Last name"),
    "prefix": ("คำนำหน้า", "Title"),
    "gender": ("เพศ", "Gender"),
    "position": ("ตำแหน่ง", "Position"),
    "role": ("บทบาท", "Role"),
    "from_on": ("วันที่เริ่ม", "From"),
    "to_on": ("วันที่สิ้นสุด", "To"),
    "code": ("รหัสโครงการ", "Project code"),
    "program_id": ("แผนงาน", "Program"),
    "fiscal_year": ("ปีงบประมาณ", "Fiscal year"),
    "status": ("สถานะ", "Status"),
    "amount_satang": ("จำนวนเงิน", "Amount"),
    "entry_date": ("วันที่", "Date"),
    "project_id": ("โครงการ", "Project"),
    "person_id": ("บุคคล", "Person"),
    "organization_id": ("องค์กร", "Organization"),
    "community": ("ชุมชน", "community"),
    "organization": ("องค์กร", "organization"),
    "person": ("บุคคล", "person"),
    "project": ("โครงการ", "project"),
    "membership": ("สมาชิกภาพ", "membership"),
    "ledger_entry": ("รายการบัญชี", "ledger entry"),
    "starts_on": ("วันที่เริ่มโครงการ", "Start date"),
    "ends_on": ("วันที่สิ้นสุดโครงการ", "End date"),
    # meetings
    "meeting": ("การประชุม", "meeting"),
    "agenda_item": ("ระเบียบวาระ", "agenda item"),
    "attendance": ("การลงทะเบียน", "attendance"),
    "action_item": ("เรื่องที่ต้องติดตาม", "action item"),
    "invitee": ("ผู้ได้รับเชิญ", "invitee"),
    "title": ("ชื่อเรื่อง", "Title"),
    "starts_at": ("วันเวลาเริ่ม", "Start"),
    "ends_at": ("เวลาสิ้นสุด", "End"),
    "started_at": ("เวลาเริ่มประชุม", "Started at"),
    "ended_at": ("เวลาเลิกประชุม", "Ended at"),
    "number": ("ครั้งที่", "Meeting number"),
    "place": ("สถานที่", "Place"),
    "organiser": ("ผู้จัด", "Organiser"),
    "chair_id": ("ประธาน", "Chair"),
    "minute_taker_id": ("ผู้จดรายงานการประชุม", "Minute-taker"),
    "reason": ("เหตุผล", "Reason"),
    "due_on": ("กำหนดเสร็จ", "Due date"),
    "owner_name": ("ผู้รับผิดชอบ", "Owner"),
    "votes": ("คะแนนเสียง", "Votes"),
    "organization_name": ("ชื่อองค์กร", "Organization"),
    "duration_minutes": ("ระยะเวลา (นาที)", "Duration (minutes)"),
    "presenter": ("ผู้นำเสนอ", "Presenter"),
    "section": ("ระเบียบวาระ", "Agenda section"),
    "minutes_text": ("รายงานการประชุม", "Minutes"),
    "resolution": ("มติที่ประชุม", "Resolution"),
    "question": ("ประเด็นที่ลงคะแนน", "Question"),
    "level": ("ระดับ", "Level"),
    "substitute_for_id": ("ผู้ที่มาประชุมแทน", "Attending for"),
}
# the meaning of each level of a criterion (HQ's reference page)
LABELS.update({f"level_{n}": (f"ความหมายของระดับ {n}", f"The meaning of level {n}")
               for n in range(5)})


class ServiceError(Exception):
    """A refusal a person can understand and act on."""

    def __init__(self, code: str, field: str | None = None, **params: Any):
        self.code = code
        self.field = field
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "th") -> str:
        th, en = MESSAGES.get(code := self.code, (code, code))
        label_key = self.params.get("label", self.field or "")
        label_th, label_en = LABELS.get(label_key, (label_key, label_key))
        params = {**self.params, "label": label_th, "label_en": label_en}
        template = en if lang == "en" else th
        try:
            return template.format(**params)
        except (KeyError, IndexError):
            return template


class ValidationFailed(ServiceError):
    """Several fields are wrong; ``errors`` maps each field to its error."""

    def __init__(self, errors: dict[str, ServiceError]):
        self.errors = errors
        first = next(iter(errors.values()))
        super().__init__(first.code, first.field, **first.params)

    def message(self, lang: str = "th") -> str:
        return "\n".join(e.message(lang) for e in self.errors.values())
