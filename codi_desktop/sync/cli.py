"""``codi-desktop enrol`` and ``codi-desktop sync``: enrolment and one sync, headless.

The password is read with ``getpass`` at a terminal, or as one line from standard input
otherwise (scripts, tests). ``sync`` exits 0 only if everything went through: nothing
refused, nothing left waiting, no error.
"""

from __future__ import annotations

import argparse
import getpass
import signal
import sys
import threading

from codi_desktop.store.database import open_store

from .credentials import (
    DEMO_REFUSED,
    EnrolmentError,
    TokenProvider,
    account,
    enrol,
    keyring_status,
)
from .engine import SyncProgress, run_sync


def read_password(prompt: str = "Password / รหัสผ่าน: ") -> str | None:
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    if sys.stdin is None:
        return None
    line = sys.stdin.readline()
    return line.rstrip("\r\n") or None


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def cli_enrol(args: argparse.Namespace) -> int:
    store = open_store(args.data_dir)
    try:
        if store.is_demo:
            _err(DEMO_REFUSED.message("th"))
            _err(DEMO_REFUSED.message("en"))
            return 2
        status = keyring_status()
        if not status.secure:
            _err(status.message("th"))
            _err(status.message("en"))
        password = read_password()
        if not password:
            _err("ไม่ได้ใส่รหัสผ่าน / No password given.")
            return 2
        try:
            result = enrol(
                store,
                args.server,
                args.username,
                password,
                device_name=getattr(args, "device_name", None),
                ca_file=getattr(args, "ca_file", None),
            )
        except EnrolmentError as exc:
            _err(exc.message("th"))
            _err(exc.message("en"))
            return 1
        except OSError as exc:  # a CA file that cannot be read
            _err(f"อ่านไฟล์ใบรับรองไม่ได้ / Cannot read the CA file: {exc}")
            return 1
        provinces = ", ".join(result.provinces) if isinstance(result.provinces, list) else "all"
        verb = "ต่ออายุรหัสเครื่อง" if result.rotated else "ลงทะเบียนเครื่อง"
        print(f"{verb}แล้ว: {result.device_id} ({result.username}, {result.role}, {provinces})")
        print(
            f"{'Token rotated' if result.rotated else 'Enrolled'}: device {result.device_id} "
            f"as {result.username} ({result.role}; provinces {provinces})"
        )
        if result.token_in_keyring:
            print(result.storage_message("th"))
            print(result.storage_message("en"))
        else:  # said plainly: the token lives in this process only
            _err(result.storage_message("th"))
            _err(result.storage_message("en"))
        return 0
    finally:
        store.close()


def cli_sync(args: argparse.Namespace) -> int:
    store = open_store(args.data_dir)
    cancel = threading.Event()

    def on_interrupt(_sig: int, _frame: object) -> None:
        cancel.set()

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        if store.is_demo:
            _err(DEMO_REFUSED.message("th"))
            _err(DEMO_REFUSED.message("en"))
            return 2
        if account(store) is None:
            _err("เครื่องนี้ยังไม่ได้ลงทะเบียน ใช้คำสั่ง codi-desktop enrol ก่อน")
            _err("This device is not enrolled; run `codi-desktop enrol` first.")
            return 2
        status = keyring_status()
        if not status.secure:
            _err(status.message("th"))
            _err(status.message("en"))
        tokens = TokenProvider(store, password_prompt=read_password)

        def progress(p: SyncProgress) -> None:
            total = f"/{p.total}" if p.total is not None else ""
            _err(f"[{p.phase}] {p.done}{total} {p.message}".rstrip())

        summary = run_sync(store, tokens=tokens, cancel=cancel, progress=progress)
        print(summary.describe("th"))
        print(summary.describe("en"))
        return 0 if summary.ok else 1
    finally:
        signal.signal(signal.SIGINT, previous)
        store.close()
