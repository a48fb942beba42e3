"""pythainlp for the desktop: where its data lives, and amounts in Thai words.

Kept out of ``codi_core.formatting`` so that the core (and the server) never needs
pythainlp.
"""

from __future__ import annotations

import os


def use_app_pythainlp_data() -> None:
    """Point pythainlp at the app's data folder unless ``PYTHAINLP_DATA`` is already set.

    Importing pythainlp creates ``~/pythainlp-data`` when the variable is unset, so this
    must run before the first pythainlp import (baht_text and the printing layer call it).
    """
    if os.environ.get("PYTHAINLP_DATA"):
        return
    try:
        # The app's data folder, as codi_desktop.store.paths finds it (not imported here:
        # this module stays free of the database stack).
        base = os.environ.get("CODI_DATA_DIR")
        if not base:
            import platformdirs

            base = platformdirs.user_data_dir("CODI Desktop", "CODI")
        folder = os.path.join(base, "pythainlp-data")
    except Exception:  # no platformdirs or no home folder: a temp folder beats ~
        import tempfile

        folder = os.path.join(tempfile.gettempdir(), "codi-pythainlp-data")
    os.environ["PYTHAINLP_DATA"] = str(folder)


def baht_text(satang: int) -> str:
    """The amount in Thai words, as written on cheques and budget totals.

    ``baht_text(123400)`` → ``หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน``;
    ``baht_text(6314789)`` → ``หกหมื่นสามพันหนึ่งร้อยสี่สิบเจ็ดบาทแปดสิบเก้าสตางค์``.

    pythainlp's ``bahttext`` takes a float, which cannot hold every satang amount
    exactly, so the baht and satang parts go separately through the same
    ``num_to_thaiword`` that ``bahttext`` itself uses; the results are identical for every
    amount a float can represent.
    """
    if not isinstance(satang, int) or isinstance(satang, bool):
        raise TypeError(f"amounts are integer satang, got {type(satang).__name__}")
    use_app_pythainlp_data()
    from pythainlp.util import num_to_thaiword  # imported lazily: pythainlp is slow to import

    if satang == 0:
        return "ศูนย์บาทถ้วน"
    prefix = "ลบ" if satang < 0 else ""
    baht, sat = divmod(abs(satang), 100)
    words = f"{num_to_thaiword(baht)}บาท" if baht else ""
    words += f"{num_to_thaiword(sat)}สตางค์" if sat else "ถ้วน"
    return prefix + words
