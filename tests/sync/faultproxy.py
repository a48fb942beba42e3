"""A loopback TCP proxy that breaks connections on purpose (seeded, bounded).

Each accepted connection is forwarded to the upstream server. With probability
``cut_probability`` (and while fewer than ``max_cuts`` cuts have happened) the proxy
picks a byte offset, in the request or in the response, at which it closes both sides:
the client sees a connection reset in the middle of a push or a pull. It can also answer
the next N requests itself with ``503`` and ``Retry-After``, hold a request for some
seconds before passing it on (a slow link), or stop accepting (the server "goes away")
and come back.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class FaultProxy:
    upstream_port: int
    seed: int = 1
    cut_probability: float = 0.0
    max_cuts: int = 0
    max_offset: int = 3_000
    port: int = 0
    cuts: int = 0  # connections actually cut
    planned: int = 0
    connections: int = 0
    busy_answers: int = 0  # answer this many requests with 503 + Retry-After
    retry_after: int = 1
    busy_served: int = 0
    # Decides from the request line ("GET /v1/sync/pull?..." ) whether to cut this
    # connection: ("request" | "response", byte offset), or None to let it through.
    # Used instead of the random plan when given.
    rule: Callable[[str], tuple[str, int] | None] | None = None
    requests: list[str] = field(default_factory=list)  # request lines seen, in order
    # Seconds to hold a request before it goes on (a slow link), from its request line.
    hold: Callable[[str], float] | None = None
    _rng: random.Random = field(init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _listener: socket.socket | None = field(default=None, init=False)
    _stopped: threading.Event = field(default_factory=threading.Event, init=False)
    _open: set[socket.socket] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._stopped.clear()
        threading.Thread(target=self._accept_loop, args=(listener,), daemon=True).start()
        return self

    def stop(self) -> None:
        """Close the listener and every open connection (the server is gone)."""
        self._stopped.set()
        if self._listener is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would not.
            _close(self._listener)
            self._listener = None
        with self._lock:
            for sock in list(self._open):
                _close(sock)
            self._open.clear()

    def _accept_loop(self, listener: socket.socket) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _plan(self, request_line: str) -> tuple[str, int] | None:
        with self._lock:
            self.connections += 1
            self.requests.append(request_line)
            if self.rule is not None:
                plan = self.rule(request_line)
                if plan is not None:
                    self.planned += 1
                return plan
            if self.planned >= self.max_cuts or self._rng.random() >= self.cut_probability:
                return None
            self.planned += 1
            direction = self._rng.choice(["request", "response"])
            return direction, self._rng.randrange(0, self.max_offset)

    def _serve(self, client: socket.socket) -> None:
        with self._lock:
            if self.busy_served < self.busy_answers:
                self.busy_served += 1
                busy = True
            else:
                busy = False
        if busy:
            self._answer_busy(client)
            return
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30)
        except OSError:
            _close(client)
            return
        with self._lock:
            self._open.update((client, upstream))
        # The request line first (one HTTP request per connection: the client closes).
        head = b""
        try:
            client.settimeout(30)
            while b"\r\n" not in head:
                chunk = client.recv(16384)
                if not chunk:
                    break
                head += chunk
            client.settimeout(None)
        except OSError:
            _close(client)
            _close(upstream)
            return
        request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
        plan = self._plan(request_line)
        if self.hold is not None:
            delay = self.hold(request_line)
            if delay > 0:
                time.sleep(delay)
        done = threading.Event()

        def pump(src: socket.socket, dst: socket.socket, limit: int | None) -> None:
            sent = 0
            try:
                while True:
                    data = src.recv(16384)
                    if not data:
                        break
                    if limit is not None and sent + len(data) >= limit:
                        dst.sendall(data[: max(0, limit - sent)])
                        with self._lock:
                            self.cuts += 1
                        break  # cut here
                    dst.sendall(data)
                    sent += len(data)
            except OSError:
                pass
            finally:
                done.set()
                _close(src)
                _close(dst)

        up_limit = plan[1] if plan and plan[0] == "request" else None
        down_limit = plan[1] if plan and plan[0] == "response" else None
        try:
            if up_limit is not None and len(head) >= up_limit:
                upstream.sendall(head[:up_limit])
                with self._lock:
                    self.cuts += 1
                _close(client)
                _close(upstream)
                return
            upstream.sendall(head)
            if up_limit is not None:
                up_limit -= len(head)
        except OSError:
            _close(client)
            _close(upstream)
            return
        threading.Thread(target=pump, args=(client, upstream, up_limit), daemon=True).start()
        threading.Thread(target=pump, args=(upstream, client, down_limit), daemon=True).start()

    def _answer_busy(self, client: socket.socket) -> None:
        try:
            client.settimeout(5)
            buf = b""
            while b"\r\n\r\n" not in buf:
                chunk = client.recv(4096)
                if not chunk:
                    break
                buf += chunk
            body = (
                b'{"type":"about:blank","title":"Busy","status":503,"code":"unavailable",'
                b'"detail":"try again later"}'
            )
            client.sendall(
                b"HTTP/1.1 503 Service Unavailable\r\n"
                b"Content-Type: application/problem+json\r\n"
                + f"Retry-After: {self.retry_after}\r\n".encode()
                + f"Content-Length: {len(body)}\r\n".encode()
                + b"Connection: close\r\n\r\n"
                + body
            )
        except OSError:
            pass
        finally:
            _close(client)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
