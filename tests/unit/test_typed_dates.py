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


@pytest.mark.parametrize("text", ["15/12/2026", "15/12/2569", "01/01/2400", "31/12/2399",
                                  "๑๕/๑๒/๒๕๖๙"])
def test_a_spreadsheet_date_follows_the_same_rule_as_a_date_field(text):
    """The importer reads a four-digit year by the one BE/CE rule of the date fields."""
    from codi_desktop.importing import values

    day, was_ce = parse_typed_date(text)
    assert values.date(text) == (day, values.CE if was_ce else values.BE)


def test_a_spreadsheet_fiscal_year_follows_the_same_rule():
    from codi_desktop.importing import values

    assert values.fiscal_year(2026) == (2569, values.CE)  # as typed_be_year(2026)
    assert values.fiscal_year(2569) == (2569, values.BE)
    assert values.fiscal_year(69) == (2569, values.BE)   # two digits: BE
    assert values.date(dt.date(2569, 3, 15)) == (dt.date(2026, 3, 15), values.BE)  # a BE cell
    assert values.date(dt.date(2026, 3, 15)) == (dt.date(2026, 3, 15), values.CE)
    for wrong in (2399, 2701, 1956):
        with pytest.raises(values.CellError):
            values.fiscal_year(wrong)
