"""The log file of the app and of every command: ``<data dir>/logs/codi-desktop.log``.

Rotated, INFO and above, never secrets (tokens and passwords are not logged anywhere).
No Qt here: the command line sets it up before any subcommand runs.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "codi-desktop.log"


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / "logs" / LOG_NAME


def setup_logging(data_dir: Path, command: str = "app") -> Path:
    """Log to this data folder (one log handler per process); returns the file."""
    path = log_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        mine = getattr(handler, "_codi", None)
        if mine == str(path):
            return path
        if mine is not None:  # another data folder opened in this process (tests)
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler._codi = str(path)  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    logging.getLogger("codi_desktop").info("codi-desktop %s started", command)
    return path
