"""A snapshot cut at its splits (PROTOCOL.md, pull): the first page names the cursors
that cut the rest into pages of ``limit`` rows, and pages bounded by ``until`` give the
same rows as the pages fetched one after the other. Against a real server, on SQLite and
PostgreSQL; the oracle is the plain pull of the same scope, cut by hand."""

from __future__ import annotations

from codi_core.wire import decode_cursor, encode_cursor
from codi_server.pull import MAX_SPLITS

from .conftest import person, upd
from .test_protocol import assert_problem


def _get(d, **params):
    r = d.client.get("/v1/sync/pull", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def _plain(d, limit: int) -> list[int]:
    """Every seq of the scope, by the pull without splits."""
    seqs, cursor = [], None
    while True:
        page = _get(d, limit=limit, **({"cursor": cursor} if cursor else {}))
        seqs += [c["seq"] for c in page["changes"]]
        if not page["more"]:
            return seqs
        cursor = page["cursor"]


def test_the_ranges_between_splits_are_the_plain_pages(env):
    d = env.device("province", ("50",))
    d.push(*[person(notes=f"แบ่ง {i}") for i in range(23)])
    limit = 5
    plain = _plain(d, limit)
    first = _get(d, limit=limit, splits="true")
    assert [c["seq"] for c in first["changes"]] == plain[:limit] and first["more"]
    splits = first["splits"]
    # Every fifth seq after the first page, worked out from the plain pull (at most 32:
    # the pages after the last split come one after another).
    assert 1 <= len(splits) <= MAX_SPLITS
    assert [decode_cursor(c)[0] for c in splits] == plain[2 * limit - 1 :: limit][: len(splits)]
    got = list(plain[:limit])
    for start, until in zip([first["cursor"], *splits[:-1]], splits, strict=True):
        page = _get(d, limit=limit, cursor=start, until=until)
        assert len(page["changes"]) == limit and not page["more"]
        assert decode_cursor(page["cursor"])[0] == decode_cursor(until)[0]
        got += [c["seq"] for c in page["changes"]]
    cursor = splits[-1]
    while True:  # the rest, one page after another
        page = _get(d, limit=limit, cursor=cursor)
        got += [c["seq"] for c in page["changes"]]
        if not page["more"]:
            break
        cursor = page["cursor"]
    assert got == plain


def test_only_a_snapshot_asked_for_splits_gets_them(env):
    d = env.device("province", ("50",))
    d.push(*[person() for _ in range(4)])
    assert "splits" not in _get(d, limit=2)
    first = _get(d, limit=2, splits="true")
    assert "splits" not in _get(d, limit=2, cursor=first["cursor"], splits="true")


def test_a_row_written_after_the_splits_leaves_its_range_for_the_end(env):
    d = env.device("province", ("50",), from_now=True)
    start = encode_cursor(env.last_seq())
    rows = [person(notes=f"ย้าย {i}") for i in range(6)]
    seqs = [d.push(row)["seq"] for row in rows]
    until = encode_cursor(seqs[2])
    # The second row is edited after the range (its first three rows) was named.
    edited = d.push(upd("person", rows[1]["row_id"], seqs[1], notes="แก้แล้ว"))["seq"]
    page = _get(d, limit=10, cursor=start, until=until)
    assert [c["seq"] for c in page["changes"]] == [seqs[0], seqs[2]]
    assert not page["more"] and decode_cursor(page["cursor"])[0] == seqs[2]
    tail = _get(d, limit=10, cursor=page["cursor"])
    assert [c["seq"] for c in tail["changes"]] == [*seqs[3:], edited]
    assert tail["changes"][-1]["fields"]["notes"] == "แก้แล้ว"


def test_a_range_larger_than_the_limit_says_more_until_it_is_done(env):
    d = env.device("province", ("50",), from_now=True)
    start = encode_cursor(env.last_seq())
    seqs = [d.push(person())["seq"] for _ in range(5)]
    until = encode_cursor(seqs[3])
    page = _get(d, limit=3, cursor=start, until=until)
    assert [c["seq"] for c in page["changes"]] == seqs[:3] and page["more"]
    page = _get(d, limit=3, cursor=page["cursor"], until=until)
    assert [c["seq"] for c in page["changes"]] == [seqs[3]] and not page["more"]
    # A bound at or before the cursor: nothing, and the cursor stays.
    empty = _get(d, limit=3, cursor=until, until=start)
    assert empty["changes"] == [] and not empty["more"]
    assert decode_cursor(empty["cursor"])[0] == seqs[3]


def test_a_bad_bound_is_a_clear_problem(env):
    d = env.device("province", ("50",))
    assert_problem(d.client.get("/v1/sync/pull", params={"until": "nonsense"}), 400,
                   "invalid_cursor")
    ahead = encode_cursor(env.last_seq() + 10**6)
    assert_problem(d.client.get("/v1/sync/pull", params={"until": ahead}), 400,
                   "invalid_cursor")
