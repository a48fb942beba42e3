"""Provincial assembly benchmark: registering participants and counting them.

Run from the repository root:  python benchmarks/bench_assembly.py [--participants 500]
[--people 8000] [--repeat 5]

In a temporary database holding one province with ``--people`` people and some
organizations, it times (through the service layer, as the app does):

- registering ``--participants`` assembly participants in one action (one change set);
- building the attendance statistics (by status, organization kind, district, tambon,
  gender);
- opening the assembly on the page (``get_meeting``: all its rows as plain data);
- the sign-in desk's search-as-you-type over the people (Thai substrings, 2 to 6
  characters).

Budgets from the brief: registration under 2 s, statistics under 200 ms. A benchmark, not
a test: it asserts nothing and prints the best and median of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402

from codi_core.models import Organization, Person, Subdistrict  # noqa: E402
from codi_desktop.services import assemblies, meetings  # noqa: E402
from codi_desktop.store.database import open_store  # noqa: E402

FIRST = ["สมศรี", "บุญมี", "ประยูร", "สมชาย", "มาลี", "วันเพ็ญ", "ทองดี", "สุดา", "คำปุน",
         "บัวไข", "จันทร์เพ็ญ", "สายทอง", "อุดม", "ประเสริฐ", "ละเอียด", "หอมจันทร์"]
LAST = ["ศรีสุข", "ใจดี", "แก้วกล้า", "บุญมา", "สุขสวัสดิ์", "ทองคำ", "พรหมมา", "วงศ์ใหญ่"]
KINDS = ["tambon_council", "welfare_fund", "savings_group", "network", "community_org",
         "partner"]


def timed(fn, repeat: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=500)
    parser.add_argument("--people", type=int, default=8000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--province", default="34")
    args = parser.parse_args(argv)
    rnd = random.Random(2567)

    with tempfile.TemporaryDirectory(prefix="codi-bench-assembly-") as folder:
        store = open_store(Path(folder) / "data")
        store.set_setting("province_code", args.province)
        with store.read() as s:
            subs = list(s.scalars(sa.select(Subdistrict.id).where(
                Subdistrict.province_id == args.province)))
        with store.action("bench set-up") as s:
            orgs = [Organization(province_code=args.province, kind=rnd.choice(KINDS),
                                 name=f"องค์กรชุมชนที่ {i}", subdistrict_id=rnd.choice(subs))
                    for i in range(300)]
            s.add_all(orgs)
            s.add_all(Person(province_code=args.province, first_name=rnd.choice(FIRST),
                             last_name=f"{rnd.choice(LAST)}{i}", subdistrict_id=rnd.choice(subs),
                             gender=rnd.choice(["female", "male"]))
                      for i in range(args.people))
        org_names = [o.name for o in orgs]

        def participants(run: int) -> list[assemblies.ParticipantData]:
            return [assemblies.ParticipantData(
                name=f"{rnd.choice(['นาย', 'นาง', 'นางสาว'])}{rnd.choice(FIRST)} ผู้แทน{run}-{i}",
                organization_name=rnd.choice(org_names), subdistrict_id=rnd.choice(subs))
                for i in range(args.participants)]

        when = dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
        runs = iter(range(10_000))
        register_times = []
        meeting_ids = []
        for _ in range(args.repeat):
            run = next(runs)
            mid = meetings.plan_meeting(store, meetings.MeetingPlan(
                kind="provincial_assembly", starts_at=when + dt.timedelta(days=run),
                place="หอประชุมจังหวัด"))
            rows = participants(run)
            t = time.perf_counter()
            assemblies.register_participants(store, mid, rows)
            register_times.append(time.perf_counter() - t)
            meeting_ids.append(mid)

        best_s, med_s, stats = timed(
            lambda: assemblies.attendance_statistics(store, meeting_ids[-1]), args.repeat)

        best_d, med_d, detail = timed(
            lambda: meetings.get_meeting(store, meeting_ids[-1]), args.repeat)

        search_times = []
        for text in ("สม", "ทอง", "เพ็ญ", "ใจดี1", "สุขสวัสดิ์", "บุญมา 12"):
            b, _m, hits = timed(lambda text=text: meetings.search_people(store, text), 3)
            search_times.append((text, b, len(hits)))
        store.close()

    print(f"people in the province: {args.people}; organizations: {len(orgs)}")
    print(f"register {args.participants} participants (one action): "
          f"best {min(register_times) * 1000:.0f} ms, "
          f"median {statistics.median(register_times) * 1000:.0f} ms  (budget 2000 ms)")
    print(f"attendance statistics ({stats.total} in the room, "
          f"{len(stats.by_subdistrict)} tambons, {len(stats.by_district)} districts): "
          f"best {best_s * 1000:.1f} ms, median {med_s * 1000:.1f} ms  (budget 200 ms)")
    print(f"open the assembly (get_meeting, {len(detail.attendance)} attendance rows): "
          f"best {best_d * 1000:.1f} ms, median {med_d * 1000:.1f} ms")
    for text, b, n in search_times:
        print(f"search people {text!r}: {b * 1000:.1f} ms ({n} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
