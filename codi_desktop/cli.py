"""The ``codi-desktop`` command line: the app itself, and headless subcommands.

``codi-desktop`` with no subcommand opens the window. Each subcommand's work lives in the
layer it belongs to and is imported only when used, so start-up stays fast and this
module never imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _add_data_dir(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Accepted before and after the subcommand. A subcommand's own option must not
    # overwrite a value given before it with its default (argparse would set None):
    # SUPPRESS leaves the attribute alone unless the option is given there.
    p.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help="folder for the database, backups, logs and settings "
        "(default: the user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="codi-desktop",
        description="CODI Desktop: offline-first coordination for self-managing provinces.",
    )
    _add_data_dir(parser, top=True)
    parser.add_argument("--lang", choices=["th", "en"], help="interface language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="create a demo province (a sandbox that never syncs)")
    _add_data_dir(demo)
    demo.add_argument("--province", default="34", help="DOPA province code (default 34)")
    demo.add_argument("--scale", choices=["small", "large"], default="small")
    demo.add_argument("--seed", type=int, default=2567)
    demo.add_argument("--force", action="store_true", help="replace an existing database")

    pr = sub.add_parser("print", help="print a document to PDF")
    _add_data_dir(pr)
    pr.add_argument("document", choices=["minutes", "invitation", "agenda", "sign-in", "budget",
                                         "province-report"])
    pr.add_argument("--meeting", help="meeting id (minutes, invitation, agenda, sign-in)")
    pr.add_argument("--fiscal-year", type=int, help="fiscal year in BE (budget, province-report)")
    pr.add_argument("--province", help="province-report, budget: DOPA code (default: this laptop's)")
    pr.add_argument("--out", required=True, help="PDF file to write")
    pr.add_argument("--thai-digits", action="store_true", help="Thai digits (๐๑๒...)")
    pr.add_argument("--show-phones", action="store_true", help="sign-in: show full phone numbers")
    pr.add_argument("--order", choices=["name", "invitation"], default="name",
                    help="sign-in: Thai dictionary order of names, or the invitation list's")

    enrol = sub.add_parser("enrol", help="enrol this device with the headquarters server")
    _add_data_dir(enrol)
    enrol.add_argument("--server", required=True, help="server address, e.g. https://codi.example")
    enrol.add_argument("--username", required=True)
    enrol.add_argument("--device-name", help="name shown to HQ (default: this computer's name)")
    enrol.add_argument("--ca-file", help="custom CA certificate file for TLS")

    sync = sub.add_parser("sync", help="sync once with the server and print a summary")
    _add_data_dir(sync)

    imp = sub.add_parser("import", help="import communities, organizations, people or projects "
                         "from .xlsx or .csv (all rows or none)")
    _add_data_dir(imp)
    imp.add_argument("kind", choices=["communities", "organizations", "people", "projects"])
    imp.add_argument("file", help=".xlsx or .csv file")
    imp.add_argument("--dry-run", action="store_true", help="only print the preview")
    imp.set_defaults(handler="codi_desktop.importing.cli:cli_import")

    exp = sub.add_parser("export", help="export a list, the budget report or the assessment "
                         "comparison to .xlsx or .csv")
    _add_data_dir(exp)
    exp.add_argument("kind", choices=["communities", "organizations", "people", "projects",
                                      "meetings", "budget", "assessment-comparison"])
    exp.add_argument("--out", required=True, help=".xlsx or .csv file to write")
    exp.add_argument("--fiscal-year", type=int,
                     help="fiscal year in BE (budget, assessment-comparison; default: this one)")
    exp.set_defaults(handler="codi_desktop.importing.cli:cli_export")

    selftest = sub.add_parser(
        "self-test", help="check this installation in a new temporary data folder"
    )
    selftest.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,  # as everywhere: before or after the subcommand
        help="run in this new or empty folder and keep it (default: a temporary folder)",
    )
    selftest.add_argument("--keep", action="store_true", help="keep the temporary folder")
    selftest.set_defaults(handler="codi_desktop.selftest:cli_self_test")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from codi_desktop.logs import setup_logging
    from codi_desktop.store import paths

    # Every command logs to the data folder's logs/ (the demo replaces only the database).
    # The self-test needs a new or empty folder (its own temporary one by default) and
    # leaves the user's folder alone.
    if args.command != "self-test":
        data_dir = paths.resolve_data_dir(args.data_dir)
        args.data_dir = str(data_dir) if args.data_dir else None
        setup_logging(data_dir, args.command or "app")
    if args.command is None:
        from codi_desktop.app import run_app

        return run_app(args)
    if args.command == "demo":
        from codi_desktop.store.demo import cli_demo

        return cli_demo(args)
    if args.command == "print":
        from codi_desktop.services.print_command import cli_print

        return cli_print(args)
    if args.command == "enrol":
        from codi_desktop.sync.cli import cli_enrol

        return cli_enrol(args)
    if args.command == "sync":
        from codi_desktop.sync.cli import cli_sync

        return cli_sync(args)
    if getattr(args, "handler", None):  # "module:function", loaded lazily
        import importlib

        module, _, name = args.handler.partition(":")
        return getattr(importlib.import_module(module), name)(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
