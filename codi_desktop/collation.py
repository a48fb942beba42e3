"""One Thai collation for the desktop: lists in SQL, printed lists, anything sorted by name.

Thai dictionaries order a word by its first consonant: the vowels เ แ โ ใ ไ are written
(and encoded) before the consonant they follow in speech, so they are skipped for the
primary order, and tone marks only break ties. Code-point order puts every เ... name
after อ; this puts เพ็ญศรี before อัมพร, as a clerk looks names up.

The key is ICU's Thai collator when PyICU is installed, else the rule of
``pythainlp.util.collate`` (tone marks removed, a leading vowel moved behind its
consonant, the tones appended as the tie-breaker), written out here so that opening
a database connection does not import pythainlp (a test checks it orders like
``pythainlp.util.collate``). :func:`register` installs it on a SQLite connection as
the collation ``THAI`` (``ORDER BY name COLLATE THAI``) and as the function
``thai_key(name)``, whose result sorts right byte by byte: ``ORDER BY thai_key(name)``
gives the same order but computes each row's key once, where a collation calls back
into Python for every comparison (about 30 times slower on 8,000 people), so the list
pages use the function.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

__all__ = [
    "COLLATION",
    "KEY_FUNCTION",
    "key_version",
    "name_key",
    "register",
    "sort_names",
    "sql_key",
    "thai_compare",
    "thai_key",
]

COLLATION = "THAI"
KEY_FUNCTION = "thai_key"

_TONES = re.compile(r"[\u0e47-\u0e4c]")  # ็ ่ ้ ๊ ๋ ์
_LEADING_VOWEL = re.compile(r"([\u0e40-\u0e44])([\u0e01-\u0e2e])")  # เ แ โ ใ ไ + consonant
#: Honorifics a list of people is not sorted by (นายสมชาย files under ส).
_PREFIXES = ("นางสาว", "นาย", "นาง", "น.ส.", "ด.ช.", "ด.ญ.", "ดร.")

T = TypeVar("T")


@functools.lru_cache(maxsize=65_536)  # SQLite compares each name many times per sort
def _rule_key(text: str) -> tuple[str, str]:
    primary = _LEADING_VOWEL.sub(r"\2\1", _TONES.sub("", text))
    return primary, "".join(_TONES.findall(text))


@functools.cache
def _icu_key() -> Callable[[str], Any] | None:
    try:
        import icu  # PyICU: optional, better at the rare cases (ฤ, ฦ, ๆ)
    except ImportError:
        return None
    return icu.Collator.createInstance(icu.Locale("th_TH")).getSortKey


def thai_key(text: str | None) -> Any:
    """A sort key that orders Thai text as a dictionary does."""
    text = text or ""
    icu_key = _icu_key()
    return icu_key(text) if icu_key is not None else _rule_key(text)


def name_key(name: str | None) -> Any:
    """The key of a person's name: without the honorific, then the full name."""
    name = (name or "").strip()
    bare = name
    for prefix in _PREFIXES:
        if bare.startswith(prefix):
            bare = bare[len(prefix) :].lstrip()
            break
    return (thai_key(bare), thai_key(name))


def thai_compare(a: str | None, b: str | None) -> int:
    """-1, 0 or 1, as SQLite's ``create_collation`` wants."""
    if a == b:
        return 0
    ka, kb = thai_key(a), thai_key(b)
    return (ka > kb) - (ka < kb)


def sort_names(items: Iterable[T], name: Callable[[T], str] = str) -> list[T]:
    """*items* in Thai dictionary order of their people's names (honorifics skipped)."""
    return sorted(items, key=lambda item: name_key(name(item)))


def sql_key(text: str | None) -> str | bytes | None:
    """The key as one value SQLite compares byte by byte (``thai_key()`` in SQL): ICU's
    sort key, or the primary letters, a separator below every letter, then the tones."""
    if text is None:
        return None
    icu_key = _icu_key()
    if icu_key is not None:
        return icu_key(text)
    primary, tones = _rule_key(text)
    return f"{primary}\x01{tones}"


def key_version() -> str:
    """Which key ``thai_key()`` computes here: the rule's version, or ICU's with its
    version. The store's sort-key indexes hold keys computed by it (migration 0006); a
    laptop whose key changed (PyICU installed or removed, ICU upgraded, this rule
    changed: bump ``rule-1``) has them rebuilt when it opens the file
    (``store.sort_keys.ensure_sort_keys``), or their order would be the old key's."""
    icu_key = _icu_key()
    if icu_key is None:
        return "rule-1"
    import icu

    return f"icu-{icu.ICU_VERSION}"


def register(dbapi_connection: Any) -> None:
    """Install the ``THAI`` collation and the ``thai_key()`` function on a sqlite3
    connection."""
    dbapi_connection.create_collation(COLLATION, thai_compare)
    dbapi_connection.create_function(KEY_FUNCTION, 1, _cached_sql_key, deterministic=True)


#: ``thai_key()`` as SQLite calls it, once per row of a sorted list: cached, the call from
#: SQLite lands in C when the name was seen before (a third less time sorting a
#: cluster's 24,000 communities, where every keystroke re-sorts the matches).
_cached_sql_key = functools.lru_cache(maxsize=65_536)(sql_key)
