"""Background work off the UI thread, and the committed translations."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

from codi_desktop.ui.tasks import Cancelled, plain, run_task

ROOT = Path(__file__).resolve().parents[2]


def test_task_runs_off_the_ui_thread_with_progress_and_result(qtbot):
    seen: list[tuple[int, int, str]] = []
    threads = []

    def work(n, *, cancel, progress):
        threads.append(threading.get_ident())
        for i in range(n):
            cancel.check()
            progress(i + 1, n, f"step {i + 1}")
        return n * 2

    task = run_task(work, 3, on_progress=lambda *a: seen.append(a))
    with qtbot.waitSignal(task.done, timeout=5000) as blocker:
        pass
    assert blocker.args == [6]
    assert threads and threads[0] != threading.get_ident()
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen[-1] == (3, 3, "step 3")


def test_task_cancel_and_failure_come_back_as_signals(qtbot):
    started = threading.Event()
    release = threading.Event()

    def slow(*, cancel, progress):
        started.set()
        release.wait(5)
        cancel.check()
        return "finished anyway"

    task = run_task(slow)
    assert started.wait(5)
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass
    assert task.result is None and not task.running

    def broken(*, cancel, progress):
        raise ValueError("bad input")

    failed = run_task(broken)
    with qtbot.waitSignal(failed.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)
    assert not isinstance(blocker.args[0], Cancelled)


def test_plain_adapts_a_quick_read(qtbot):
    task = run_task(plain(lambda a, b: a + b), 2, 3)
    with qtbot.waitSignal(task.done, timeout=5000) as blocker:
        pass
    assert blocker.args == [5]


def _i18n_script():
    spec = importlib.util.spec_from_file_location("codi_i18n", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_qm_files_match_their_ts_and_english_is_complete():
    i18n = _i18n_script()
    assert i18n.stale() == [], "run: python scripts/i18n.py release"
    assert i18n.unfinished("en") == [], "translate the new strings in codi_en.ts"


def test_every_visible_string_in_the_ui_is_in_the_ts_file():
    """The .ts was updated after the last UI edit (lupdate finds no new strings)."""
    import subprocess
    import tempfile

    i18n = _i18n_script()
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "check.ts"
        ts.write_bytes((ROOT / "resources" / "translations" / "codi_en.ts").read_bytes())
        out = subprocess.run(
            [i18n.tool("pyside6-lupdate"), *map(str, i18n.SOURCES), "-source-language", "th_TH",
             "-target-language", "en_GB", "-locations", "none", "-no-obsolete", "-ts", str(ts)],
            capture_output=True, text=True, check=True,
        ).stdout
    assert "(0 new and" in out, out
