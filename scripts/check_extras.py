"""CI check: the desktop install pulls no server libraries and the server install no
desktop ones, asserted on the resolved names of each extra.

    python scripts/check_extras.py          # fast: the dependency closure of each extra,
                                            # from the installed packages' metadata
    python scripts/check_extras.py --pip    # what pip would install on a fresh machine
                                            # (pip install --dry-run --report; slow: it
                                            # builds the project and asks the index)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "desktop": {"fastapi", "uvicorn", "psycopg", "psycopg-binary", "argon2-cffi", "starlette"},
    "server": {"pyside6", "pyside6-essentials", "shiboken6", "reportlab", "pythainlp",
               "uharfbuzz", "openpyxl", "keyring"},
}
REQUIRED = {"desktop": {"pyside6-essentials", "reportlab"}, "server": {"fastapi", "psycopg"}}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def resolved(extra: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
         "--report", "-", f"{ROOT}[{extra}]"],
        check=True, capture_output=True, text=True,
    ).stdout
    report = json.loads(out)
    return {_norm(item["metadata"]["name"]) for item in report["install"]}


def closure(extra: str) -> set[str]:
    """Every distribution ``codi[extra]`` needs, following Requires-Dist of the installed
    distributions with their markers evaluated (the dev environment has them all)."""
    from importlib.metadata import PackageNotFoundError, distribution

    from packaging.requirements import Requirement

    seen: set[str] = set()
    todo: list[tuple[str, frozenset[str]]] = [("codi", frozenset({extra}))]
    while todo:
        name, extras = todo.pop()
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        for text in dist.requires or []:
            req = Requirement(text)
            env_extras = extras or {""}
            if req.marker and not any(req.marker.evaluate({"extra": e}) for e in env_extras):
                continue
            key = _norm(req.name)
            if key == "codi":
                todo.append(("codi", frozenset(req.extras)))
                continue
            if key not in seen or req.extras:
                seen.add(key)
                todo.append((req.name, frozenset(req.extras)))
    return seen


def main() -> int:
    use_pip = "--pip" in sys.argv[1:]
    failed = False
    for extra in ("desktop", "server"):
        names = resolved(extra) if use_pip else closure(extra)
        leaked = sorted(names & FORBIDDEN[extra])
        missing = sorted(REQUIRED[extra] - names)
        status = "ok" if not leaked and not missing else "FAIL"
        print(f"{extra}: {len(names)} packages; forbidden: {leaked or 'none'}; "
              f"missing: {missing or 'none'} [{status}]")
        failed |= status != "ok"
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
