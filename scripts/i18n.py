"""Translation tooling: extract the interface strings and compile them for Qt.

    python scripts/i18n.py update    # lupdate: refresh resources/translations/*.ts
    python scripts/i18n.py release   # lrelease: build the .qm files (committed)
    python scripts/i18n.py check     # exit 1 if a .qm is stale or English is unfinished

Source strings are Thai (the interface's first language). ``codi_en.ts`` holds the
English translations (edit it with ``pyside6-linguist`` or any text editor);
``codi_th.ts`` lists the same strings untranslated, for reviewers of the Thai wording.
Both tools ship with PySide6-Essentials (``pyside6-lupdate``, ``pyside6-lrelease``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGS = {"en": "en_GB", "th": "th_TH"}


def _sources() -> list[Path]:
    """The interface's Python files: those git tracks (so another person's unfinished
    file in the working tree does not leak half-done strings into the .ts), or every file
    when this is not a git checkout."""
    paths = ["codi_desktop/app.py", "codi_desktop/ui"]
    try:
        out = subprocess.run(["git", "ls-files", "--", *paths], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        out = []
    files = [ROOT / f for f in out if f.endswith(".py")]
    if not files:
        files = [ROOT / paths[0], *sorted((ROOT / paths[1]).rglob("*.py"))]
    return files


SOURCES = _sources()


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def ts_path(lang: str) -> Path:
    return TS_DIR / f"codi_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TS_DIR / f"codi_{lang}.qm"


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang, locale in LANGS.items():
        subprocess.run(
            [tool("pyside6-lupdate"), *map(str, SOURCES), "-source-language", "th_TH",
             "-target-language", locale, "-locations", "none", "-no-obsolete",
             "-ts", str(ts_path(lang))],
            check=True,
        )


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def release() -> None:
    for lang in LANGS:
        compile_ts(ts_path(lang), qm_path(lang))
        print(f"built {qm_path(lang).relative_to(ROOT)}")


def unfinished(lang: str) -> list[str]:
    """Source strings of ``lang`` that have no finished translation."""
    out = []
    for message in ET.parse(ts_path(lang)).getroot().iter("message"):
        translation = message.find("translation")
        forms = [f.text for f in translation.findall("numerusform")] if translation is not None else []
        text = translation.text if translation is not None else None
        empty = not (text and text.strip()) and not any(f and f.strip() for f in forms)
        if translation is None or translation.get("type") == "unfinished" or empty:
            out.append(message.findtext("source") or "")
    return out


def stale() -> list[str]:
    """The .qm files that differ from what their .ts compiles to."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            fresh = Path(tmp) / f"codi_{lang}.qm"
            compile_ts(ts_path(lang), fresh)
            if not qm_path(lang).exists() or qm_path(lang).read_bytes() != fresh.read_bytes():
                out.append(qm_path(lang).name)
    return out


def check() -> int:
    problems = []
    missing = unfinished("en")
    if missing:
        problems.append(f"{len(missing)} English translations missing, e.g. {missing[:3]}")
    for name in stale():
        problems.append(f"{name} is stale: run python scripts/i18n.py release")
    for p in problems:
        print(p)
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description="CODI Desktop translations")
    parser.add_argument("command", choices=["update", "release", "check"])
    args = parser.parse_args()
    if args.command == "update":
        update()
    elif args.command == "release":
        release()
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
