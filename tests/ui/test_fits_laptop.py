"""A 1366×768 laptop (issue 13): the window's minimum fits, and visiting every page and
typing in every search box never grows it (offscreen, the real window on the demo)."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from codi_desktop.ui.main_window import PAGES

LAPTOP = (1366, 768)


def _settled() -> None:
    """Every background load the page started has finished and shown its figures (a
    load that lands between two measurements resizes its boxes: that is not a bar's
    doing). A load's result may start another (the dashboard's SMP panel)."""
    pool = QThreadPool.globalInstance()
    for _ in range(20):
        pool.waitForDone(10_000)
        for _ in range(5):
            QApplication.processEvents()
        if pool.activeThreadCount() == 0:
            return


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


def _geometry(window, skip) -> dict[int, tuple]:
    """Where every visible widget of the window is (in window coordinates), except those
    inside ``skip`` (the bar being shown)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    out = {}
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.isWindow() or skip.isAncestorOf(w) or w is skip:
            continue
        top_left = w.mapTo(window, QPoint(0, 0))
        out[id(w)] = (type(w).__name__, w.objectName(), top_left.x(), top_left.y(),
                      w.width(), w.height())
    return out


def test_messages_and_confirm_bars_do_not_move_the_page(qtbot, window):
    """Every message bar and inline confirm bar of every page (with a record open where
    the page has a list) shows in a reserved place: no other widget moves or resizes."""
    from codi_desktop.ui.widgets import ConfirmBar, MessageBar

    window.resize(*LAPTOP)
    long = "ข้อความทดสอบยาว " * 30
    checked = set()
    for key in PAGES:
        page = window.show_page(key)
        if hasattr(page, "ensure_loaded"):
            page.ensure_loaded()
        target = getattr(page, "list", page)
        if hasattr(target, "table") and hasattr(target, "model"):
            target.table.selectRow(0)
        if key == "meetings":  # the meeting workspace, with the first meeting open
            page.open_meeting(page.list.model.record_id(0))
        _settled()
        bars = [b for b in window.findChildren(MessageBar) + window.findChildren(ConfirmBar)
                if b.parentWidget() is not None and b.parentWidget().isVisible()
                and not b.isVisible()]
        for bar in bars:
            before = _geometry(window, bar)
            if isinstance(bar, MessageBar):
                bar.show_message(long, "error")
            else:
                bar.ask(long, "ยืนยัน", "ไม่")
            for _ in range(3):
                QApplication.processEvents()
            assert bar.isVisible()
            after = _geometry(window, bar)
            moved = [(before[k], after.get(k)) for k in before if after.get(k) != before[k]]
            assert not moved, (key, type(bar).__name__, bar.objectName(), moved[:3])
            bar.hide()
            QApplication.processEvents()
            checked.add((key, type(bar).__name__))
    print(sorted(checked))
    # the pages that ask inline were among those checked
    assert {("organizations", "ConfirmBar"), ("projects", "ConfirmBar"),
            ("meetings", "ConfirmBar"), ("sync", "ConfirmBar")} <= checked


def test_an_open_record_on_every_page_does_not_grow_the_window(qtbot, window):
    """With the first record of each list open in its detail panel (a project's budget tab
    is tall), the window stays 1366×768 and its minimum within 1280×720."""
    window.resize(*LAPTOP)
    for key in PAGES:
        page = window.show_page(key)
        if hasattr(page, "ensure_loaded"):
            page.ensure_loaded()
        target = getattr(page, "list", page)
        if hasattr(target, "table") and hasattr(target, "model"):
            target.table.selectRow(0)
        detail = getattr(target, "detail", None)
        for i in range(detail.tabs.count() if detail is not None and hasattr(detail, "tabs")
                       else 0):
            detail.tabs.setCurrentIndex(i)  # every tab of the record in turn
            QApplication.processEvents()
            assert (window.width(), window.height()) == LAPTOP, (key, i, window.size())
        QApplication.processEvents()
        assert (window.width(), window.height()) == LAPTOP, (key, window.size())
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 720, (key, hint)


