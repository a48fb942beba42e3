"""``codi-desktop import KIND FILE`` and ``codi-desktop export KIND --out FILE``.

Import prints the same report as the window's preview; with ``--dry-run``, or when any
row is wrong, nothing is written (exit 1 for wrong rows, 0 otherwise).
"""

from __future__ import annotations

import sys

from codi_core.errors import ServiceError


def _lang(args) -> str:
    return getattr(args, "lang", None) or "th"


def _open(args):
    from codi_desktop.store.database import open_store

    return open_store(getattr(args, "data_dir", None))


def cli_import(args) -> int:
    from .framework import commit, preview_file
    from .kinds import IMPORTERS

    lang = _lang(args)
    store = _open(args)
    try:
        preview = preview_file(store, IMPORTERS[args.kind], args.file)
        print(preview.report(lang))
        if not preview.ok:
            return 1
        if args.dry_run:
            print("Dry run: nothing was written." if lang == "en"
                  else "ทดลองอ่านเท่านั้น: ยังไม่ได้บันทึกข้อมูลใด ๆ")
            return 0
        result = commit(store, preview)
        print(f"Imported {result.added} new records in {result.change_sets} change set(s)."
              if lang == "en" else
              f"นำเข้าแล้ว {result.added} รายการใหม่ ({result.change_sets} ชุดการเปลี่ยนแปลง)")
        return 0
    except ServiceError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 1
    finally:
        store.close()


def cli_export(args) -> int:
    from codi_desktop.exporting.tables import export_budget, export_comparison, export_list
    from codi_desktop.services.dashboard import current_fiscal_year

    lang = _lang(args)
    store = _open(args)
    try:
        fiscal_year = args.fiscal_year or current_fiscal_year()
        if args.kind == "budget":
            n = export_budget(store, fiscal_year, args.out)
        elif args.kind == "assessment-comparison":
            n = export_comparison(store, fiscal_year, args.out)
        else:
            n = export_list(store, args.kind, args.out)
        print(f"Wrote {n} rows to {args.out}" if lang == "en"
              else f"บันทึก {n} แถวไปที่ {args.out} แล้ว")
        return 0
    except (ServiceError, OSError) as exc:
        print(exc.message(lang) if isinstance(exc, ServiceError) else str(exc), file=sys.stderr)
        return 1
    finally:
        store.close()
