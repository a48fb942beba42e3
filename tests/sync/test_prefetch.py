"""The pull's pages fetched and prepared ahead (``prefetch.Prefetch``): in order, never
more than ``depth`` pages beyond the writer, stopping at the last page, at a page that
makes no progress and at the first error, which reaches the writer with that page.

The pages come from a scripted ``fetch`` (the engine's request, with its retries, is
what Prefetch is given; the engine's own tests pull from a real server)."""

from __future__ import annotations

import threading
import time

import pytest

from codi_desktop.sync.client import ProblemError
from codi_desktop.sync.prefetch import Prefetch

IMAGE = {
    "table": "community", "row_id": "00000000-0000-7000-8000-000000000001", "seq": 1,
    "deleted": False, "fields": {"name": "ชุมชนบ้านโนน", "province_code": "34"},
}


class Script:
    """Pages "1".."last" after cursor "0"; page ``fail_at`` raises instead."""

    def __init__(self, last: int, fail_at: int | None = None, stuck_at: int | None = None):
        self.last, self.fail_at, self.stuck_at = last, fail_at, stuck_at
        self.asked: list[str | None] = []
        self.lock = threading.Lock()

    def __call__(self, cursor: str | None) -> dict:
        with self.lock:
            self.asked.append(cursor)
        n = int(cursor or 0) + 1
        if n == self.fail_at:
            raise ProblemError(503, "unavailable", "the server is restarting")
        if n == self.stuck_at:  # says more, sends nothing, cursor unchanged
            return {"changes": [], "cursor": cursor, "more": True}
        return {"changes": [dict(IMAGE, seq=n)], "cursor": str(n), "more": n < self.last}

    def count(self) -> int:
        with self.lock:
            return len(self.asked)


def _settle(script: Script, expected: int, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while script.count() < expected and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)  # and it asks no more


def test_pages_arrive_in_order_each_prepared():
    script = Script(last=6)
    ahead = Prefetch(script, "0")
    try:
        got = [ahead.next().result(timeout=5) for _ in range(6)]
    finally:
        ahead.close()
    assert [page["cursor"] for page, _ in got] == ["1", "2", "3", "4", "5", "6"]
    assert [page["more"] for page, _ in got] == [True] * 5 + [False]
    for page, prepared in got:
        group = next(iter(prepared.groups.values()))
        assert [row[-1] for row in group.rows] == [int(page["cursor"])]  # its seq
    assert script.asked == ["0", "1", "2", "3", "4", "5"]  # and nothing after the last


def test_it_lets_go_of_each_page_the_writer_has_had():
    """A cluster's 232 pages held until the end took 3.2 GB (bench_scope.py): only the
    pages ahead and the one being written may stay. Oracle: the memory Python holds,
    with pages of 1 MB each."""
    import tracemalloc

    class Heavy(Script):
        def __call__(self, cursor):
            page = super().__call__(cursor)
            page["padding"] = "x" * 1_000_000  # a new megabyte each page
            return page

    script = Heavy(last=40)
    tracemalloc.start()
    try:
        ahead = Prefetch(script, "0", depth=2)
        try:
            for _ in range(40):
                ahead.next().result(timeout=5)
            held = tracemalloc.get_traced_memory()[0]
        finally:
            ahead.close()
    finally:
        tracemalloc.stop()
    assert held < 8_000_000  # 40 MB if every page stayed


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_it_fetches_at_most_depth_pages_beyond_the_writer(depth):
    script = Script(last=50)
    ahead = Prefetch(script, "0", depth=depth)
    try:
        _settle(script, depth)
        assert script.count() == depth  # nothing taken yet: depth pages ahead
        ahead.next().result(timeout=5)
        ahead.next().result(timeout=5)
        _settle(script, depth + 2)
        assert script.count() == depth + 2
    finally:
        ahead.close()


def test_an_error_reaches_the_writer_with_its_page_and_fetching_stops():
    script = Script(last=10, fail_at=3)
    ahead = Prefetch(script, "0", depth=4)
    try:
        first, second, third = ahead.next(), ahead.next(), ahead.next()
        assert first.result(timeout=5)[0]["cursor"] == "1"
        assert second.result(timeout=5)[0]["cursor"] == "2"
        with pytest.raises(ProblemError) as raised:
            third.result(timeout=5)
        assert raised.value.status == 503
        _settle(script, 3)
        assert script.asked == ["0", "1", "2"]
    finally:
        ahead.close()


def test_a_page_without_progress_is_not_asked_for_again():
    script = Script(last=10, stuck_at=2)
    ahead = Prefetch(script, "0", depth=3)
    try:
        ahead.next().result(timeout=5)
        stuck, _ = ahead.next().result(timeout=5)
        assert stuck["more"] and not stuck["changes"]  # the engine refuses this page
        _settle(script, 2)
        assert script.asked == ["0", "1"]
    finally:
        ahead.close()


def test_closing_stops_a_fetcher_waiting_for_the_writer():
    script = Script(last=50)
    ahead = Prefetch(script, "0", depth=2)
    _settle(script, 2)
    ahead.close()
    for thread in ahead._threads:
        thread.join(timeout=5)
        assert not thread.is_alive()
    assert script.count() == 2


