"""A record's history: every device's applied changes from the server when online, this
laptop's outbox when offline (same ``HistoryEntry`` shape)."""

from __future__ import annotations

from codi_desktop.services import communities, history

from .faultproxy import FaultProxy
from .test_faults import laptop_via


def test_history_online_shows_both_laptops_and_offline_the_local_outbox(
    tmp_path, server, memory_keyring
):
    proxy = FaultProxy(upstream_port=server.port).start()
    a = laptop_via(tmp_path, "hist-a", proxy.url, server, "somchai")
    b = laptop_via(tmp_path, "hist-b", proxy.url, server, "malee")
    try:
        a.synced()
        b.synced()
        cid = communities.create_community(
            a.store, communities.CommunityData(name="ชุมชนประวัติ", households=10),
            author="somchai")
        a.synced()
        b.synced()
        data = communities.get_community(b.store, cid)
        data.households = 25
        communities.update_community(b.store, cid, data, author="malee")
        b.synced()

        online = history.record_history(a.store, "community", cid, online=True)
        assert [(e.op, e.source, e.author_name) for e in online] == [
            ("update", "server", "malee"), ("insert", "server", "somchai")]
        assert ("households", 10, 25) in online[0].changes
        assert online[0].device == "hist-b" and online[0].device_time is not None

        proxy.stop()  # offline: this laptop's own outbox
        offline = history.record_history(a.store, "community", cid, online=True)
        assert [(e.op, e.source) for e in offline] == [("insert", "local")]
    finally:
        proxy.stop()
        a.store.close()
        b.store.close()
