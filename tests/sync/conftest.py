"""Sync test fixtures: a real ``codi-server`` process on 127.0.0.1, real laptops (local
stores in temporary folders), and a real in-process keyring backend."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geothai
import httpx
import keyring
import keyring.backend
import keyring.errors
import pytest
import sqlalchemy as sa

from codi_core.models import SYNCED_MODELS
from codi_core.models.serialize import row_image
from codi_desktop.store.database import Store, open_store
from codi_desktop.sync.credentials import TokenProvider, enrol
from codi_desktop.sync.engine import SyncSummary, run_sync

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend that keeps secrets in this process's memory."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.secrets[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def failing_keyring() -> Iterator[keyring.backend.KeyringBackend]:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    backend = fail.Keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("CODI_ENV", "test")
    return env


def server_cli(database_url: str, *args: str, stdin: str | None = None) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "codi_server.cli", *args, "--database-url", database_url],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=server_env(),
        timeout=120,
    )
    if out.returncode != 0:
        raise RuntimeError(f"codi_server.cli {args} failed: {out.stdout}\n{out.stderr}")
    return out.stdout


@dataclass
class Server:
    url: str
    database_url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    port: int
    users: dict[str, str] = field(default_factory=dict)

    def create_user(
        self, name: str, *, role: str = "province", province: str | None = "34"
    ) -> str:
        """A user on this server (in this process: the server's own account code)."""
        from codi_server import db
        from codi_server.auth import create_user

        engine = db.make_engine(self.database_url)
        try:
            create_user(engine, name, PASSWORD, role, [province] if province else [])
        finally:
            engine.dispose()
        self.users[name] = PASSWORD
        return name

    def engine(self) -> sa.Engine:
        """The server's database, for checking what the server holds (read only)."""
        return sa.create_engine(self.database_url)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def start_server(tmp: Path, port: int | None = None, database_url: str | None = None) -> Server:
    port = port or free_port()
    database_url = database_url or f"sqlite:///{tmp / 'server.sqlite3'}"
    log_path = tmp / f"server-{port}.log"
    log_file = open(log_path, "ab")  # noqa: SIM115 - handed to the child process
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "codi_server.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--database-url",
            database_url,
        ],
        stdout=log_file,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        env=server_env(),
    )
    server = Server(f"http://127.0.0.1:{port}", database_url, process, log_path, port)
    deadline = time.monotonic() + 180  # a loaded machine starts it slowly
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"codi-server exited: {server.log()}")
        try:
            if httpx.get(server.url + "/v1/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"codi-server did not start: {server.log()}")


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the sync tests (each test enrols its own laptops = new devices and
    writes its own rows, so tests do not see each other's work in what they check)."""
    srv = start_server(tmp_path_factory.mktemp("server"))
    srv.create_user("somchai")
    srv.create_user("malee")
    try:
        yield srv
    finally:
        srv.stop()


# Provinces handed to tests one each, so no test sees another's rows or conflicts in
# what it checks (34 and 10, used by the older scope tests, stay out).
_PROVINCE_POOL = [p.code for p in geothai.provinces() if p.code not in {"34", "10"}]
_handed_out: list[str] = []


@pytest.fixture
def province(server: Server) -> str:
    """A province of its own for this test, with three users of it on the server:
    ``somchai<code>``, ``malee<code>`` and ``kanya<code>``."""
    return take_province(server)


def take_province(server: Server) -> str:
    if len(_handed_out) >= len(_PROVINCE_POOL):
        raise RuntimeError("more sync tests than provinces: reuse needs a second server")
    code = _PROVINCE_POOL[len(_handed_out)]
    _handed_out.append(code)
    for name in ("somchai", "malee", "kanya"):
        server.create_user(f"{name}{code}", province=code)
    return code


def no_keepalive_client(url: str, **options: Any) -> Any:
    """A sync client that opens one connection per request, so a proxy sees (and can
    cut) each request on its own."""
    from codi_desktop.sync.client import SyncClient

    options.pop("ca_file", None)
    transport = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
    return SyncClient(url, transport=transport, **options)


@dataclass
class Laptop:
    name: str
    store: Store
    server_url: str
    username: str

    def sync(self, **options: Any) -> SyncSummary:
        return run_sync(self.store, tokens=TokenProvider(self.store), **options)

    def synced(self) -> SyncSummary:
        summary = self.sync()
        assert summary.ok, summary.describe("en")
        return summary

    def get(self, model: type, row_id: str) -> Any:
        with self.store.read() as s:
            return s.get(model, row_id)


def make_laptop(tmp: Path, name: str, server: Server, username: str) -> Laptop:
    store = open_store(tmp / name)
    store.author = username
    enrol(store, server.url, username, server.users[username], device_name=name)
    return Laptop(name, store, server.url, username)


@pytest.fixture
def laptops(tmp_path: Path, server: Server, memory_keyring: MemoryKeyring, province: str):
    """Two laptops of this test's own province, enrolled and synced once."""
    a = make_laptop(tmp_path, "laptop-a", server, f"somchai{province}")
    b = make_laptop(tmp_path, "laptop-b", server, f"malee{province}")
    a.synced()
    b.synced()
    try:
        yield a, b
    finally:
        a.store.close()
        b.store.close()


def row_images(store: Store, tables: list[str] | None = None) -> dict[tuple[str, str], Any]:
    """Every synced row's full image (for comparing laptops with each other)."""
    out: dict[tuple[str, str], Any] = {}
    with store.read() as s:
        for name, model in SYNCED_MODELS.items():
            if tables is not None and name not in tables:
                continue
            if model.__sync_scope__ == "national" and tables is None:
                continue
            for obj in s.scalars(sa.select(model)):
                image = row_image(obj)
                image.pop("updated_at", None)
                out[(name, obj.id)] = image
    return out
