"""Every data file of the three packages ships in the wheel: each is matched by a
``[tool.setuptools.package-data]`` pattern of its package (setuptools matches a pattern
against the path relative to the package's directory, the nearest one with an
``__init__.py``). A data file no pattern names would be missing from an installed copy
(the demo's word lists, translations, icons, migrations)."""

from __future__ import annotations

import fnmatch
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("codi_core", "codi_desktop", "codi_server")
CODE = {".py", ".pyc", ".pyi"}


def _matches(relative: str, pattern: str) -> bool:
    """Glob semantics, as setuptools applies them: ``*`` never crosses a ``/``."""
    parts, want = relative.split("/"), pattern.split("/")
    return len(parts) == len(want) and all(
        fnmatch.fnmatchcase(a, b) for a, b in zip(parts, want, strict=True))


def _package_of(path: Path) -> Path:
    folder = path.parent
    while not (folder / "__init__.py").exists():
        folder = folder.parent
    return folder


def test_every_data_file_is_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]
    tracked = subprocess.run(["git", "ls-files", *PACKAGES], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
    data = [ROOT / p for p in tracked if Path(p).suffix not in CODE]
    assert any("demo/data" in str(p) for p in data)  # the check sees the word lists
    missing = []
    for path in data:
        package = _package_of(path)
        name = ".".join(package.relative_to(ROOT).parts)
        relative = path.relative_to(package).as_posix()
        wanted = patterns.get("*", []) + patterns.get(name, [])
        if not any(_matches(relative, p) for p in wanted):
            missing.append(f"{path.relative_to(ROOT)} (package {name})")
    assert not missing, "not in package-data: " + ", ".join(missing)
