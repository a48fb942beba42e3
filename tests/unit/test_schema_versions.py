"""The core's list of released desktop schemas is the desktop's migrations, no more, no less."""

from alembic.script import ScriptDirectory

from codi_core.wire import SCHEMA_VERSIONS
from codi_desktop.store.database import alembic_config, head_revision


def test_schema_versions_are_the_desktop_migrations():
    script = ScriptDirectory.from_config(alembic_config())
    assert set(SCHEMA_VERSIONS) == {rev.revision for rev in script.walk_revisions()}
    # the app opens a file at the last released schema without loading alembic: that
    # schema must be the migrations' head (a new revision goes into SCHEMA_VERSIONS too)
    assert SCHEMA_VERSIONS[-1] == script.get_current_head() == head_revision()