def test_the_collector_is_paused_while_pages_are_fetched_ahead():
    import gc

    assert gc.isenabled()
    first = Prefetch(Script(last=3), "0")
    second = Prefetch(Script(last=3), "0")  # a cursor reset starts another
    assert not gc.isenabled()
    first.close()
    first.close()  # twice is once
    assert not gc.isenabled()
    second.close()
    assert gc.isenabled()


# -- a snapshot cut at its splits -------------------------------------------------------


class Rows:
    """A server of rows 1..total (cursor "k": after row k): pages of ``limit`` rows,
    bounded by ``until`` when asked; each request waits ``wait`` seconds (a link), and
    the most requests at the server at once is kept."""

    def __init__(self, total: int, limit: int, wait: float = 0.0, fail_from: int | None = None):
        self.total, self.limit, self.wait, self.fail_from = total, limit, wait, fail_from
        self.asked: list[tuple[str, str | None]] = []
        self.lock = threading.Lock()
        self.busy = self.most = 0

    def __call__(self, cursor, until=None):
        with self.lock:
            self.asked.append((cursor, until))
            self.busy += 1
            self.most = max(self.most, self.busy)
        try:
            time.sleep(self.wait)
            after = int(cursor)
            if self.fail_from is not None and after >= self.fail_from:
                raise ProblemError(503, "unavailable", "the server is restarting")
            end = self.total if until is None else int(until)
            last = min(after + self.limit, end)
            changes = [dict(IMAGE, seq=n, row_id=f"{n:08d}-0000-7000-8000-000000000001")
                       for n in range(after + 1, last + 1)]
            more = last < end
            return {"changes": changes, "cursor": str(last), "more": more}
        finally:
            with self.lock:
                self.busy -= 1


def _seqs(page: dict) -> list[int]:
    return [c["seq"] for c in page["changes"]]


def _drain(ahead: Prefetch) -> list[dict]:
    """Every page, as the writer takes them, up to the last (then closed)."""
    try:
        got = []
        while True:
            page, _prepared = ahead.next().result(timeout=5)
            got.append(page)
            if not page["more"]:
                return got
    finally:
        ahead.close()


def test_a_snapshot_is_fetched_by_its_ranges_at_once_and_reaches_the_writer_in_order():
    # Rows 1..47; the first page (rows 1-5) came with splits every 5 rows after it.
    rows = Rows(total=47, limit=5, wait=0.05)
    splits = [str(n) for n in range(10, 47, 5)]  # 10, 15, ..., 45
    ahead = Prefetch(rows, "5", splits=splits, depth=3)
    got = _drain(ahead)
    assert [s for page in got for s in _seqs(page)] == list(range(6, 48))  # each row once
    # Eight ranges of five rows, each marked more (the snapshot goes on), then the rest.
    assert [_seqs(page)[0] for page in got] == [6, 11, 16, 21, 26, 31, 36, 41, 46]
    assert [page["more"] for page in got] == [True] * 8 + [False]
    assert rows.most == 2  # two requests at the server at once
    bounded = [a for a in rows.asked if a[1] is not None]
    assert sorted(bounded) == sorted(zip(["5", *splits[:-1]], splits, strict=True))
    assert [a for a in rows.asked if a[1] is None] == [("45", None)]  # the tail, after


def test_a_range_the_server_says_is_not_done_is_asked_again_from_its_cursor():
    # Splits 20 rows apart, pages of 5: each range takes four requests, in order.
    rows = Rows(total=40, limit=5)
    ahead = Prefetch(rows, "0", splits=["20", "40"], depth=3)
    got = _drain(ahead)
    assert [s for page in got for s in _seqs(page)] == list(range(1, 41))
    assert ("5", "20") in rows.asked and ("35", "40") in rows.asked
    assert got[-1]["changes"] == [] and got[-1]["cursor"] == "40"  # the tail: nothing more


def test_an_error_in_a_range_reaches_the_writer_after_the_ranges_before_it():
    rows = Rows(total=60, limit=5, fail_from=20)
    ahead = Prefetch(rows, "0", splits=[str(n) for n in range(5, 60, 5)], depth=3)
    try:
        firsts = [_seqs(ahead.next().result(timeout=5)[0])[0] for _ in range(4)]
        with pytest.raises(ProblemError) as raised:
            ahead.next().result(timeout=5)
    finally:
        ahead.close()
    assert firsts == [1, 6, 11, 16] and raised.value.status == 503
    time.sleep(0.1)
    assert all(a[1] is not None for a in rows.asked)  # no tail after an error


def test_ranges_are_fetched_at_most_depth_pages_beyond_the_writer():
    rows = Rows(total=100, limit=5)
    ahead = Prefetch(rows, "0", splits=[str(n) for n in range(5, 100, 5)], depth=3)
    try:
        time.sleep(0.3)
        assert len(rows.asked) == 3  # nothing taken yet
        ahead.next().result(timeout=5)
        time.sleep(0.2)
        assert len(rows.asked) == 4
    finally:
        ahead.close()


def test_a_snapshot_whose_ranges_are_all_done_before_it_has_started_its_threads():
    """A worker may finish every range, and start the fetching of the pages after the
    last split, before the constructor has started its other workers (seen in CI: "threads
    can only be started once"). Many small snapshots make the race likely."""
    for _ in range(1000):
        rows = Rows(total=40, limit=20)
        got = _drain(Prefetch(rows, "0", splits=["20"], depth=3))
        assert [s for page in got for s in _seqs(page)] == list(range(1, 41))
