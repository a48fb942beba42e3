"""Scope comes from the device: another province's rows never arrive, and writing them is
refused and undone locally; a device can revoke itself."""

from __future__ import annotations

import sqlalchemy as sa

from codi_core.models import Community, Meeting
from codi_desktop.sync import status
from codi_desktop.sync.client import ProblemError, SyncClient
from codi_desktop.sync.credentials import account, load_token

from .conftest import make_laptop, row_images
from .test_two_laptops import new_meeting


def test_rows_of_another_province_are_not_pulled_and_writing_them_is_refused(
    tmp_path, server, memory_keyring
):
    server.create_user("bangkok", province="10")
    a = make_laptop(tmp_path, "a", server, "somchai")
    meeting_id = new_meeting(a)
    a.synced()
    c = make_laptop(tmp_path, "c", server, "bangkok")
    c.synced()
    assert c.store.province_code == "10"
    assert c.get(Meeting, meeting_id) is None
    assert not [k for k, img in row_images(c.store).items() if img.get("province_code") == "34"]

    with c.store.action("ลงทะเบียนชุมชน", author="bangkok") as s:
        s.add(Community(id="0190aaaa-0000-7000-8000-000000000034", province_code="34",
                        name="ชุมชนนอกเขต"))
    summary = c.sync()
    assert summary.rejected == 1
    (rejected,) = status.rejected_change_sets(c.store)
    assert rejected.result_code == "forbidden"
    assert "ไม่มีสิทธิ์" in rejected.reason("th")
    with c.store.read() as s:  # undone locally: the server never had it
        assert s.scalar(sa.select(sa.func.count()).select_from(Community)
                        .where(Community.province_code == "34")) == 0


def test_a_device_revoking_itself_gets_device_revoked(tmp_path, server, memory_keyring):
    a = make_laptop(tmp_path, "a", server, "somchai")
    acct = account(a.store)
    token = load_token(a.store.data_dir, acct.server_url)
    with SyncClient(acct.server_url, token=token) as client:
        client.revoke(acct.device_id)
        try:
            client.pull(None, 1)
        except ProblemError as exc:
            assert exc.status == 401 and exc.code == "device_revoked"
        else:
            raise AssertionError("a revoked device could still pull")
    assert a.sync().revoked
