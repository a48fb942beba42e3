"""Import figures: 5,000 communities from an .xlsx file (aim < 10 s including validation).

    python benchmarks/bench_import.py [--rows 5000] [--runs 3]

Writes a workbook of ``--rows`` communities spread over the province's tambons (with
Thai digits and a blank row, like real files), then times, each in a fresh database:
reading + mapping + validating every row (the preview), writing them in one action
(the commit), and the two together. Figures only, no pass/fail.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def make_file(path: Path, rows: int, tambons: list[tuple[str, str]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["ทะเบียนชุมชน"])
    ws.append(["ลำดับ", "ชื่อชุมชน", "หมู่ที่", "ตำบล", "อำเภอ", "ครัวเรือน", "ประชากร",
               "ผู้นำชุมชน", "โทรศัพท์"])
    for i in range(rows):
        if i == rows // 2:
            ws.append([])
        tambon, amphoe = tambons[i % len(tambons)]
        ws.append([i + 1, f"ชุมชนทดสอบ {i + 1:05d}", "๑๒" if i % 9 == 0 else i % 20 + 1,
                   tambon, amphoe, 20 + i % 300, 80 + i % 1200, f"นางสมศรี ทดสอบ{i}",
                   "0812345678"])
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import sqlalchemy as sa

    from codi_core.models import District, Subdistrict
    from codi_desktop.importing.framework import commit, preview_file
    from codi_desktop.importing.kinds import IMPORTERS
    from codi_desktop.store.database import open_store

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        store = open_store(tmp_path / "probe")
        store.set_setting("province_code", "34")
        with store.read() as s:
            tambons = [(t, d) for t, d in s.execute(
                sa.select(Subdistrict.name_th, District.name_th)
                .join(District, District.id == Subdistrict.district_id)
                .where(Subdistrict.province_id == "34"))]
        store.close()
        path = tmp_path / "communities.xlsx"
        make_file(path, args.rows, tambons)
        previews, commits, totals, cpus = [], [], [], []
        for run in range(args.runs):
            store = open_store(tmp_path / f"run{run}")
            store.set_setting("province_code", "34")
            c0 = time.process_time()
            t0 = time.perf_counter()
            preview = preview_file(store, IMPORTERS["communities"], path)
            t1 = time.perf_counter()
            assert preview.ok, preview.report("en")[-2000:]
            result = commit(store, preview)
            t2 = time.perf_counter()
            cpus.append(time.process_time() - c0)
            assert result.added == args.rows
            previews.append(t1 - t0)
            commits.append(t2 - t1)
            totals.append(t2 - t0)
            store.close()
        print(f"communities imported per run: {args.rows} ({result.change_sets} change set(s))")
        print(f"read + map + validate (preview): median {statistics.median(previews):.2f} s")
        print(f"write in one action (commit):    median {statistics.median(commits):.2f} s")
        print(f"total:                           median {statistics.median(totals):.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in totals)}; aim < 10 s)")
        print(f"CPU time of this process:        median {statistics.median(cpus):.2f} s "
              f"(wall time above also counts waiting for a busy machine; load "
              f"{os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
