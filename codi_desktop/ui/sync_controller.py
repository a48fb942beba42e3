"""Runs sync in the background and keeps the status bar's sync state current.

``SyncController(store, sync_status, parent=window)`` syncs once at start, every few
minutes, on "Sync now", and as soon as the server is reachable again: while offline it
probes ``/v1/health`` with a growing back-off, and a change of the OS reachability
(``QNetworkInformation``, where a backend exists) probes at once. The sync itself is
``codi_desktop.sync.engine.run_sync`` on a worker thread (``ui.tasks.run_task``), so the
window never waits for the network.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from codi_desktop.store.database import Store
from codi_desktop.sync import status as sync_status_service
from codi_desktop.sync.credentials import TokenProvider, account, keyring_status
from codi_desktop.sync.engine import SyncProgress, SyncSummary, probe, run_sync

from .i18n import current_language
from .status import SyncState, SyncStatusWidget
from .tasks import Task, run_task

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

SYNC_INTERVAL_MS = 5 * 60 * 1000
PROBE_MIN_MS = 5_000
PROBE_MAX_MS = 5 * 60 * 1000
REFRESH_MS = 3_000


def _sync_work(store: Store, tokens: TokenProvider, *, cancel: Any, progress: Any) -> SyncSummary:
    """The background work: one sync, its progress turned into (done, total, message)."""

    def report(p: SyncProgress) -> None:
        progress(p.done, p.total or 0, p.phase + (": " + p.message if p.message else ""))

    return run_sync(store, tokens=tokens, cancel=cancel.is_set, progress=report)


def _probe_work(server_url: str, ca_file: str | None, *, cancel: Any, progress: Any) -> bool:
    return probe(server_url, ca_file=ca_file)


class SyncController(QObject):
    """The app's one sync driver (DESIGN.md §2: sync is seen, never waited for)."""

    state_changed = Signal(object)  # SyncState
    sync_started = Signal()
    sync_finished = Signal(object)  # SyncSummary
    progressed = Signal(int, int, str)
    password_needed = Signal()  # no secure keyring and no token in memory

    def __init__(
        self,
        store: Store,
        sync_status: SyncStatusWidget | None = None,
        parent: QObject | None = None,
        *,
        sync_interval_ms: int = SYNC_INTERVAL_MS,
        probe_min_ms: int = PROBE_MIN_MS,
        probe_max_ms: int = PROBE_MAX_MS,
        refresh_ms: int = REFRESH_MS,
        start: bool = True,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.sync_status = sync_status
        self.probe_min_ms = probe_min_ms
        self.probe_max_ms = probe_max_ms
        self._probe_delay = probe_min_ms
        self._password: str | None = None
        self._password_lock = threading.Lock()
        self.tokens = TokenProvider(store, password_prompt=self._take_password)
        self.task: Task | None = None
        self._probe_task: Task | None = None
        self.last_summary: SyncSummary | None = None
        self.state = SyncState(demo=store.is_demo)
        if sync_status is not None:
            # The sync page finds its controller here (the window builds the page first).
            sync_status.sync_controller = self  # type: ignore[attr-defined]

        self._periodic = QTimer(self)
        self._periodic.setInterval(sync_interval_ms)
        self._periodic.timeout.connect(self.sync_now)
        self._probe_timer = QTimer(self)
        self._probe_timer.setSingleShot(True)
        self._probe_timer.timeout.connect(self._probe)
        self._refresh = QTimer(self)
        self._refresh.setInterval(refresh_ms)
        self._refresh.timeout.connect(self.refresh)
        self._network = self._watch_reachability()
        app = QCoreApplication.instance()
        if app is not None:
            # Ask a running sync to stop before the window closes the store.
            app.aboutToQuit.connect(self.stop)

        self.refresh()
        if start and self.can_sync():
            self._periodic.start()
            self._refresh.start()
            QTimer.singleShot(0, self.sync_now)
        elif start:
            self._refresh.start()

    # -- what can be done ---------------------------------------------------------------

    def can_sync(self) -> bool:
        if self.store.is_demo:
            return False
        acct = account(self.store)
        return acct is not None and not acct.revoked

    @property
    def running(self) -> bool:
        return self.task is not None

    def needs_password(self) -> bool:
        """A password is needed: no secure keyring and no token for this session, or the
        last sync found the stored token stale (it is rotated with the password)."""
        if self.store.is_demo:
            return False
        summary = self.last_summary
        if summary is not None and any(e.code == "need_password" for e in summary.errors):
            return True
        return not keyring_status().secure and not self.tokens.has_memory_token

    def provide_password(self, password: str) -> None:
        """The person typed their password (no secure keyring); sync with it now."""
        with self._password_lock:
            self._password = password
        self.sync_now()

    def _take_password(self) -> str | None:
        with self._password_lock:
            password, self._password = self._password, None
        return password

    # -- state --------------------------------------------------------------------------

    def _set_state(self, **changes: Any) -> None:
        self.state = dataclasses.replace(self.state, **changes)
        if self.sync_status is not None:
            self.sync_status.set_state(self.state)
        self.state_changed.emit(self.state)

    def _problem_text(self) -> str | None:
        over = sync_status_service.overview(self.store)
        if over.revoked:
            return translate("SyncController", "เครื่องนี้ถูกเพิกถอนสิทธิ์การซิงค์")
        parts = []
        if over.open_conflicts:
            parts.append(
                translate("SyncController", "ความขัดแย้ง %1 รายการ").replace(
                    "%1", str(over.open_conflicts)
                )
            )
        if over.rejected:
            parts.append(
                translate("SyncController", "ถูกปฏิเสธ %1 รายการ").replace("%1", str(over.rejected))
            )
        summary = self.last_summary
        if summary is not None and not parts:
            codes = {e.code for e in summary.errors} - {"offline"}
            if "need_password" in codes:
                parts.append(translate("SyncController", "ต้องใส่รหัสผ่านเพื่อซิงค์"))
            elif codes:
                parts.append(summary.errors[0].message(current_language()))
        return " · ".join(parts) or None

    def refresh(self) -> None:
        """Re-read the outbox count, conflicts and rejections (cheap; on a timer)."""
        try:
            over = sync_status_service.overview(self.store)
            self._set_state(
                waiting=over.waiting,
                last_synced_at=over.last_sync,
                demo=over.demo,
                problem=self._problem_text(),
            )
        except Exception:  # noqa: BLE001 - a status refresh must never break the window
            log.exception("could not refresh the sync state")

    # -- syncing ------------------------------------------------------------------------

    def sync_now(self) -> bool:
        """Start a sync unless one is running or this database cannot sync."""
        if self.task is not None or not self.can_sync():
            return False
        if self.needs_password() and self._password is None:
            self.last_summary = None
            self._set_state(problem=translate("SyncController", "ต้องใส่รหัสผ่านเพื่อซิงค์"))
            self.password_needed.emit()
            return False
        self._probe_timer.stop()
        self._set_state(syncing=True)
        self.sync_started.emit()
        self.task = run_task(
            _sync_work,
            self.store,
            self.tokens,
            title=translate("SyncController", "กำลังซิงค์ข้อมูล…"),
            parent=self,
            on_done=self._finished,
            on_error=self._failed,
            on_progress=self.progressed.emit,
        )
        self.task.cancelled.connect(lambda: self._failed(None))
        return True

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _finished(self, summary: SyncSummary) -> None:
        self.task = None
        self.last_summary = summary
        online = not summary.offline
        self._set_state(syncing=False, online=online)
        self.refresh()
        if summary.offline:
            self._schedule_probe(reset=True)
        else:
            self._probe_delay = self.probe_min_ms
        if summary.revoked:
            self._periodic.stop()
        self.sync_finished.emit(summary)

    def _failed(self, error: BaseException | None) -> None:
        if error is not None:
            log.error("sync failed: %s", error)
        self.task = None
        self._set_state(syncing=False)
        self.refresh()
        self._schedule_probe(reset=False)

    # -- connectivity -------------------------------------------------------------------

    def _schedule_probe(self, *, reset: bool) -> None:
        if not self.can_sync():
            return
        if reset:
            self._probe_delay = self.probe_min_ms
        self._probe_timer.start(self._probe_delay)
        self._probe_delay = min(self.probe_max_ms, self._probe_delay * 2)

    def _probe(self) -> None:
        acct = account(self.store)
        if acct is None or self.task is not None or self._probe_task is not None:
            return
        self._probe_task = run_task(
            _probe_work,
            acct.server_url,
            acct.ca_file,
            parent=self,
            on_done=self._probed,
            on_error=lambda _e: self._probed(False),
        )

    def _probed(self, reachable: bool) -> None:
        self._probe_task = None
        if reachable:
            self._set_state(online=True)
            self.sync_now()  # connectivity is back: send what waited
        else:
            self._set_state(online=False)
            self._schedule_probe(reset=False)

    def _watch_reachability(self) -> Any:
        """Probe at once when the OS says the network came back (where Qt can tell)."""
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadDefaultBackend():
                return None
            info = QNetworkInformation.instance()
            if info is None:
                return None

            def changed(reachability: Any) -> None:
                if reachability == QNetworkInformation.Reachability.Online:
                    self._probe_delay = self.probe_min_ms
                    self._probe_timer.start(0)
                elif reachability == QNetworkInformation.Reachability.Disconnected:
                    self._set_state(online=False)

            info.reachabilityChanged.connect(changed)
            return info
        except Exception:  # noqa: BLE001 - reachability is a hint, never required
            log.debug("no network reachability backend", exc_info=True)
            return None

    def stop(self) -> None:
        """Stop timers (the window is closing); a running sync is asked to stop."""
        self._periodic.stop()
        self._probe_timer.stop()
        self._refresh.stop()
        self.cancel()
