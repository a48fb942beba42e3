"""Desktop UI figures on the LARGE demo province (4,000 communities, 8,000 people...).

    python benchmarks/bench_ui.py [--data-dir DIR] [--runs 3]

Prints: time from process start to an interactive main window (aim < 2 s), time to apply
a filter to the communities list (aim < 50 ms: count + first page + model reset), and
peak memory after visiting every page (aim < 400 MB), each with its CPU time beside (the
machine may be shared). Builds the large demo in a
temporary folder unless --data-dir already holds one. Offscreen Qt; figures only, no
pass/fail. A cluster laptop's database (6 large provinces, 24,000 communities) without a
server: ``python benchmarks/cluster_laptop.py DIR`` first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss would include the parent's
    peak on Linux, inherited through fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(data_dir: str, spawned_at: float) -> None:
    """Runs in a fresh process: open the window, measure, print one JSON line."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from codi_desktop.app import start
    from codi_desktop.services.lists import ListFilter

    window = start(argparse.Namespace(data_dir=data_dir, lang="th"))
    window.show()
    app = QApplication.instance()
    result: dict = {}

    def interactive() -> None:
        # The first turn of the event loop after show(): the window paints and takes input.
        result["startup_s"] = time.time() - spawned_at
        result["startup_cpu_s"] = time.process_time()  # this process's CPU since exec
        result["rss_at_start_mb"] = peak_rss_mb()
        page = window.show_page("communities")
        if page is None:  # the welcome page: this database has no province in scope
            result["error"] = "the window opened on the welcome page (no province in scope)"
            print("RESULT " + json.dumps(result), flush=True)
            app.quit()
            return
        result["communities"] = page.model.total
        for _ in range(5):  # a person looks at the list before typing
            app.processEvents()
        filters = [ListFilter(text=t) for t in ("หนอง", "บ้านโนน", "ศรี", "คำ", "น", "ชุมชนบ้าน")]
        combo = page.combos.get("district")
        districts = [combo.itemData(i) for i in range(1, min(4, combo.count()))] if combo else []
        filters += [ListFilter(district_id=d) for d in districts if d]
        if districts and districts[0]:
            filters += [ListFilter(text="หนอง", district_id=districts[0], kind="village")]
        timings = []
        cpu = []
        for flt in filters * 3:
            began, began_cpu = time.perf_counter(), time.process_time()
            page.apply_filter(flt)
            app.processEvents()
            timings.append(((time.perf_counter() - began) * 1000, flt))
            cpu.append((time.process_time() - began_cpu) * 1000)
        result["filter_ms_median"] = statistics.median(t for t, _ in timings)
        result["filter_cpu_ms_median"] = statistics.median(cpu)
        result["filter_cpu_ms_max"] = max(cpu)
        worst = max(timings, key=lambda t: t[0])
        result["filter_ms_max"] = worst[0]
        result["filter_worst"] = repr(worst[1])
        page.apply_filter(ListFilter())
        began = time.perf_counter()
        page.model.sort(5, Qt.SortOrder.DescendingOrder)  # households, largest first
        result["sort_ms"] = (time.perf_counter() - began) * 1000
        page.model.sort(0, Qt.SortOrder.AscendingOrder)  # back to the name order
        app.processEvents()
        # The scrollbar dragged to the end: the view shows (and the model reads) the
        # last rows of the list; a model that read pages in turn would read them all.
        began, began_cpu = time.perf_counter(), time.process_time()
        while page.model.canFetchMore(QModelIndex()):  # a model that fetches in turn
            page.model.fetchMore(QModelIndex())
        page.table.scrollToBottom()
        page.model.data(page.model.index(page.model.rowCount() - 1, 0))
        app.processEvents()
        result["scroll_all_ms"] = (time.perf_counter() - began) * 1000
        result["scroll_all_cpu_ms"] = (time.process_time() - began_cpu) * 1000
        for key in ("organizations", "people", "projects", "meetings", "assessment", "sync",
                    "settings"):
            window.show_page(key)
            app.processEvents()
        dashboard = window.show_page("dashboard")
        dashboard.data = None
        began = time.perf_counter()
        dashboard.refresh()
        while dashboard.data is None:
            app.processEvents()
        result["dashboard_s"] = time.perf_counter() - began
        result["peak_rss_mb"] = peak_rss_mb()
        print("RESULT " + json.dumps(result), flush=True)
        app.quit()

    def measured() -> None:
        # An error in the measuring would go to the app's error dialog and wait there
        # forever (offscreen): report it and stop instead.
        try:
            interactive()
        except Exception:  # noqa: BLE001
            import traceback

            result["error"] = traceback.format_exc()
            print("RESULT " + json.dumps(result), flush=True)
            app.quit()

    QTimer.singleShot(0, measured)
    app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="a folder with the large demo (built if empty)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("DATA_DIR", "SPAWNED_AT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], float(args.child[1]))
        return 0

    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="codi-bench-ui-"))
    if not (data_dir / "codi.sqlite3").exists():
        from codi_desktop.store.demo import build_demo

        print(f"building the large demo province in {data_dir} …", flush=True)
        summary = build_demo(data_dir, "34", "large")
        print(f"  {summary.total:,} rows in {summary.seconds:.1f} s")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # An installed app runs from compiled bytecode: without it every start compiles the
    # app's modules again (about a second here), which no person ever waits for.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = []
    for _ in range(args.runs):
        spawned = time.time()
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(data_dir), repr(spawned)],
            capture_output=True, text=True, env=env, check=True, cwd=ROOT,
        ).stdout
        line = next(x for x in out.splitlines() if x.startswith("RESULT "))
        runs.append(json.loads(line[len("RESULT "):]))
        if "error" in runs[-1]:
            print(f"{data_dir}: {runs[-1]['error']}")
            return 1
    best = min(runs, key=lambda r: r["startup_s"])
    print(f"communities in the list:           {best['communities']:,}")
    print(f"process start → interactive window: "
          f"{min(r['startup_s'] for r in runs):.2f} s best, "
          f"{statistics.median(r['startup_s'] for r in runs):.2f} s median (aim < 2 s); CPU "
          f"{min(r['startup_cpu_s'] for r in runs):.2f} s best")
    print(f"apply a filter (communities):      "
          f"{statistics.median(r['filter_ms_median'] for r in runs):.1f} ms median, "
          f"{max(r['filter_ms_max'] for r in runs):.1f} ms worst (aim < 50 ms); CPU "
          f"{statistics.median(r['filter_cpu_ms_median'] for r in runs):.1f} ms median, "
          f"{max(r['filter_cpu_ms_max'] for r in runs):.1f} ms worst")
    print(f"  worst was {max(runs, key=lambda r: r['filter_ms_max'])['filter_worst']}")
    print(f"re-sort by households:             {best['sort_ms']:.1f} ms")
    print(f"scroll to the end of the list:     {best['scroll_all_ms']:.0f} ms; CPU "
          f"{best['scroll_all_cpu_ms']:.0f} ms")
    print(f"dashboard figures (background):    {best['dashboard_s']:.2f} s")
    print(f"peak memory after every page:      "
          f"{max(r['peak_rss_mb'] for r in runs):.0f} MB (aim < 400 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