def test_saving_an_invalid_form_moves_no_widget(qtbot, window):
    """Saving a record form whose fields are all wrong (and a ledger entry and an
    allocation with a wrong amount) frames the fields and lists the reasons in the fixed
    message bar: no widget of the window moves or resizes, and every reason is said."""
    from codi_desktop.ui.widgets import MessageBar

    window.resize(*LAPTOP)
    checked = []

    def still(key, act, bar):
        for _ in range(3):
            QApplication.processEvents()
        before = _geometry(window, bar)
        act()
        for _ in range(3):
            QApplication.processEvents()
        after = _geometry(window, bar)
        moved = [(before[k], after.get(k)) for k in before if after.get(k) != before[k]]
        assert not moved, (key, moved[:3])
        assert bar.isVisible() and bar.kind == "error", key
        checked.append(key)

    for key in ("communities", "organizations", "people", "projects"):
        page = window.show_page(key)
        if hasattr(page, "ensure_loaded"):
            page.ensure_loaded()
        target = getattr(page, "list", page)
        target.new_button.click()
        form = target.detail.form
        for inp in form.inputs.values():  # every text field gets something it cannot read
            w = inp.widget
            if inp.spec.kind in ("int", "money", "be_year"):
                w.setText("สาม")
            elif inp.spec.kind == "date":
                w.setText("31/2/2568")
        still(key, form.save, form.message)
        assert form.errors, key
        shown = [n for n in form.errors if not form.inputs[n].widget.isHidden()]
        for name in shown:  # each reason: in the field's tip, its description and the bar
            w = form.inputs[name].widget
            assert form.reason(name) == w.toolTip() == w.accessibleDescription() != ""
            assert form.reason(name) in form.message.toolTip()
        frame = form.findChild(QWidget, f"error_frame_field_{shown[0]}")
        assert frame is not None and frame.isVisible()
        assert frame.geometry() == form.inputs[shown[0]].widget.geometry()

    page = window.show_page("people")  # a person's memberships: dates in the wrong order
    page.table.selectRow(0)
    QApplication.processEvents()
    memberships = page.detail.memberships
    page.detail.tabs.setCurrentWidget(memberships)
    memberships.from_on.setText("1/1/2567")
    memberships.to_on.setText("1/1/2560")
    still("memberships", memberships.add, memberships.message)
    assert memberships.reason("to_on") and memberships.reason("organization")  # both at once

    page = window.show_page("projects")
    target = page.list
    target.table.selectRow(0)
    QApplication.processEvents()
    budget = target.detail.budget
    target.detail.tabs.setCurrentWidget(budget)
    budget.amount.setText("abc")
    still("ledger", budget.record, budget.message)
    assert budget.reason("amount") and budget.reason("amount") in budget.message.text()
    page.show_budget()
    if page.allocation.isVisibleTo(window):
        page.allocation.amount.setText("-5")
        still("allocation", page.allocation.record, page.allocation.message)
    assert {"communities", "organizations", "people", "projects", "memberships",
            "ledger"} <= set(checked)
    assert isinstance(budget.message, MessageBar)


def test_the_budget_by_program_shows_every_program_at_1366x768(window):
    """The budget by program has its own tab: every program's row is whole on screen
    (it was squeezed to about a row and a half under the list), no scrollbar."""
    window.resize(*LAPTOP)
    page = window.show_page("projects")
    page.ensure_loaded()
    page.show_budget()
    for _ in range(3):
        QApplication.processEvents()
    table = page.budget
    assert table.rowCount() >= 3  # the demo's programs with money in the year shown
    room = table.viewport().rect()
    for r in range(table.rowCount()):
        assert room.contains(table.visualRect(table.model().index(r, 4))), r
    assert not table.verticalScrollBar().isVisible()
    assert not table.horizontalScrollBar().isVisible()
    assert (window.width(), window.height()) == LAPTOP


def test_the_comparison_fits_without_a_horizontal_scrollbar(window):
    """The ten criteria are short numbered columns (the title is the header's tip), so the
    comparison of provinces fits 1366 pixels without scrolling sideways."""
    from codi_core.reference import CRITERIA

    window.resize(*LAPTOP)
    page = window.show_page("comparison")
    page.ensure_loaded()
    for _ in range(3):
        QApplication.processEvents()
    table = page.table
    assert table.rowCount() >= 1
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    for n, (title_th, _en) in enumerate(CRITERIA, start=1):
        item = table.horizontalHeaderItem(1 + n)
        assert item.text() == str(n)
        assert item.toolTip() == f"{n}. {title_th}"
        assert header.sectionSize(1 + n) < 60  # a level, not a title


def test_the_budget_tabs_print_status_does_not_move_the_budget_table(qtbot, window):
    """Issue #13: the projects page's print/export status (a long error, a saved path)
    shows in its reserved room: the budget table and the allocation form stay put."""
    window.resize(*LAPTOP)
    page = window.show_page("projects")
    page.ensure_loaded()
    page.show_budget()
    for _ in range(5):
        QApplication.processEvents()
    assert page.budget.isVisible() and page.print_status.text() == ""
    before = _geometry(window, page.print_status)
    for text in ("บันทึกเอกสารแล้ว: /tmp/x.pdf", "ข้อความผิดพลาดยาวมาก " * 40):
        page._status(text)
        for _ in range(3):
            QApplication.processEvents()
        after = _geometry(window, page.print_status)
        moved = [(before[k], after.get(k)) for k in before if after.get(k) != before[k]]
        assert not moved, moved[:3]
        assert page.print_status.toolTip() == text  # the whole text, even when cut
    assert window.size().height() <= LAPTOP[1]
