"""``codi-server check``: what HQ IT runs after an install or an upgrade. Real processes,
real SQLite files and real PostgreSQL databases; it must change nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from .conftest import ROOT, free_port


def check(url: str | None, *extra: str, env_over: dict[str, str] | None = None):
    env = dict(os.environ, PYTHONPATH=str(ROOT), **(env_over or {}))
    env.pop("CODI_SERVER_DATABASE_URL", None)
    args = [sys.executable, "-m", "codi_server.cli", "check", *extra]
    if url:
        args += ["--database-url", url]
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def migrate(url: str) -> None:
    r = subprocess.run([sys.executable, "-m", "codi_server.cli", "migrate", "--database-url", url],
                       cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def line(out: str, name: str) -> str:
    found = [ln.strip() for ln in out.splitlines() if f" {name} " in f" {ln.strip()} "]
    assert found, (name, out)
    return found[0]


def test_a_migrated_sqlite_server_is_ready(tmp_path):
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    migrate(url)
    r = check(url)
    assert r.returncode == 0, r.stdout + r.stderr
    for name in ("configuration", "database reachable", "migrations at head", "time in sync"):
        assert line(r.stdout, name).startswith("ok"), r.stdout
    assert "ready to serve" in r.stdout


def test_a_missing_sqlite_file_is_not_created_and_the_fix_is_named(tmp_path):
    path = tmp_path / "nothing-here.sqlite3"
    r = check(f"sqlite:///{path}")
    assert r.returncode == 1
    assert line(r.stdout, "reachable").startswith("FAIL")
    assert "codi-server migrate" in r.stdout
    assert not path.exists()


def test_test_only_password_hashing_settings_are_flagged(tmp_path):
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    migrate(url)
    r = check(url, env_over={"CODI_SERVER_ARGON2_TIME_COST": "1"})
    assert "warn" in r.stdout and "CODI_SERVER_ARGON2_TIME_COST" in r.stdout
    assert r.returncode == 0  # a warning, not a failure


def test_an_unreachable_postgresql_fails_quickly_and_says_so():
    port = free_port()  # nothing listens there
    r = check(f"postgresql+psycopg://postgres@127.0.0.1:{port}/codi")
    assert r.returncode == 1
    assert line(r.stdout, "reachable").startswith("FAIL")
    assert "cannot connect" in r.stdout
    assert "migrations at head" not in r.stdout


@pytest.mark.postgres
def test_postgresql_empty_then_migrated_then_ready_with_its_clock_compared(pg_databases):
    url = pg_databases.create()
    r = check(url)
    assert r.returncode == 1
    assert line(r.stdout, "migrations at head").startswith("FAIL")
    assert "codi-server migrate" in line(r.stdout, "migrations at head")
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:  # check changed nothing: still no tables
            assert sa.inspect(conn).get_table_names() == []
    finally:
        engine.dispose()

    migrate(url)
    r = check(url)
    assert r.returncode == 0, r.stdout + r.stderr
    clock = line(r.stdout, "time in sync")
    assert clock.startswith("ok") and "PostgreSQL's clock" in clock


@pytest.mark.postgres
def test_a_host_clock_far_from_postgresql_fails_the_time_check(pg_databases):
    from codi_server.check import check_time

    url = pg_databases.create()
    engine = sa.create_engine(url)
    try:
        # This host's clock 30 s fast: PostgreSQL's now() is then 30 s behind it.
        result = check_time(engine, 2.0, clock=lambda: time.time() + 30)
        assert result.status == "FAIL", result
        assert "behind" in result.detail and "NTP" in result.detail
        skew = float(result.detail.split(" s ")[0].rsplit(" ", 1)[1])
        assert 29 < skew < 31
        assert check_time(engine, 2.0).status == "ok"
    finally:
        engine.dispose()
