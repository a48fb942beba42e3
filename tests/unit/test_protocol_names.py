"""docs/PROTOCOL.md names every synced table, and nothing else, as the wire's table names."""

import re
from pathlib import Path

from codi_core.models import SYNCED_MODELS

PROTOCOL = Path(__file__).resolve().parents[2] / "docs" / "PROTOCOL.md"


def test_protocol_lists_every_synced_table():
    text = PROTOCOL.read_text(encoding="utf-8")
    section = text.split("## Names on the wire", 1)[1].split("Fields are the column names", 1)[0]
    assert set(re.findall(r"`([a-z_]+)`", section)) == set(SYNCED_MODELS)
