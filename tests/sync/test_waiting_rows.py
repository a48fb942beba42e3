"""A row with a waiting change keeps its local values of the waiting fields when a pull
brings a newer server version, and takes the server's values of the others (a row is
never left behind the cursor); if that change is then refused, the server's version of
the waiting fields (kept aside) comes back."""

from __future__ import annotations

from codi_core.models import Province
from codi_core.models.serialize import row_image
from codi_desktop.sync.client import SyncClient
from codi_desktop.sync.credentials import TokenProvider, account
from codi_desktop.sync.engine import SyncEngine

from .conftest import make_laptop


def province_image(laptop) -> dict:
    with laptop.store.read() as s:
        image = row_image(s.get(Province, "34"))
    image.pop("updated_at")
    return image


def test_refused_change_on_a_row_pulled_meanwhile_restores_the_servers_version(
    tmp_path, server, memory_keyring
):
    server.create_user("hq_admin", role="hq", province=None)
    hq = make_laptop(tmp_path, "hq", server, "hq_admin")
    a = make_laptop(tmp_path, "a", server, "somchai")
    hq.synced()
    a.synced()

    # Laptop A (a province account) edits national reference data: it will be refused.
    with a.store.action("แก้ชื่อจังหวัด", author="somchai") as s:
        s.get(Province, "34").name_th = "อุบลฯ (แก้ในเครื่อง)"
    # Meanwhile HQ changes another field of the same row.
    with hq.store.action("แก้ชื่อจังหวัดภาษาอังกฤษ", author="hq_admin") as s:
        s.get(Province, "34").name_en = "Ubon Ratchathani (HQ)"
    hq.synced()

    # A pull happens while A's change still waits: the row keeps A's value of the
    # waiting field and takes HQ's of the other.
    engine = SyncEngine(a.store, tokens=TokenProvider(a.store))
    acct = account(a.store)
    with SyncClient(acct.server_url) as client:
        engine._pull(client)  # noqa: SLF001 - the pull alone, as if the push had not run yet
    with a.store.read() as s:
        row = s.get(Province, "34")
        assert row.name_th == "อุบลฯ (แก้ในเครื่อง)"
        assert row.name_en == "Ubon Ratchathani (HQ)"

    # The push is refused; the row becomes the server's version, HQ's edit included.
    summary = a.sync()
    assert summary.rejected == 1
    assert province_image(a) == province_image(hq)
    assert province_image(a)["name_en"] == "Ubon Ratchathani (HQ)"
