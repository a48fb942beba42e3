"""The size of each push follows the server's time for the one before (``pacing``):
checked against sizes worked out by hand."""

from __future__ import annotations

import pytest

from codi_desktop.sync.pacing import PushPacer, server_seconds


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("app;dur=12.5", 0.0125),
        ("app;dur=80", 0.08),
        ('db;dur=3, app;desc="push";dur=7.25', 0.00725),
        ("app ; dur = 4", 0.004),
        (None, None),
        ("", None),
        ("app", None),  # no duration
        ("apple;dur=5", None),  # another metric
        ("app;dur=abc", None),
    ],
)
def test_server_timing_header(header, seconds):
    assert server_seconds(header) == seconds


def test_alone_on_a_server_the_push_grows_to_what_fits_the_target():
    # A server taking 5 ms + 0.3 ms a change set, aimed at 80 ms: the fixed point is
    # (0.080 - 0.005) / 0.0003 = 250 change sets a push.
    pacer = PushPacer(1000, start=50, target=0.08)
    sizes = []
    for _ in range(12):
        n = pacer.size
        sizes.append(pacer.observe(n, 0.005 + 0.0003 * n))
    # 50 took 20 ms: 200 would fit, at most doubled -> 100; 100 took 35 ms: 228 fit, at
    # most doubled -> 200; 200 took 65 ms -> 0.08 * 200 / 0.065 = 246.15 -> 246.
    assert sizes[:3] == [100, 200, 246]
    assert all(245 <= s <= 250 for s in sizes[3:]), sizes


def test_a_busy_server_halves_the_push_at_most_and_never_below_the_floor():
    pacer = PushPacer(1000, start=50, target=0.08)
    assert [pacer.observe(pacer.size, 2.0) for _ in range(5)] == [25, 12, 10, 10, 10]
    # Then quick again: doubled at most each time, up to the cap.
    assert [pacer.observe(pacer.size, 0.001) for _ in range(8)] == [
        20,
        40,
        80,
        160,
        320,
        640,
        1000,
        1000,
    ]


def test_a_short_quick_push_does_not_shrink_it_and_no_timing_keeps_it():
    pacer = PushPacer(1000, start=200, target=0.08)
    assert pacer.observe(3, 0.02) == 200  # three left in the outbox, answered quickly
    assert pacer.observe(200, None) == 200  # an older server: no Server-Timing
    assert pacer.observe(0, 5.0) == 200


def test_the_engine_cap_bounds_the_start_and_the_floor():
    pacer = PushPacer(7, target=0.08)
    assert pacer.size == 7
    assert pacer.observe(7, 5.0) == 7  # the floor is never above the cap
    assert PushPacer(1000, start=3).size == 10
