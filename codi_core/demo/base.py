"""What every demo generator module shares: the story's day and years, the scales, time
helpers, and the base class that makes rows and ids."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from codi_core.models import Gender
from codi_core.reference import CLUSTERS

from .words import (
    FEMALE_NAMES,
    MALE_NAMES,
    SURNAME_ENDINGS,
    SURNAME_HEADS,
    SURNAME_TAILS,
    VILLAGE_HEADS,
    VILLAGE_TAILS,
)

UTC = dt.UTC
BANGKOK = dt.timezone(dt.timedelta(hours=7), "Asia/Bangkok")

# The day the demo story stands on: late in fiscal year 2569 (BE), so the current year's
# projects are under way and a few meetings are still ahead.
DEMO_TODAY = dt.date(2026, 8, 17)
FIRST_FY, LAST_FY = 2560, 2569
FISCAL_YEARS = list(range(FIRST_FY, LAST_FY + 1))


@dataclass(frozen=True)
class Scale:
    """How big a demo province is. ``large`` is the size of the biggest province."""

    name: str
    factor: float
    communities: int
    organizations: int
    people: int
    projects: int
    meetings: int
    attendance: int
    agenda_items: int
    working_groups: int
    committee_size: int
    # meetings a year: provincial committee, cluster, each working group, partner forum
    rates: tuple[int, int, int, int]


SCALES: dict[str, Scale] = {
    "large": Scale("large", 1.0, 4000, 1500, 8000, 2500, 2500, 50000, 12000, 12, 31,
                   (12, 4, 6, 4)),
    "small": Scale("small", 0.05, 200, 75, 400, 125, 125, 2500, 600, 2, 15, (3, 1, 2, 1)),
}



def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A Bangkok wall-clock time on *day*, as an aware UTC datetime."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BANGKOK).astimezone(UTC)


def fy_start(fy: int) -> dt.date:
    return dt.date(fy - 544, 10, 1)


def fy_end(fy: int) -> dt.date:
    return dt.date(fy - 543, 9, 30)


def fy_of(day: dt.date) -> int:
    return day.year + 543 + (1 if day.month >= 10 else 0)


def weekday(day: dt.date) -> dt.date:
    """Meetings happen on weekdays: move a weekend to the Monday/Friday next to it."""
    if day.weekday() == 5:
        return day - dt.timedelta(days=1)
    if day.weekday() == 6:
        return day + dt.timedelta(days=1)
    return day


def split_amount(total: int, parts: int, rng: random.Random, unit: int) -> list[int]:
    """Split *total* into *parts* positive amounts, all but the last rounded to *unit*."""
    if parts <= 1 or total < parts * unit * 2:
        return [total]
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    scale = total / sum(weights)
    out = [max(unit, int(w * scale) // unit * unit) for w in weights[:-1]]
    rest = total - sum(out)
    if rest <= 0:
        return [total]
    return [*out, rest]



class GeneratorBase:
    """One demo province's state: the random streams, the scale, and row making."""

    def __init__(self, province: Any, scale: Scale, seed: int, today: dt.date) -> None:
        self.province = province
        self.pc: str = province.code
        bangkok = self.pc == "10"
        self.T = "แขวง" if bangkok else "ตำบล"  # what a subdistrict is called here
        self.A = "เขต" if bangkok else "อำเภอ"  # and a district
        self.pname: str = province.name_th
        self.scale = scale
        self.today = today
        self.now = at(today, 10)
        self.rng = random.Random(f"codi-demo/{seed}/{self.pc}/{scale.name}")
        self._ids = random.Random(f"codi-demo-ids/{seed}/{self.pc}/{scale.name}")
        self._templates: dict[type, dict[str, Any]] = {}
        self.cluster_name = next(
            (th for _c, th, _e, _r, codes in CLUSTERS if self.pc in codes), None
        )
        self._geography()

    # -- helpers -------------------------------------------------------------------------

    def new_id(self, when: dt.datetime) -> str:
        """A UUIDv7-shaped id: the row's creation time in ms, then seeded random bits."""
        ms = int(when.timestamp() * 1000)
        bits = self._ids.getrandbits(74)
        value = (ms << 80) | (7 << 76) | ((bits >> 62) << 64) | (2 << 62) | (bits & ((1 << 62) - 1))
        h = f"{value:032x}"  # what str(uuid.UUID(int=value)) gives, without the object
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def row(self, model: type, created: dt.datetime, updated: dt.datetime | None = None,
            **fields: Any) -> dict[str, Any]:
        template = self._templates.get(model)
        if template is None:
            template = {}
            for column in model.__table__.columns:  # type: ignore[attr-defined]
                default = column.default
                template[column.key] = (
                    default.arg if default is not None and default.is_scalar else None
                )
            self._templates[model] = template
        created = min(created, self.now)
        r = dict(template)
        r["id"] = self.new_id(created)
        r["province_code"] = self.pc
        r["created_at"] = created
        r["updated_at"] = min(max(updated or created, created), self.now)
        r.update(fields)
        return r

    def day_between(self, start: dt.date, end: dt.date) -> dt.date:
        if end <= start:
            return start
        return start + dt.timedelta(days=self.rng.randrange((end - start).days + 1))

    def moment(self, day: dt.date) -> dt.datetime:
        """Some office-hours moment on *day* (when a row was typed in)."""
        return at(day, self.rng.randint(8, 16), self.rng.randrange(60))

    def phone(self) -> str:
        rng = self.rng
        first = rng.choices("896", weights=(7, 2, 1))[0]
        return f"0{first}{rng.randrange(10)}-{rng.randrange(1000):03d}-{rng.randrange(10000):04d}"

    def place_name(self) -> str:
        return self.rng.choice(VILLAGE_HEADS) + self.rng.choice(VILLAGE_TAILS)

    def surname(self) -> str:
        rng = self.rng
        head, tail = rng.choice(SURNAME_HEADS), rng.choice(SURNAME_TAILS)
        if head == tail:
            tail = "สุวรรณ"
        name = head + tail
        if rng.random() < 0.15 and tail not in SURNAME_ENDINGS:
            # Longer family names end the way Thai ones do (…วงศ์, …กุล, …ชัย).
            name += rng.choice(SURNAME_ENDINGS)
        return name

    def full_name(self, p: dict[str, Any]) -> str:
        return f"{p['prefix'] or ''}{p['first_name']} {p['last_name']}"

    def walk_in_name(self) -> tuple[str, Gender]:
        gender = Gender.FEMALE if self.rng.random() < 0.55 else Gender.MALE
        first = self.rng.choice(FEMALE_NAMES if gender is Gender.FEMALE else MALE_NAMES)
        prefix = "นาย" if gender is Gender.MALE else self.rng.choice(("นาง", "นางสาว"))
        return f"{prefix}{first} {self.surname()}", gender
