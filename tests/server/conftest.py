"""Fixtures for the server tests: real server processes on SQLite and PostgreSQL.

Every protocol test runs once per backend (``env`` is parametrized, Kinto style). For
PostgreSQL a fresh database ``codi_test_<random>`` is created on the ``test`` database's
server for the test session and dropped at the end; PostgreSQL being unreachable skips
those tests, or fails them when ``CODI_REQUIRE_POSTGRES=1``. Servers are started as
``python -m codi_server.cli serve`` on a free port of 127.0.0.1 and spoken to with httpx.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from codi_core.models import new_id
from codi_desktop.store.database import wire_schema

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get(
    "CODI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE_PG = os.environ.get("CODI_REQUIRE_POSTGRES") == "1"
PASSWORD = "correct horse battery"



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- PostgreSQL databases -------------------------------------------------------------


class PgDatabases:
    """Creates throw-away databases next to the ``test`` database; drops them at the end."""

    def __init__(self, admin_url: str):
        self.admin = sa.engine.make_url(admin_url)
        self.created: list[str] = []

    def _conninfo(self) -> str:
        return self.admin.set(drivername="postgresql").render_as_string(hide_password=False)

    def check(self) -> None:
        import psycopg

        with psycopg.connect(self._conninfo(), connect_timeout=3) as conn:
            conn.execute("SELECT 1")

    def create(self) -> str:
        import psycopg

        name = f"codi_test_{secrets.token_hex(6)}"
        with psycopg.connect(self._conninfo(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return self.admin.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        import psycopg

        with psycopg.connect(self._conninfo(), autocommit=True) as conn:
            for name in self.created:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases]:
    dbs = PgDatabases(PG_URL)
    try:
        dbs.check()
    except Exception as exc:
        message = f"PostgreSQL at {PG_URL} is unreachable: {exc}"
        if REQUIRE_PG:
            pytest.fail(message)
        pytest.skip(message)
    yield dbs
    dbs.drop_all()


# -- server processes -----------------------------------------------------------------


class ServerProcess:
    def __init__(self, url: str, log_dir: Path, *, workers: int = 1, extra: list[str] = ()):
        self.url = url
        self.port = free_port()
        self.workers = workers
        self.extra = list(extra)
        self.log_path = log_dir / f"server-{self.port}.log"
        self.proc: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 40) -> ServerProcess:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        env.pop("CODI_SERVER_DATABASE_URL", None)
        self.log = open(self.log_path, "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "codi_server.cli", "serve", "--port", str(self.port),
             "--database-url", self.url, "--workers", str(self.workers), *self.extra],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-3000:]}")
            try:
                if httpx.get(self.base_url + "/v1/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start: {self.log_path.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL the whole process group (uvicorn and its workers)."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                self.kill()
        if getattr(self, "log", None):
            self.log.close()

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")


# -- test environment -----------------------------------------------------------------


class Env:
    """One database and a server process on it, with helpers to make users and devices."""

    def __init__(self, backend: str, url: str, server: ServerProcess):
        from codi_server import db

        self.backend = backend
        self.url = url
        self.server = server
        self.engine = db.make_engine(url)

    @property
    def base_url(self) -> str:
        return self.server.base_url

    def user(self, role: str = "province", provinces: tuple[str, ...] = ("50",)) -> str:
        from codi_server.auth import create_user

        name = f"u{uuid.uuid4().hex[:10]}"
        create_user(self.engine, name, PASSWORD, role, list(provinces))
        return name

    def last_seq(self) -> int:
        from codi_server.seqs import current_seq

        with self.engine.connect() as conn:
            return current_seq(conn)

    def device(
        self,
        role: str = "province",
        provinces: tuple[str, ...] = ("50",),
        base_url: str | None = None,
        from_now: bool = False,
    ) -> Device:
        """An enrolled device; ``from_now``: its cursor starts at the current seq (no
        snapshot: most tests only look at what they write)."""
        name = self.user(role, provinces)
        r = httpx.post(
            (base_url or self.base_url) + "/v1/devices",
            json={"username": name, "password": PASSWORD, "device_name": "test laptop"},
        )
        assert r.status_code == 201, r.text
        device = Device(self, r.json(), base_url or self.base_url)
        if from_now:
            from codi_core.wire import encode_cursor

            device.cursor = encode_cursor(self.last_seq())
        return device

    def close(self) -> None:
        self.engine.dispose()


class Device:
    def __init__(self, env: Env, enrolment: dict[str, Any], base_url: str):
        self.env = env
        self.enrolment = enrolment
        self.id = enrolment["device_id"]
        self.token = enrolment["token"]
        self.next_seq = 1
        self.cursor: str | None = None
        self.client = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {self.token}", "Codi-Protocol": "1"},
            timeout=30,
        )

    def change_set(self, changes: list[dict], **over: Any) -> dict[str, Any]:
        cs = {
            "id": new_id(),
            "device_seq": self.next_seq,
            "created_at": "2026-11-25T10:00:00Z",
            "author": "tester",
            "schema_version": wire_schema(),
            "summary": "test",
            "changes": changes,
        }
        cs.update(over)
        self.next_seq = cs["device_seq"] + 1
        return cs

    def push_sets(self, *change_sets: dict) -> httpx.Response:
        return self.client.post(
            "/v1/sync/push", json={"device_id": self.id, "change_sets": list(change_sets)}
        )

    def push(self, *changes: dict, **over: Any) -> dict[str, Any]:
        """Push one change set; returns its result (asserting a 200)."""
        r = self.push_sets(self.change_set(list(changes), **over))
        assert r.status_code == 200, r.text
        (result,) = r.json()["results"]
        return result

    def pull(self, cursor: str | None = None, limit: int = 500) -> httpx.Response:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        return self.client.get("/v1/sync/pull", params=params)

    def pull_new(self, limit: int = 1000) -> list[dict[str, Any]]:
        """Everything since this device's cursor (all pages); advances the cursor."""
        out: list[dict[str, Any]] = []
        while True:
            r = self.pull(self.cursor, limit)
            assert r.status_code == 200, r.text
            page = r.json()
            out.extend(page["changes"])
            self.cursor = page["cursor"]
            if not page["more"]:
                return out

    def close(self) -> None:
        self.client.close()


