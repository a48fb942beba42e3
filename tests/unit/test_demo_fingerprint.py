"""The demo generator's output, pinned: every row of three small demo provinces hashed per
table and compared with a committed fingerprint (made before the generator was split into
modules, so the split is proven to change nothing). A deliberate change to the demo story
regenerates it: ``python tests/unit/test_demo_fingerprint.py``."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from codi_core.demo import generate_demo

FINGERPRINT = Path(__file__).with_name("data") / "demo_fingerprint.json"
# Three provinces that take different branches: inland Isan, Bangkok (urban), the coast.
CASES = (("34", 2567), ("10", 7), ("90", 11))


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def fingerprint(province: str, seed: int) -> dict[str, list[Any]]:
    """Per table: the number of rows and a SHA-256 over them in the order they come."""
    out: dict[str, list[Any]] = {}
    for model, rows in generate_demo(province, "small", seed):
        digest = hashlib.sha256()
        for row in rows:
            plain = {key: _plain(value) for key, value in sorted(row.items())}
            digest.update(json.dumps(plain, ensure_ascii=False, default=str).encode())
            digest.update(b"\n")
        out[model.__tablename__] = [len(rows), digest.hexdigest()]
    return out


@pytest.mark.parametrize(("province", "seed"), CASES)
def test_demo_rows_equal_the_committed_fingerprint(province, seed):
    expected = json.loads(FINGERPRINT.read_text(encoding="utf-8"))[f"{province}/{seed}"]
    assert fingerprint(province, seed) == expected


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    FINGERPRINT.write_text(
        json.dumps({f"{p}/{s}": fingerprint(p, s) for p, s in CASES}, indent=1, sort_keys=True)
        + "\n", encoding="utf-8")
