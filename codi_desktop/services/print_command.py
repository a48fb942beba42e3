"""``codi-desktop print DOCUMENT ... --out FILE.pdf``: every printed document from the
command line, with one way of saying what went wrong (Thai, or English with ``--lang en``)
and one exit status rule: 2 when the command lacks an argument, 1 when the database, the
data or the file refuses, 0 with the file's path printed when it is written."""

from __future__ import annotations

import sys
from collections.abc import Callable

from codi_core.errors import ServiceError
from codi_desktop.store.database import MigrationError, Store, open_store

_NEEDS_FISCAL_YEAR = ("ระบุปีงบประมาณ (พ.ศ.) ด้วย --fiscal-year เช่น --fiscal-year 2569 / "
                      "give the fiscal year (BE) with --fiscal-year")
_NEEDS_MEETING = "ระบุการประชุมด้วย --meeting <id> / give the meeting with --meeting <id>"


def _writer(args) -> Callable[[Store], None] | str:
    """What writes the document, or the message saying which argument is missing."""
    from . import documents, province_report

    out, thai_digits = args.out, args.thai_digits
    if args.document in ("budget", "province-report"):
        if args.fiscal_year is None:
            return _NEEDS_FISCAL_YEAR
        if args.document == "budget":
            return lambda store: documents.print_budget_report(
                store, args.fiscal_year, out, thai_digits=thai_digits,
                province=getattr(args, "province", None))
        return lambda store: province_report.print_province_report(
            store, args.fiscal_year, out, province=getattr(args, "province", None),
            thai_digits=thai_digits)
    if not args.meeting:
        return _NEEDS_MEETING
    if args.document == "invitation":
        return lambda store: documents.print_invitation(
            store, args.meeting, out, thai_digits=thai_digits)
    if args.document == "sign-in":
        def sign_in(store: Store) -> None:
            from codi_desktop import printing

            with store.read() as session:
                data = documents.sign_in_data(session, args.meeting,
                                              show_phones=args.show_phones,
                                              order=getattr(args, "order", "name"))
            printing.render_sign_in_sheet(data, out, thai_digits=thai_digits)
        return sign_in
    kind = {"minutes": "minutes", "agenda": "agenda"}[args.document]
    return lambda store: documents.print_meeting_document(
        store, args.meeting, kind, out, thai_digits=thai_digits)


def cli_print(args) -> int:
    lang = getattr(args, "lang", None) or "th"
    write = _writer(args)
    if isinstance(write, str):
        print(write, file=sys.stderr)
        return 2
    try:
        store = open_store(args.data_dir)
    except MigrationError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        write(store)
    except ServiceError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"เขียนไฟล์ไม่ได้ / cannot write the file: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(args.out)
    return 0
