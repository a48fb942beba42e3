"""In English the screens still give dates in the Buddhist Era, as they are typed (วว/ดด/ปปปป
พ.ศ.) and as the history shows them: one year, whatever the language."""

import datetime as dt

from codi_desktop.ui.i18n import install_language
from codi_desktop.ui.labels import date_text, datetime_text


def test_english_dates_are_buddhist_era_and_bangkok():
    install_language("en")
    # Hand-written: 2026 CE + 543 = 2569 BE; 20:00 UTC on 1 December is 03.00 on 2 December
    # in Bangkok (UTC+7).
    assert date_text(dt.date(2026, 12, 15)) == "15 December 2569 BE"
    moment = dt.datetime(2026, 12, 1, 20, 0, tzinfo=dt.UTC)
    assert datetime_text(moment).startswith("2 December 2569 BE ")
    install_language("th")
    assert date_text(dt.date(2026, 12, 15)) == "15 ธ.ค. 2569"
