"""Fixtures for the self-managing province tests: a fresh store holding one province."""

import pytest

from codi_desktop.store.database import open_store


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "data")
    s.set_setting("province_code", "34")  # อุบลราชธานี
    yield s
    s.close()
