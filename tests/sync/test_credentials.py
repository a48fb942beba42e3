"""Enrolment and the device token: only in the OS keyring, or only in memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from codi_core.models import Meeting
from codi_desktop.store.database import open_store
from codi_desktop.sync import credentials
from codi_desktop.sync.client import ProblemError, SyncClient
from codi_desktop.sync.credentials import (
    EnrolmentError,
    TokenProvider,
    account,
    enrol,
    keyring_status,
)
from codi_desktop.sync.engine import run_sync

from .conftest import PASSWORD, ROOT, MemoryKeyring, free_port, make_laptop
from .test_two_laptops import edit, new_meeting


def files_containing(folder: Path, secret: str) -> list[Path]:
    needle = secret.encode()
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_token_is_in_the_keyring_and_in_no_file(tmp_path, server, memory_keyring):
    laptop = make_laptop(tmp_path, "laptop", server, "somchai")
    ((service, key), token) = next(iter(memory_keyring.secrets.items()))
    assert service == "codi-desktop"
    assert str(laptop.store.data_dir.resolve()) in key and server.url in key
    assert len(token) >= 32
    meeting_id = new_meeting(laptop)
    edit(laptop, meeting_id, notes="บันทึก")
    laptop.synced()
    laptop.store.close()  # checkpoint the WAL so every byte is in the files we read
    assert files_containing(laptop.store.data_dir, token) == []
    assert files_containing(tmp_path, token) == []
    assert PASSWORD.encode() not in b"".join(
        p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()
    )
    # Device id, server and user name are ordinary local settings.
    reopened = open_store(laptop.store.data_dir)
    acct = account(reopened)
    assert acct is not None and acct.username == "somchai" and acct.server_url == server.url
    reopened.close()


def test_failing_keyring_is_explained_plainly(failing_keyring):
    status = keyring_status()
    assert not status.secure
    assert "ไม่มีที่เก็บรหัสผ่านที่ปลอดภัย" in status.message("th")
    assert "ทุกครั้งที่ซิงค์" in status.message("th")
    assert "no secure keyring" in status.message("en")
    assert "password at each sync" in status.message("en")


def test_plaintext_and_empty_chainer_backends_count_as_insecure(memory_keyring):
    from keyring.backends import chainer

    class PlaintextKeyring(MemoryKeyring):
        """Looks like keyrings.alt's plain file backend."""

    assert keyring_status().secure
    assert credentials._insecure_reason(PlaintextKeyring()) is not None
    class EmptyChainer(chainer.ChainerBackend):
        backends = []  # what the chainer finds on a machine with no usable keyring

    assert credentials._insecure_reason(EmptyChainer()) is not None


def test_without_a_keyring_each_sync_asks_for_the_password_and_rotates_the_token(
    tmp_path, server, failing_keyring
):
    store = open_store(tmp_path / "laptop")
    result = enrol(store, server.url, "malee", PASSWORD, device_name="no-keyring")
    assert not result.token_in_keyring and result.memory_token
    first_token = result.memory_token
    new_meeting_id = None
    with store.action("นัดประชุม", author="malee") as s:
        meeting = Meeting(
            province_code="34", kind="cluster", title="ประชุมกลุ่มจังหวัด",
            starts_at=result_time(), place="ศาลาประชาคม",
        )
        s.add(meeting)
        s.flush()
        new_meeting_id = meeting.id

    # No password given: the sync stops and says why; the outbox is kept.
    summary = run_sync(store, tokens=TokenProvider(store))
    assert not summary.ok and summary.errors[0].code == "need_password"
    assert summary.waiting == 1

    asked = []
    tokens = TokenProvider(store, password_prompt=lambda: asked.append(1) or PASSWORD)
    summary = run_sync(store, tokens=tokens)
    assert summary.ok, summary.describe("en")
    assert asked == [1]
    assert account(store).device_id == result.device_id  # the same device, a new token
    # The old token was invalidated by the rotation.
    with SyncClient(server.url, token=first_token) as client, pytest.raises(ProblemError) as err:
        client.pull(None, 1)
    assert err.value.status == 401
    store.close()
    for token in (first_token,):
        assert files_containing(tmp_path, token) == []
    assert new_meeting_id


def result_time():
    import datetime as dt

    return dt.datetime(2026, 3, 1, 3, 0, tzinfo=dt.UTC)


def test_a_demo_database_refuses_enrolment(tmp_path, memory_keyring):
    store = open_store(tmp_path / "demo")
    store.set_setting("demo", True)
    with pytest.raises(EnrolmentError) as err:
        # A closed port: the refusal happens before any network traffic.
        enrol(store, f"http://127.0.0.1:{free_port()}", "somchai", PASSWORD)
    assert err.value.code == "demo"
    assert "ไม่ซิงค์" in err.value.message("th")
    assert "never syncs" in err.value.message("en")
    assert memory_keyring.secrets == {}
    summary = run_sync(store)
    assert summary.errors[0].code == "demo"
    store.close()


def test_wrong_password_is_refused(tmp_path, server, memory_keyring):
    store = open_store(tmp_path / "laptop")
    with pytest.raises(EnrolmentError) as err:
        enrol(store, server.url, "somchai", "not the password")
    assert err.value.code == "bad_credentials"
    assert "รหัสผ่านไม่ถูกต้อง" in err.value.message("th")
    assert account(store) is None and memory_keyring.secrets == {}
    store.close()


def test_revoked_device_stops_syncing_and_keeps_data_and_outbox(tmp_path, server, memory_keyring):
    from .conftest import server_cli

    laptop = make_laptop(tmp_path, "laptop", server, "somchai")
    laptop.synced()
    meeting_id = new_meeting(laptop)
    server_cli(server.database_url, "revoke", account(laptop.store).device_id)
    summary = laptop.sync()
    assert summary.revoked and not summary.ok
    assert summary.errors[0].code == "device_revoked"
    assert "เพิกถอน" in summary.errors[0].message("th")
    assert summary.waiting == 1
    assert laptop.get(Meeting, meeting_id) is not None
    # Later syncs stop at once, without asking the server.
    again = laptop.sync()
    assert again.revoked and again.pushed == 0
    laptop.store.close()


def cli_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["HOME"] = str(tmp_path / "home")
    return env


def run_cli(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "codi_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=cli_env(tmp_path),
        timeout=120,
    )


@pytest.mark.slow
def test_command_line_enrol_and_sync_without_a_keyring(tmp_path, server):
    data = tmp_path / "cli-laptop"
    out = run_cli(
        tmp_path, "enrol", "--data-dir", str(data), "--server", server.url,
        "--username", "somchai", "--device-name", "cli", stdin=PASSWORD + "\n",
    )
    assert out.returncode == 0, out.stderr
    assert "no secure keyring" in out.stderr and "Enrolled" in out.stdout

    # No password on stdin: the sync cannot get a token and says so (exit 1).
    out = run_cli(tmp_path, "sync", "--data-dir", str(data))
    assert out.returncode == 1
    assert "password" in out.stdout.lower()

    out = run_cli(tmp_path, "sync", "--data-dir", str(data), stdin=PASSWORD + "\n")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "pulled" in out.stdout and "waiting 0" in out.stdout

    out = run_cli(
        tmp_path, "enrol", "--data-dir", str(data), "--server", server.url,
        "--username", "somchai", stdin="wrong\n",
    )
    assert out.returncode == 1 and "wrong" in out.stderr
