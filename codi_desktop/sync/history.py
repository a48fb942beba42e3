"""A record's history from the server (every device's applied changes), when online."""

from __future__ import annotations

import logging
from typing import Any

from codi_desktop.store.database import Store

from .client import ProblemError, SyncClient, SyncTransportError
from .credentials import EnrolmentError, TokenProvider, account

log = logging.getLogger(__name__)


def fetch_history(store: Store, table: str, row_id: str, *, tokens: TokenProvider | None = None,
                  timeout: float = 5.0) -> list[dict[str, Any]] | None:
    """The server's entries for one record, oldest first; None when this database is not
    enrolled, is a demo, or the server cannot be reached or refuses (the caller then
    shows the local outbox). Never asks for a password."""
    acct = account(store)
    if acct is None or acct.revoked or store.get_setting("demo"):
        return None
    try:
        with SyncClient(acct.server_url, ca_file=acct.ca_file, timeout=timeout) as client:
            client.token = (tokens or TokenProvider(store)).token()
            return list(client.history(table, row_id).get("entries") or [])
    except (SyncTransportError, ProblemError, EnrolmentError, OSError) as exc:
        log.info("history of %s %s from the server: %s", table, row_id, exc)
        return None
