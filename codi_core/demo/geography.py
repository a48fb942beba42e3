"""The demo's geography (the province's real districts and tambons) and its communities."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import geothai

from codi_core.models import (
    Community,
    CommunityKind,
)

from .base import GeneratorBase
from .words import COASTAL_PROVINCES, URBAN_PATTERNS


class GeographyMixin(GeneratorBase):
    """Tambons chosen for the scale; communities on them."""

    # -- geography -----------------------------------------------------------------------

    def _geography(self) -> None:
        districts = geothai.districts(self.pc)
        self.district_names = {d.code: d.name_th for d in districts}
        all_tambons = [
            (s.code, s.name_th, d.code) for d in districts for s in geothai.subdistricts(d.code)
        ]
        # A small demo covers the first tambons in DOPA order (the capital district's
        # first), so it still reads like one real part of the province.
        want = max(6, round(len(all_tambons) * self.scale.factor))
        self.tambons = chosen = all_tambons[:want]
        self.tambon_name = {code: name for code, name, _d in chosen}
        self.tambon_district = {code: d for code, _n, d in chosen}
        self.districts = sorted({d for _c, _n, d in chosen})
        self.capital_district = self.districts[0]

    # -- communities ---------------------------------------------------------------------

    def communities(self) -> list[dict[str, Any]]:
        rng = self.rng
        n = self.scale.communities
        weights = [rng.uniform(0.5, 1.5) for _ in self.tambons]
        per_tambon = defaultdict(int)
        for t in rng.choices(range(len(self.tambons)), weights=weights, k=n):
            per_tambon[t] += 1
        coastal = self.pc in COASTAL_PROVINCES
        kinds = [CommunityKind.VILLAGE, CommunityKind.URBAN, CommunityKind.CANAL_SIDE,
                 CommunityKind.RAILWAY, CommunityKind.FOREST, CommunityKind.COASTAL,
                 CommunityKind.OTHER]
        kind_weights = [62, 14, 8, 3, 6, 5 if coastal else 0, 2]
        rows: list[dict[str, Any]] = []
        self.communities_by_tambon: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.community_short: dict[str, str] = {}
        for t_index in range(len(self.tambons)):
            code, _name, district = self.tambons[t_index]
            urban_boost = 10 if self.pc == "10" else 3 if district == self.capital_district else 1
            moo = 0
            for _ in range(per_tambon[t_index]):
                kind = rng.choices(
                    kinds, weights=[w * (urban_boost if k is CommunityKind.URBAN else 1)
                                    for k, w in zip(kinds, kind_weights, strict=True)]
                )[0]
                x = self.place_name()
                if kind in (CommunityKind.VILLAGE, CommunityKind.FOREST):
                    name = f"ชุมชนบ้าน{x}"
                    short = f"บ้าน{x}"
                elif kind is CommunityKind.URBAN:
                    name = rng.choice(URBAN_PATTERNS).format(x=x)
                    short = name.removeprefix("ชุมชน")
                elif kind is CommunityKind.CANAL_SIDE:
                    name = f"ชุมชนริมคลอง{x}"
                    short = f"ริมคลอง{x}"
                elif kind is CommunityKind.RAILWAY:
                    name = f"ชุมชนริมทางรถไฟ{x}"
                    short = f"ริมทางรถไฟ{x}"
                elif kind is CommunityKind.COASTAL:
                    name = f"ชุมชนประมงบ้าน{x}"
                    short = f"บ้าน{x}"
                else:
                    name = f"ชุมชน{x}"
                    short = x
                village = kind in (CommunityKind.VILLAGE, CommunityKind.FOREST,
                                   CommunityKind.COASTAL)
                if village:
                    moo += 1
                households = rng.randint(40, 350) if village else rng.randint(60, 600)
                created = self.moment(self.day_between(dt.date(2016, 1, 5), dt.date(2019, 9, 30)))
                leader, _g = self.walk_in_name()
                r = self.row(
                    Community, created,
                    created + dt.timedelta(days=rng.randint(0, 2000)),
                    name=name, kind=kind, subdistrict_id=code, district_id=district,
                    moo=moo if village and moo <= 30 else None, households=households,
                    population=int(households * rng.uniform(2.6, 3.8)),
                    leader_name=leader, phone=self.phone() if rng.random() < 0.8 else None,
                    notes=None,
                )
                rows.append(r)
                self.communities_by_tambon[code].append(r)
                self.community_short[r["id"]] = short
        self.community_rows = rows
        self.community_by_id = {c["id"]: c for c in rows}
        return rows
