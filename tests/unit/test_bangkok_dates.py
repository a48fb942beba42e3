"""Dates are Bangkok dates (issue 13): "today" is the date in Thailand at this instant,
never the laptop's zone. Time reaches the services as a ``today`` argument (the way
``actions.open_action_items`` already took it) whose default is
``codi_core.formatting.bangkok_today``; that one clock takes an instant, so a fixed UTC
instant is tested without touching the system clock."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from codi_core.formatting import bangkok_today
from codi_desktop.services import dashboard, organizations

UTC = dt.UTC
#: 20:00 UTC on 1 December 2026 is 03:00 on 2 December in Bangkok (UTC+7 all year).
EVENING_UTC = dt.datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


def test_bangkok_today_is_the_date_in_thailand():
    assert bangkok_today(EVENING_UTC) == dt.date(2026, 12, 2)
    assert bangkok_today(dt.datetime(2026, 12, 1, 16, 59, 59, tzinfo=UTC)) == dt.date(2026, 12, 1)
    assert bangkok_today(dt.datetime(2026, 12, 1, 17, 0, tzinfo=UTC)) == dt.date(2026, 12, 2)
    # the same instant written in another zone is the same Bangkok date
    new_york = dt.timezone(dt.timedelta(hours=-5))
    assert bangkok_today(EVENING_UTC.astimezone(new_york)) == dt.date(2026, 12, 2)


def test_a_naive_instant_is_refused_not_guessed():
    with pytest.raises(ValueError):
        bangkok_today(dt.datetime(2026, 12, 1, 20, 0))


def test_the_fiscal_year_turns_on_the_bangkok_date():
    # 30 September 2026 20:00 UTC is 1 October 2026 (2569 BE) in Bangkok: fiscal year 2570
    instant = dt.datetime(2026, 9, 30, 20, 0, tzinfo=UTC)
    assert dashboard.current_fiscal_year(bangkok_today(instant)) == 2570
    assert dashboard.current_fiscal_year(dt.date(2026, 9, 30)) == 2569


def test_a_date_of_the_bangkok_today_is_not_in_the_future():
    today = bangkok_today(EVENING_UTC)  # 2 December, while UTC still says 1 December
    data = organizations.OrganizationData(name="สภาองค์กรชุมชนตำบลทดสอบ", kind="tambon_council",
                                          registered_on=dt.date(2026, 12, 2))
    assert "registered_on" not in organizations.validate_organization(data, today)
    later = organizations.OrganizationData(name="สภาองค์กรชุมชนตำบลทดสอบ", kind="tambon_council",
                                           registered_on=dt.date(2026, 12, 3))
    errors = organizations.validate_organization(later, today)
    assert errors["registered_on"].code == "date_in_future"


def _laptop_clock_calls(tree: ast.AST) -> list[int]:
    """Lines calling ``date.today()``, ``datetime.today()``, ``datetime.utcnow()`` or
    ``datetime.now()`` without a zone: the laptop's own date."""
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        owner_name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        if owner_name not in ("date", "datetime"):
            continue
        attr = node.func.attr
        if attr in ("today", "utcnow") or (attr == "now" and not node.args and not node.keywords):
            lines.append(node.lineno)
    return lines


def test_no_code_reads_the_laptops_date():
    found = {}
    for package in ("codi_core", "codi_desktop", "codi_server"):
        for path in (ROOT / package).rglob("*.py"):
            lines = _laptop_clock_calls(ast.parse(path.read_text(encoding="utf-8")))
            if lines:
                found[str(path.relative_to(ROOT))] = lines
    assert not found, f"use codi_core.formatting.bangkok_today: {found}"


def test_the_scan_finds_a_laptop_clock():  # the scan above is not vacuous
    code = "import datetime as dt\na = dt.date.today()\nb = dt.datetime.now()\nc = dt.datetime.now(UTC)\n"
    assert _laptop_clock_calls(ast.parse(code)) == [2, 3]
