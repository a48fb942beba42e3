"""Save screenshots of the main window on the demo province (offscreen), every page in
Thai and English, each picture exactly the size asked (a 1366×768 laptop by default).

Usage: python scripts/screenshot.py [--size 1366x768] [--out-dir docs/screens]
       [--page dashboard ...] [--lang th en] [--data-dir DIR] [--open-first]
Builds the small demo province in a temporary folder unless --data-dir is given.
Writes ``<out-dir>/<lang>-<page>.png`` (and ``<lang>-projects-budget.png``, the projects
page's budget tab) and prints each file with its size.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _offscreen_screen(width: int, height: int) -> None:
    """An offscreen screen of the asked size, so the window is laid out as on that laptop."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return
    config = Path(tempfile.mkdtemp(prefix="codi-screen-")) / "screen.json"
    config.write_text(json.dumps({"synchronousWindowSystemEvents": True,
                                  "windowFrameMargins": False,
                                  "screens": [{"name": "laptop", "x": 0, "y": 0,
                                               "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def main() -> int:
    from codi_desktop.ui.main_window import PAGES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out-dir", default="docs/screens")
    parser.add_argument("--page", nargs="*", default=list(PAGES), choices=PAGES)
    parser.add_argument("--lang", nargs="*", default=["th", "en"], choices=["th", "en"])
    parser.add_argument("--data-dir")
    parser.add_argument("--open-first", action="store_true",
                        help="on a list page, open the first record in the detail panel")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.lower().split("x"))
    _offscreen_screen(width, height)

    from PySide6.QtWidgets import QApplication

    from codi_desktop.app import start
    from codi_desktop.store.demo import build_demo

    data_dir = args.data_dir
    if data_dir is None:
        data_dir = tempfile.mkdtemp(prefix="codi-shot-")
        build_demo(data_dir, "34", "small")
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    wrong = 0
    for lang in args.lang:
        window = start(argparse.Namespace(data_dir=data_dir, lang=lang))
        window.resize(width, height)
        window.show()
        app = QApplication.instance()
        for key in args.page:
            page = window.show_page(key)
            if key == "dashboard":
                while getattr(page, "data", True) is None:
                    app.processEvents()
            target = getattr(page, "list", page)  # the projects page wraps its list
            if args.open_first and hasattr(target, "model"):
                target.table.selectRow(0)
            shots = [(key, None)]
            if hasattr(page, "show_budget"):  # the projects page's budget tab too
                shots.append((f"{key}-budget", page.show_budget))
            for name, show in shots:
                if show is not None:
                    show()
                for _ in range(20):
                    app.processEvents()
                picture = window.grab()
                out = out_dir / f"{lang}-{name}.png"
                picture.save(str(out))
                size = (picture.width(), picture.height())
                ok = size == (width, height)
                wrong += not ok
                print(f"{out} {size[0]}x{size[1]}{'' if ok else '  <- NOT ' + args.size}")
        window.store.close()
        window.close()
        window.deleteLater()
        app.processEvents()
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
