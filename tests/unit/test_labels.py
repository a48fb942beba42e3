"""The one labels table: every enum value of every model has a Thai and an English name."""

from __future__ import annotations

import enum
import inspect

import pytest

from codi_core import labels, models
from codi_core.models import AttendanceStatus, MeetingKind, MeetingStatus


def _model_enums() -> list[type[enum.StrEnum]]:
    found = []
    for module in (models.community, models.geography, models.meetings, models.projects,
                   models.assessment, models.sync):
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, enum.StrEnum) and obj is not enum.StrEnum:
                found.append(obj)
    return found


@pytest.mark.parametrize("enum_cls", _model_enums(), ids=lambda e: e.__name__)
def test_every_enum_value_is_named_in_both_languages(enum_cls):
    table = labels.LABELS[enum_cls]
    assert set(table) == {m.value for m in enum_cls}
    for th, en in table.values():
        assert th and en and th != en


def test_language_hook_and_explicit_language():
    assert labels.label(MeetingKind, "provincial_assembly", "th") == "สมัชชาจังหวัด"
    assert labels.label(MeetingKind, MeetingKind.PROVINCIAL_ASSEMBLY, "en") == "Provincial assembly"
    try:
        labels.set_language_hook(lambda: "en")
        assert labels.label(MeetingStatus, "locked") == "Minutes locked"
    finally:
        labels.set_language_hook(None)
    assert labels.label(MeetingStatus, "locked") == "ล็อกรายงานแล้ว"
    assert labels.label(MeetingStatus, None) == ""
    assert labels.label(MeetingStatus, "no_such") == "no_such"


def test_field_enums_come_from_the_model_metadata():
    assert labels.FIELD_ENUMS[("attendance", "status")] is AttendanceStatus
    assert labels.field_value_label("attendance", "status", "absent", "th") == "ผู้ไม่มาประชุม"
    assert labels.field_value_label("person", "full_name", "x") is None


def test_services_use_the_same_words():
    from codi_desktop.services import assemblies, ledger, meetings

    assert meetings.KIND_NAMES["cluster"] == labels.LABELS[MeetingKind]["cluster"]
    assert meetings.STATUS_NAMES is labels.LABELS[MeetingStatus]
    assert assemblies.GENDER_NAMES["female"] == ("หญิง", "Female")
    assert ledger.SUMMARIES["reversal"] == "รายการกลับบัญชี"
