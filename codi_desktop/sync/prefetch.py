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

    ``fetch(cursor)`` makes one request (on a fetching thread; the engine's retries and
    cancellation are inside it). The fetching stops after the last page (``more``
    false), after a page that makes no progress (the engine refuses it), and at the
    first error, which the future of that page carries.

    ``splits`` (a snapshot's, PROTOCOL.md pull): cursors cutting what follows ``cursor``
    into ranges, ``cursor`` to the first split, each split to the next. ``workers``
    threads fetch the ranges at once, each with ``fetch(start, until)`` (and again from
    the page's cursor while the server says more remains before ``until``); the pages
    still reach the writer in order, each range's marked ``more``. After the last split
    the pages are fetched one after the other as without splits.
    """

    def __init__(
        self,
        fetch: Callable[..., dict[str, Any]],
        cursor: str | None,
        *,
        depth: int = 2,
        splits: list[str] | None = None,
        workers: int = 2,
    ) -> None:
        self._fetch = fetch
        self._depth = depth
        # The pages not yet handed to the writer or not yet filled: a page is let go once
        # both (a scope's pages never pile up here; the writer holds its own).
        self._futures: dict[int, Future[Fetched]] = {}
        self._taken = 0  # futures handed to the writer
        self._lock = threading.Condition()
        self._stopped = False
        self._closed = False
        bounds = list(splits or [])
        self._ranges = list(zip([cursor, *bounds[:-1]], bounds, strict=True)) if bounds else []
        self._tail = bounds[-1] if bounds else cursor
        self._next_range = 0  # the next range a worker takes
        self._finished: dict[int, list[Fetched] | BaseException] = {}
        self._delivered_ranges = 0
        self._delivered = 0  # pages put in their futures, in order
        self._prepare = ThreadPoolExecutor(max_workers=1, thread_name_prefix="codi-sync-prepare")
        if self._ranges:
            count = max(1, min(workers, len(self._ranges)))
            self._threads = [
                threading.Thread(target=self._run_ranges, name=f"codi-sync-fetch-{i}", daemon=True)
                for i in range(count)
            ]
        else:
            self._threads = [self._tail_thread()]
        _pause_collector()
        try:
            # A copy: a worker done with every range may add the tail's thread meanwhile.
            for thread in list(self._threads):
                thread.start()
        except BaseException:
            self.close()
            raise

    def _tail_thread(self) -> threading.Thread:
        return threading.Thread(
            target=self._run, args=(self._tail, self._delivered), name="codi-sync-fetch",
            daemon=True,
        )

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

    # -- ranges (a snapshot with splits) ---------------------------------------------

    def _run_ranges(self) -> None:
        while True:
            with self._lock:
                # A range is about a page: at most ``depth`` beyond the writer's.
                while not self._stopped and self._next_range < len(self._ranges) and (
                    self._next_range > self._taken + self._depth - 1
                ):
                    self._lock.wait()
                if self._stopped or self._next_range >= len(self._ranges):
                    return
                index = self._next_range
                self._next_range += 1
            start, until = self._ranges[index]
            try:
                got = self._range(start, until)
            except BaseException as exc:  # noqa: BLE001 - the writer's thread raises it
                self._deliver(index, exc)
                return
            self._deliver(index, got)

    def _range(self, start: str | None, until: str) -> list[Fetched]:
        """The pages of one range, each prepared (on this thread: two of them overlap)."""
        out: list[Fetched] = []
        cursor = start
        while True:
            page = self._fetch(cursor, until)
            out.append((page, pages.prepare(page.get("changes") or [])))
            more = bool(page.get("more"))
            page["more"] = True  # the rest of the snapshot follows the range
            new_cursor = page.get("cursor")
            if not more or self._stopped:
                return out
            if not page.get("changes") and new_cursor in (None, cursor):
                return out  # no progress: the writer refuses this page
            cursor = new_cursor

    def _deliver(self, index: int, got: list[Fetched] | BaseException) -> None:
        """Put the ranges finished so far in the writer's futures, in order; after the
        last one, the pages after the last split are fetched as without splits."""
        ready: list[list[Fetched] | BaseException] = []
        with self._lock:
            self._finished[index] = got
            while self._delivered_ranges in self._finished:
                ready.append(self._finished.pop(self._delivered_ranges))
                self._delivered_ranges += 1
            first = self._delivered
            for item in ready:
                self._delivered += 1 if isinstance(item, BaseException) else len(item)
            start_tail = (
                not self._stopped
                and self._delivered_ranges == len(self._ranges)
                and not any(isinstance(item, BaseException) for item in ready)
            )
            if any(isinstance(item, BaseException) for item in ready):
                self._stopped = True  # nothing after an error reaches the writer
                self._lock.notify_all()
        slot = first
        for item in ready:
            if isinstance(item, BaseException):
                self._slot(slot).set_exception(item)
                return
            for fetched in item:
                self._slot(slot).set_result(fetched)
                slot += 1
        if start_tail:
            tail = self._tail_thread()
            self._threads.append(tail)
            tail.start()

    # -- one page after another ------------------------------------------------------

    def _run(self, cursor: str | None, index: int = 0) -> None:
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
            if self._closed:
                return
            self._closed = self._stopped = True
            self._lock.notify_all()
        self._prepare.shutdown(wait=False, cancel_futures=True)
        _resume_collector()
