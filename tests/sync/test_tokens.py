"""Credentials as a person meets them: a stale token replaced with the password, a locked
keyring named as such, a token that could not be stored said out loud; and an old outbox
after re-enrolment that is never applied twice."""

from __future__ import annotations

import keyring
import keyring.errors
import pytest
import sqlalchemy as sa

from codi_core.models import ChangeSet, ChangeSetStatus, Community
from codi_desktop.services import communities
from codi_desktop.store.database import open_store
from codi_desktop.sync.client import SyncClient
from codi_desktop.sync.credentials import TokenProvider, account, enrol, load_token
from codi_desktop.sync.engine import run_sync

from .conftest import PASSWORD, MemoryKeyring, make_laptop, no_keepalive_client
from .faultproxy import FaultProxy
from .test_own_writes import PUSH, laptop_via, server_row


class LockedKeyring(MemoryKeyring):
    """A keyring that is there but locked (as a GNOME keyring before unlocking)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the collection is locked")


class RefusingKeyring(MemoryKeyring):
    """A keyring that refuses to store (a full or broken secret store)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("no space left in the secret store")


@pytest.fixture
def use_keyring():
    previous = keyring.get_keyring()

    def use(backend):
        keyring.set_keyring(backend)
        return backend

    try:
        yield use
    finally:
        keyring.set_keyring(previous)


def _rotate_elsewhere(laptop) -> None:
    """The same device's token is rotated by another process (the old one is void)."""
    acct = account(laptop.store)
    with SyncClient(acct.server_url) as client:
        client.enrol(acct.username, PASSWORD, "elsewhere", device_id=acct.device_id)


def test_a_stale_token_is_replaced_with_the_password(tmp_path, server, province, use_keyring):
    backend = use_keyring(MemoryKeyring())
    laptop = make_laptop(tmp_path, "a", server, f"somchai{province}")
    acct = account(laptop.store)
    old = load_token(laptop.store.data_dir, acct.server_url)
    _rotate_elsewhere(laptop)

    without = run_sync(laptop.store, tokens=TokenProvider(laptop.store))
    assert [e.code for e in without.errors] == ["need_password"]
    assert "รหัสผ่าน" in without.errors[0].th and "password" in without.errors[0].en

    summary = run_sync(
        laptop.store, tokens=TokenProvider(laptop.store, password_prompt=lambda: PASSWORD)
    )
    assert summary.ok, summary.describe("en")
    new = load_token(laptop.store.data_dir, acct.server_url)
    assert new and new != old
    assert list(backend.secrets.values()) == [new]  # the keyring holds the new one only
    assert account(laptop.store).device_id == acct.device_id  # the same device
    laptop.store.close()


def test_a_locked_keyring_is_reported_as_locked(tmp_path, server, province, use_keyring):
    use_keyring(MemoryKeyring())
    laptop = make_laptop(tmp_path, "a", server, f"somchai{province}")
    use_keyring(LockedKeyring())
    summary = run_sync(laptop.store, tokens=TokenProvider(laptop.store))
    (issue,) = summary.errors
    assert issue.code == "keyring_locked"
    assert "ถูกล็อก" in issue.th and "locked" in issue.en
    assert "ไม่มีที่เก็บรหัสผ่านที่ปลอดภัย" not in issue.th and "no secure" not in issue.en
    laptop.store.close()


def test_a_token_that_could_not_be_stored_is_said(tmp_path, server, province, use_keyring):
    use_keyring(RefusingKeyring())
    store = open_store(tmp_path / "a")
    result = enrol(store, server.url, f"somchai{province}", PASSWORD, device_name="a")
    assert not result.token_in_keyring and result.memory_token
    assert "no space left" in result.storage_message("en")
    assert "could not be stored" in result.storage_message("en")
    assert "ไม่สำเร็จ" in result.storage_message("th")
    # It still works for this session, from memory.
    tokens = TokenProvider(store, memory_token=result.memory_token)
    assert run_sync(store, tokens=tokens).ok
    store.close()


def test_an_old_outbox_after_reenrolment_is_never_applied_twice(
    tmp_path, server, province, memory_keyring
):
    cut = {"armed": False}
    proxy = FaultProxy(
        upstream_port=server.port,
        rule=lambda line: ("response", 40) if cut["armed"] and line.startswith(PUSH) else None,
    ).start()
    try:
        laptop = laptop_via(tmp_path, "a", proxy.url, server, f"somchai{province}")
        row_id = communities.create_community(
            laptop.store, communities.CommunityData(name="ชุมชนส่งแล้วแต่ไม่รู้ผล"),
            author=laptop.username,
        )
        cut["armed"] = True  # the server applies it; the answer is lost
        laptop.sync(client_factory=no_keepalive_client, transport_retries=0)
        cut["armed"] = False
        assert server_row(server, row_id)["name"] == "ชุมชนส่งแล้วแต่ไม่รู้ผล"
        assert laptop.store.count_pending() == 1
        # The device is revoked and the laptop enrols again: a new device, an old outbox.
        with SyncClient(proxy.url, token=load_token(laptop.store.data_dir, proxy.url)) as c:
            c.revoke(account(laptop.store).device_id)
        old_device = account(laptop.store).device_id
        enrol(laptop.store, proxy.url, laptop.username, PASSWORD)
        assert account(laptop.store).device_id != old_device
        summary = laptop.sync(client_factory=no_keepalive_client)
        assert summary.ok and summary.conflicts == 0, summary.describe("en")
        with laptop.store.read() as s:
            (cs,) = s.scalars(sa.select(ChangeSet)).all()
            assert cs.status is ChangeSetStatus.APPLIED
        engine = server.engine()
        try:
            with engine.connect() as conn:
                table = sa.Table("community", sa.MetaData(), autoload_with=conn)
                assert conn.execute(
                    sa.select(sa.func.count()).select_from(table).where(table.c.id == row_id)
                ).scalar_one() == 1
                conflict = sa.Table("conflict", sa.MetaData(), autoload_with=conn)
                assert conn.execute(
                    sa.select(sa.func.count()).select_from(conflict)
                    .where(conflict.c.row_id == row_id)
                ).scalar_one() == 0
        finally:
            engine.dispose()
        assert laptop.get(Community, row_id).deleted_at is None
        laptop.store.close()
    finally:
        proxy.stop()
