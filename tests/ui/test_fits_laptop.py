"""A 1366×768 laptop (issue 13): the window's minimum fits, and visiting every page and
typing in every search box never grows it (offscreen, the real window on the demo)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit

from codi_desktop.ui.main_window import PAGES

LAPTOP = (1366, 768)


def search_boxes(window):
    from codi_desktop.ui.widgets import SearchBox

    return [w for w in window.findChildren(SearchBox) if w.isVisibleTo(window)]


def test_the_window_fits_and_stays_put(qtbot, window):
    window.resize(*LAPTOP)
    QApplication.processEvents()
    assert (window.width(), window.height()) == LAPTOP
    seen = []
    for key in PAGES:
        window.show_page(key)
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        seen.append((key, hint.width(), hint.height(), window.width(), window.height()))
        for box in search_boxes(window):
            box.setText("สมศักดิ์ ชุมชนบ้านหนองบัว ตำบลหัวเรือ อำเภอเมืองอุบลราชธานี")
            box.flush()
            QApplication.processEvents()
            assert box.width() >= 160, (key, box.objectName(), box.width())
            seen.append((key + ":search", window.minimumSizeHint().width(),
                         window.minimumSizeHint().height(), window.width(), window.height()))
            box.clear()
    print(seen)
    for key, min_w, min_h, w, h in seen:
        assert (w, h) == LAPTOP, (key, w, h)
        assert min_w <= 1280 and min_h <= 720, (key, min_w, min_h)


def test_the_window_opens_within_the_available_screen(window):
    avail = window.screen().availableGeometry()
    assert window.width() <= avail.width() and window.height() <= avail.height()
    assert window.minimumSizeHint().width() <= 1280
    assert window.minimumSizeHint().height() <= 720


def test_search_boxes_are_wide_enough_to_read(window):
    window.resize(*LAPTOP)
    for key in PAGES:
        window.show_page(key)
        QApplication.processEvents()
        for box in search_boxes(window):
            assert isinstance(box, QLineEdit)
            assert box.width() >= 160, (key, box.placeholderText(), box.width())
