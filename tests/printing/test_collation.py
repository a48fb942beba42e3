"""One Thai collation: the key, the SQLite THAI collation, the list pages, printed lists.

Expected orders are written out by hand from a Thai dictionary's rules (first consonant
first, leading vowels เ แ โ ใ ไ skipped, tone marks only break ties), not computed.
"""

from __future__ import annotations

import random
from dataclasses import replace

import sqlalchemy as sa

from codi_desktop import collation, printing
from codi_desktop.printing import samples
from codi_desktop.printing.data import SignInRow

from .conftest import pdf_words

#: In Thai dictionary order, by hand: ก ข ช น พ พ ย ส อ ไ(ช)... see the comments.
DICTIONARY_ORDER = [
    "กมล",
    "ขา",  # no tone before a tone mark on the same letters
    "ข่า",
    "ไชยา",  # ช (ไ is skipped)
    "นงลักษณ์",
    "เพ็ญศรี",  # พ + เ
    "แพรวพรรณ",  # พ + แ after พ + เ
    "เยาวลักษณ์",  # ย
    "สมชาย",
    "อัมพร",  # อ: after every เ/แ/ไ name above, unlike code-point order
]


def _shuffled(items: list[str], seed: int = 7) -> list[str]:
    out = list(items)
    random.Random(seed).shuffle(out)
    return out


def test_the_key_orders_thai_as_a_dictionary_does():
    assert sorted(_shuffled(DICTIONARY_ORDER), key=collation.thai_key) == DICTIONARY_ORDER
    assert sorted(["อัมพร", "เพ็ญศรี"]) == ["อัมพร", "เพ็ญศรี"]  # what code points do
    assert collation.thai_compare("เพ็ญศรี", "อัมพร") < 0


def test_the_key_agrees_with_pythainlp_collate():
    from pythainlp.util import collate

    words = _shuffled(DICTIONARY_ORDER + ["ไก่", "เกม", "แกง", "โกง", "ใกล้", "กา", "ก้า"], 3)
    assert sorted(words, key=collation.thai_key) == collate(words)


def test_people_sort_by_name_not_by_honorific():
    people = ["นายอัมพร ดี", "นางสาวเพ็ญศรี ใจดี", "นางไชยา สุข", "นายกมล ทอง"]
    assert collation.sort_names(people) == [
        "นายกมล ทอง",
        "นางไชยา สุข",
        "นางสาวเพ็ญศรี ใจดี",
        "นายอัมพร ดี",
    ]


def test_sqlite_orders_by_the_thai_collation(tmp_path):
    from codi_desktop.store.database import open_store

    store = open_store(tmp_path, seed_reference=False)
    try:
        with store.engine.connect() as conn:
            conn.execute(sa.text("CREATE TEMP TABLE names (name TEXT)"))
            for name in _shuffled(DICTIONARY_ORDER):
                conn.execute(sa.text("INSERT INTO names VALUES (:n)"), {"n": name})
            got = conn.execute(sa.text("SELECT name FROM names ORDER BY name COLLATE THAI"))
            assert [r[0] for r in got] == DICTIONARY_ORDER
            # The key function the list pages use sorts the same, byte by byte.
            got = conn.execute(sa.text("SELECT name FROM names ORDER BY thai_key(name)"))
            assert [r[0] for r in got] == DICTIONARY_ORDER
            assert conn.execute(sa.text("SELECT thai_key(NULL)")).scalar() is None
    finally:
        store.close()


def test_the_people_list_page_sorts_in_sql_by_the_collation(tmp_path):
    from codi_core.models import Person
    from codi_desktop.services.lists import LISTS, ListFilter
    from codi_desktop.store.database import open_store

    store = open_store(tmp_path, seed_reference=False)
    try:
        firsts = ["อัมพร", "เพ็ญศรี", "ไชยา", "กมล", "เยาวลักษณ์"]
        with store.action("people for the collation test") as s:
            for first in firsts:
                s.add(Person(prefix="นาง", first_name=first, last_name="ดีงาม", province_code="34"))
        people = LISTS["person"]
        # A window of two rows at a time: the order is SQL's, not a sort in Python.
        rows = [r for off in (0, 2, 4) for r in
                people.window(store, ListFilter(), sort="full_name", offset=off, limit=2)]
        names = [r[people.columns.index("full_name") + 1] for r in rows]
        assert [n.removeprefix("นาง").split()[0] for n in names] == [
            "กมล", "ไชยา", "เพ็ญศรี", "เยาวลักษณ์", "อัมพร"]
    finally:
        store.close()


def test_the_sign_in_sheet_prints_names_in_dictionary_order():
    base = samples.sample_sign_in_sheet(1)
    names = ["นายอัมพร สุขใจ", "นางเพ็ญศรี ทองดี", "นายไชยา มั่นคง", "นางสาวกมล ใจดี"]
    sheet = replace(base, rows=[SignInRow(n, "", "กรรมการ") for n in names], blank_rows=0)
    words = [w.text for w in pdf_words(printing.render_sign_in_sheet(sheet))]
    printed = [w for w in words if w in names]
    assert printed == ["นางสาวกมล ใจดี", "นายไชยา มั่นคง", "นางเพ็ญศรี ทองดี", "นายอัมพร สุขใจ"]
    # ... or in the order of the invitation list when the user asks for it.
    as_invited = replace(sheet, order="invitation")
    words = [w.text for w in pdf_words(printing.render_sign_in_sheet(as_invited))]
    assert [w for w in words if w in names] == names
