"""What the server stores of a change set as sent: unchanged when every database can
hold it, made safe value by value when not (a lone surrogate, NaN). The expected values
are written by hand."""

import math

import pytest

from codi_core.models.serialize import _has_surrogate
from codi_server.apply.rejections import safe_json

# text -> whether it holds a lone surrogate, by hand
TEXTS = [
    ("", False),
    ("ascii only", False),
    ("ชุมชนบ้านหนองบัว", False),
    ("ครอบครัว 👪 สุขใจ", False),  # an astral character is a pair in UTF-16, fine in UTF-8
    ("\ud800", True),
    ("\udfff", True),
    ("ชุมชน\udc00บ้าน", True),
    ("\ud83d", True),  # the first half of 👪's pair, alone
]


@pytest.mark.parametrize(("text", "lone"), TEXTS)
def test_a_lone_surrogate_is_found(text, lone):
    assert _has_surrogate(text) is lone


def test_a_storable_value_is_kept_as_it_is():
    value = [{"table": "community", "fields": {"name": "ชุมชน 👪", "households": 3,
                                                "share": 0.5, "tags": ["a", None]}}]
    assert safe_json(value) is value


def test_an_unstorable_value_is_made_safe_value_by_value():
    value = {"ชื่อ\ud800": ["ดี\udfff", math.nan, math.inf, 1.5, {"k": "\ud83d"}], "n": 1}
    assert safe_json(value) == {"ชื่อ?": ["ดี?", "nan", "inf", 1.5, {"k": "?"}], "n": 1}
