"""File dialogs that remember the last folder per kind of file (QSettings), so the second
PDF goes where the first went instead of the home folder every time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

KEY = "last_folder/{kind}"


def last_folder(kind: str) -> Path:
    saved = QSettings().value(KEY.format(kind=kind))
    folder = Path(str(saved)) if saved else Path.home()
    return folder if folder.is_dir() else Path.home()


def remember(kind: str, path: str) -> None:
    if path:
        QSettings().setValue(KEY.format(kind=kind), str(Path(path).parent))


def save_file(parent: QWidget, kind: str, title: str, name: str, filters: str) -> str:
    """Ask where to save ``name`` (a file name); '' when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(last_folder(kind) / name), filters)
    remember(kind, path)
    return path


def open_file(parent: QWidget, kind: str, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(last_folder(kind)), filters)
    remember(kind, path)
    return path
