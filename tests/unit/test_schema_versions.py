"""The core's list of released desktop schemas is the desktop's migrations, no more, no less."""

from alembic.script import ScriptDirectory

from codi_core.wire import SCHEMA_VERSIONS
from codi_desktop.store.database import alembic_config, head_revision


def test_schema_versions_are_the_desktop_migrations():
    script = ScriptDirectory.from_config(alembic_config())
    assert set(SCHEMA_VERSIONS) == {rev.revision for rev in script.walk_revisions()}
    assert SCHEMA_VERSIONS[-1] == head_revision()
