"""The list queries and the paged Qt table model, without any window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from codi_desktop.services import communities as svc
from codi_desktop.services import lists
from codi_desktop.services.lists import ListFilter
from codi_desktop.ui.table_model import ID_ROLE, SORT_ROLE, Column, RecordTableModel


def community_model(store, page_size=50):
    return RecordTableModel(
        store,
        lists.COMMUNITIES,
        [Column("name", "name"), Column("households", "households", numeric=True),
         Column("subdistrict", "tambon")],
        page_size=page_size,
    )


def window_offsets(monkeypatch):
    """The offsets of the windows the communities list is asked for, as they happen, and
    the list's own window function (unspied)."""
    offsets: list[int] = []
    window = lists.COMMUNITIES.window

    def spy(store, flt, **kw):
        offsets.append(kw["offset"])
        return window(store, flt, **kw)

    monkeypatch.setattr(lists.COMMUNITIES, "window", spy)
    return offsets, window


def test_model_reads_only_the_pages_shown(qapp, demo_store, monkeypatch):
    """The model has every matching row at once (the scrollbar spans the list) but reads
    only the windows asked for: the last row reads one window at its own offset, not
    every page before it (a scrollbar dragged to the end of a cluster's list)."""
    model = community_model(demo_store, page_size=50)
    offsets, window = window_offsets(monkeypatch)
    model.set_filter(ListFilter())
    assert model.total == model.rowCount() == 200
    assert not model.canFetchMore(QModelIndex())
    assert offsets == [0]
    last = model.data(model.index(199, 0), ID_ROLE)
    assert offsets == [0, 150] and model.loaded() == 100
    model.data(model.index(160, 1), Qt.ItemDataRole.DisplayRole)  # the same page: held
    assert offsets == [0, 150]
    ids = [model.data(model.index(r, 0), ID_ROLE) for r in range(200)]
    assert offsets == [0, 150, 50, 100]
    assert len(set(ids)) == 200, "pages must not overlap or repeat rows"
    assert ids[199] == last
    # the second path: the same order read in one window
    assert ids == [r[0] for r in window(demo_store, ListFilter(), limit=500)]
    assert model.row_of(last) == 199


def test_model_keeps_a_bounded_number_of_pages(qapp, demo_store, monkeypatch):
    from codi_desktop.ui import table_model

    monkeypatch.setattr(table_model, "KEEP_PAGES", 3)
    model = community_model(demo_store, page_size=20)
    model.set_filter(ListFilter())
    for r in range(0, 200, 20):
        model.data(model.index(r, 0), ID_ROLE)
    assert model.loaded() == 60
    assert model.row_of(model.data(model.index(0, 0), ID_ROLE)) == 0  # read again


def test_sort_is_by_real_values(qapp, demo_store):
    model = community_model(demo_store, page_size=500)
    model.set_filter(ListFilter())
    model.sort(1, Qt.SortOrder.DescendingOrder)
    values = [model.data(model.index(r, 1), SORT_ROLE) for r in range(model.rowCount())]
    numbers = [v for v in values if v is not None]
    assert numbers == sorted(numbers, reverse=True)
    assert isinstance(numbers[0], int)
    # the display text is formatted, the sort value is not
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DisplayRole) == f"{numbers[0]:,}"
    assert all(v is None for v in values[len(numbers):]), "empty values sort last"


def test_thai_substring_search_uses_the_index_and_short_text_falls_back(qapp, demo_store):
    some = lists.COMMUNITIES.window(demo_store, ListFilter(), limit=1)[0]
    name = some[1]
    needle = name[len("ชุมชน"):][:4] if name.startswith("ชุมชน") else name[:4]
    rows = lists.COMMUNITIES.window(demo_store, ListFilter(text=needle), limit=500)
    assert some[0] in [r[0] for r in rows]
    count = lists.COMMUNITIES.count(demo_store, ListFilter(text=needle))
    assert count == len(rows) < 200
    # two characters: LIKE on the indexed text, still a substring match
    two = lists.COMMUNITIES.window(demo_store, ListFilter(text=needle[:2]), limit=500)
    assert {r[0] for r in rows} <= {r[0] for r in two}


