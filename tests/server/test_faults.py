"""Faults: a push whose answer is lost, and a server killed with SIGKILL mid-run."""

from __future__ import annotations

import contextlib
import socket
import threading

import httpx
import pytest

from codi_core.wire import encode_cursor

from .conftest import ServerProcess, person, rows_by_id


class DropResponseProxy:
    """A loopback TCP proxy; with ``drop`` set it forwards the request, swallows the
    server's answer and cuts the client's connection (the push was applied, the device
    never heard)."""

    def __init__(self, upstream_port: int):
        self.upstream_port = upstream_port
        self.drop = False
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.answered = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
        drop = self.drop

        def pump_up() -> None:
            try:
                while data := client.recv(65536):
                    upstream.sendall(data)
            except OSError:
                pass

        threading.Thread(target=pump_up, daemon=True).start()
        try:
            while data := upstream.recv(65536):
                if drop:
                    self.answered.set()
                    break
                client.sendall(data)
        except OSError:
            pass
        finally:
            for s in (client, upstream):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

    def close(self) -> None:
        self.sock.close()


def test_push_whose_answer_is_lost_applies_once_when_retried(env):
    d = env.device()
    watcher = env.device(from_now=True)
    proxy = DropResponseProxy(env.server.port)
    try:
        cs = d.change_set([person(notes="lost answer")])
        body = {"device_id": d.id, "change_sets": [cs]}
        proxy.drop = True
        with pytest.raises(httpx.TransportError):
            httpx.post(f"http://127.0.0.1:{proxy.port}/v1/sync/push", json=body,
                       headers=dict(d.client.headers), timeout=10)
        assert proxy.answered.wait(5)
        proxy.drop = False
        r = httpx.post(f"http://127.0.0.1:{proxy.port}/v1/sync/push", json=body,
                       headers=dict(d.client.headers), timeout=10)
        assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
    finally:
        proxy.close()
    got = [c for c in watcher.pull_new() if c["row_id"] == cs["changes"][0]["row_id"]]
    assert len(got) == 1 and got[0]["seq"] == r.json()["results"][0]["seq"]
    assert d.push(person())["status"] == "applied"  # the queue goes on at device_seq 2


@pytest.mark.slow
def test_server_killed_mid_run_loses_nothing_acknowledged(fresh_env, log_dir):
    env = fresh_env
    mark = env.last_seq()
    d = env.device()
    acked: list[tuple[dict, dict]] = []
    in_flight: list[dict] = []
    stop = threading.Event()
    enough = threading.Event()  # six pushes acknowledged: kill the server mid-run

    def pusher() -> None:
        while not stop.is_set():
            cs = d.change_set([person(notes=f"n{d.next_seq}")])
            in_flight[:] = [cs]
            try:
                r = d.push_sets(cs)
            except httpx.TransportError:
                return
            if r.status_code != 200:
                return
            acked.append((cs, r.json()["results"][0]))
            in_flight.clear()
            if len(acked) >= 6:
                enough.set()

    thread = threading.Thread(target=pusher)
    thread.start()
    enough.wait(300)  # a count, not a time: the pusher keeps going until the kill
    env.server.kill()
    stop.set()
    thread.join(30)
    assert len(acked) > 5
    # Restart on the same database and port.
    restarted = ServerProcess(env.url, log_dir)
    restarted.port = env.server.port
    env.server = restarted.start()
    # The change set in flight at the kill is resent: applied once, whatever happened.
    for cs in in_flight:
        r = d.push_sets(cs)
        assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
        acked.append((cs, r.json()["results"][0]))
    assert d.push(person())["status"] == "applied"
    hq = env.device("hq", ())
    hq.cursor = encode_cursor(mark)
    final = rows_by_id(hq.pull_new())
    for cs, result in acked:
        row = final[cs["changes"][0]["row_id"]]
        assert row["seq"] == result["seq"]
        assert row["fields"]["notes"] == cs["changes"][0]["fields"]["notes"]
    people = [c for c in final.values() if c["table"] == "person"]
    assert len(people) == len(acked) + 1
