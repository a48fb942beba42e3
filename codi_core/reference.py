"""National reference data: DOPA geography from ``geothai``, CODI's regions, clusters,
programs and the 10 criteria of a self-managing province.

Reference rows get deterministic ids (geography: the DOPA code; the rest: a UUIDv5 of
their code), so every device and the server name the same row the same way. They are
written without change capture: every copy seeds them itself, and HQ's later edits
arrive through sync.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import geothai
import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.criterion_levels import CRITERION_LEVELS
from codi_core.models import (
    Criterion,
    CriterionLevel,
    District,
    Program,
    Province,
    ProvinceCluster,
    Region,
    Subdistrict,
    utcnow,
)

REFERENCE_NAMESPACE = uuid.UUID("8c6f3f0e-2a59-4d0c-9a57-5f0c0d1e2c11")
REFERENCE_VERSION = f"3/{geothai.DATA_VERSION}"  # 3: the server logs criterion levels


def reference_id(kind: str, code: str) -> str:
    return str(uuid.uuid5(REFERENCE_NAMESPACE, f"{kind}:{code}"))


# CODI's regions (ภาค) as its regional offices group provinces.
REGIONS = [
    ("north", "ภาคเหนือ", "North"),
    ("northeast", "ภาคตะวันออกเฉียงเหนือ", "Northeast"),
    ("central_west", "ภาคกลางและตะวันตก", "Central and West"),
    ("east", "ภาคตะวันออก", "East"),
    ("south", "ภาคใต้", "South"),
    ("bangkok", "กรุงเทพมหานครและปริมณฑล", "Bangkok and vicinity"),
]

# Province clusters (กลุ่มจังหวัด), following the government's provincial clusters; HQ
# edits them as reference rows. (code, Thai name, English name, region, DOPA codes)
CLUSTERS = [
    ("north_upper_1", "กลุ่มจังหวัดภาคเหนือตอนบน 1", "Upper North 1", "north", ["50", "51", "52", "58"]),
    ("north_upper_2", "กลุ่มจังหวัดภาคเหนือตอนบน 2", "Upper North 2", "north", ["54", "55", "56", "57"]),
    ("north_lower_1", "กลุ่มจังหวัดภาคเหนือตอนล่าง 1", "Lower North 1", "north", ["53", "63", "64", "65", "67"]),
    ("north_lower_2", "กลุ่มจังหวัดภาคเหนือตอนล่าง 2", "Lower North 2", "north", ["60", "61", "62", "66"]),
    ("northeast_upper_1", "กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนบน 1", "Upper Northeast 1", "northeast", ["38", "39", "41", "42", "43"]),
    ("northeast_upper_2", "กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนบน 2", "Upper Northeast 2", "northeast", ["47", "48", "49"]),
    ("northeast_middle", "กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนกลาง", "Middle Northeast", "northeast", ["40", "44", "45", "46"]),
    ("northeast_lower_1", "กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนล่าง 1", "Lower Northeast 1", "northeast", ["30", "31", "32", "36"]),
    ("northeast_lower_2", "กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนล่าง 2", "Lower Northeast 2", "northeast", ["33", "34", "35", "37"]),
    ("central_upper_1", "กลุ่มจังหวัดภาคกลางตอนบน 1", "Upper Central 1", "central_west", ["13", "14", "19"]),
    ("central_upper_2", "กลุ่มจังหวัดภาคกลางตอนบน 2", "Upper Central 2", "central_west", ["15", "16", "17", "18"]),
    ("central_lower_1", "กลุ่มจังหวัดภาคกลางตอนล่าง 1", "Lower Central 1", "central_west", ["70", "71", "72", "73"]),
    ("central_lower_2", "กลุ่มจังหวัดภาคกลางตอนล่าง 2", "Lower Central 2", "central_west", ["74", "75", "76", "77"]),
    ("central_middle", "กลุ่มจังหวัดภาคกลางตอนกลาง", "Middle Central", "east", ["24", "25", "26", "27"]),
    ("east", "กลุ่มจังหวัดภาคตะวันออก", "East", "east", ["20", "21", "22", "23"]),
    ("south_gulf", "กลุ่มจังหวัดภาคใต้ฝั่งอ่าวไทย", "Southern Gulf", "south", ["80", "84", "86", "93"]),
    ("south_andaman", "กลุ่มจังหวัดภาคใต้ฝั่งอันดามัน", "Southern Andaman", "south", ["81", "82", "83", "85", "92"]),
    ("south_border", "กลุ่มจังหวัดภาคใต้ชายแดน", "Southern Border", "south", ["90", "91", "94", "95", "96"]),
    ("bangkok", "กรุงเทพมหานครและปริมณฑล", "Bangkok and vicinity", "bangkok", ["10", "11", "12"]),
]

# CODI's programs (แผนงาน), DESIGN.md §4.
PROGRAMS = [
    ("baan_mankong", "บ้านมั่นคง", "Baan Mankong (secure housing)"),
    ("baan_porpeang", "บ้านพอเพียง", "Baan Porpeang (housing repair for the poor)"),
    ("canal_housing", "ที่อยู่อาศัยริมคลอง", "Canal-side housing"),
    ("homeless", "คนไร้บ้าน", "Homeless"),
    ("welfare", "สวัสดิการชุมชน", "Community welfare"),
    ("community_economy", "เศรษฐกิจชุมชน", "Community economy"),
    ("environment", "ทรัพยากรธรรมชาติและสิ่งแวดล้อม", "Natural resources and environment"),
    ("disaster", "ภัยพิบัติ", "Disaster"),
    ("council_support", "สนับสนุนสภาองค์กรชุมชน", "Community council support"),
    ("leadership", "พัฒนาศักยภาพผู้นำ", "Leadership development"),
]

# The 10 criteria of a self-managing province (shared/seed/: CODI's reform article).
CRITERIA = [
    (
        "การรวมกลุ่ม และเชื่อมโยงกันขององค์กรชุมชน และภาคีที่หลากหลายในระดับจังหวัด",
        "Community organizations and diverse partners are grouped and linked at province level",
    ),
    (
        "การจัดทำและเสนอแผนพัฒนาระดับจังหวัดของขบวนชุมชน และประชาสังคมให้เป็นที่ยอมรับของภาคี หน่วยงาน "
        "เพื่อให้ได้รับการบรรจุในแผน หรือนโยบายการพัฒนาในจังหวัด",
        "A provincial development plan of the community movement and civil society, proposed and "
        "accepted by partners and agencies so that it enters the province's plans or policies",
    ),
    (
        "มีระบบข้อมูล และตัวชี้วัดการพัฒนาของชุมชนท้องถิ่น มีการรายงานความก้าวหน้า การสื่อสารอย่างต่อเนื่อง",
        "A data system and development indicators of local communities, with continuous progress "
        "reports and communication",
    ),
    (
        "ศึกษา วิเคราะห์ปัญหา และนโยบายสำคัญที่จะส่งผลกระทบต่อชุมชนท้องถิ่นในจังหวัด "
        "และจัดทำข้อเสนอ แนวทางเพื่อแก้ไขปัญหาต่อหน่วยงานที่เกี่ยวข้อง",
        "Study and analyse problems and policies affecting local communities, and make proposals "
        "to the agencies concerned",
    ),
    (
        "โครงสร้าง และกลไกการทำงานที่มีส่วนร่วม ครอบคลุมหลากหลายประเด็นงาน "
        "เป็นที่ยอมรับของขบวนชุมชนท้องถิ่น ภาคีทุกภาคส่วน",
        "Participatory structures and working mechanisms covering many issues, accepted by the "
        "local community movement and partners of every sector",
    ),
    (
        "ระบบการบริหารจัดการ การทำงานร่วมกันระดับจังหวัด และการส่งเสริม กำกับให้ขบวนชุมชนในจังหวัด "
        "เป็นระบบที่เปิดเผย โปร่งใส และตรวจสอบได้",
        "Management and joint work at province level that is open, transparent and accountable",
    ),
    (
        "การทำงาน และตัวแทนของขบวนชุมชนจังหวัดเป็นที่รู้จักยอมรับของทุกฝ่าย (visibility) "
        "มีที่ทำการศูนย์ที่สามารถใช้ติดต่อประสานงานกลางที่ชัดเจน",
        "The province's community movement and its representatives are known and recognised "
        "(visibility), with a clear coordination centre",
    ),
    (
        "ส่งเสริม สนับสนุนชุมชนเข้มแข็งครอบคลุมทั้งจังหวัด เชื่อมโยงเป็นเครือข่ายการทำงานระหว่างชุมชน "
        "และกับภาคีที่หลากหลาย ทำงานเชื่อมโยงกับกลุ่มจังหวัด ภาค และประเทศ",
        "Strong communities across the whole province, networked with each other and with diverse "
        "partners, linked to the cluster, region and country",
    ),
    (
        "พัฒนาคนทุกรุ่น ทุกกลุ่ม มีระบบการเรียนรู้ จัดการความรู้ และการสื่อสารต่อสาธารณะอย่างต่อเนื่อง",
        "People of every generation and group are developed, with learning, knowledge management "
        "and continuous public communication",
    ),
    (
        "ประชุมร่วมกันของชุมชน เครือข่ายชุมชน และภาคีอย่างสม่ำเสมอ และจัดประชุมประจำปี "
        "เป็นสมัชชาจังหวัด ระหว่างขบวนชุมชน ประชาสังคม และภาคีทุกภาคส่วน",
        "Communities, networks and partners meet regularly and hold an annual provincial "
        "assembly of the community movement, civil society and every sector",
    ),
]


@dataclass(frozen=True)
class ReferenceCounts:
    provinces: int
    districts: int
    subdistricts: int


def seed_reference_data(session: Session) -> ReferenceCounts:
    """Insert every reference row that is missing (idempotent, one bulk insert per table)."""
    now = utcnow()
    common = {"province_code": None, "seq": None, "created_at": now, "updated_at": now}

    def insert_missing(model: type, rows: list[dict]) -> None:
        have = set(session.scalars(sa.select(model.id)))
        fresh = [r | common for r in rows if r["id"] not in have]
        if fresh:
            session.execute(sa.insert(model), fresh)

    insert_missing(
        Region,
        [
            {"id": reference_id("region", code), "code": code, "name_th": th, "name_en": en,
             "sort_order": i}
            for i, (code, th, en) in enumerate(REGIONS)
        ],
    )
    cluster_of: dict[str, str] = {}
    cluster_rows = []
    for i, (code, th, en, region, provinces) in enumerate(CLUSTERS):
        cid = reference_id("province_cluster", code)
        cluster_rows.append({"id": cid, "code": code, "name_th": th, "name_en": en,
                             "region_id": reference_id("region", region), "sort_order": i})
        for p in provinces:
            cluster_of[p] = cid
    insert_missing(ProvinceCluster, cluster_rows)

    provinces = geothai.provinces()
    insert_missing(
        Province,
        [{"id": p.code, "name_th": p.name_th, "name_en": p.name_en,
          "cluster_id": cluster_of.get(p.code), "pilot_status": "none"} for p in provinces],
    )
    districts = [d for p in provinces for d in geothai.districts(p.code)]
    insert_missing(
        District,
        [{"id": d.code, "name_th": d.name_th, "name_en": d.name_en,
          "province_id": d.province_code} for d in districts],
    )
    subdistricts = [s for d in districts for s in geothai.subdistricts(d.code)]
    insert_missing(
        Subdistrict,
        [{"id": s.code, "name_th": s.name_th, "name_en": s.name_en, "district_id": s.district_code,
          "province_id": s.province_code,
          "postal_code": s.postal_codes[0] if s.postal_codes else None} for s in subdistricts],
    )
    insert_missing(
        Program,
        [{"id": reference_id("program", code), "code": code, "name_th": th, "name_en": en,
          "sort_order": i} for i, (code, th, en) in enumerate(PROGRAMS)],
    )
    insert_missing(
        Criterion,
        [{"id": reference_id("criterion", str(n)), "number": n, "text_th": th, "text_en": en}
         for n, (th, en) in enumerate(CRITERIA, start=1)],
    )
    insert_missing(
        CriterionLevel,
        [{"id": reference_id("criterion_level", f"{n}:{level}"),
          "criterion_id": reference_id("criterion", str(n)), "level": level,
          "text_th": th, "text_en": en}
         for n, levels in CRITERION_LEVELS.items() for level, (th, en) in enumerate(levels)],
    )
    return ReferenceCounts(len(provinces), len(districts), len(subdistricts))


def ensure_reference_data(store) -> None:
    """Seed reference rows once per reference version (cheap on every later start)."""
    if store.get_setting("reference_version") == REFERENCE_VERSION:
        return
    with store.sessions.begin() as session:
        session.info["capture"] = False
        seed_reference_data(session)
    store.set_setting("reference_version", REFERENCE_VERSION)
