"""Printing benchmark: how long the documents people wait for take to render.

Run from the repository root:  python benchmarks/bench_printing.py [--data-dir DIR]

Prints the cold first-call time of the Thai segmenter (loading pythainlp's dictionary,
which the app hides by calling printing.warm_up() in a background thread at start-up),
then warm timings (best and median of five runs) for a 30-page minutes document and a
500-row sign-in sheet, and the budget report of the large demo province (built in a
temporary folder unless --data-dir names one that holds it): first with the caches of
shaped words and segmentations emptied before each run (what a first print costs once
the dictionary is loaded), then as a repeat render with those caches full. Targets:
30-page minutes < 1 s warm, the large province's budget report < 2 s. A benchmark, not
a test: it asserts nothing.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PYTHAINLP_DATA", os.path.join(tempfile.gettempdir(), "codi-pythainlp-data"))


def _timed(fn, repeat: int) -> tuple[float, float, float, object]:
    """Best and median wall time, and the best CPU time of this process (the fair figure
    when other work shares the machine)."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return min(times), statistics.median(times), min(cpu), result


def _pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _large_budget(data_dir: str | None):
    """The budget report data of the large demo province's busiest fiscal year."""
    import sqlalchemy as sa

    from codi_core.models import Project
    from codi_desktop.services import documents
    from codi_desktop.store.database import open_store
    from codi_desktop.store.demo import build_demo

    folder = Path(data_dir) if data_dir else Path(tempfile.mkdtemp(prefix="bench-print-"))
    if not (folder / "codi.sqlite3").exists():
        started = time.perf_counter()
        build_demo(folder, "34", "large")
        print(f"large demo province built             {time.perf_counter() - started:7.1f} s")
    store = open_store(folder)
    try:
        with store.read() as s:
            year = s.scalar(
                sa.select(Project.fiscal_year).group_by(Project.fiscal_year)
                .order_by(sa.func.count().desc()).limit(1))
            started = time.perf_counter()
            data = documents.budget_report_data(
                s, year, organization=documents.centre_name(s, store.province_code),
                province_code=store.province_code)
            loaded = time.perf_counter() - started
    finally:
        store.close()
    projects = sum(len(p.projects) for p in data.programs)
    print(f"budget data, FY {year}, {projects} projects      {loaded * 1000:7.0f} ms")
    return data


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="printing benchmark")
    parser.add_argument("--data-dir", help="folder with (or for) the large demo database")
    args = parser.parse_args()
    started = time.perf_counter()
    from codi_desktop import printing
    from codi_desktop.printing import samples

    imported = time.perf_counter() - started
    from codi_desktop.printing import linebreak

    started = time.perf_counter()
    linebreak.warm_up()
    cold = time.perf_counter() - started
    started = time.perf_counter()
    printing.warm_up()  # what remains: the fonts
    fonts = time.perf_counter() - started
    print(f"import codi_desktop.printing          {imported * 1000:7.0f} ms")
    print(f"segmenter cold first call             {cold * 1000:7.0f} ms")
    print(f"fonts, first load                     {fonts * 1000:7.0f} ms")

    # Find the number of agenda items that makes about 30 pages.
    items = 30
    while _pages(printing.render_minutes(samples.sample_minutes(items=items))) < 30:
        items += 4
    minutes = samples.sample_minutes(items=items)
    sheet = samples.sample_sign_in_sheet(500)
    budget = _large_budget(args.data_dir)

    from codi_desktop.printing.text import clear_caches

    def fresh(render):
        """A render with the dictionary loaded but no cached shapes or segmentations."""

        def run():
            clear_caches()
            return render()

        return run

    for label, render in (
        ("minutes", lambda: printing.render_minutes(minutes)),
        ("sign-in sheet, 500 rows", lambda: printing.render_sign_in_sheet(sheet)),
        ("budget report, large province", lambda: printing.render_budget_report(budget)),
    ):
        for how, fn in (("empty caches", fresh(render)), ("repeat render", render)):
            best, median, cpu, pdf = _timed(fn, 5)
            print(
                f"{label} ({_pages(pdf)} pages), {how:13}  best {best * 1000:5.0f} ms  "
                f"median {median * 1000:5.0f} ms  cpu {cpu * 1000:5.0f} ms"
            )


if __name__ == "__main__":
    main()
