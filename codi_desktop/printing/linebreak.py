"""Where a line of Thai text may break: word boundaries from pythainlp, clusters as a fallback.

Thai has no spaces between words, and reportlab only breaks at whitespace, so this module
finds the break opportunities itself (THAI.md, "Line breaking"): pythainlp's ``newmm``
segmenter with a dictionary that can be extended with local place and person names,
plus a few typographic rules the segmenter does not know (keep "3/2569" and "COVID-19"
whole, keep ๆ with its word, keep opening brackets with what follows). A unit wider than
its line is cut into the words it is made of, and only when it has none (a long name,
a URL) between Thai character clusters (TCC), which never separate a consonant from
its vowels and tone marks.

pythainlp is imported and its dictionary loaded lazily, on the first segmentation or
when the application calls :func:`warm_up` from a background thread at start-up.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable

from .thai_words import use_app_pythainlp_data

__all__ = [
    "add_words",
    "app_words",
    "break_units",
    "clear_cache",
    "clusters",
    "is_thai",
    "segment",
    "split_word",
    "warm_up",
]

_THAI_LETTER = re.compile(r"[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]")
_SPACE_SPLIT = re.compile(r"(\s+)")
#: Tokens that must not start a line: closing punctuation, ๆ, ฯ.
_NO_BREAK_BEFORE = tuple(")]}”’»,.:;!?%ๆฯ") + ("\u0e33",)
#: Tokens that must not end a line: opening punctuation.
_NO_BREAK_AFTER = tuple("([{“‘«")
#: Units that belong to the number before them ("09.30 น.", "5 ราย", "14 เสียง").
_UNITS_AFTER_NUMBER = frozenset(
    {
        "น.", "บาท", "ราย", "คน", "กม.", "ตร.ม.", "%", "เสียง", "นาที", "ชั่วโมง", "วัน",
        "เดือน", "ปี", "แห่ง", "ครัวเรือน", "หลัง", "หลังคาเรือน", "ไร่", "ครั้ง", "ท่าน",
        "โครงการ", "องค์กร", "ชุมชน", "ตำบล", "อำเภอ", "หน้า", "ฉบับ", "สตางค์",
    }
)
#: Words that belong to the number after them ("เวลา 13.00 น.", "พ.ศ. 2569", "฿ 500").
_WORDS_BEFORE_NUMBER = frozenset(
    {"เวลา", "ครั้งที่", "วันที่", "หมู่ที่", "ข้อ", "พ.ศ.", "฿", "ลำดับที่", "ระเบียบวาระที่"}
)

# pythainlp writes ~/pythainlp-data as soon as it is imported unless told otherwise, and
# this package imports it from several places: settle the folder first.
use_app_pythainlp_data()

_lock = threading.RLock()
_trie = None
_extra_words: set[str] = set()


def _get_trie():
    global _trie
    if _trie is None:
        with _lock:
            if _trie is None:
                from pythainlp.corpus import thai_words
                from pythainlp.util import Trie

                from .words import dictionary_words

                _trie = Trie(set(thai_words()) | dictionary_words() | _extra_words)
    return _trie


def warm_up() -> None:
    """Load the segmenter's dictionary now (about a second), e.g. in a background thread."""
    segment("การประชุมคณะกรรมการ")


def add_words(words: Iterable[str]) -> None:
    """Add words (local place and person names) to the segmenter for every document."""
    words = {w.strip() for w in words if w and w.strip()}
    with _lock:
        _extra_words.update(words)
        if _trie is not None:
            for w in words:
                _trie.add(w)
        _break_units.cache_clear()


def app_words() -> frozenset[str]:
    """The words added for every document (:func:`add_words`): local names."""
    with _lock:
        return frozenset(_extra_words)


def is_thai(text: str) -> bool:
    return _THAI_LETTER.search(text) is not None


def segment(text: str, extra_words: Iterable[str] = ()) -> list[str]:
    """Split *text* into words with pythainlp newmm, spaces kept as their own tokens.

    *extra_words* are known for this call only: they are added to the shared dictionary
    under a lock and removed afterwards (unless they were there already), which costs
    microseconds where building a private dictionary would cost half a second.
    """
    from pythainlp.tokenize import word_tokenize

    trie = _get_trie()
    # Only words that occur in this text can matter; most table cells contain none.
    extra = [w for w in (x.strip() for x in extra_words) if w and w in text]
    with _lock:
        added = [w for w in extra if w not in _extra_words and not _in_trie(trie, w)]
        for w in added:
            trie.add(w)
        try:
            return word_tokenize(text, custom_dict=trie, engine="newmm", keep_whitespace=True)
        finally:
            for w in added:
                trie.remove(w)


