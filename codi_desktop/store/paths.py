"""Where CODI Desktop keeps its files: platformdirs by default, ``--data-dir`` to override."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "CODI Desktop"
APP_AUTHOR = "CODI"
DB_FILENAME = "codi.sqlite3"


def default_data_dir() -> Path:
    env = os.environ.get("CODI_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def resolve_data_dir(data_dir: str | os.PathLike[str] | None) -> Path:
    path = Path(data_dir) if data_dir else default_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


#: the demo database's local setting naming the folder of the real database the person
#: moved to from it (the app then opens that one at start-up)
REAL_DATA_DIR_SETTING = "real_data_dir"


def real_data_dir(demo_dir: Path) -> Path:
    """Where the real (enrolled, synced) database of a demo's person lives: a folder
    beside the demo's, never the demo's own (nothing of the demo is ever synced)."""
    demo_dir = Path(demo_dir)
    return demo_dir.with_name(demo_dir.name + "-real")


def has_database(data_dir: Path) -> bool:
    return database_path(Path(data_dir)).exists()
