"""Fixtures for the import/export tests: a fresh store of one province per test, the
committed LibreOffice-made files, and LibreOffice itself where it is installed."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from codi_core.models import ChangeSet
from codi_desktop.store.database import open_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "data")
    s.set_setting("province_code", "34")
    yield s
    s.close()


@pytest.fixture
def fixtures():
    return FIXTURES


def count_sets(store) -> int:
    with store.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(ChangeSet))


def count(store, model) -> int:
    with store.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(model).where(
            model.deleted_at.is_(None)))


def write_xlsx(path, rows, title=None):
    book = openpyxl.Workbook()
    ws = book.active
    if title:
        ws.append([title])
    for r in rows:
        ws.append(list(r))
    book.save(path)
    return path


@pytest.fixture
def libreoffice(tmp_path):
    """A function that converts a file with LibreOffice headless (skips without it)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice is not installed")
    profile = Path(tempfile.gettempdir()) / "codi-lo-profile-tests"

    def convert(path: Path, target: str) -> Path:
        out = tmp_path / "lo-out"
        out.mkdir(exist_ok=True)
        subprocess.run([exe, "--headless", "--norestore",
                        f"-env:UserInstallation=file://{profile}", "--convert-to", target,
                        "--outdir", str(out), str(path)], check=True, capture_output=True,
                       timeout=180)
        ext = target.split(":")[0]
        return out / (Path(path).stem + "." + ext)
    return convert


@pytest.fixture
def h():
    """Small helpers shared by the tests (a namespace, as pytest shares fixtures)."""
    from types import SimpleNamespace

    return SimpleNamespace(count_sets=count_sets, count=count, write_xlsx=write_xlsx)
