"""Long work off the UI thread: a plain function, a cancel flag, progress, results as signals.

The work is an ordinary function with no Qt in it (STYLE.md: Calibre's threaded jobs)::

    def build(data_dir, *, cancel: CancelFlag, progress: Progress) -> Result: ...

``run_task(build, data_dir, on_done=..., on_error=...)`` runs it in the global
``QThreadPool``; its result, error or progress come back on the main thread through a
``Task`` object's signals. The work checks ``cancel.is_set()`` (or calls
``cancel.check()``, which raises ``Cancelled``) where stopping is safe.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


_running: set[Task] = set()


class Cancelled(Exception):
    """The person cancelled the work."""


class CancelFlag:
    """Set by the UI, read by the work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled


#: progress(done, total, message): total 0 means "unknown".
Progress = Callable[[int, int, str], None]


class _Bridge(QObject):
    """Carries the worker's events to the main thread (queued signal connections)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class Task(QObject):
    """One running piece of work, seen from the main thread."""

    progressed = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()  # after done, failed or cancelled

    def __init__(self, title: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self.title = title
        self.cancel_flag = CancelFlag()
        self.running = True
        self.result: Any = None
        self.error: BaseException | None = None
        self.bridge = _Bridge()
        self.bridge.progressed.connect(self._on_progress)
        self.bridge.succeeded.connect(self._on_success)
        self.bridge.failed.connect(self._on_failure)

    def cancel(self) -> None:
        self.cancel_flag.set()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progressed.emit(done, total, message)

    @Slot(object)
    def _on_success(self, result: Any) -> None:
        self.running = False
        self.result = result
        self.done.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_failure(self, error: BaseException) -> None:
        self.running = False
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        else:
            self.error = error
            self.failed.emit(error)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, bridge: _Bridge, fn: Callable[..., Any], args: tuple, kwargs: dict,
                 cancel: CancelFlag):
        super().__init__()
        self.bridge = bridge
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.cancel = cancel

    @staticmethod
    def _tell(signal, *args: Any) -> None:
        """Report to the UI thread; the page that asked may be gone by now (the window
        switched databases or closed), and then there is nobody left to tell."""
        try:
            signal.emit(*args)
        except RuntimeError:  # "Signal source has been deleted"
            log.debug("the receiver of a background task's result is gone")

    def run(self) -> None:
        def progress(done: int, total: int, message: str = "") -> None:
            self._tell(self.bridge.progressed, int(done), int(total), str(message))

        try:
            result = self.fn(*self.args, cancel=self.cancel, progress=progress, **self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI
            if not isinstance(exc, Cancelled):
                log.exception("background work %s failed", getattr(self.fn, "__name__", self.fn))
            self._tell(self.bridge.failed, exc)
            return
        self._tell(self.bridge.succeeded, result)


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    title: str = "",
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    parent: QObject | None = None,
    pool: QThreadPool | None = None,
    **kwargs: Any,
) -> Task:
    """Run ``fn(*args, cancel=flag, progress=callback, **kwargs)`` in a worker thread."""
    task = Task(title, parent)
    # Keep the task (and its bridge) alive until the worker has reported back.
    _running.add(task)
    task.finished.connect(lambda: _running.discard(task))
    if on_done:
        task.done.connect(on_done)
    if on_error:
        task.failed.connect(on_error)
    if on_progress:
        task.progressed.connect(on_progress)
    runnable = _Runnable(task.bridge, fn, args, kwargs, task.cancel_flag)
    (pool or QThreadPool.globalInstance()).start(runnable)
    return task


def plain(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Adapt a function without cancel/progress parameters (a quick read) to ``run_task``."""

    def call(*args: Any, cancel: CancelFlag, progress: Progress, **kwargs: Any) -> Any:
        cancel.check()
        return fn(*args, **kwargs)

    call.__name__ = getattr(fn, "__name__", "work")
    return call
