"""The local schema's revisions are the desktop's migrations, no more, no less; the wire's
list (what a change set may name) is those minus the local-only ones."""

from alembic.script import ScriptDirectory

from codi_core.wire import SCHEMA_VERSIONS
from codi_desktop.store.database import (
    LOCAL_ONLY_REVISIONS,
    REVISIONS,
    alembic_config,
    head_revision,
    wire_schema,
)


def test_revisions_are_the_desktop_migrations():
    script = ScriptDirectory.from_config(alembic_config())
    migrations = [rev.revision for rev in script.walk_revisions()][::-1]  # oldest first
    assert list(REVISIONS) == migrations
    # the app opens a file at the head without loading alembic: it must be the real head
    assert REVISIONS[-1] == script.get_current_head() == head_revision()


def test_wire_and_local_only_revisions_split_the_migrations():
    assert not set(SCHEMA_VERSIONS) & set(LOCAL_ONLY_REVISIONS)
    assert set(SCHEMA_VERSIONS) | set(LOCAL_ONLY_REVISIONS) == set(REVISIONS)
    assert wire_schema() == SCHEMA_VERSIONS[-1] == max(SCHEMA_VERSIONS)


def test_local_only_migrations_say_so():
    """Each local-only migration says in its own words that nothing synced changes."""
    script = ScriptDirectory.from_config(alembic_config())
    for rev in LOCAL_ONLY_REVISIONS:
        module = script.get_revision(rev).module
        assert "Local only" in (module.__doc__ or ""), rev
