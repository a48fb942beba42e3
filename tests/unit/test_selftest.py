"""``codi-desktop self-test``: the check an administrator (and CI, on the installed .deb)
runs. Run as a real process, the way they run it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

STEPS = [
    "migrate a new database",
    "write a change set through a service",
    "print Thai minutes and read them back",
    "open the main window offscreen",
]


def _self_test(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "codi_desktop", "self-test", *args],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.slow
def test_self_test_passes_every_step_and_keeps_its_evidence(tmp_path):
    folder = tmp_path / "check"
    done = _self_test("--data-dir", str(folder))
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for step in STEPS:
        assert any(line.strip().startswith(f"ok   {step}") and " s " in line for line in lines), (
            step, done.stdout)
    assert "self-test passed: 4 steps" in done.stdout
    # What it checked is there to look at: the database, the PDF and the window's picture.
    assert (folder / "codi.sqlite3").exists()
    assert (folder / "self-test-minutes.pdf").read_bytes().startswith(b"%PDF")
    assert (folder / "self-test-window.png").stat().st_size > 10_000


@pytest.mark.slow
def test_self_test_fails_when_qt_cannot_start(tmp_path):
    # No such Qt platform plugin: the window step cannot pass, so neither can the run.
    done = _self_test("--data-dir", str(tmp_path / "check"),
                      env={"QT_QPA_PLATFORM": "no-such-platform"})
    assert done.returncode != 0
    assert "ok   migrate a new database" in done.stdout
    assert "self-test passed" not in done.stdout


def test_self_test_refuses_a_folder_with_data(tmp_path):
    (tmp_path / "codi.sqlite3").write_bytes(b"someone's data")
    done = _self_test("--data-dir", str(tmp_path))
    assert done.returncode == 2
    assert "not empty" in done.stderr
    assert (tmp_path / "codi.sqlite3").read_bytes() == b"someone's data"
