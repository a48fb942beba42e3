"""What this laptop's user may do, from the role the server gave at enrolment (PROTOCOL.md:
province, cluster, region or hq). The server enforces every rule itself; the screens use
these answers to show only the forms a role may use, and to say why a field is read-only."""

from __future__ import annotations

from codi_desktop.store.database import Store

ROLE_SETTING = "sync_role"  # written by codi_desktop.sync.credentials at enrolment
HQ = "hq"


def device_role(store: Store) -> str | None:
    role = store.get_setting(ROLE_SETTING)
    return str(role) if role else None


def may_allocate(store: Store) -> bool:
    """Only HQ allocates budget to a province. A demo laptop that was never enrolled may
    try the form (nothing it records leaves the laptop)."""
    role = device_role(store)
    if role is None:
        return bool(store.is_demo)
    return role == HQ
