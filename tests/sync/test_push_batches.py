"""The laptop sends its outbox in pushes sized by bytes (``push_bytes``), each answered
as a batch by the server: every change set arrives once, in order, whatever the size."""

from __future__ import annotations

import sqlalchemy as sa

from codi_core.models import Community
from codi_desktop.sync.engine import SyncProgress

from .test_faults import add_communities


def _pushes(laptop, **options) -> tuple[list[str], object]:
    said: list[str] = []

    def progress(p: SyncProgress) -> None:
        if p.phase == "push" and p.message:
            said.append(p.message)

    summary = laptop.sync(progress=progress, **options)
    assert summary.ok, summary.describe("en")
    return said, summary


def _names(laptop, prefix: str) -> set[str]:
    with laptop.store.read() as s:
        return set(s.scalars(sa.select(Community.name).where(Community.name.like(f"{prefix}%"))))


def test_pushes_are_cut_by_bytes_and_every_change_set_arrives_once(laptops):
    a, b = laptops
    add_communities(a, 12, "ไบต์")
    said, summary = _pushes(a, push_bytes=1)  # smaller than any change set: one each
    assert said == ["1 change sets"] * 12 and summary.applied == 12
    add_communities(a, 12, "รวม")
    said, summary = _pushes(a)
    assert said == ["12 change sets"] and summary.applied == 12
    b.synced()
    assert len(_names(b, "ไบต์")) == 12 and len(_names(b, "รวม")) == 12


def _sizes(said: list[str]) -> list[int]:
    return [int(m.split()[0]) for m in said if m.endswith(" change sets")]


def test_pushes_grow_while_the_server_answers_within_the_target(laptops):
    a, b = laptops
    add_communities(a, 350, "โต")
    # Aimed at a minute: every answer is within it, so each push doubles from 20.
    said, summary = _pushes(a, push_target=60.0)
    assert _sizes(said) == [20, 40, 80, 160, 50] and summary.applied == 350
    b.synced()
    assert len(_names(b, "โต")) == 350


def test_pushes_shrink_to_ten_when_the_server_takes_longer_than_the_target(laptops):
    a, b = laptops
    add_communities(a, 75, "หด")
    # Aimed at a nanosecond: every answer takes longer, so each push is halved, down to
    # the floor of ten (the last one is what is left).
    said, summary = _pushes(a, push_target=1e-9)
    assert _sizes(said) == [20, 10, 10, 10, 10, 10, 5] and summary.applied == 75
    b.synced()
    assert len(_names(b, "หด")) == 75
