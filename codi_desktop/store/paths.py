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