def test_search_index_follows_every_write(qapp, demo_store):
    row = lists.COMMUNITIES.window(demo_store, ListFilter(), limit=1)[0]
    data = svc.get_community(demo_store, row[0])
    data.name = "ชุมชนทดสอบดัชนีค้นหา"
    svc.update_community(demo_store, row[0], data)
    found = lists.COMMUNITIES.window(demo_store, ListFilter(text="ทดสอบดัชนี"))
    assert [r[0] for r in found] == [row[0]]
    still = lists.COMMUNITIES.window(demo_store, ListFilter(text=row[1]), limit=500)
    assert row[0] not in [r[0] for r in still], "the old name is gone from the index"
    svc.delete_community(demo_store, row[0])
    assert lists.COMMUNITIES.count(demo_store, ListFilter(text="ทดสอบดัชนี")) == 0


@pytest.mark.parametrize("name", ["community", "organization", "person", "project", "meeting"])
def test_every_list_counts_filters_and_windows(qapp, demo_store, name):
    source = lists.LISTS[name]
    total = source.count(demo_store, ListFilter())
    assert total > 0
    for column in source.columns:
        rows = source.window(demo_store, ListFilter(), sort=column, descending=True, limit=5)
        assert len(rows) == 5
        assert all(len(r) == len(source.columns) + 1 for r in rows)
    district = lists.districts(demo_store)[0].value
    narrowed = source.count(demo_store, ListFilter(district_id=district))
    assert narrowed <= total


def test_filters_by_type_status_and_fiscal_year(qapp, demo_store):
    councils = lists.ORGANIZATIONS.window(demo_store, ListFilter(kind="tambon_council"),
                                          limit=500)
    assert councils and {r[2] for r in councils} == {"tambon_council"}
    years = lists.fiscal_years(demo_store)
    fy = years[0]
    projects = lists.PROJECTS.window(demo_store, ListFilter(fiscal_year=fy), limit=1000)
    assert projects and {r[4] for r in projects} == {fy}
    held = lists.MEETINGS.count(demo_store, ListFilter(status="held"))
    all_meetings = lists.MEETINGS.count(demo_store, ListFilter())
    assert held < all_meetings


def test_dashboard_figures_add_up(qapp, demo_store):
    from codi_desktop.services.dashboard import dashboard

    fy = lists.fiscal_years(demo_store)[0]
    data = dashboard(demo_store, fy)
    assert data.communities == 200
    assert data.organizations == lists.ORGANIZATIONS.count(demo_store, ListFilter())
    assert data.projects == lists.PROJECTS.count(demo_store, ListFilter(fiscal_year=fy))
    assert len(data.meetings_by_month) == 12
    assert data.meetings_by_month[0][1] == 10  # the fiscal year starts in October
    assert any(b.allocated for b in data.budget)


def test_search_index_follows_writes_that_bypass_the_services(qapp, demo_store):
    """Sync applies pulled rows with plain SQL; the triggers keep the index current."""
    import sqlalchemy as sa

    from codi_core.models import Community, utcnow

    now = utcnow()
    row = {"id": "0190aaaa-0000-7000-8000-000000000001", "province_code": "34",
           "name": "ชุมชนดึงจากส่วนกลาง", "kind": "urban", "created_at": now, "updated_at": now}
    with demo_store.sessions.begin() as s:
        s.info["capture"] = False
        s.execute(sa.insert(Community), [row])
    assert lists.COMMUNITIES.count(demo_store, ListFilter(text="ดึงจากส่วน")) == 1
    with demo_store.sessions.begin() as s:
        s.info["capture"] = False
        s.execute(sa.update(Community).where(Community.id == row["id"])
                  .values(name="ชุมชนเปลี่ยนชื่อแล้ว"))
    assert lists.COMMUNITIES.count(demo_store, ListFilter(text="ดึงจากส่วน")) == 0
    assert lists.COMMUNITIES.count(demo_store, ListFilter(text="เปลี่ยนชื่อแล้ว")) == 1
    with demo_store.sessions.begin() as s:
        s.info["capture"] = False
        s.execute(sa.delete(Community).where(Community.id == row["id"]))
    with demo_store.read() as s:
        left = s.execute(sa.text("SELECT count(*) FROM fts_community WHERE row_id = :i"),
                         {"i": row["id"]}).scalar()
    assert left == 0


