"""Thai dates, times, fiscal years and money as people read them (codi_core.formatting)."""

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from codi_core import formatting as f
from codi_desktop.printing import thai_words


class TestDates:
    def test_thai_date_uses_buddhist_era_and_full_month(self):
        assert f.thai_date(date(2026, 11, 25)) == "25 พฤศจิกายน 2569"
        assert f.thai_date(date(2027, 1, 1)) == "1 มกราคม 2570"

    def test_every_month_has_its_thai_name(self):
        names = [f.thai_date(date(2026, m, 1)).split()[1] for m in range(1, 13)]
        assert names == list(f.THAI_MONTHS)
        assert len(set(names)) == 12

    def test_short_date(self):
        assert f.thai_date_short(date(2026, 11, 25)) == "25 พ.ย. 2569"
        assert f.thai_date_short(date(2026, 2, 3), two_digit_year=True) == "3 ก.พ. 69"

    def test_long_date_has_weekday(self):
        # 25 November 2026 is a Wednesday.
        assert f.thai_date_long(date(2026, 11, 25)) == "วันพุธที่ 25 พฤศจิกายน 2569"

    def test_thai_digits_option(self):
        assert f.thai_date(date(2026, 11, 25), use_thai_digits=True) == "๒๕ พฤศจิกายน ๒๕๖๙"
        assert f.thai_digits("ครั้งที่ 3/2569 เวลา 09.30") == "ครั้งที่ ๓/๒๕๖๙ เวลา ๐๙.๓๐"

    def test_english(self):
        assert f.english_date(date(2026, 11, 25)) == "25 November 2026"
        assert f.english_date(date(2026, 11, 25), buddhist_era=True) == "25 November 2569 BE"
        assert f.english_time(time(9, 5)) == "09:05"

    def test_be_year(self):
        assert f.be_year(date(2026, 1, 1)) == 2569
        assert f.be_year(2026) == 2569


class TestTimes:
    def test_thai_time(self):
        assert f.thai_time(time(14, 30)) == "14.30 น."
        assert f.thai_time(time(9, 0)) == "09.00 น."
        assert f.thai_time(time(9, 0), suffix=False) == "09.00"

    def test_utc_to_bangkok(self):
        stored = datetime(2026, 11, 25, 2, 30)  # naive = UTC, as storage holds it
        local = f.to_bangkok(stored)
        assert (local.hour, local.minute) == (9, 30)
        assert local.utcoffset() == timedelta(hours=7)
        assert f.thai_time(datetime(2026, 11, 25, 7, 30, tzinfo=UTC)) == "14.30 น."

    def test_aware_datetime_crossing_midnight_gives_the_bangkok_date(self):
        late_utc = datetime(2026, 12, 31, 18, 0, tzinfo=UTC)  # 01:00 on 1 Jan in Bangkok
        assert f.thai_date(late_utc) == "1 มกราคม 2570"
        other_zone = datetime(2026, 6, 1, 23, 0, tzinfo=timezone(timedelta(hours=-5)))
        assert f.thai_date(other_zone) == "2 มิถุนายน 2569"


class TestFiscalYear:
    @pytest.mark.parametrize(
        ("day", "fy"),
        [
            (date(2026, 9, 30), 2569),
            (date(2026, 10, 1), 2570),
            (date(2027, 9, 30), 2570),
            (date(2027, 1, 15), 2570),
            (date(2025, 12, 31), 2569),
        ],
    )
    def test_fiscal_year_is_named_by_the_later_year(self, day, fy):
        assert f.fiscal_year(day) == fy

    def test_bounds_round_trip(self):
        start, end = f.fiscal_year_bounds(2570)
        assert (start, end) == (date(2026, 10, 1), date(2027, 9, 30))
        assert f.fiscal_year(start) == f.fiscal_year(end) == 2570
        assert f.fiscal_year(start - timedelta(days=1)) == 2569


