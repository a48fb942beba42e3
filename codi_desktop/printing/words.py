"""The line breaker's own words: every place name of Thailand and CODI's terms.

pythainlp's dictionary does not know most tambon names (it reads บ่อ|เกษม, หนอง|กระทุ่ม)
and reads โครงการบ้านมั่นคง as โครง|การบ้าน|มั่นคง (homework). These words are added
to the segmenter's dictionary when it is loaded, so no line ever breaks inside them:

- every province, district and tambon name from ``geothai`` (DOPA's list);
- CODI's programs, also as one unit with โครงการ / แผนงาน in front, the organization
  types, the bodies that meet (committees, councils, assemblies) and the words of the
  official forms.

The names of the people, communities and organizations of one document come with the
document (``extra_words``); :func:`person_name_parts` gives the parts of people's names.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

__all__ = ["FORM_TERMS", "codi_terms", "dictionary_words", "person_name_parts", "place_names"]

#: Phrases of the forms that must not break across lines (the segmenter splits them
#: into their parts: งด|ออกเสียง, ผู้จด|รายงานการประชุม).
FORM_TERMS = (
    "งดออกเสียง",
    "ไม่เห็นด้วย",
    "ผู้จดรายงานการประชุม",
    "ผู้ตรวจรายงานการประชุม",
    "มติที่ประชุม",
    "ระเบียบวาระที่",
    "ระเบียบวาระการประชุม",
    "ลายมือชื่อ",
    "ผู้มาประชุม",
    "ผู้ไม่มาประชุม",
    "ผู้เข้าร่วมประชุม",
    "เริ่มประชุมเวลา",
    "เลิกประชุมเวลา",
    "ครั้งที่",
    "วันที่",
    "หมู่ที่",
    "มาแทน",
    "ใบลงทะเบียน",
    "ขอแสดงความนับถือ",
    "สิ่งที่ส่งมาด้วย",
    "ปีงบประมาณ",
)

#: The organization types and the bodies that meet, as GLOSSARY.md names them.
#: (They move to codi_core.labels with the other enum labels.)
_BODIES_AND_TYPES = (
    "สภาองค์กรชุมชนตำบล",
    "สภาองค์กรชุมชน",
    "กองทุนสวัสดิการชุมชน",
    "กลุ่มออมทรัพย์",
    "สหกรณ์เคหสถาน",
    "เครือข่าย",
    "องค์กรชุมชน",
    "ขบวนองค์กรชุมชน",
    "หน่วยงานภาคี",
    "คณะกรรมการ",
    "คณะทำงาน",
    "คณะกรรมการขบวนองค์กรชุมชนจังหวัด",
    "คณะกรรมการขับเคลื่อนจังหวัดจัดการตนเอง",
    "จังหวัดจัดการตนเอง",
    "สมัชชาจังหวัด",
    "สมัชชาสภาองค์กรชุมชนจังหวัด",
    "การประชุมกลุ่มจังหวัด",
    "การหารือภาคี",
    "ศูนย์ประสานงานขบวนองค์กรชุมชนจังหวัด",
    "สถาบันพัฒนาองค์กรชุมชน",
    "องค์การมหาชน",
    "องค์การบริหารส่วนตำบล",
    "พอช.",
)


@functools.cache
def place_names() -> frozenset[str]:
    """Every province, district and tambon name in Thai (geothai, about 8,400)."""
    import geothai

    names: set[str] = set()
    for province in geothai.provinces():
        names.add(province.name_th)
        for district in geothai.districts(province.code):
            names.add(district.name_th)
            names.update(s.name_th for s in geothai.subdistricts(district.code))
    return frozenset(n.strip() for n in names if n and n.strip())


@functools.cache
def codi_terms() -> frozenset[str]:
    """CODI's programs (alone and after โครงการ / แผนงาน), bodies and form words."""
    from codi_core.reference import PROGRAMS

    terms = set(FORM_TERMS) | set(_BODIES_AND_TYPES)
    for _code, name_th, _name_en in PROGRAMS:
        terms.update({name_th, f"โครงการ{name_th}", f"แผนงาน{name_th}"})
    return frozenset(terms)


def dictionary_words() -> frozenset[str]:
    """Everything the line breaker adds to pythainlp's dictionary."""
    return place_names() | codi_terms()


_HONORIFICS = ("นางสาว", "นาย", "นาง", "น.ส.", "ดร.")


def person_name_parts(names: Iterable[str]) -> list[str]:
    """The first and last names in *names* without honorifics: Thai names are rarely in
    the segmenter's dictionary and must not be broken across lines."""
    words: set[str] = set()
    for name in names:
        for part in (name or "").split():
            for prefix in _HONORIFICS:
                part = part.removeprefix(prefix)
            if len(part) > 1:
                words.add(part)
    return sorted(words)
