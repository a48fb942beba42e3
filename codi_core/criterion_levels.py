"""Draft meaning of each level (0–4) of the 10 criteria of a self-managing province.

Drafted from the text of each criterion in CODI's reform article (shared/seed/); HQ
revises them as ``criterion_level`` reference rows, so this is only the first wording.
Level 0 is always "not yet"; 4 is the criterion fully met and sustained.
"""

from __future__ import annotations

# criterion number -> [(Thai, English) for level 0..4]
CRITERION_LEVELS: dict[int, list[tuple[str, str]]] = {
    1: [
        ("ยังไม่มีการรวมกลุ่มองค์กรชุมชนระดับจังหวัด", "No grouping of community organizations yet"),
        ("มีองค์กรชุมชนบางประเภท ทำงานแยกกัน", "Some kinds of organizations, working apart"),
        ("องค์กรชุมชนหลายประเภทรวมกลุ่ม มีภาคีร่วมบางส่วน",
         "Several kinds of organizations grouped, some partners"),
        ("องค์กรชุมชนและภาคีหลากหลายเชื่อมโยงเป็นเครือข่ายระดับจังหวัด",
         "Diverse organizations and partners linked in province networks"),
        ("เครือข่ายครอบคลุมทุกภาคส่วน ทำงานร่วมกันต่อเนื่อง",
         "Networks of every sector working together continuously"),
    ],
    2: [
        ("ยังไม่มีแผนพัฒนาจังหวัดของขบวนชุมชน", "No provincial plan of the movement yet"),
        ("เริ่มรวบรวมประเด็นเพื่อจัดทำแผน", "Issues being gathered for a plan"),
        ("มีแผนพัฒนาจังหวัดที่ผ่านการรับรองของขบวน และเสนอต่อหน่วยงาน",
         "A plan adopted by the movement and submitted to agencies"),
        ("ข้อเสนอบางส่วนได้รับการบรรจุในแผนหรือนโยบายของจังหวัด",
         "Some proposals accepted into the province's plans or policies"),
        ("ข้อเสนอได้รับการบรรจุอย่างต่อเนื่อง และมีการติดตามผล",
         "Proposals accepted year after year and followed up"),
    ],
    3: [
        ("ยังไม่มีระบบข้อมูลชุมชน", "No community data system yet"),
        ("มีข้อมูลชุมชนบางส่วน ยังไม่เป็นระบบ", "Some community data, not yet systematic"),
        ("มีข้อมูลชุมชนและโครงการครบถ้วนส่วนใหญ่ มีตัวชี้วัดโครงการ",
         "Most community and project records complete, with project indicators"),
        ("มีตัวชี้วัดการพัฒนาจังหวัด รายงานความก้าวหน้าสม่ำเสมอ",
         "Province indicators with regular progress reports"),
        ("เผยแพร่รายงานการพัฒนาจังหวัดต่อสาธารณะอย่างต่อเนื่อง",
         "Province development report published continuously"),
    ],
    4: [
        ("ยังไม่มีการวิเคราะห์ปัญหาและนโยบาย", "No analysis of problems or policies yet"),
        ("มีการหยิบยกประเด็นปัญหาในที่ประชุม", "Problems raised in meetings"),
        ("มีการศึกษาวิเคราะห์ประเด็นสำคัญของจังหวัด", "Key issues of the province analysed"),
        ("จัดทำข้อเสนอเชิงนโยบายต่อหน่วยงานที่เกี่ยวข้อง",
         "Policy proposals made to the agencies concerned"),
        ("ข้อเสนอนำไปสู่การแก้ปัญหาหรือปรับนโยบาย", "Proposals led to solutions or policy change"),
    ],
    5: [
        ("ยังไม่มีโครงสร้างกลไกการทำงานร่วม", "No joint working structure yet"),
        ("มีคณะกรรมการจังหวัด แต่ยังไม่มีคณะทำงานประเด็น",
         "A provincial committee, no working groups yet"),
        ("มีคณะทำงานบางประเด็น", "Working groups on some issues"),
        ("มีคณะทำงานครอบคลุมหลายประเด็น มีภาคีร่วมเป็นกรรมการ",
         "Working groups on many issues, with partners on them"),
        ("กลไกเป็นที่ยอมรับของขบวนชุมชนและภาคีทุกภาคส่วน",
         "Mechanisms recognised by the movement and every sector"),
    ],
    6: [
        ("ยังไม่มีระบบบริหารจัดการร่วม", "No joint management system yet"),
        ("มีการบันทึกงบประมาณบางส่วน", "Budget partly recorded"),
        ("บันทึกบัญชีครบ มีรายงานการใช้จ่ายส่วนใหญ่", "Ledger complete, most expenditure reports in"),
        ("รายงานการเงินครบ เปิดเผยต่อที่ประชุม", "All financial reports in and shown to meetings"),
        ("ระบบเปิดเผย โปร่งใส ตรวจสอบได้ และส่งเสริมขบวนในจังหวัด",
         "Open, transparent and accountable, and promoted across the province"),
    ],
    7: [
        ("ขบวนชุมชนจังหวัดยังไม่เป็นที่รู้จัก", "The movement is not yet known"),
        ("เป็นที่รู้จักในบางพื้นที่", "Known in some areas"),
        ("ตัวแทนขบวนได้รับเชิญร่วมเวทีของหน่วยงาน", "Representatives invited to agencies' forums"),
        ("มีศูนย์ประสานงานที่ชัดเจน เป็นที่รู้จักของภาคี",
         "A clear coordination centre known to partners"),
        ("เป็นที่ยอมรับของทุกฝ่าย ทั้งในและนอกจังหวัด", "Recognised by all, inside and outside"),
    ],
    8: [
        ("ยังไม่มีการส่งเสริมชุมชนเข้มแข็ง", "No support for strong communities yet"),
        ("มีโครงการในบางตำบล", "Projects in a few tambons"),
        ("มีโครงการและองค์กรที่ดำเนินงานในหลายตำบล", "Projects and active organizations in many tambons"),
        ("ครอบคลุมตำบลส่วนใหญ่ เชื่อมโยงเป็นเครือข่าย", "Most tambons covered, networked"),
        ("ครอบคลุมทั้งจังหวัด เชื่อมโยงกลุ่มจังหวัด ภาค และประเทศ",
         "Whole province, linked to cluster, region and country"),
    ],
    9: [
        ("ยังไม่มีการพัฒนาคน", "No people development yet"),
        ("มีการอบรมเป็นครั้งคราว", "Occasional training"),
        ("มีโครงการพัฒนาศักยภาพผู้นำ", "Leadership development projects"),
        ("พัฒนาคนหลายรุ่นหลายกลุ่ม มีการจัดการความรู้",
         "Several generations and groups trained, knowledge managed"),
        ("มีระบบการเรียนรู้และสื่อสารต่อสาธารณะต่อเนื่อง",
         "A learning system and continuous public communication"),
    ],
    10: [
        ("ยังไม่มีการประชุมร่วม", "No joint meetings yet"),
        ("มีการประชุมบ้าง ไม่สม่ำเสมอ", "Some meetings, irregular"),
        ("ประชุมร่วมกันสม่ำเสมอ", "Regular joint meetings"),
        ("ประชุมสม่ำเสมอ และจัดสมัชชาจังหวัดประจำปี",
         "Regular meetings and an annual provincial assembly"),
        ("สมัชชาจังหวัดมีภาคีทุกภาคส่วนร่วม และติดตามมติต่อเนื่อง",
         "An assembly of every sector whose resolutions are followed up"),
    ],
}