def test_thai_sorted_column_puts_empty_values_last_both_ways(qapp, demo_store):
    """Sorting by a Thai-ordered column (``thai_key``): the names in dictionary order
    (pythainlp's collate as the oracle), empty ones last whichever way."""
    from pythainlp.util import collate

    with demo_store.engine.begin() as conn:  # this test's own copy of the demo
        conn.exec_driver_sql(
            "UPDATE community SET leader_name = NULL WHERE id IN "
            "(SELECT id FROM community ORDER BY id LIMIT 7)")
    model = RecordTableModel(demo_store, lists.COMMUNITIES, [Column("leader_name", "leader")],
                             page_size=500)
    model.set_filter(ListFilter())
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(0, order)
        values = [model.data(model.index(r, 0), SORT_ROLE) for r in range(model.rowCount())]
        names = [v for v in values if v is not None]
        assert len(names) == len(values) - 7 and values[len(names):] == [None] * 7
        expected = collate(names, reverse=order == Qt.SortOrder.DescendingOrder)
        assert names == expected


@pytest.mark.parametrize("text", ["หนอง", "นา", "น", "หนอง า", "ชุมชน บ", "%", "_"])
def test_search_matches_every_term_as_a_substring(qapp, demo_store, text):
    """Long terms through the trigram index, short ones by LIKE (wildcards taken
    literally), all of them together: the same rows as a plain substring test in Python
    over each community's searchable text (name, leader, phone, tambon, amphoe)."""
    import sqlalchemy as sa

    from codi_core.models import Community, District, Subdistrict

    with demo_store.read() as s:
        rows = s.execute(
            sa.select(Community.id, Community.name, Community.leader_name, Community.phone,
                      Subdistrict.name_th, District.name_th)
            .outerjoin(Subdistrict, Subdistrict.id == Community.subdistrict_id)
            .outerjoin(District, District.id == Subdistrict.district_id)
            .where(Community.deleted_at.is_(None))).all()
    expected = {r[0] for r in rows
                if all(t in " ".join(x or "" for x in r[1:]) for t in text.split())}
    got = {r[0] for r in lists.COMMUNITIES.window(demo_store, ListFilter(text=text),
                                                  limit=10_000)}
    assert got == expected
    assert lists.COMMUNITIES.count(demo_store, ListFilter(text=text)) == len(expected)


def test_a_view_scrolled_to_the_end_reads_the_last_window_only(qtbot, demo_store, monkeypatch):
    """A real table view (offscreen) dragged to the bottom paints the list's last rows,
    read at their own offset: the pages between are never read."""
    from PySide6.QtWidgets import QTableView

    offsets, window = window_offsets(monkeypatch)
    model = community_model(demo_store, page_size=20)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    view.show()
    model.set_filter(ListFilter())
    qtbot.waitExposed(view)
    offsets.clear()
    view.scrollToBottom()
    qtbot.wait(50)
    assert offsets and set(offsets) <= {160, 180}, offsets
    assert view.rowAt(view.viewport().height() - 2) == 199
    # the last row shown is the list's last (the second path: one window of every row)
    every = window(demo_store, ListFilter(), limit=500)
    assert model.data(model.index(199, 0)) == every[-1][1]
