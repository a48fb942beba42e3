"""Databases from every released schema upgrade to head and keep their data.

``tests/fixtures/schema-<revision>.sqlite3`` is a small database as that revision left it
(committed once, never regenerated), written by ``scripts/make_schema_fixture.py REV``.
Every released schema (``codi_core.wire.SCHEMA_VERSIONS``) has one.
"""

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from codi_core.models import Community, Meeting, Person
from codi_core.wire import SCHEMA_VERSIONS
from codi_desktop.services import lists
from codi_desktop.store.database import current_revision, head_revision, open_store
from codi_desktop.store.paths import DB_FILENAME

FIXTURES = sorted((Path(__file__).parents[1] / "fixtures").glob("schema-*.sqlite3"))


def _revision(fixture: Path) -> str:
    return fixture.stem.removeprefix("schema-")


def test_every_released_schema_has_a_fixture():
    have = {_revision(f) for f in FIXTURES}
    missing = [rev for rev in SCHEMA_VERSIONS if rev not in have]
    assert not missing, (
        f"no fixture database for schema {missing}: run "
        + "; ".join(f"python scripts/make_schema_fixture.py {rev}" for rev in missing)
        + " and commit tests/fixtures/"
    )


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture_is_the_schema_its_name_says(fixture):
    engine = sa.create_engine(f"sqlite:///{fixture}")
    try:
        assert current_revision(engine) == _revision(fixture)
    finally:
        engine.dispose()


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_released_schema_upgrades_to_head_with_its_data(tmp_path, fixture):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(fixture, folder / DB_FILENAME)
    store = open_store(folder)
    try:
        assert current_revision(store.engine) == head_revision()
        if _revision(fixture) != head_revision():
            # The first start of a newer version backs up the file it upgrades.
            assert store.last_backup is not None and store.last_backup.exists()
            backup = sa.create_engine(f"sqlite:///{store.last_backup}")
            try:
                assert current_revision(backup) == _revision(fixture)
                with backup.connect() as conn:
                    assert conn.exec_driver_sql("SELECT name FROM community").scalars().all() \
                        == ["ชุมชนบ้านหนองบัว"]
            finally:
                backup.dispose()
        with store.read() as s:
            assert s.scalars(sa.select(Community.name)).all() == ["ชุมชนบ้านหนองบัว"]
            assert s.scalars(sa.select(Person.first_name)).all() == ["บัวผัน"]
            meeting = s.scalars(sa.select(Meeting)).one()
            assert (meeting.number, meeting.number_year, meeting.status.value) == (
                3, 2569, "locked")
        assert store.province_code == "34"
        # Rows that predate the search index are found by it after the upgrade.
        found = lists.COMMUNITIES.window(store, lists.ListFilter(text="หนองบัว"))
        assert [row[0] for row in found] == ["0190a000-0000-7000-8000-000000000001"]
    finally:
        store.close()
