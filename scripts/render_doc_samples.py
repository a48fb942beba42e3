"""Render the sample documents and commit-ready PNG previews of their first pages.

Usage: python scripts/render_doc_samples.py [--out DIR] [--all-pdfs]

Writes docs/minutes.png, docs/sign-in.png, docs/invitation.png, docs/agenda.png and
docs/budget.png (first page at 60 dpi, via poppler's pdftoppm) from the sample data in
codi_desktop.printing.samples, so a reviewer can see what the printed Thai looks like
without running the app. With --all-pdfs the PDFs of every document are kept in DIR as
well.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHAINLP_DATA", os.path.join(tempfile.gettempdir(), "codi-pythainlp-data"))

from codi_desktop import printing  # noqa: E402
from codi_desktop.printing import samples  # noqa: E402


def first_page_png(pdf: Path, png: Path, dpi: int = 60) -> None:
    """pdftoppm writes <prefix>-1.png (or -01 for longer documents): find and move it."""
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", str(pdf), str(prefix)],
            check=True,
        )
        (produced,) = Path(tmp).glob("page*.png")
        shutil.move(produced, png)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--all-pdfs", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pdf_dir = args.out if args.all_pdfs else Path(tmp)
        docs = {
            "minutes": lambda p: printing.render_minutes(samples.sample_minutes(), p),
            "sign-in": lambda p: printing.render_sign_in_sheet(samples.sample_sign_in_sheet(31), p),
            "invitation": lambda p: printing.render_invitation(samples.sample_invitation(), p),
            "agenda": lambda p: printing.render_agenda(
                samples.sample_meeting(), samples.sample_invitation().agenda, p
            ),
            "budget": lambda p: printing.render_budget_report(samples.sample_budget_report(), p),
        }
        for name, render in docs.items():
            pdf = pdf_dir / f"{name}.pdf"
            render(pdf)
            first_page_png(pdf, args.out / f"{name}.png")
            print(f"wrote {args.out / f'{name}.png'}")
            if args.all_pdfs:
                print(f"wrote {pdf}")


if __name__ == "__main__":
    main()
