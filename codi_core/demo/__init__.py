"""The demo province: a realistic, deterministic sandbox for training, trying and testing.

``generate_demo`` makes every row of a province's data set (communities, organizations,
people, projects and their budget ledger, meetings with agendas and attendance, the
self-managing province assessment) on the province's REAL districts and tambons from
``geothai``, with Thai names that look real. The same seed gives the same rows, ids
included. It yields ``(model class, rows)`` in foreign-key order (parents first), every
column present, so both ``build_demo`` here and the server's ``codi-server demo`` can
bulk-insert the lists as they come: that signature and row shape are a contract. The one
link that points forward within a table (a meeting's minutes certified by the body's next
meeting) comes separately from ``certification_links(meeting_rows)``, to apply after the
insert.

``codi_desktop.store.demo.build_demo`` writes the rows into a local database marked
``demo`` (a sandbox: its change sets stay "local" and it is never enrolled or synced);
``cli_demo`` there is ``codi-desktop demo``.

The story is anchored on a fixed day (``DEMO_TODAY``, in fiscal year 2569) rather than
the clock, so that a seed always tells the same story: meetings before it are held,
certified or locked; those after it are planned.

The package: ``words`` loads the Thai word lists (``data/*.json``); ``base`` holds the
scales, the story's years and the row and id maker; one mixin per domain makes its
tables (``geography``: tambons and communities, ``people``: organizations, people and
memberships, ``projects``: projects, indicators and the budget ledger, ``meetings``:
meetings, agendas, attendance, votes and action items, ``smp``: the self-managing
province's assessments, plans and indicators); ``generator`` puts them together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import geothai

from .base import DEMO_TODAY, SCALES, Scale
from .generator import DEMO_MODELS, Generator
from .meetings import certification_links

__all__ = ["DEMO_MODELS", "DEMO_TODAY", "SCALES", "Scale", "certification_links", "generate_demo"]


def generate_demo(
    province_code: str, scale: str, seed: int = 2567, *, today: dt.date = DEMO_TODAY
) -> Iterator[tuple[type, list[dict[str, Any]]]]:
    """Yield ``(model class, rows)`` for a demo province, parents before children.

    Rows are dicts with every column of the table as Python values (enum members, ``date``,
    aware UTC ``datetime``); ``province_code`` is set, ``seq`` and ``deleted_at`` are None.
    Deterministic: the same arguments give the same rows, ids included.
    """
    if scale not in SCALES:
        raise ValueError(f"unknown demo scale {scale!r}; use one of {sorted(SCALES)}")
    province = geothai.province(province_code)
    if province is None:
        raise ValueError(f"unknown province code {province_code!r}")
    # Everything is made before the first yield, so a consumer may change or drop the
    # rows it was given without changing what comes after.
    yield from Generator(province, SCALES[scale], seed, today).run()