def ins(table: str, row_id: str | None = None, **fields: Any) -> dict[str, Any]:
    return {"table": table, "row_id": row_id or new_id(), "op": "insert", "fields": fields}


def upd(table: str, row_id: str, base_seq: int | None, **fields: Any) -> dict[str, Any]:
    return {"table": table, "row_id": row_id, "op": "update", "base_seq": base_seq,
            "fields": fields}


def dele(table: str, row_id: str, base_seq: int | None) -> dict[str, Any]:
    return {"table": table, "row_id": row_id, "op": "delete", "base_seq": base_seq}


def person(province: str = "50", **fields: Any) -> dict[str, Any]:
    return ins("person", province_code=province, first_name="สมศรี", last_name="ทดสอบ", **fields)


def rows_by_id(changes: list[dict]) -> dict[str, dict]:
    return {c["row_id"]: c for c in changes}


def make_url(backend: str, tmp: Path, pg: PgDatabases | None) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp / f'server-{secrets.token_hex(4)}.sqlite3'}"
    assert pg is not None
    return pg.create()


def prepared(url: str) -> None:
    from codi_server import db

    engine = db.make_engine(url)
    db.prepare(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def log_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("server-logs")


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session", params=BACKENDS)
def env(request: pytest.FixtureRequest, tmp_path_factory, log_dir) -> Iterator[Env]:
    backend = request.param
    pg = request.getfixturevalue("pg_databases") if backend == "postgres" else None
    url = make_url(backend, tmp_path_factory.mktemp("db"), pg)
    prepared(url)
    server = ServerProcess(url, log_dir).start()
    environment = Env(backend, url, server)
    yield environment
    environment.close()
    # A test may have replaced the process (a restart after a kill): stop whichever runs.
    for process in {id(server): server, id(environment.server): environment.server}.values():
        process.stop()


@pytest.fixture(params=BACKENDS)
def fresh_env(request: pytest.FixtureRequest, tmp_path, log_dir) -> Iterator[Env]:
    """A database and server of its own (for tests that change global server state)."""
    backend = request.param
    pg = request.getfixturevalue("pg_databases") if backend == "postgres" else None
    url = make_url(backend, tmp_path, pg)
    prepared(url)
    server = ServerProcess(url, log_dir).start()
    environment = Env(backend, url, server)
    yield environment
    environment.close()
    # A test may have replaced the process (a restart after a kill): stop whichever runs.
    for process in {id(server): server, id(environment.server): environment.server}.values():
        process.stop()
