"""The local store: reference data, migrations up and down, backups, safe failure."""

import sqlite3

import pytest
import sqlalchemy as sa
from alembic import command

from codi_core.models import (
    Community,
    Criterion,
    District,
    Program,
    Province,
    ProvinceCluster,
    Subdistrict,
)
from codi_core.reference import CRITERIA, seed_reference_data
from codi_desktop.store import check_migrations
from codi_desktop.store.database import (
    MigrationError,
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_store,
)
from codi_desktop.store.paths import backups_dir, database_path


def count(session, model):
    return session.scalar(sa.select(sa.func.count()).select_from(model))


def test_geography_matches_dopa(store):
    with store.read() as s:
        assert (count(s, Province), count(s, District), count(s, Subdistrict)) == (77, 928, 7436)
        assert s.get(Province, "34").name_th == "อุบลราชธานี"
        assert s.get(District, "3401").name_th == "เมืองอุบลราชธานี"
        chiang_mai_sub = s.get(Subdistrict, "500101")
        assert chiang_mai_sub.name_th == "ศรีภูมิ"
        assert chiang_mai_sub.province_id == "50"
        assert s.get(Province, "10").name_en == "Bangkok"


def test_every_province_is_in_exactly_one_cluster(store):
    with store.read() as s:
        unclustered = s.scalars(sa.select(Province.id).where(Province.cluster_id.is_(None)))
        assert list(unclustered) == []
        assert count(s, ProvinceCluster) == 19


def test_programs_and_the_ten_criteria(store):
    with store.read() as s:
        codes = set(s.scalars(sa.select(Program.code)))
        assert {"baan_mankong", "baan_porpeang", "canal_housing", "homeless"} <= codes
        assert len(codes) == 10
        criteria = s.scalars(sa.select(Criterion).order_by(Criterion.number)).all()
        assert [c.number for c in criteria] == list(range(1, 11))
        assert criteria[9].text_th.startswith("ประชุมร่วมกันของชุมชน")
        assert "สมัชชาจังหวัด" in criteria[9].text_th
        assert len(CRITERIA) == 10


def test_reference_seeding_is_idempotent_and_uncaptured(store):
    with store.sessions.begin() as s:
        s.info["capture"] = False
        seed_reference_data(s)
    with store.read() as s:
        assert count(s, Subdistrict) == 7436
        assert s.scalar(sa.text("select count(*) from change_set")) == 0


def test_reference_ids_are_the_same_in_every_copy(tmp_path):
    a, b = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    with a.read() as sa_, b.read() as sb:
        ids_a = set(sa_.scalars(sa.select(Program.id)))
        ids_b = set(sb.scalars(sa.select(Program.id)))
    assert ids_a == ids_b and len(ids_a) == 10


def test_upgrade_empty_database_to_head_and_down_again(tmp_path):
    engine = make_engine(tmp_path / "m.sqlite3")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    assert current_revision(engine) == head_revision()
    assert "community" in sa.inspect(engine).get_table_names()
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    assert current_revision(engine) is None
    assert sa.inspect(engine).get_table_names() == ["alembic_version"]
    engine.dispose()


def test_alembic_check_is_clean():
    assert check_migrations.main() == 0


def _database_at_first_revision(folder):
    folder.mkdir()
    engine = make_engine(database_path(folder))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(
            sa.text(
                "insert into community (id, province_code, name, kind, created_at, updated_at) "
                "values ('c1', '34', 'ชุมชนบ้านเก่า', 'village', '2026-01-01', '2026-01-01')"
            )
        )
    engine.dispose()


def test_upgrade_backs_up_the_file_first(tmp_path):
    folder = tmp_path / "data"
    _database_at_first_revision(folder)
    store = open_store(folder)
    backups = list(backups_dir(folder).glob("*.sqlite3"))
    assert len(backups) == 1 and store.last_backup == backups[0]
    old = sqlite3.connect(backups[0])
    assert old.execute("select version_num from alembic_version").fetchone() == ("0001",)
    assert old.execute("select name from community").fetchall() == [("ชุมชนบ้านเก่า",)]
    old.close()
    assert current_revision(store.engine) == head_revision()
    store.close()
    # Opening an up-to-date database makes no new backup.
    open_store(folder).close()
    assert len(list(backups_dir(folder).glob("*.sqlite3"))) == 1


@pytest.mark.skipif(head_revision() == "0001", reason="needs a migration after 0001")
def test_failed_upgrade_restores_the_previous_file(tmp_path):
    folder = tmp_path / "data"
    _database_at_first_revision(folder)
    # A table in the way of a later migration makes the upgrade fail half-way.
    raw = sqlite3.connect(database_path(folder))
    raw.execute("create table fts_community (x)")
    raw.commit()
    raw.close()
    with pytest.raises(MigrationError, match="restored"):
        open_store(folder)
    engine = make_engine(database_path(folder))
    assert current_revision(engine) == "0001"
    with engine.connect() as conn:
        names = conn.execute(sa.select(Community.name)).scalars().all()
    assert names == ["ชุมชนบ้านเก่า"]
    engine.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
