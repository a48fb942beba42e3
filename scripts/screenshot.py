"""Save screenshots of the main window on the demo province (offscreen).

Usage: python scripts/screenshot.py [--out docs/main-window.png] [--page dashboard]
       [--lang th|en] [--data-dir DIR]
Builds the small demo province in a temporary folder unless --data-dir is given.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/main-window.png")
    parser.add_argument("--page", default="dashboard")
    parser.add_argument("--lang", default="th", choices=["th", "en"])
    parser.add_argument("--data-dir")
    parser.add_argument("--open-first", action="store_true",
                        help="on a list page, open the first record in the detail panel")
    parser.add_argument("--size", default="1366x820")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from codi_desktop.app import start
    from codi_desktop.store.demo import build_demo

    data_dir = args.data_dir
    if data_dir is None:
        data_dir = tempfile.mkdtemp(prefix="codi-shot-")
        build_demo(data_dir, "34", "small")
    window = start(argparse.Namespace(data_dir=data_dir, lang=args.lang))
    width, height = (int(x) for x in args.size.split("x"))
    window.resize(width, height)
    window.show()
    app = QApplication.instance()
    page = window.show_page(args.page)
    if args.page == "dashboard":
        while page.data is None:
            app.processEvents()
    target = getattr(page, "list", page)  # the projects page wraps its list
    if args.open_first and hasattr(target, "model"):
        target.table.selectRow(0)
    for _ in range(20):
        app.processEvents()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    print(f"saved {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
