"""One sync with the server: push the outbox, then pull until up to date (no Qt).

``run_sync(store, ...)`` (or ``SyncEngine(...).run()``) is a plain blocking function
that takes a cancel flag and a progress callback, so the app can run it on a worker
thread and the command line can run it directly. Every step is checkpointed in the
local database: a change set is marked done only when its result arrives, and each
pulled page is written together with its cursor in one transaction (an empty laptop's
first snapshot commits several pages at a time, each page with its cursor in a savepoint:
``_PageWrites``), so a cut connection or a killed process resumes where it stopped and
nothing is applied twice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures import wait as futures_wait
from dataclasses import asdict, dataclass, field
from typing import Any

from codi_desktop.store import deferred, paths
from codi_desktop.store.database import Store, backup_database

from . import apply, pacing, pages, prefetch
from .client import InsecureServerError, ProblemError, SyncClient, SyncTransportError
from .credentials import (
    S_REVOKED,
    EnrolmentError,
    KeyringLocked,
    NeedPassword,
    TokenProvider,
    account,
)
from .push import (  # noqa: F401  (re-exported: the push's limits)
    MAX_PUSH_CHANGE_SETS,
    PUSH_BYTES,
    PushMixin,
    _UnsendableChangeSet,
)

log = logging.getLogger(__name__)

S_LAST_SUCCESS = "sync_last_success"
S_HISTORY = "sync_history"
HISTORY_KEEP = 20

# An empty laptop's first snapshot commits about every this many rows (8 pages), or every
# SNAPSHOT_COMMIT_SECONDS, not every page. A cluster's provinces interleave in every
# primary key, so a page's rows touch pages all over each index, and each commit writes
# every touched page to the WAL again: a large province's pages written into a cluster's
# laptop took 4.15 s committed page by page, 3.33 s in groups of 8. NEXT_PAGE_WAIT: how
# long a group waits for the next page before it commits and waits without the lock.
SNAPSHOT_COMMIT_ROWS = 40_000
# Pages fetched and prepared beyond the one being written (prefetch.Prefetch); a
# snapshot's ranges (its splits) are fetched two at a time within it. 3 was no faster
# here (a cluster's first sync 20.1 s, against 18.4-19.4 s at 2).
PREFETCH_DEPTH = 2
SNAPSHOT_COMMIT_SECONDS = 1.0
NEXT_PAGE_WAIT = 0.25


class Cancelled(Exception):
    """The person (or the app closing) asked the sync to stop."""


@dataclass
class SyncIssue:
    """Something that went wrong, in both languages, with a stable code."""

    code: str
    th: str
    en: str

    def message(self, lang: str = "th") -> str:
        return self.th if lang == "th" else self.en


@dataclass
class SyncProgress:
    phase: str  # "push" | "pull" | "wait"
    done: int
    total: int | None
    message: str = ""


@dataclass
class SyncSummary:
    """What one sync did. ``ok`` means everything went through."""

    started_at: dt.datetime
    finished_at: dt.datetime | None = None
    pushed: int = 0  # change sets answered by the server in this sync
    applied: int = 0
    rejected: int = 0
    conflicts: int = 0
    pulled_rows: int = 0
    pages: int = 0
    kept_local: int = 0  # pulled rows that kept local values (waiting changes)
    waiting: int = 0  # change sets still in the outbox at the end
    errors: list[SyncIssue] = field(default_factory=list)
    offline: bool = False
    revoked: bool = False
    cancelled: bool = False
    snapshot_reset: bool = False
    backup: str | None = None

    @property
    def ok(self) -> bool:
        return (
            not self.errors
            and not self.rejected
            and not self.cancelled
            and not self.offline
            and not self.revoked
            and self.waiting == 0
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["started_at"] = self.started_at.isoformat()
        data["finished_at"] = self.finished_at.isoformat() if self.finished_at else None
        data["ok"] = self.ok
        return data

    def describe(self, lang: str = "th") -> str:
        if lang == "th":
            parts = [
                f"ส่ง {self.pushed} ชุด (ผ่าน {self.applied}, ถูกปฏิเสธ {self.rejected})",
                f"ความขัดแย้ง {self.conflicts}",
                f"รับข้อมูล {self.pulled_rows} แถว",
                f"รอส่ง {self.waiting} รายการ",
            ]
        else:
            parts = [
                f"pushed {self.pushed} change sets (applied {self.applied}, "
                f"rejected {self.rejected})",
                f"conflicts {self.conflicts}",
                f"pulled {self.pulled_rows} rows",
                f"waiting {self.waiting}",
            ]
        text = "; ".join(parts)
        for issue in self.errors:
            text += "\n- " + issue.message(lang)
        return text


OFFLINE = SyncIssue(
    "offline",
    "ติดต่อเซิร์ฟเวอร์ไม่ได้ (ออฟไลน์) ข้อมูลที่รอส่งยังเก็บไว้ครบ จะลองใหม่เมื่อกลับมาออนไลน์",
    "Cannot reach the server (offline). Waiting changes are kept and will be sent later.",
)
REVOKED = SyncIssue(
    "device_revoked",
    "เครื่องนี้ถูกเพิกถอนสิทธิ์การซิงค์โดยสำนักงานใหญ่ ข้อมูลและรายการที่รอส่งยังอยู่ครบในเครื่อง "
    "กรุณาติดต่อฝ่ายไอทีเพื่อลงทะเบียนใหม่",
    "This device was revoked by HQ. Your data and waiting changes are kept on this "
    "computer; contact HQ IT to enrol again.",
)
NOT_ENROLLED = SyncIssue(
    "not_enrolled",
    "เครื่องนี้ยังไม่ได้ลงทะเบียนกับเซิร์ฟเวอร์",
    "This device is not enrolled with a server yet.",
)
DEMO = SyncIssue(
    "demo",
    "ฐานข้อมูลตัวอย่างไม่ซิงค์กับเซิร์ฟเวอร์",
    "A demo database never syncs.",
)
SIGN_IN = SyncIssue(
    "sign_in",
    "เซิร์ฟเวอร์ไม่รับรหัสของเครื่องนี้ กรุณาเข้าสู่ระบบ (ลงทะเบียน) ใหม่",
    "The server did not accept this device's token; please sign in (enrol) again.",
)


def _server_issue(exc: ProblemError) -> SyncIssue:
    return SyncIssue(
        exc.code,
        f"เซิร์ฟเวอร์ตอบข้อผิดพลาด {exc.status} ({exc.code}) {exc.detail}".strip(),
        f"The server answered {exc.status} ({exc.code}) {exc.detail}".strip(),
    )


CancelFlag = threading.Event | Callable[[], bool] | None
ProgressCallback = Callable[[SyncProgress], None] | None


class _Revoked(Exception):
    pass


class SyncEngine(PushMixin):
    """Push then pull, for one store and one server."""

    def __init__(
        self,
        store: Store,
        *,
        tokens: TokenProvider | None = None,
        cancel: CancelFlag = None,
        progress: ProgressCallback = None,
        client_factory: Callable[..., SyncClient] = SyncClient,
        push_batch: int = MAX_PUSH_CHANGE_SETS,
        push_bytes: int = PUSH_BYTES,
        push_target: float = pacing.TARGET_SECONDS,
        page_limit: int = 5000,
        transport_retries: int = 4,
        max_wait: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.store = store
        self.tokens = tokens or TokenProvider(store)
        self._cancel = cancel
        self._progress = progress
        self._client_factory = client_factory
        self.push_batch = push_batch
        self.push_bytes = push_bytes
        self.push_target = push_target
        self.page_limit = page_limit
        self.transport_retries = transport_retries
        self.max_wait = max_wait
        self._sleep = sleep
        self.summary = SyncSummary(started_at=dt.datetime.now(dt.UTC))

    # -- small helpers ----------------------------------------------------------------

    def cancelled(self) -> bool:
        flag = self._cancel
        if flag is None:
            return False
        if isinstance(flag, threading.Event):
            return flag.is_set()
        return bool(flag())

    def _check_cancel(self) -> None:
        if self.cancelled():
            raise Cancelled()

    def _report(self, phase: str, done: int, total: int | None, message: str = "") -> None:
        if self._progress is not None:
            self._progress(SyncProgress(phase, done, total, message))

    def _wait(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while True:
            self._check_cancel()
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self._sleep(min(left, 0.2))

    def _call(self, client: SyncClient, fn: Callable[[], Any]) -> Any:
        """One request, honouring Retry-After and retrying a broken connection a few times."""
        waited = 0.0
        transport_failures = 0
        unauthorized_retried = False
        while True:
            self._check_cancel()
            try:
                client.token = self.tokens.token()
                return fn()
            except SyncTransportError:
                transport_failures += 1
                if transport_failures > self.transport_retries:
                    raise
                delay = min(8.0, 0.25 * 2**transport_failures) * (0.5 + random.random() / 2)
                self._report("wait", 0, None, "reconnecting")
                self._wait(delay)
            except ProblemError as exc:
                if exc.status in (429, 503):
                    delay = exc.retry_after if exc.retry_after is not None else 2.0
                    if waited + delay > self.max_wait:
                        raise
                    waited += delay
                    self._report("wait", 0, None, f"server busy, retrying in {delay:.0f} s")
                    self._wait(delay)
                    continue
                if exc.status == 401 and exc.code == "device_revoked":
                    raise _Revoked() from exc
                if exc.status == 401 and not unauthorized_retried:
                    # A token rotated elsewhere (re-enrolled, or a stale in-memory one):
                    # read the keyring again, or rotate with the password, once.
                    unauthorized_retried = True
                    self.tokens.invalidate()
                    continue
                raise

    # -- the sync ---------------------------------------------------------------------

    def run(self) -> SyncSummary:
        summary = self.summary
        try:
            self._run()
        except Cancelled:
            summary.cancelled = True
        except _UnsendableChangeSet as exc:
            cs = exc.change_set
            summary.errors.append(
                SyncIssue(
                    "unsendable",
                    f'เซิร์ฟเวอร์ไม่รับรายการ "{cs.summary}" (ลำดับ {cs.device_seq}) '
                    f"เพราะรูปแบบไม่ตรงตามที่กำหนด รายการถัดไปจึงยังรอส่ง กรุณาแจ้งฝ่ายไอที",
                    f'The server refuses change set {cs.device_seq} "{cs.summary}" '
                    f"({exc.problem.detail}); the ones after it wait. Tell HQ IT.",
                )
            )
        except _Revoked:
            summary.revoked = True
            summary.errors.append(REVOKED)
            self.store.set_setting(S_REVOKED, True)
        except SyncTransportError as exc:
            log.info("sync stopped, offline: %s", exc)
            summary.offline = True
            summary.errors.append(OFFLINE)
        except EnrolmentError as exc:
            if exc.code == "device_revoked":
                summary.revoked = True
                summary.errors.append(REVOKED)
                self.store.set_setting(S_REVOKED, True)
            else:
                summary.errors.append(SyncIssue(exc.code, exc.th, exc.en))
        except NeedPassword as exc:
            summary.errors.append(SyncIssue("need_password", exc.th, exc.en))
        except KeyringLocked as exc:
            summary.errors.append(SyncIssue("keyring_locked", exc.th, exc.en))
        except ProblemError as exc:
            summary.errors.append(SIGN_IN if exc.status == 401 else _server_issue(exc))
        except InsecureServerError as exc:
            summary.errors.append(SyncIssue("insecure_url", exc.th, exc.en))
        summary.finished_at = dt.datetime.now(dt.UTC)
        summary.waiting = self.store.count_pending()
        self._remember(summary)
        return summary

    def _run(self) -> None:
        store = self.store
        if store.is_demo:
            self.summary.errors.append(DEMO)
            return
        acct = account(store)
        if acct is None:
            self.summary.errors.append(NOT_ENROLLED)
            return
        if acct.revoked:
            raise _Revoked()
        with self._client_factory(acct.server_url, ca_file=acct.ca_file) as client:
            self._push(client, acct.device_id)
            self._pull(client)

    # -- pull -------------------------------------------------------------------------

    def _pull(self, client: SyncClient) -> None:
        """Pull pages until ``more`` is false, each applied with its cursor in one
        transaction (or savepoint, ``_PageWrites``). The pages after the first are fetched
        and prepared ahead while this one is written (``prefetch.Prefetch``: the server
        and the network work while we do), but the cursor only ever moves after a
        write."""
        cursor = self.store.get_setting(apply.S_CURSOR)
        # An empty laptop's first snapshot builds its indexes once at the end (deferred.py).
        first_snapshot = cursor is None
        seen: set[tuple[str, str]] | None = None
        reset_done = False
        writes = _PageWrites(
            self.store, self.summary, SNAPSHOT_COMMIT_ROWS if first_snapshot else 0
        )

        def fetch(c: str | None, until: str | None = None, splits: bool = False) -> dict[str, Any]:
            return self._call(
                client, lambda: client.pull(c, self.page_limit, until=until, splits=splits)
            )

        def fetched(c: str | None) -> Future[prefetch.Fetched]:
            # The first page, on this thread: a sync with nothing to do starts no thread.
            # A snapshot's asks for the cursors that split the rest, to fetch at once.
            done: Future[prefetch.Fetched] = Future()
            try:
                page = fetch(c, splits=c is None)
                done.set_result((page, pages.prepare(page.get("changes") or [])))
            except ProblemError as exc:
                done.set_exception(exc)
            return done

        # The pages after the first: fetched and prepared ahead while this thread writes.
        ahead: prefetch.Prefetch | None = None
        try:
            in_flight = fetched(cursor)
            while True:
                self._check_cancel()
                try:
                    page, prepared = in_flight.result()
                except ProblemError as exc:
                    if exc.status == 410 and not reset_done:
                        reset_done = True
                        first_snapshot = False
                        if ahead is not None:
                            ahead.close()
                            ahead = None
                        writes.close()
                        writes = _PageWrites(self.store, self.summary, 0)
                        self._reset_snapshot()
                        cursor = None
                        seen = set()
                        in_flight = fetched(None)
                        continue
                    raise
                changes = page.get("changes") or []
                new_cursor = page.get("cursor")
                more = bool(page.get("more"))
                if not more:
                    pass
                elif not changes and new_cursor in (None, cursor):
                    raise ProblemError(502, "no_progress", "the server said more but sent nothing")
                else:
                    if ahead is None:
                        splits = page.get("splits")
                        ahead = prefetch.Prefetch(
                            fetch,
                            new_cursor,
                            splits=splits if _cursors(splits) else None,
                            depth=PREFETCH_DEPTH,
                        )
                    in_flight = ahead.next()
                if not changes and not more and seen is None and new_cursor in (None, cursor):
                    self.summary.pages += 1  # up to date: nothing to write
                    self._report("pull", self.summary.pulled_rows, None)
                    return
                with writes.page() as conn:
                    if first_snapshot and more and self.summary.pages == 0:
                        deferred.defer(conn)  # indexes built once, with the last page
                    result = pages.apply_page(conn, prepared, seen=seen)
                    if new_cursor is not None:
                        apply.set_setting(conn, apply.S_CURSOR, new_cursor)
                    if not more and seen is not None:
                        pages.purge_unseen(conn, seen)
                    if not more:
                        deferred.restore(conn)
                cursor = new_cursor if new_cursor is not None else cursor
                self.summary.pages += 1
                writes.written(result, len(changes), last=not more, next_page=in_flight)
                for problem in result.skipped:
                    log.warning("pulled row skipped: %s", problem)
                self._report("pull", self.summary.pulled_rows + writes.uncommitted_rows, None)
                if not more:
                    return
        finally:
            if ahead is not None:
                ahead.close()
            try:
                writes.close()  # the pages written so far commit, before the indexes return
            except Exception:  # noqa: BLE001 - the sync's own error is the one to report
                log.exception("committing the pulled pages failed")
            self._restore_indexes()

    def _restore_indexes(self) -> None:
        """A first snapshot cut short: its deferred indexes back now, not at the next
        sync (the lists and search need them meanwhile). Never raises: the next
        ``open_store`` tries again."""
        try:
            with self.store.engine.connect() as conn:
                if not deferred.deferred(conn):
                    return
            with apply.write_transaction(self.store) as conn:
                deferred.restore(conn)
        except Exception:  # noqa: BLE001 - the sync's own error is the one to report
            log.exception("restoring the deferred indexes failed; the next start retries")

    def _reset_snapshot(self) -> None:
        """410 cursor_expired: back up, then start again from a fresh snapshot."""
        backup = backup_database(
            self.store.path, paths.backups_dir(self.store.data_dir), "cursor-expired"
        )
        self.summary.snapshot_reset = True
        self.summary.backup = str(backup)
        self.store.set_setting(apply.S_CURSOR, None)

    # -- bookkeeping --------------------------------------------------------------------

    def _remember(self, summary: SyncSummary) -> None:
        try:
            history = list(self.store.get_setting(S_HISTORY, []) or [])
            history.insert(0, summary.to_dict())
            settings: dict[str, Any] = {S_HISTORY: history[:HISTORY_KEEP]}
            if summary.ok or not (summary.offline or summary.errors or summary.cancelled):
                settings[S_LAST_SUCCESS] = summary.finished_at.isoformat()
            self.store.set_settings(settings)  # one transaction
        except Exception:  # bookkeeping must never hide the sync's own outcome
            log.exception("could not record the sync summary")


class _PageWrites:
    """The pull's write transactions. ``every`` 0: one per page. Otherwise (a first
    snapshot) pages share a transaction, each in a SAVEPOINT of its own, until ``every``
    rows are written, ``SNAPSHOT_COMMIT_SECONDS`` have passed, or the next page is not
    here yet: the write lock is never held while waiting for the network, so the window's
    own writes wait a second at most. A page and its cursor always commit together; a
    page that fails rolls back alone, and the pages before it commit (``close``). The
    summary counts a page's rows once they are committed."""

    def __init__(self, store: Store, summary: SyncSummary, every: int) -> None:
        self.store, self.summary, self.every = store, summary, every
        self._transaction: Any = None
        self._conn: Any = None
        self._rows = 0
        self._since = 0.0
        self._results: list[pages.PageResult] = []

    @property
    def uncommitted_rows(self) -> int:
        return sum(r.applied for r in self._results)

    @contextlib.contextmanager
    def page(self) -> Iterator[Any]:
        if not self.every:
            with apply.write_transaction(self.store) as conn:
                yield conn
            return
        if self._conn is None:
            self._transaction = apply.write_transaction(self.store)
            self._conn = self._transaction.__enter__()
            self._since = time.monotonic()
        with self._conn.begin_nested():
            yield self._conn

    def written(
        self, result: pages.PageResult, rows: int, *, last: bool, next_page: Future[Any]
    ) -> None:
        """After a page; ``next_page``: the fetch of the page after it."""
        self._results.append(result)
        self._rows += rows
        if (
            not self.every or last or self._rows >= self.every
            or time.monotonic() - self._since >= SNAPSHOT_COMMIT_SECONDS
            # The pull waits for it next anyway; past a moment, it waits with the lock free.
            or not futures_wait([next_page], timeout=NEXT_PAGE_WAIT).done
        ):
            self.close()

    def close(self) -> None:
        """Commit what is written; a failed commit counts nothing and raises."""
        transaction, self._transaction, self._conn, self._rows = self._transaction, None, None, 0
        results, self._results = self._results, []
        if transaction is not None:
            transaction.__exit__(None, None, None)
        for result in results:
            self.summary.pulled_rows += result.applied
            self.summary.kept_local += result.kept_local


def _cursors(value: Any) -> bool:
    """Whether a page's ``splits`` are what PROTOCOL.md says: a list of cursors."""
    return isinstance(value, list) and bool(value) and all(isinstance(c, str) for c in value)


def run_sync(
    store: Store,
    *,
    tokens: TokenProvider | None = None,
    cancel: CancelFlag = None,
    progress: ProgressCallback = None,
    **options: Any,
) -> SyncSummary:
    """Sync once (push, then pull); never raises for network or server trouble."""
    return SyncEngine(store, tokens=tokens, cancel=cancel, progress=progress, **options).run()


def probe(server_url: str, *, ca_file: str | None = None, timeout: float = 5.0) -> bool:
    """Is the server reachable? A cheap GET /v1/health."""
    try:
        with SyncClient(server_url, ca_file=ca_file, timeout=timeout) as client:
            data = client.health()
        return data.get("status") == "ok"
    except (SyncTransportError, ProblemError, OSError, InsecureServerError):
        return False
