"""How many change sets the next push carries: sized by how long the server took.

A laptop catching up sends its outbox in several pushes. One push of a thousand change
sets holds the server's sequence counter (PROTOCOL.md, ordering) for its whole tail, so
every other laptop's push waits for it, and twenty laptops coming online at once would
each wait seconds. Small pushes keep everyone's answer quick but cost a round of
locking each. The pacer aims each push at ``TARGET_SECONDS`` of the server's own time:

- the server says how long it took over a push, from its whole body's arrival to the
  answer, in the answer's ``Server-Timing`` header (``app;dur=<ms>``, PROTOCOL.md).
  That leaves the link out: a slow rural link must not shrink the pushes, only a busy
  server;
- the next size is what that push's rate would do in the target time, at most twice and
  at least half the last size, within ``LOW`` and the engine's cap; a quick push never
  shrinks it (a short one, at the end of the outbox, says little of the rate). With a
  server time of ``a + b n`` for ``n`` change sets this settles where ``a + b n`` is the
  target.

Alone on a server a push of about two hundred change sets takes that long; beside twenty
other laptops about ten.
"""

from __future__ import annotations

import re

#: The server time one push aims at (seconds). Measured with ``bench_server.py
#: --per-push paced`` (20 laptops of 1,000 change sets each, three runs each): 0.1 s gave
#: answers at a p95 of 0.23-0.29 s, 0.08 s 0.21-0.24 s, 0.06 s 0.19-0.21 s (1,800-1,900
#: change sets/s). Without ``LOW``, 0.07 s fell to one change set a push (below).
TARGET_SECONDS = 0.06
#: The first push's size, before the server has answered once: twenty laptops starting
#: at 100 each made the first answers the slowest (p95 0.29 s, against 0.23 s at 50 and
#: 0.21 s at 20). One laptop alone grows from it in a few pushes (2,000 in 0.72 s).
START = 20
#: The smallest push the pacer makes (the engine's cap may be smaller). Beside many
#: laptops most of a push's time is waiting for theirs, which a smaller push does not
#: cut: sized by time alone, twenty laptops fell to one change set a push and 600-800
#: change sets/s, each push still waiting as long.
LOW = 10

_APP = re.compile(r"(?:^|,)\s*app\s*;(?:[^,]*;)?\s*dur\s*=\s*([0-9]+(?:\.[0-9]+)?)")


def server_seconds(header: str | None) -> float | None:
    """The ``app`` duration of a ``Server-Timing`` header, in seconds (None if absent
    or not a number: an older server, a proxy that drops it)."""
    if not header:
        return None
    found = _APP.search(header)
    return float(found.group(1)) / 1000 if found else None


class PushPacer:
    """The size of the next push, from the server's time for the ones before."""

    def __init__(
        self, high: int, *, start: int = START, target: float = TARGET_SECONDS, low: int = LOW
    ) -> None:
        self.high = max(1, high)
        self.low = min(low, self.high)
        self.target = target
        self.size = max(self.low, min(start, self.high))

    @property
    def ceiling(self) -> int:
        """The largest size the next ``observe`` can give (a push read ahead is cut)."""
        return min(self.high, self.size * 2)

    def observe(self, sent: int, seconds: float | None) -> int:
        """Learn from a push of ``sent`` change sets that took the server ``seconds``;
        returns the new size. Without a timing the size stays."""
        if seconds is None or sent < 1:
            return self.size
        size = self.size
        if seconds > self.target:  # too long: towards what fits, at most halved
            size = max(int(self.target * sent / seconds), size // 2)
        elif seconds > 0:
            # Quick: towards what would fit, at most doubled. A short push (the end of
            # the outbox, a cut before a dependency) that was quick never shrinks it.
            size = min(max(int(self.target * sent / seconds), size), size * 2)
        else:
            size *= 2
        self.size = max(self.low, min(self.high, size))
        return self.size


__all__ = ["LOW", "START", "TARGET_SECONDS", "PushPacer", "server_seconds"]
