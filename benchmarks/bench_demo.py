"""Demo province benchmark: how long building the demo database takes, and what it holds.

Run from the repository root:  python benchmarks/bench_demo.py [--scale large|small]
[--province 34] [--seed 2567]

Builds the demo province in a temporary folder (the default, ``large``, is the size of
the biggest province) and prints the time to generate the rows alone, the time of the
whole build (create the database with its reference data, generate, bulk insert, commit),
the rows per table and the database file's size. Wall time suffers when other work
shares the machine; the CPU time of the build is printed too. A benchmark, not a test: it asserts
nothing. The brief's budget for ``large`` is under 60 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from codi_core.demo import generate_demo  # noqa: E402
from codi_desktop.store.demo import build_demo  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["small", "large"], default="large")
    parser.add_argument("--province", default="34")
    parser.add_argument("--seed", type=int, default=2567)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    rows = sum(len(r) for _m, r in generate_demo(args.province, args.scale, args.seed))
    generate_s = time.perf_counter() - started

    with tempfile.TemporaryDirectory(prefix="codi-bench-demo-") as folder:
        cpu = time.process_time()
        summary = build_demo(folder, args.province, args.scale, args.seed)
        cpu = time.process_time() - cpu
        size = sum(p.stat().st_size for p in Path(folder).glob("codi.sqlite3*"))
    print(f"demo province {args.province}, scale {args.scale}, seed {args.seed}")
    print(f"  generate rows only : {generate_s:6.2f} s ({rows:,} rows)")
    print(f"  whole build        : {summary.seconds:6.2f} s "
          f"({summary.total / summary.seconds:,.0f} rows/s; {cpu:.2f} s of CPU, which a "
          "busy machine does not inflate)")
    print(f"  database file      : {size / 2**20:6.1f} MiB")
    for table, n in summary.counts.items():
        print(f"  {table:<18} {n:>9,}")
    print(f"  {'total':<18} {summary.total:>9,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
