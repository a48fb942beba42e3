"""Labels cut at a word boundary, Thai included, and charts people can read (issue 13)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFontMetrics, QImage

from codi_desktop.ui.widgets import BarChart, Series, elide_words


def test_thai_is_cut_between_words_not_inside_one(qapp):
    fm = QFontMetrics(qapp.font())
    text = "ทรัพยากรธรรมชาติและสิ่งแวดล้อม"
    # room for the first two words and the ellipsis, not for the third
    width = fm.horizontalAdvance("ทรัพยากรธรรมชาติ…") + 2
    assert elide_words(text, fm, width) == "ทรัพยากรธรรมชาติ…"
    width = fm.horizontalAdvance("จังหวัด…") + 3
    assert elide_words("จังหวัดอุบลราชธานี", fm, width) == "จังหวัด…"
    assert elide_words("บ้านมั่นคง", fm, 1000) == "บ้านมั่นคง"


def _paint(chart: BarChart) -> QImage:
    chart.resize(600, chart.sizeHint().height())
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    chart.render(image)
    return image


def test_a_small_program_stays_visible_and_the_axis_has_values(qapp):
    chart = BarChart(value_text=lambda v: f"{v:,.0f}")
    chart.set_data(["บ้านมั่นคง", "ภัยพิบัติ"], [Series("จัดสรร", "#1f6f8b"),
                                                  Series("เบิกจ่าย", "#5c9e31")],
                   [[2_500_000, 2_000_000], [1_000, 0]])
    image = _paint(chart)
    # the tiny allocation (0.04 % of the largest) still paints a bar of its colour
    tiny = [t for t in chart._tips if t[1].startswith("ภัยพิบัติ · จัดสรร")]
    assert tiny and tiny[0][0].width() >= 3
    rect = tiny[0][0]
    y = int(rect.center().y())
    x = int(rect.left() + 1)
    assert image.pixelColor(x, y).name() == "#1f6f8b"
    # the axis names its top: the largest value, as the chart's value text writes it
    assert chart.maximum() == 2_500_000


def test_a_ce_year_is_converted_with_a_note_in_dates_and_years(qapp):
    from codi_desktop.ui.date_field import DateField, parse_be_date

    field = DateField()
    notes = []
    field.converted.connect(notes.append)
    field.setText("15/12/2026")
    field.editingFinished.emit()
    assert field.text() == "15/12/2569"
    assert notes == ["ปี 2026 เป็น ค.ศ. ใช้ พ.ศ. 2569 แทน"]
    import datetime as dt

    assert parse_be_date("15/12/2569") == parse_be_date("15/12/2026") == dt.date(2026, 12, 15)
