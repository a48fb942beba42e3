"""The agenda template new meetings start from: the six standard sections, or this
device's own wording of them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from codi_core.errors import ServiceError
from codi_desktop.store.database import Store

from .._common import Errors


@dataclass
class TemplateSection:
    section: int  # 1..6
    title: str
    sub_items: list[str] = field(default_factory=list)  # standing sub-items, if any


DEFAULT_TEMPLATE: tuple[TemplateSection, ...] = (
    TemplateSection(1, "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"),
    TemplateSection(2, "รับรองรายงานการประชุมครั้งที่แล้ว"),
    TemplateSection(3, "เรื่องสืบเนื่อง"),
    TemplateSection(4, "เรื่องเพื่อทราบ"),
    TemplateSection(5, "เรื่องเพื่อพิจารณา"),
    TemplateSection(6, "เรื่องอื่น ๆ"),
)


TEMPLATE_SETTING = "meeting_agenda_template"


def agenda_template(store: Store) -> list[TemplateSection]:
    """The template new meetings start from: this device's own, or the standard one."""
    raw = store.get_setting(TEMPLATE_SETTING)
    if not raw:
        return [dataclasses.replace(s, sub_items=list(s.sub_items)) for s in DEFAULT_TEMPLATE]
    return [TemplateSection(int(r["section"]), r["title"], list(r.get("sub_items") or []))
            for r in raw]


def set_agenda_template(store: Store, sections: list[TemplateSection]) -> None:
    """Keep a province's own wording of the six sections (a local setting, not synced)."""
    if sorted(s.section for s in sections) != [1, 2, 3, 4, 5, 6]:
        raise ServiceError("template_sections")
    errors = Errors()
    for s in sections:
        errors.text("title", s.title, required=True, max_len=500)
    errors.raise_if_any()
    store.set_setting(TEMPLATE_SETTING, [
        {"section": s.section, "title": s.title.strip(),
         "sub_items": [t.strip() for t in s.sub_items if t.strip()]}
        for s in sorted(sections, key=lambda s: s.section)
    ])
