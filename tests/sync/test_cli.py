"""The command line as a new user meets it: ``--data-dir`` before or after the subcommand,
nothing written outside the data folder, a log for every command, and plain http refused
before any connection."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from codi_desktop.cli import build_parser
from codi_desktop.store.database import open_store
from codi_desktop.sync.credentials import EnrolmentError, account, enrol

from .conftest import PASSWORD, ROOT, Server, take_province

COMMANDS = ("demo", "print", "enrol", "sync")


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.pop("CODI_DATA_DIR", None)
    env.update(
        HOME=str(home),
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        # No OS keyring here: the token stays in memory and sync asks for the password.
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        QT_QPA_PLATFORM="offscreen",
    )
    env.update(extra)
    return env


def codi(home: Path, *args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "codi_desktop.cli", *args],
        input=stdin, capture_output=True, text=True, cwd=home, env=_env(home, **env),
        timeout=300,
    )


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def _arguments(command: str, server: Server, username: str, data: Path) -> list[str]:
    if command == "demo":
        return ["--scale", "small", "--force"]
    if command == "print":
        return ["budget", "--fiscal-year", "2569", "--out", str(data / "budget.pdf")]
    if command == "enrol":
        return ["--server", server.url, "--username", username, "--device-name", "cli"]
    return []


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("command", COMMANDS)
def test_data_dir_on_either_side_behaves_the_same_and_writes_nothing_else(
    tmp_path, server, command
):
    province = take_province(server)
    username = f"somchai{province}"
    outcomes = {}
    for side in ("before", "after"):
        home = tmp_path / f"home-{side}"
        home.mkdir()
        data = tmp_path / f"data-{side}"
        if command == "print":  # a database of one province to print from
            store = open_store(data)
            store.set_setting("province_code", province)
            store.close()
        if command == "sync":
            store = open_store(data)
            store.close()
            assert codi(
                home, "enrol", "--data-dir", str(data), *_arguments("enrol", server, username, data),
                stdin=PASSWORD + "\n",
            ).returncode == 0
        args = [command, *_arguments(command, server, username, data)]
        if side == "before":
            argv = ["--data-dir", str(data), *args]
        else:
            argv = [args[0], "--data-dir", str(data), *args[1:]]
        out = codi(home, *argv, stdin=PASSWORD + "\n")
        outcomes[side] = out.returncode
        assert out.returncode == 0, (side, out.stdout, out.stderr)
        assert files_under(home) == [], f"written outside the data folder: {files_under(home)}"
        written = files_under(data)
        assert "codi.sqlite3" in written
        log = data / "logs" / "codi-desktop.log"
        assert log.exists() and f"codi-desktop {command} started" in log.read_text()
        if command == "print":
            assert (data / "budget.pdf").stat().st_size > 0
    assert outcomes["before"] == outcomes["after"]


def test_the_parser_keeps_data_dir_from_either_side():
    parser = build_parser()
    for command in ("demo", "sync"):
        assert parser.parse_args(["--data-dir", "X", command]).data_dir == "X"
        assert parser.parse_args([command, "--data-dir", "X"]).data_dir == "X"
        assert parser.parse_args([command]).data_dir is None


class _Listener:
    """A loopback port that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self.sock.close()


def test_enrol_over_plain_http_to_another_host_is_refused_before_any_connection(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    listener = _Listener()
    try:
        # Every connection the client would make goes to this proxy address (httpx
        # honours HTTP_PROXY): a refusal made before connecting leaves it untouched.
        proxy = f"http://127.0.0.1:{listener.port}"
        out = codi(
            home, "enrol", "--data-dir", str(tmp_path / "data"), "--server", "http://example.org",
            "--username", "somchai", stdin=PASSWORD + "\n", HTTP_PROXY=proxy, http_proxy=proxy,
            ALL_PROXY=proxy,
        )
    finally:
        listener.close()
    assert out.returncode != 0
    assert "https://" in out.stderr and "http://example.org" in out.stderr
    assert "ไม่เข้ารหัส" in out.stderr  # Thai first
    assert listener.accepted == 0
    store = open_store(tmp_path / "data")
    try:
        assert account(store) is None  # nothing was written either
    finally:
        store.close()


def test_plain_http_is_fine_to_this_computer_and_refused_elsewhere(tmp_path, server):
    store = open_store(tmp_path / "data")
    try:
        for url in ("http://example.org", "http://192.168.1.10:8470", "http://codi.local"):
            with pytest.raises(EnrolmentError) as refused:
                enrol(store, url, "somchai", PASSWORD)
            assert refused.value.code == "insecure_url"
        province = take_province(server)
        result = enrol(store, server.url, f"malee{province}", PASSWORD)  # http://127.0.0.1
        assert result.device_id
    finally:
        store.close()
