"""Role-aware screens (issue 13): only HQ is shown the allocation form; others see why."""

from __future__ import annotations

import pytest


def _enrolled_as(demo_dir, role):
    from codi_desktop.store.database import open_store

    store = open_store(demo_dir)
    store.set_setting("sync_role", role)
    store.close()


@pytest.mark.parametrize("role", ["province", "cluster", "region"])
def test_a_province_user_sees_no_allocation_form(open_window, demo_dir, role):
    _enrolled_as(demo_dir, role)
    window = open_window(demo_dir)
    page = window.show_page("projects")
    page.show_budget()  # the budget by program has its own tab
    assert not page.allocation.isVisibleTo(window)
    assert not page.allocation.button.isVisibleTo(window)
    assert page.allocation_note.isVisibleTo(window)
    assert "สำนักงานใหญ่" in page.allocation_note.text()


def test_hq_sees_the_allocation_form(open_window, demo_dir):
    _enrolled_as(demo_dir, "hq")
    window = open_window(demo_dir)
    page = window.show_page("projects")
    page.show_budget()  # the budget by program has its own tab
    assert page.allocation.isVisibleTo(window)
    assert not page.allocation_note.isVisibleTo(window)
