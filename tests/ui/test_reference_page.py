"""HQ's regions and clusters page in the real window: only HQ sees it; renaming a region,
creating a cluster and moving a province into it are one change set each, read back from
the database; another role's laptop neither sees the page nor may save from it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from codi_core.models import ChangeSet, Province, ProvinceCluster, Region
from codi_desktop.store.database import open_store
from codi_desktop.ui.main_window import PAGES


def change_sets(store) -> int:
    with store.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(ChangeSet))


@pytest.fixture
def hq_dir(tmp_path):
    folder = tmp_path / "hq"
    store = open_store(folder)
    store.set_setting("sync_role", "hq")
    store.set_setting("sync_scope", "all")
    store.close()
    return folder


def nav_visible(window, key: str) -> bool:
    return not window.nav.item(PAGES.index(key)).isHidden()


def test_hq_renames_a_region_creates_a_cluster_and_moves_a_province(
        qtbot, open_window, hq_dir, tmp_path):
    window = open_window(hq_dir)
    store = window.store
    assert nav_visible(window, "reference")
    page = window.show_page("reference")
    assert page.editable and page.region_table.rowCount() >= 5
    assert page.cluster_table.rowCount() >= 18
    page.grab().save(str(tmp_path / "reference.png"))

    # rename the north-east region: one change set
    row = [r.code for r in page.regions].index("northeast")
    page.region_table.setCurrentCell(row, 0)
    assert page.region_th.text() == "ภาคตะวันออกเฉียงเหนือ"
    page.region_th.setText("ภาคอีสาน")
    before = change_sets(store)
    assert page.save_region(), page.message.text()
    assert change_sets(store) == before + 1
    with store.read() as s:
        assert s.scalar(sa.select(Region.name_th).where(Region.code == "northeast")) == "ภาคอีสาน"

    # a new cluster in that region, then Ubon Ratchathani (34) moved into it
    page.new_cluster()
    page.cluster_code.setText("isan_pilot")
    page.cluster_th.setText("กลุ่มจังหวัดนำร่องอีสาน")
    page.cluster_en.setText("Isan pilot")
    page.cluster_region.setCurrentIndex(page.cluster_region.findData("northeast"))
    assert page.save_cluster(), page.message.text()
    assert change_sets(store) == before + 2
    assert page.cluster_code.text() == "isan_pilot"  # the saved cluster stays chosen
    page.move_province.setCurrentIndex(page.move_province.findData("34"))
    assert page.move(), page.message.text()
    assert change_sets(store) == before + 3
    with store.read() as s:
        cluster = s.scalar(sa.select(ProvinceCluster).where(ProvinceCluster.code == "isan_pilot"))
        assert cluster.name_th == "กลุ่มจังหวัดนำร่องอีสาน"
        assert s.get(Region, cluster.region_id).code == "northeast"
        assert s.get(Province, "34").cluster_id == cluster.id
    row = [c.code for c in page.clusters].index("isan_pilot")
    assert "อุบลราชธานี" in page.cluster_table.item(row, 3).text()

    # a required name left empty: a clear error, nothing written
    page.cluster_th.setText("")
    assert not page.save_cluster()
    assert "ชื่อ" in page.message.text()
    assert change_sets(store) == before + 3


def test_other_roles_do_not_see_the_reference_page(qtbot, window):
    assert not nav_visible(window, "reference")
    page = window.show_page("reference")  # even reached by name, it saves nothing
    assert not page.editable and not page.region_save.isEnabled()
    before = change_sets(window.store)
    page.region_table.setCurrentCell(0, 0)
    assert not page.save_region()
    assert "ส่วนกลาง" in page.message.text()
    assert change_sets(window.store) == before


def test_hq_revises_the_meanings_of_a_criterions_levels_in_one_change_set(
        qtbot, open_window, hq_dir, tmp_path):
    from codi_core.models import CriterionLevel
    from codi_core.reference import reference_id

    window = open_window(hq_dir)
    store = window.store
    page = window.show_page("reference")
    page.tabs.setCurrentWidget(page.levels)
    box = page.levels
    assert box.criterion.count() == 10
    box.criterion.setCurrentIndex(box.criterion.findData(5))
    with store.read() as s:
        stored = {lv.level: (lv.text_th, lv.text_en) for lv in s.scalars(
            sa.select(CriterionLevel).where(
                CriterionLevel.criterion_id == reference_id("criterion", "5")))}
    assert len(stored) == 5
    for level in range(5):  # the five meanings of criterion 5, as the database holds them
        assert box.th[level].toPlainText() == stored[level][0]
        assert box.en[level].toPlainText() == stored[level][1]
    page.grab().save(str(tmp_path / "levels.png"))

    box.th[2].setPlainText("มีคณะทำงานอย่างน้อย 3 ด้าน ประชุมสม่ำเสมอ")
    box.en[2].setPlainText("At least 3 working groups that meet regularly")
    box.th[3].setPlainText("คณะทำงานมีแผนงานและรายงานผลต่อคณะกรรมการ")
    before = change_sets(store)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.message.kind == "ok", box.message.text()
    assert change_sets(store) == before + 1  # two levels, one action
    with store.read() as s:
        two = s.get(CriterionLevel, reference_id("criterion_level", "5:2"))
        three = s.get(CriterionLevel, reference_id("criterion_level", "5:3"))
        four = s.get(CriterionLevel, reference_id("criterion_level", "5:4"))
        assert (two.text_th, two.text_en) == ("มีคณะทำงานอย่างน้อย 3 ด้าน ประชุมสม่ำเสมอ",
                                              "At least 3 working groups that meet regularly")
        assert (three.text_th, three.text_en) == ("คณะทำงานมีแผนงานและรายงานผลต่อคณะกรรมการ",
                                                  stored[3][1])
        assert (four.text_th, four.text_en) == stored[4]
    assert box.current_number() == 5  # the saved criterion stays chosen

    # a level's Thai meaning left empty: a clear error naming the level, nothing written
    box.th[1].setPlainText("  ")
    assert not box.save()
    assert "ความหมายของระดับ 1" in page.message.text()
    assert change_sets(store) == before + 1


def test_other_roles_cannot_revise_level_meanings(qtbot, window):
    page = window.show_page("reference")
    box = page.levels
    assert not box.save_button.isEnabled() and not box.th[0].isEnabled()
    before = change_sets(window.store)
    box.th[0].setPlainText("แก้เอง")
    assert not box.save()
    assert "ส่วนกลาง" in page.message.text()
    assert change_sets(window.store) == before
