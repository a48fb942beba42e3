"""``codi-desktop self-test``: prove an installed copy works, step by step, in a fresh folder.

What an administrator runs after installing or updating a laptop (and what CI runs on the
installed ``.deb``). In a new temporary data folder, never the real one, it:

1. creates and migrates a database to the head schema;
2. plans a meeting through the meetings service and checks that exactly one change set
   with its changes waits in the outbox;
3. prints that meeting's Thai minutes to PDF and reads the text back out of the file
   (pypdf ships with the desktop for this) to check the Thai survived;
4. opens the main window offscreen on that folder, as a person would get it.

Each step is reported with its time; the exit code is 0 only when every step passed.
It imports Qt only in step 4 (through ``codi_desktop.app``), so the first three steps
say something useful even where Qt itself is broken.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import shutil
import sys
import tempfile
import time
import traceback
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

PROVINCE = "34"  # อุบลราชธานี; any DOPA code does
MEETING_TITLE = "การประชุมทดสอบระบบ"
MEETING_PLACE = "ศาลาประชาคมบ้านหนองบัว"
BANGKOK = dt.timezone(dt.timedelta(hours=7))


class StepFailed(Exception):
    """A step ran but found the wrong thing."""


@dataclass
class StepResult:
    name: str
    ok: bool
    seconds: float
    detail: str


def _squash(s: str) -> str:
    """NFKC without whitespace: PDF extraction gives ำ back as ํ + า and breaks lines."""
    return "".join(unicodedata.normalize("NFKC", s).split())


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("codi")
    except PackageNotFoundError:
        return "unknown"


class SelfTest:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.store = None
        self.meeting_id: str | None = None

    def migrate(self) -> str:
        from codi_desktop.store.database import current_revision, head_revision, open_store

        self.store = open_store(self.data_dir)
        self.store.set_setting("province_code", PROVINCE)
        rev = current_revision(self.store.engine)
        if rev != head_revision():
            raise StepFailed(f"database at {rev}, expected {head_revision()}")
        return f"schema {rev}"

    def write_change_set(self) -> str:
        import sqlalchemy as sa

        from codi_core.models import Change, ChangeSet, ChangeSetStatus, Meeting
        from codi_desktop.services import meetings, organizations

        store = self._store()
        # The body that meets: a meeting is planned for one (its own action).
        body = organizations.create_organization(store, organizations.OrganizationData(
            name="คณะกรรมการขับเคลื่อนงานพัฒนาจังหวัด (ทดสอบ)", kind="committee"),
            author="self-test")
        before = store.count_pending()
        plan = meetings.MeetingPlan(
            kind="provincial_committee",
            organization_id=body,
            title=MEETING_TITLE,
            place=MEETING_PLACE,
            starts_at=dt.datetime(2026, 11, 25, 9, 30, tzinfo=BANGKOK),
            ends_at=dt.datetime(2026, 11, 25, 12, 0, tzinfo=BANGKOK),
        )
        self.meeting_id = meetings.plan_meeting(store, plan, author="self-test")
        with store.read() as s:
            sets = s.scalars(
                sa.select(ChangeSet)
                .where(ChangeSet.status == ChangeSetStatus.PENDING)
                .order_by(ChangeSet.device_seq)
            ).all()
            if len(sets) != before + 1:
                raise StepFailed(f"{len(sets) - before} change sets queued, expected 1")
            changes = s.scalars(
                sa.select(Change).where(Change.change_set_id == sets[-1].id)
            ).all()
            tables = {c.table_name for c in changes}
            if self.meeting_id not in {c.row_id for c in changes if c.table_name == "meeting"}:
                raise StepFailed(f"the change set does not hold the meeting ({tables})")
            if s.get(Meeting, self.meeting_id) is None:
                raise StepFailed("the meeting was not written")
        return f"1 change set, {len(changes)} changes ({', '.join(sorted(tables))})"

    def print_minutes(self) -> str:
        from pypdf import PdfReader

        from codi_desktop import printing
        from codi_desktop.services import documents

        if self.meeting_id is None:
            raise StepFailed("no meeting to print (the previous step failed)")
        with self._store().read() as s:
            data = documents.minutes_data(s, self.meeting_id)
        out = self.data_dir / "self-test-minutes.pdf"
        printing.render_minutes(data, out)
        reader = PdfReader(io.BytesIO(out.read_bytes()))
        text = _squash("".join(page.extract_text() or "" for page in reader.pages))
        expected = ["รายงานการประชุม", MEETING_PLACE, "ผู้มาประชุม", "ระเบียบวาระที่๑"]
        # The agenda heading may print with Arabic digits; accept either.
        missing = [
            w for w in expected
            if _squash(w) not in text and _squash(w.replace("๑", "1")) not in text
        ]
        if missing:
            raise StepFailed(f"not found in the PDF's text: {', '.join(missing)}")
        bad = [c for c in text if 0xE000 <= ord(c) <= 0xF8FF or c == "\ufffd"]
        if bad:
            raise StepFailed(f"{len(bad)} broken characters in the PDF's text")
        return f"{len(reader.pages)} page(s), {out.stat().st_size // 1024} KB, Thai text intact"

    def open_window(self) -> str:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from codi_desktop.app import self_test_window

        store = self._store()
        store.close()  # the window opens its own store, as at a normal start
        self.store = None
        return self_test_window(self.data_dir)

    def _store(self):
        if self.store is None:
            raise StepFailed("no database (the first step failed)")
        return self.store

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("migrate a new database", self.migrate),
            ("write a change set through a service", self.write_change_set),
            ("print Thai minutes and read them back", self.print_minutes),
            ("open the main window offscreen", self.open_window),
        ]


def run(data_dir: Path, out: TextIO = sys.stdout) -> list[StepResult]:
    test = SelfTest(data_dir)
    results: list[StepResult] = []
    try:
        for name, step in test.steps():
            start = time.perf_counter()
            try:
                detail, ok = step(), True
            except StepFailed as exc:
                detail, ok = str(exc), False
            except Exception as exc:  # noqa: BLE001 - a broken install is what we report
                detail, ok = f"{type(exc).__name__}: {exc}", False
                traceback.print_exc(file=sys.stderr)
            result = StepResult(name, ok, time.perf_counter() - start, detail)
            results.append(result)
            mark = "ok  " if ok else "FAIL"
            print(f"  {mark} {name:40} {result.seconds:6.2f} s  {detail}", file=out, flush=True)
    finally:
        test.close()
    return results


def cli_self_test(args: argparse.Namespace) -> int:
    keep = bool(getattr(args, "keep", False))
    given = getattr(args, "data_dir", None)
    if given:
        folder = Path(given)
        if folder.exists() and any(folder.iterdir()):
            print(f"self-test needs an empty or new folder; {folder} is not empty",
                  file=sys.stderr)
            return 2
        folder.mkdir(parents=True, exist_ok=True)
    else:
        folder = Path(tempfile.mkdtemp(prefix="codi-self-test-"))
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    print(f"CODI Desktop {version()}{frozen} self-test in {folder}", flush=True)
    start = time.perf_counter()
    try:
        results = run(folder)
    finally:
        if not keep and not given:
            shutil.rmtree(folder, ignore_errors=True)
    total = time.perf_counter() - start
    failed = [r for r in results if not r.ok]
    if failed:
        print(f"self-test FAILED: {len(failed)} of {len(results)} steps ({total:.2f} s)")
        return 1
    print(f"self-test passed: {len(results)} steps in {total:.2f} s")
    return 0
