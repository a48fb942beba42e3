"""Pulled pages fetched and prepared ahead of the writer, in order.

A page's request needs the cursor of the page before it, and most of a request's time is
the server's (its database query, its encoding) and the network's: the client only
waits. So a fetching thread asks for the next page as soon as the one before it has
arrived, while a second thread decodes and checks the page it has (``pages.prepare``)
and the sync's own thread writes the one before that. The three overlap; the cursor
still moves only when the writer commits a page (the engine's loop), so a cut pull
resumes exactly where the written pages end.

At most ``depth`` pages are fetched beyond the one the writer has taken: memory stays a
few pages whatever the size of the scope.

While pages are fetched ahead, Python's cyclic garbage collector is paused. A page
parses into about 10,000 dicts and lists; the collector scanned each of them at least
once and held the GIL meanwhile, stopping all three threads: 1.3-1.9 s of a large
province's 8-9 s first sync here (``gc.callbacks``). Parsed pages hold no cycles and
are freed by reference counting as the writer lets go of them; whatever cyclic garbage
the rest of the app makes meanwhile is collected when the pull ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from . import pages

Fetched = tuple[dict[str, Any], pages.PreparedPage]

_collector = threading.Lock()
_pauses = 0
_was_enabled = True


def _pause_collector() -> None:
    global _pauses, _was_enabled
    with _collector:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1


def _resume_collector() -> None:
    global _pauses
    with _collector:
        _pauses -= 1
        if _pauses == 0 and _was_enabled:
            gc.enable()


class Prefetch:
    """The pages after ``cursor``, as futures of (page, prepared page), in order.

    ``fetch(cursor)`` makes one request (on the fetching thread; the engine's retries
    and cancellation are inside it). The fetching stops after the last page (``more``
    false), after a page that makes no progress (the engine refuses it), and at the
    first error, which the future of that page carries.
    """

    def __init__(
        self,
        fetch: Callable[[str | None], dict[str, Any]],
        cursor: str | None,
        *,
        depth: int = 2,
    ) -> None:
        self._fetch = fetch
        self._depth = depth
        # The pages not yet handed to the writer or not yet filled: a page is let go once
        # both (a scope's pages never pile up here; the writer holds its own).
        self._futures: dict[int, Future[Fetched]] = {}
        self._taken = 0  # futures handed to the writer
        self._lock = threading.Condition()
        self._stopped = False
        self._prepare = ThreadPoolExecutor(max_workers=1, thread_name_prefix="codi-sync-prepare")
        self._thread = threading.Thread(
            target=self._run, args=(cursor,), name="codi-sync-fetch", daemon=True
        )
        _pause_collector()
        try:
            self._thread.start()
        except BaseException:
            _resume_collector()
            raise

    def _slot(self, index: int) -> Future[Fetched]:
        with self._lock:
            found = self._futures.get(index)
            if found is None:
                found = self._futures[index] = Future()
            return found

    def next(self) -> Future[Fetched]:
        """The future of the next page (the fetching thread may not have asked yet). The
        pages handed out before it are let go once filled."""
        with self._lock:
            index = self._taken
            self._taken += 1
            for earlier in [i for i, f in self._futures.items() if i < index and f.done()]:
                del self._futures[earlier]  # handed out and filled: the caller holds it
            self._lock.notify_all()
        return self._slot(index)

    def _run(self, cursor: str | None) -> None:
        index = 0
        while True:
            with self._lock:
                while not self._stopped and index > self._taken + self._depth - 1:
                    self._lock.wait()
                if self._stopped:
                    return
            slot = self._slot(index)
            try:
                page = self._fetch(cursor)
            except BaseException as exc:  # noqa: BLE001 - the writer's thread raises it
                slot.set_exception(exc)
                return
            try:
                self._prepare.submit(self._prepared, slot, page)
            except RuntimeError:  # closed meanwhile
                return
            new_cursor = page.get("cursor")
            if not page.get("more") or (
                not page.get("changes") and new_cursor in (None, cursor)
            ):
                return
            cursor = new_cursor
            index += 1

    @staticmethod
    def _prepared(slot: Future[Fetched], page: dict[str, Any]) -> None:
        try:
            slot.set_result((page, pages.prepare(page.get("changes") or [])))
        except BaseException as exc:  # noqa: BLE001 - the writer's thread raises it
            slot.set_exception(exc)

    def close(self) -> None:
        """Stop fetching (a request under way finishes and is dropped)."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
            self._lock.notify_all()
        self._prepare.shutdown(wait=False, cancel_futures=True)
        _resume_collector()
