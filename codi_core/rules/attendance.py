"""One attendance per meeting and person, across devices.

Two laptops at two doors of an assembly may sign the same person in. The second
sign-in is merged into the first: it is kept as a tombstone (so the laptop that made it
learns it is gone) and every field where the two disagree becomes a conflict on the
first row, for a person to decide.
"""

from __future__ import annotations

from typing import Any

KEY_FIELDS = ("meeting_id", "person_id")
NOT_COMPARED = frozenset({"id", "seq", "created_at", "updated_at", "deleted_at", "province_code",
                          *KEY_FIELDS})


def attendance_key(values: dict[str, Any]) -> tuple[str, str] | None:
    """(meeting, person) of an attendance, or None when it names no person."""
    if not values.get("meeting_id") or not values.get("person_id"):
        return None
    return values["meeting_id"], values["person_id"]


def disagreeing_fields(existing: dict[str, Any], second: dict[str, Any]) -> list[str]:
    """The fields the second sign-in sets to another value than the first row holds."""
    return sorted(
        name for name, value in second.items()
        if name not in NOT_COMPARED and value is not None and existing.get(name) != value
    )
