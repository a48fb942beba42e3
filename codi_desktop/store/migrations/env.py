"""Alembic environment for the desktop database (run programmatically by the store)."""

import warnings

from alembic import context
from sqlalchemy import create_engine

from codi_core.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    # FTS5 search tables (and their shadow tables) are made by hand in migrations.
    return not (type_ == "table" and reflected and compare_to is None and name.startswith("fts_"))


# The sort-key indexes (0006) are over thai_key() expressions, made by hand like the FTS
# tables; SQLAlchemy cannot reflect them and says so (the check then ignores them).
warnings.filterwarnings(
    "ignore", message="Skipped unsupported reflection of expression-based index ix_.*_sort_name")


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported")
run_migrations_online()
