"""The one rule for a date or year typed where the Buddhist Era is expected
(``codi_core.formatting``): day/month/BE year, a CE year converted and said so."""

from __future__ import annotations

import datetime as dt

import pytest

from codi_core.formatting import parse_typed_date, typed_be_year, typed_date_text


@pytest.mark.parametrize("text, expected, was_ce", [
    ("25/11/2569", dt.date(2026, 11, 25), False),
    ("1.3.2568", dt.date(2025, 3, 1), False),
    ("๑๕/๑๒/๒๕๖๙", dt.date(2026, 12, 15), False),  # Thai digits
    ("15/12/2026", dt.date(2026, 12, 15), True),    # CE typed: converted
    (" 29-2-2567 ", dt.date(2024, 2, 29), False),   # 2567 BE = 2024, a leap year
])
def test_typed_dates(text, expected, was_ce):
    assert parse_typed_date(text) == (expected, was_ce)


@pytest.mark.parametrize("text", ["", "2569", "31/2/2568", "29/2/2568", "1/13/2569", "abc"])
def test_not_a_date(text):
    with pytest.raises(ValueError):
        parse_typed_date(text)


def test_years_and_the_text_written_back():
    assert typed_be_year(2026) == (2569, True)
    assert typed_be_year(2569) == (2569, False)
    assert typed_be_year(2400) == (2400, False)
    assert typed_date_text(dt.date(2025, 4, 5)) == "05/04/2568"
