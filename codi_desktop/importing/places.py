"""Finding a tambon of this province from what a spreadsheet wrote: a name (with or
without ต./ตำบล), or its DOPA code, narrowed by the district and province when given.

A name found in several districts is not guessed: the row asks which one is meant,
naming the districts and their tambon codes.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.models import District, Province, Subdistrict

from .values import CellError, arabic_digits, text

_PREFIXES = ("กิ่งอำเภอ", "จังหวัด", "ตำบล", "อำเภอ", "แขวง", "เขต", "จ.", "ต.", "อ.")


def place_key(name: str) -> str:
    key = re.sub(r"\s+", "", name or "").casefold()
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix):]
    return key


class Places:
    """The province's tambons, districts and its own name, loaded once per import."""

    def __init__(self, session: Session, province: str):
        self.province = province
        self.subdistricts: dict[str, list[tuple[str, str]]] = {}
        self.sub_ids: dict[str, tuple[str, str]] = {}  # id -> (name, district id)
        for sid, th, en, did in session.execute(
            sa.select(Subdistrict.id, Subdistrict.name_th, Subdistrict.name_en,
                      Subdistrict.district_id).where(Subdistrict.province_id == province)
        ):
            self.sub_ids[sid] = (th, did)
            for name in {place_key(th), place_key(en or "")} - {""}:
                self.subdistricts.setdefault(name, []).append((sid, did))
        self.districts: dict[str, str] = {}
        self.district_names: dict[str, str] = {}
        self.district_names_en: dict[str, str] = {}
        for did, th, en in session.execute(
            sa.select(District.id, District.name_th, District.name_en).where(
                District.province_id == province)
        ):
            self.district_names[did] = th
            self.district_names_en[did] = en or did
            names = {place_key(th), place_key(en or "")}
            if th.startswith("เมือง"):
                names.add("เมือง")  # อ.เมือง: the province's capital district
            for name in names - {""}:
                self.districts.setdefault(name, did)
        prov = session.get(Province, province)
        self.province_names = {province}
        if prov is not None:
            self.province_names |= {place_key(prov.name_th), place_key(prov.name_en or "")}

    def district(self, value) -> str | None:
        raw = arabic_digits(text(value))
        if not raw:
            return None
        if re.fullmatch(r"\d{4}", raw):
            if raw not in self.district_names:
                raise CellError(f"รหัสอำเภอ {raw} ไม่อยู่ในจังหวัดนี้",
                                f"district code {raw} is not in this province")
            return raw
        did = self.districts.get(place_key(raw))
        if did is None:
            raise CellError(f"ไม่พบอำเภอ '{raw}' ในจังหวัดนี้",
                            f"no district '{raw}' in this province")
        return did

    def check_province(self, value) -> None:
        raw = arabic_digits(text(value))
        if raw and place_key(raw) not in self.province_names:
            raise CellError(f"จังหวัด '{raw}' ไม่ใช่จังหวัดของฐานข้อมูลนี้",
                            f"province '{raw}' is not this database's province")

    def subdistrict(self, tambon, district=None, province=None) -> str | None:
        """The tambon id, or ``CellError`` (unknown, outside the province, or ambiguous)."""
        self.check_province(province)
        district_id = self.district(district)
        raw = arabic_digits(text(tambon))
        if not raw:
            return None
        if re.fullmatch(r"\d{6}", raw):
            if raw not in self.sub_ids:
                raise CellError(f"รหัสตำบล {raw} ไม่อยู่ในจังหวัดนี้",
                                f"subdistrict code {raw} is not in this province")
            if district_id and self.sub_ids[raw][1] != district_id:
                raise CellError(f"ตำบลรหัส {raw} ไม่อยู่ในอำเภอที่ระบุ",
                                f"subdistrict {raw} is not in the district given")
            return raw
        choices = self.subdistricts.get(place_key(raw), [])
        if district_id:
            narrowed = [c for c in choices if c[1] == district_id]
            if choices and not narrowed:
                raise CellError(
                    f"ตำบล '{raw}' ไม่อยู่ในอำเภอ{self.district_names[district_id]}",
                    f"subdistrict '{raw}' is not in {self.district_names_en[district_id]} "
                    "district")
            choices = narrowed
        if not choices:
            raise CellError(f"ไม่พบตำบล '{raw}' ในจังหวัดนี้",
                            f"no subdistrict '{raw}' in this province")
        if len(choices) > 1:
            options_th = ", ".join(f"อ.{self.district_names[d]} (รหัส {s})" for s, d in choices)
            options_en = ", ".join(f"{self.district_names_en[d]} district (code {s})"
                                   for s, d in choices)
            raise CellError(
                f"ตำบล '{raw}' มีอยู่ {len(choices)} แห่ง: {options_th} — หมายถึงแห่งใด? "
                "กรุณาเพิ่มคอลัมน์อำเภอ หรือใส่รหัสตำบลแทนชื่อ",
                f"which subdistrict '{raw}'? There are {len(choices)}: {options_en}; "
                "add a district column or give the subdistrict code")
        return choices[0][0]