def _in_trie(trie, word: str) -> bool:
    return word in trie.prefixes(word)


def _is_space(token: str) -> bool:
    return not token.strip()


def break_units(text: str, extra_words: Iterable[str] = ()) -> list[str]:
    """Split *text* into units between which a line may break.

    Whitespace comes back as separate units (a break there drops the space); every other
    boundary between units is a break opportunity with nothing dropped. Joining the units
    gives *text* back unchanged.
    """
    if not text:
        return []
    return list(_break_units(text, tuple(extra_words)))


def clear_cache() -> None:
    """Forget cached segmentations (benchmarks use it to measure honest warm runs)."""
    _break_units.cache_clear()


@functools.lru_cache(maxsize=4096)
def _break_units(text: str, extra_words: tuple[str, ...]) -> tuple[str, ...]:
    # Cached: documents repeat short texts a lot (positions, organizations, labels).
    if not is_thai(text):  # numbers, phones, Latin: only spaces are break opportunities
        return tuple(t for t in _SPACE_SPLIT.split(text) if t)
    tokens = segment(text, extra_words)
    units: list[str] = []
    for token in tokens:
        if not units:
            units.append(token)
            continue
        prev = units[-1]
        if _is_space(token) or _is_space(prev):
            units.append(token)
            continue
        if (
            token.startswith(_NO_BREAK_BEFORE)
            or prev.endswith(_NO_BREAK_AFTER)
            or (not is_thai(prev[-1]) and not is_thai(token[0]))  # 3/2569, COVID-19
        ):
            units[-1] = prev + token
        else:
            units.append(token)
    # Spaces that must not break: before ๆ / ฯลฯ ("อื่น ๆ"), between a number and its
    # unit ("09.30 น.") and between a word and the number it introduces ("เวลา 13.00").
    # The space stays in the text, glued to both neighbours.
    merged: list[str] = []
    i = 0
    while i < len(units):
        unit = units[i]
        if merged and not _is_space(unit) and _glues(merged[-1], unit):  # "5ราย"
            merged[-1] += unit
            i += 1
            continue
        if (
            merged
            and _is_space(unit)
            and i + 1 < len(units)
            and (units[i + 1].startswith(("ๆ", "ฯ")) or _glues(merged[-1], units[i + 1]))
        ):
            merged[-1] = merged[-1] + unit + units[i + 1]
            i += 2
            continue
        merged.append(unit)
        i += 1
    return tuple(merged)


def _glues(before: str, after: str) -> bool:
    """A number and its unit, or a word and its number: never a line break between."""
    if before[-1:].isdigit() and after in _UNITS_AFTER_NUMBER:
        return True
    return after[:1].isdigit() and any(before.endswith(w) for w in _WORDS_BEFORE_NUMBER)


def split_word(word: str, *, clusters_too: bool = True) -> list[str]:
    """Cut a unit too wide for its line into smaller pieces, as gently as possible.

    First the word's own parts: a compound the dictionary knows whole (ประธานกรรมการ)
    is segmented again without itself, giving ประธาน | กรรมการ. Only when that finds
    nothing (a long name, a URL) does it fall back to character clusters, unless
    *clusters_too* is false (then the word comes back whole).
    """
    if is_thai(word):
        from pythainlp.tokenize import word_tokenize

        trie = _get_trie()
        with _lock:
            present = _in_trie(trie, word)
            if present:
                trie.remove(word)
            try:
                parts = word_tokenize(word, custom_dict=trie, engine="newmm")
            finally:
                if present:
                    trie.add(word)
        if len(parts) > 1 and "".join(parts) == word and not any(map(_starts_with_mark, parts)):
            return parts
    return clusters(word) if clusters_too else [word]


_TCC = None


def clusters(text: str) -> list[str]:
    """Thai character clusters of *text*: the smallest units a line may be cut into.

    Each cluster keeps a consonant with its vowels and tone marks (and a preposed vowel
    with the consonant after it). Non-Thai text falls out one character per cluster.
    """
    global _TCC
    if _TCC is None:
        from pythainlp.tokenize import tcc

        _TCC = tcc
    out: list[str] = []
    for piece in _TCC.segment(text):
        # TCC leaves a stray combining mark alone only in malformed text; never start a
        # cluster with one, whatever the input.
        if out and piece and _starts_with_mark(piece):
            out[-1] += piece
        else:
            out.append(piece)
    return out


_MARKS = re.compile(r"[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e\u0300-\u036f]")


def _starts_with_mark(text: str) -> bool:
    return _MARKS.match(text) is not None