class TestMoney:
    def test_format_baht(self):
        assert f.format_baht(123450) == "฿1,234.50"
        assert f.format_baht(5) == "฿0.05"
        assert f.format_baht(-123450) == "-฿1,234.50"
        assert f.format_baht(100_000_000_00, symbol=False) == "100,000,000.00"
        assert f.format_amount(123450, use_thai_digits=True) == "๑,๒๓๔.๕๐"

    def test_format_rejects_floats(self):
        with pytest.raises(TypeError):
            f.format_baht(12.5)

    def test_baht_text(self):
        assert thai_words.baht_text(123400) == "หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน"
        assert thai_words.baht_text(6314789) == "หกหมื่นสามพันหนึ่งร้อยสี่สิบเจ็ดบาทแปดสิบเก้าสตางค์"
        assert thai_words.baht_text(0) == "ศูนย์บาทถ้วน"
        assert thai_words.baht_text(25) == "ยี่สิบห้าสตางค์"
        assert thai_words.baht_text(2100) == "ยี่สิบเอ็ดบาทถ้วน"
        assert thai_words.baht_text(100_000_100) == "หนึ่งล้านเอ็ดบาทถ้วน"

    def test_baht_text_agrees_with_pythainlp_bahttext(self):
        from pythainlp.util import bahttext

        # Below one baht pythainlp says "ศูนย์บาทหนึ่งสตางค์"; cheques (and Excel's
        # BAHTTEXT) say "หนึ่งสตางค์", which test_baht_text checks, so start at 1 baht.
        for satang in (100, 1001, 123456, 6314789, 98765432, 1_000_000_00):
            assert thai_words.baht_text(satang) == bahttext(satang / 100), satang

    def test_baht_text_is_exact_beyond_float_precision(self):
        # 90,071,992,547,409.93 baht cannot be held exactly by a float.
        text = thai_words.baht_text(9_007_199_254_740_993)
        assert text.endswith("เก้าสิบสามสตางค์")

    @pytest.mark.parametrize(
        ("typed", "satang"),
        [
            ("1234", 123400),
            ("1,234.5", 123450),
            ("฿1,234.50", 123450),
            ("  1234.50 บาท ", 123450),
            ("0.29", 29),
            (".5", 50),
            ("๑,๒๓๔.๕๐", 123450),
            ("1,000,000", 100_000_000),
            ("0", 0),
        ],
    )
    def test_parse_baht(self, typed, satang):
        assert f.parse_baht(typed) == satang

    @pytest.mark.parametrize(
        ("typed", "message_part"),
        [
            ("", "กรุณากรอก"),
            ("   ", "กรุณากรอก"),
            ("-5", "ติดลบ"),
            ("฿-5", "ติดลบ"),
            ("abc", "ไม่ใช่จำนวนเงิน"),
            ("1.2.3", "ไม่ใช่จำนวนเงิน"),
            ("12,34", "ไม่ใช่จำนวนเงิน"),
            ("1e5", "ไม่ใช่จำนวนเงิน"),
            ("NaN", "ไม่ใช่จำนวนเงิน"),
            ("1.234", "ทศนิยม"),
            ("99999999999999", "มากเกินไป"),
        ],
    )
    def test_parse_baht_rejects_with_thai_message(self, typed, message_part):
        with pytest.raises(ValueError, match=message_part):
            f.parse_baht(typed)

    def test_parse_format_round_trip(self):
        for satang in (0, 1, 10, 99, 100, 123456789, 100_000_000_00):
            assert f.parse_baht(f.format_baht(satang)) == satang


def test_meeting_number():
    assert f.meeting_number(3, 2569) == "3/2569"
    assert f.meeting_number(12, 2569, use_thai_digits=True) == "๑๒/๒๕๖๙"
    with pytest.raises(ValueError):
        f.meeting_number(0, 2569)


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("0812345678", "08x-xxx-5678"),
        ("081-234-5678", "08x-xxx-5678"),
        ("๐๘๑๒๓๔๕๖๗๘", "08x-xxx-5678"),
        ("02 123 4567", "02-xxx-4567"),
        ("+66812345678", "xxxxxxx5678"),
        ("123", "xxx"),
        ("", ""),
    ],
)
def test_mask_phone_keeps_only_the_last_four_digits(phone, masked):
    assert f.mask_phone(phone) == masked


def test_pythainlp_data_goes_to_the_app_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("PYTHAINLP_DATA", raising=False)
    monkeypatch.setenv("CODI_DATA_DIR", str(tmp_path))
    thai_words.use_app_pythainlp_data()
    import os

    assert os.environ["PYTHAINLP_DATA"] == str(tmp_path / "pythainlp-data")
    monkeypatch.setenv("PYTHAINLP_DATA", "/elsewhere")
    thai_words.use_app_pythainlp_data()
    assert os.environ["PYTHAINLP_DATA"] == "/elsewhere"  # an explicit setting wins
