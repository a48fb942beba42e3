"""Detail forms: community, organization (fields by kind), person with memberships.

A form validates as the person types with the services' own ``validate_*`` functions
and shows each reason under its field; saving is one service call (one user action,
one change set); deleting is a tombstone after an inline confirmation; the history tab
lists the record's change sets (``services.history``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from codi_core.errors import LABELS, ServiceError, ValidationFailed
from codi_core.formatting import parse_baht
from codi_core.labels import FIELD_ENUMS
from codi_desktop.services import communities, history, lists, organizations, people
from codi_desktop.store.database import Store

from . import labels as L
from .i18n import current_language
from .list_page import DetailPanel
from .widgets import ConfirmBar, DateField, MessageBar, heading

log = logging.getLogger(__name__)

translate = QCoreApplication.translate


@dataclass
class FieldSpec:
    """One field of a form: the dataclass attribute, its label and its input kind."""

    name: str
    label: str
    kind: str = "text"  # text | multiline | int | money | date | choice | subdistrict
    choices: list[tuple[str, str]] = field(default_factory=list)
    optional_choice: bool = False  # choice may be empty
    #: only shown for these values of the form's "kind" field (organization kinds)
    kinds: set[str] | None = None


@dataclass
class FormSpec:
    """What a record form edits and which services it calls."""

    table: str
    data_cls: type
    fields: list[FieldSpec]
    validate: Callable[[Any], dict[str, ServiceError]]
    create: Callable[[Store, Any], str]
    update: Callable[[Store, str, Any], None]
    delete: Callable[[Store, str], None]
    get: Callable[[Store, str], Any]
    title_new: str
    title_of: Callable[[Any], str]
    delete_question: str


_INT_RE = re.compile(r"^-?\d[\d,]*$")  # a minus is read, the service says why it is wrong


class FieldInput:
    """The widget of one field and its error label; reads and writes the value."""

    def __init__(self, spec: FieldSpec, store: Store, changed: Callable[[], None]):
        self.spec = spec

        def on_change(*_signal_args) -> None:  # signals pass their value; not needed
            changed()

        self.error = QLabel()
        self.error.setObjectName(f"error_{spec.name}")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        kind = spec.kind
        if kind == "multiline":
            self.widget: QWidget = QPlainTextEdit()
            self.widget.setTabChangesFocus(True)
            self.widget.setFixedHeight(70)
            self.widget.textChanged.connect(on_change)
        elif kind in ("choice", "subdistrict"):
            combo = QComboBox()
            if kind == "subdistrict":
                combo.setEditable(True)
                combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                combo.addItem("", None)
                lang = current_language()
                districts = {d.value: d.name(lang) for d in lists.districts(store)}
                for c in lists.subdistricts(store, None):
                    combo.addItem(f"{c.name(lang)} · {districts.get(c.value[:4], '')}", c.value)
                completer = combo.completer()
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
                combo.lineEdit().setPlaceholderText(translate("Form", "พิมพ์ชื่อตำบล"))
                combo.editTextChanged.connect(on_change)
            else:
                if spec.optional_choice:
                    combo.addItem("", None)
                for value, text in spec.choices:
                    combo.addItem(text, value)
            combo.currentIndexChanged.connect(on_change)
            self.widget = combo
        elif kind == "date":
            self.widget = DateField()
            self.widget.textChanged.connect(on_change)
        else:
            self.widget = QLineEdit()
            if kind == "money":
                self.widget.setPlaceholderText("0.00")
            self.widget.textChanged.connect(on_change)
        self.widget.setObjectName(f"field_{spec.name}")

    def set_value(self, value: Any) -> None:
        w, kind = self.widget, self.spec.kind
        w.blockSignals(True)
        try:
            if kind == "multiline":
                w.setPlainText(value or "")
            elif kind in ("choice", "subdistrict"):
                i = w.findData(value)
                w.setCurrentIndex(i if i >= 0 else 0)
                if kind == "subdistrict":
                    w.setEditText(w.itemText(max(i, 0)))
            elif kind == "date":
                w.set_date(value)
            elif kind == "money":
                w.setText("" if value is None else L.money_text(value).lstrip("฿"))
            elif kind == "int":
                w.setText("" if value is None else str(value))
            else:
                w.setText(value or "")
        finally:
            w.blockSignals(False)

    def value(self) -> Any:
        """The typed value; raises ``ValueError`` with a message when it cannot be read."""
        w, kind = self.widget, self.spec.kind
        if kind == "multiline":
            return w.toPlainText()
        if kind == "choice":
            return w.currentData()
        if kind == "subdistrict":
            text = w.currentText().strip()
            if not text:
                return None
            i = w.findText(text)
            if i < 0:
                raise ValueError(translate("Form", "ไม่พบตำบลนี้ ให้เลือกจากรายการ"))
            return w.itemData(i)
        if kind == "date":
            try:
                return w.date()
            except ValueError:
                raise ValueError(translate("Form", "วันที่ไม่ถูกต้อง ให้พิมพ์เป็น วัน/เดือน/ปี พ.ศ. เช่น 25/11/2569")) from None
        text = w.text().strip()
        if kind == "int":
            if not text:
                return None
            digits = text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
            if not _INT_RE.match(digits):
                raise ValueError(ServiceError("not_number", self.spec.name).message(current_language()))
            return int(digits.replace(",", ""))
        if kind == "money":
            if not text:
                return None
            try:
                return parse_baht(text)
            except ValueError:
                raise ValueError(
                    translate("Form", "จำนวนเงินไม่ถูกต้อง ให้พิมพ์เป็นตัวเลข เช่น 1,234.50")
                ) from None
        return w.text()

    def show_error(self, message: str | None) -> None:
        # Word wrap only for long reasons: a wrapped QLabel in a form row reserves a
        # second line even for short text.
        self.error.setWordWrap(len(message or "") > 60)
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.widget.setProperty("invalid", bool(message))
        self.widget.setStyleSheet("border: 1px solid #b3261e;" if message else "")


class RecordForm(QWidget):
    """Edit one record of ``spec``: validation as you type, save, delete, messages."""

    saved = Signal(str)
    deleted = Signal(str)

    def __init__(self, store: Store, spec: FormSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.spec = spec
        self.record_id: str | None = None
        self.base = spec.data_cls()
        self.touched: set[str] = set()
        self.show_all = False
        self.errors: dict[str, str] = {}

        self.title = heading(spec.title_new, 1.15)
        self.message = MessageBar()
        self.confirm = ConfirmBar()
        self.confirm.confirmed.connect(self._delete)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.inputs: dict[str, FieldInput] = {}
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        for fs in spec.fields:
            inp = FieldInput(fs, store, lambda n=fs.name: self._changed(n))
            self.inputs[fs.name] = inp
            label = QLabel(fs.label)
            label.setBuddy(inp.widget)
            form.addRow(label, inp.widget)
            # The reason goes on its own row under the field (the row collapses when
            # hidden), so the label stays level with its field.
            form.setWidget(form.rowCount(), QFormLayout.ItemRole.FieldRole, inp.error)
            self._rows[fs.name] = (label, inp.widget)

        self.save_button = QPushButton(translate("Form", "บันทึก"))
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(translate("Form", "ลบ…"))
        self.delete_button.setObjectName("delete")
        self.delete_button.clicked.connect(
            lambda: self.confirm.ask(spec.delete_question, translate("Form", "ลบ"))
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.confirm)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._apply_kind_visibility()

    # --- loading ----------------------------------------------------------------------

    def load(self, record_id: str | None) -> None:
        self.message.hide()
        self.confirm.hide()
        if record_id is None:
            self.record_id = None
            self.base = self.spec.data_cls()
            self.title.setText(self.spec.title_new)
        else:
            try:
                self.base = self.spec.get(self.store, record_id)
            except ServiceError as exc:
                self.message.show_message(exc.message(current_language()), "error")
                return
            self.record_id = record_id
            self.title.setText(self.spec.title_of(self.base))
        for name, inp in self.inputs.items():
            inp.set_value(getattr(self.base, name))
            inp.show_error(None)
        self.touched.clear()
        self.show_all = False
        self.errors = {}
        self.delete_button.setVisible(self.record_id is not None)
        self._apply_kind_visibility()
        self.validate()

    # --- validation -------------------------------------------------------------------

    def _changed(self, name: str) -> None:
        self.touched.add(name)
        if name == "kind":
            self._apply_kind_visibility()
        self.validate()

    def _apply_kind_visibility(self) -> None:
        kind_input = self.inputs.get("kind")
        kind = kind_input.value() if kind_input else None
        for fs in self.spec.fields:
            if fs.kinds is not None:
                visible = kind in fs.kinds
                label, widget = self._rows[fs.name]
                label.setVisible(visible)
                widget.setVisible(visible)
                if not visible:
                    self.inputs[fs.name].error.hide()

    def current_data(self) -> tuple[Any, dict[str, str]]:
        """The record as typed, and the fields that could not be read at all."""
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        kind_input = self.inputs.get("kind")
        kind = kind_input.value() if kind_input else None
        for name, inp in self.inputs.items():
            if inp.spec.kinds is not None and kind not in inp.spec.kinds:
                values[name] = None  # a field this kind does not have (the service clears it)
                continue
            try:
                values[name] = inp.value()
            except ValueError as exc:
                problems[name] = str(exc)
        return dataclasses.replace(self.base, **values), problems

    def is_dirty(self) -> bool:
        """Has the person typed something that is not saved?"""
        if not self.touched:
            return False
        data, problems = self.current_data()
        if problems:
            return True

        def norm(value: Any) -> Any:
            return None if value == "" else value

        return any(norm(getattr(data, n)) != norm(getattr(self.base, n)) for n in self.inputs)

    def validate(self) -> dict[str, str]:
        """Check the typed values; show the reasons next to touched fields."""
        lang = current_language()
        data, problems = self.current_data()
        errors = dict(problems)
        for name, err in self.spec.validate(data).items():
            errors.setdefault(name, err.message(lang))
        self.errors = errors
        for name, inp in self.inputs.items():
            visible = self.show_all or name in self.touched
            inp.show_error(errors.get(name) if visible else None)
        return errors

    # --- actions ----------------------------------------------------------------------

    def save(self) -> bool:
        self.show_all = True
        errors = self.validate()
        lang = current_language()
        if errors:
            first = next(n for n in self.inputs if n in errors)
            self.inputs[first].widget.setFocus()
            self.message.show_message(translate("Form", "ยังบันทึกไม่ได้: กรุณาแก้ไขช่องที่มีข้อความสีแดง"), "error")
            return False
        data, _ = self.current_data()
        try:
            if self.record_id is None:
                self.record_id = self.spec.create(self.store, data)
            else:
                self.spec.update(self.store, self.record_id, data)
        except ValidationFailed as exc:
            for name, err in exc.errors.items():
                if name in self.inputs:
                    self.inputs[name].show_error(err.message(lang))
            self.message.show_message(exc.message(lang), "error")
            return False
        except ServiceError as exc:
            self.message.show_message(exc.message(lang), "error")
            return False
        self.base = dataclasses.replace(data, id=self.record_id)
        self.title.setText(self.spec.title_of(data))
        self.delete_button.show()
        self.message.show_message(translate("Form", "บันทึกแล้ว"), "ok")
        self.saved.emit(self.record_id)
        return True

    def _delete(self) -> None:
        if self.record_id is None:
            return
        try:
            self.spec.delete(self.store, self.record_id)
        except ServiceError as exc:
            self.message.show_message(exc.message(current_language()), "error")
            return
        gone = self.record_id
        self.load(None)
        self.message.show_message(translate("Form", "ลบแล้ว"), "ok")
        self.deleted.emit(gone)


# --- history ---------------------------------------------------------------------------

# Every enum column of every table, from the one labels table (codi_core.labels).
VALUE_LABELS = FIELD_ENUMS


EXTRA_LABELS = {
    "district_id": ("อำเภอ", "District"),
    "community_id": ("ชุมชน", "Community"),
}


def field_label(name: str) -> str:
    th, en = LABELS.get(name) or EXTRA_LABELS.get(name) or (name, name)
    return en if current_language() == "en" else th


def _place_name(store: Store, name: str, code: str) -> str | None:
    lang = current_language()
    if name == "district_id":
        found = [c for c in lists.districts(store) if c.value == code]
    else:
        found = [c for c in lists.subdistricts(store, code[:4]) if c.value == code]
    return found[0].name(lang) if found else None


def history_value(table: str, name: str, value: Any, store: Store | None = None) -> str:
    if value is None or value == "":
        return "—"
    if store is not None and isinstance(value, str):
        # ids are shown by the name they stand for (still the id if it is gone)
        if name in ("subdistrict_id", "district_id"):
            return _place_name(store, name, value) or value
        if name in ("community_id", "organization_id", "person_id"):
            return lists.name_of(store, name.removesuffix("_id"), value) or value
    if (table, name) in VALUE_LABELS:
        return L.label(VALUE_LABELS[(table, name)], value)
    if name.endswith("_satang") and isinstance(value, int):
        return L.money_text(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return L.date_text(dt.date.fromisoformat(value))
    if isinstance(value, int):
        return L.number_text(value)
    return str(value)


class HistoryPanel(QTreeWidget):
    """A record's change sets, newest first; each expands to its field changes."""

    def __init__(self, store: Store, table: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.table = table
        self.setColumnCount(3)
        self.setHeaderLabels([translate("Form", "เมื่อ"), translate("Form", "ผู้แก้ไข"), translate("Form", "รายการ")])
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setAlternatingRowColors(True)

    def load(self, record_id: str | None) -> None:
        self.clear()
        if record_id is None:
            return
        for entry in history.record_history(self.store, self.table, record_id):
            status = L.label(L.CHANGE_STATUS, entry.status)
            top = QTreeWidgetItem(
                [L.datetime_text(entry.when), entry.author,
                 f"{L.label(L.CHANGE_OP, entry.op)} · {entry.summary} ({status})"]
            )
            for name, old, new in entry.changes:
                if entry.op == "insert":
                    text = f"{field_label(name)}: {self._value(name, new)}"
                else:
                    text = (f"{field_label(name)}: {self._value(name, old)} → "
                            f"{self._value(name, new)}")
                top.addChild(QTreeWidgetItem(["", "", text]))
            self.addTopLevelItem(top)
        if self.topLevelItemCount():
            self.topLevelItem(0).setExpanded(True)

    def _value(self, name: str, value: Any) -> str:
        return history_value(self.table, name, value, self.store)

    def entries(self) -> list[str]:
        out = []
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            out.append(item.text(2))
            out.extend(item.child(j).text(2) for j in range(item.childCount()))
        return out


# --- the record panels -----------------------------------------------------------------


class RecordPanel(DetailPanel):
    """Form + history tab (+ extra tabs) for one editable record list."""

    def __init__(self, store: Store, spec: FormSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.form = RecordForm(store, spec)
        self.history = HistoryPanel(store, spec.table)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, translate("Form", "รายละเอียด"))
        self.tabs.addTab(self.history, translate("Form", "ประวัติการแก้ไข"))
        self.discard = ConfirmBar()
        self.discard.setObjectName("discard_bar")
        self.discard.confirmed.connect(self._discard_confirmed)
        self._pending: object = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.discard)
        layout.addWidget(self.tabs)
        self.form.saved.connect(self._saved)
        self.form.deleted.connect(self._deleted)

    # Switching record while the form holds unsaved typing asks first (inline).
    _NEW = object()

    def show_record(self, record_id: str) -> None:
        if record_id != self.form.record_id and self._ask_discard(record_id):
            return
        self._show(record_id)

    def new_record(self) -> None:
        if self._ask_discard(self._NEW):
            return
        self._new()

    def _ask_discard(self, target: object) -> bool:
        if not self.form.is_dirty():
            return False
        self._pending = target
        self.tabs.setCurrentIndex(0)
        self.discard.ask(
            translate("Form", "มีการแก้ไขที่ยังไม่ได้บันทึก จะทิ้งการแก้ไขนี้หรือไม่?"),
            translate("Form", "ทิ้งการแก้ไข"),
            translate("Form", "แก้ไขต่อ"),
        )
        return True

    def _discard_confirmed(self) -> None:
        target, self._pending = self._pending, None
        if target is self._NEW:
            self._new()
        elif isinstance(target, str):
            self._show(target)

    def _show(self, record_id: str) -> None:
        self.discard.hide()
        self.form.load(record_id)
        self.history.load(record_id)

    def _new(self) -> None:
        self.discard.hide()
        self.tabs.setCurrentIndex(0)
        self.form.load(None)
        self.history.load(None)
        first = next(iter(self.form.inputs.values()))
        first.widget.setFocus()

    def _saved(self, record_id: str) -> None:
        self.history.load(record_id)
        self.changed.emit(record_id)

    def _deleted(self, record_id: str) -> None:
        self.history.load(None)
        self.changed.emit(record_id)


def community_spec() -> FormSpec:
    return FormSpec(
        table="community",
        data_cls=communities.CommunityData,
        fields=[
            FieldSpec("name", translate("Form", "ชื่อชุมชน")),
            FieldSpec("kind", translate("Form", "ประเภทชุมชน"), "choice", L.choices(L.COMMUNITY_KIND)),
            FieldSpec("subdistrict_id", translate("Form", "ตำบล"), "subdistrict"),
            FieldSpec("moo", translate("Form", "หมู่ที่"), "int"),
            FieldSpec("households", translate("Form", "จำนวนครัวเรือน"), "int"),
            FieldSpec("population", translate("Form", "จำนวนประชากร"), "int"),
            FieldSpec("leader_name", translate("Form", "ชื่อผู้นำชุมชน")),
            FieldSpec("phone", translate("Form", "โทรศัพท์")),
            FieldSpec("notes", translate("Form", "หมายเหตุ"), "multiline"),
        ],
        validate=communities.validate_community,
        create=communities.create_community,
        update=communities.update_community,
        delete=communities.delete_community,
        get=communities.get_community,
        title_new=translate("Form", "ลงทะเบียนชุมชนใหม่"),
        title_of=lambda d: d.name or translate("Form", "ชุมชน"),
        delete_question=translate("Form", "ลบชุมชนนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์"),
    )


def organization_spec() -> FormSpec:
    K = organizations.KIND_FIELDS
    return FormSpec(
        table="organization",
        data_cls=organizations.OrganizationData,
        fields=[
            FieldSpec("name", translate("Form", "ชื่อองค์กร")),
            FieldSpec("kind", translate("Form", "ประเภทองค์กร"), "choice", L.choices(L.ORGANIZATION_KIND)),
            FieldSpec("sector", translate("Form", "ภาคส่วน"), "choice", L.choices(L.SECTOR),
                      optional_choice=True, kinds={str(k) for k in K["sector"]}),
            FieldSpec("subdistrict_id", translate("Form", "ตำบล"), "subdistrict"),
            FieldSpec("founded_on", translate("Form", "วันที่ก่อตั้ง"), "date"),
            FieldSpec("registered_on", translate("Form", "วันที่จดแจ้งจัดตั้ง"), "date",
                      kinds={str(k) for k in K["registered_on"]}),
            FieldSpec("members_count", translate("Form", "จำนวนสมาชิก"), "int"),
            FieldSpec("fund_balance_satang", translate("Form", "ยอดเงินกองทุน (บาท)"), "money",
                      kinds={str(k) for k in K["fund_balance_satang"]}),
            FieldSpec("savings_satang", translate("Form", "เงินออม (บาท)"), "money",
                      kinds={str(k) for k in K["savings_satang"]}),
            FieldSpec("phone", translate("Form", "โทรศัพท์")),
            FieldSpec("notes", translate("Form", "หมายเหตุ"), "multiline"),
        ],
        validate=organizations.validate_organization,
        create=organizations.create_organization,
        update=organizations.update_organization,
        delete=organizations.delete_organization,
        get=organizations.get_organization,
        title_new=translate("Form", "ลงทะเบียนองค์กรใหม่"),
        title_of=lambda d: d.name or translate("Form", "องค์กร"),
        delete_question=translate("Form", "ลบองค์กรนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์"),
    )


def person_spec() -> FormSpec:
    return FormSpec(
        table="person",
        data_cls=people.PersonData,
        fields=[
            FieldSpec("prefix", translate("Form", "คำนำหน้า")),
            FieldSpec("first_name", translate("Form", "ชื่อ")),
            FieldSpec("last_name", translate("Form", "นามสกุล")),
            FieldSpec("gender", translate("Form", "เพศ"), "choice", L.choices(L.GENDER), optional_choice=True),
            FieldSpec("position", translate("Form", "ตำแหน่ง")),
            FieldSpec("phone", translate("Form", "โทรศัพท์")),
            FieldSpec("email", translate("Form", "อีเมล")),
            FieldSpec("subdistrict_id", translate("Form", "ตำบล"), "subdistrict"),
            FieldSpec("notes", translate("Form", "หมายเหตุ"), "multiline"),
        ],
        validate=people.validate_person,
        create=people.create_person,
        update=people.update_person,
        delete=people.delete_person,
        get=people.get_person,
        title_new=translate("Form", "เพิ่มบุคคลใหม่"),
        title_of=lambda d: f"{d.prefix or ''}{d.first_name} {d.last_name}".strip() or translate("Form", "บุคคล"),
        delete_question=translate("Form", "ลบบุคคลนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์"),
    )


class MembershipsPanel(QWidget):
    """A person's roles in organizations: list, add (with validation), end, remove."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.person_id: str | None = None
        self.rows: list[people.MembershipRow] = []
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([translate("Form", "องค์กร"), translate("Form", "บทบาท"), translate("Form", "ตั้งแต่"), translate("Form", "ถึง")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.message = MessageBar()

        self.organization = QLineEdit()
        self.organization.setObjectName("membership_organization")
        self.organization.setPlaceholderText(translate("Form", "พิมพ์ชื่อองค์กรอย่างน้อย 1 ตัวอักษร"))
        self._org_names = QStringListModel(self)
        self._org_ids: dict[str, str] = {}
        completer = QCompleter(self._org_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.organization.setCompleter(completer)
        self.organization.textEdited.connect(self._search_orgs)
        self.organization.textChanged.connect(lambda _t: self._validate())
        self.role = QComboBox()
        self.role.setObjectName("membership_role")
        for value, text in L.choices(L.MEMBERSHIP_ROLE):
            self.role.addItem(text, value)
        self.from_on = DateField()
        self.from_on.setObjectName("membership_from_on")
        self.to_on = DateField()
        self.to_on.setObjectName("membership_to_on")
        for w in (self.from_on, self.to_on):
            w.textChanged.connect(lambda _t: self._validate())
        self.error = QLabel()
        self.error.setObjectName("membership_error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.add_button = QPushButton(translate("Form", "เพิ่มสมาชิกภาพ"))
        self.add_button.setObjectName("membership_add")
        self.add_button.clicked.connect(self.add)
        self.end_button = QPushButton(translate("Form", "สิ้นสุดสมาชิกภาพที่เลือก (ใช้วันที่ 'ถึง')"))
        self.end_button.clicked.connect(self.end_selected)
        self.remove_button = QPushButton(translate("Form", "ลบที่เลือก"))
        self.remove_button.clicked.connect(self.remove_selected)

        form = QFormLayout()
        form.addRow(translate("Form", "องค์กร"), self.organization)
        form.addRow(translate("Form", "บทบาท"), self.role)
        dates = QHBoxLayout()
        dates.addWidget(self.from_on)
        dates.addWidget(QLabel(translate("Form", "ถึง")))
        dates.addWidget(self.to_on)
        form.addRow(translate("Form", "ตั้งแต่"), dates)
        form.addRow("", self.error)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addStretch(1)
        actions.addWidget(self.end_button)
        actions.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addLayout(form)
        layout.addLayout(actions)

    def load(self, person_id: str | None) -> None:
        self.person_id = person_id
        self.tree.clear()
        self.message.hide()
        self.setEnabled(person_id is not None)
        if person_id is None:
            self.rows = []
            return
        self.rows = people.list_memberships(self.store, person_id=person_id)
        for m in self.rows:
            self.tree.addTopLevelItem(QTreeWidgetItem(
                [m.organization_name, L.label(L.MEMBERSHIP_ROLE, m.role), L.date_text(m.from_on),
                 L.date_text(m.to_on)]))

    def _search_orgs(self, text: str) -> None:
        choices = lists.search_names(self.store, "organization", text.strip(), limit=30)
        self._org_ids = {c.name_th: c.value for c in choices}
        self._org_names.setStringList(list(self._org_ids))

    def _data(self) -> tuple[people.MembershipData | None, str | None]:
        name = self.organization.text().strip()
        org_id = self._org_ids.get(name)
        if org_id is None and name:
            found = lists.search_names(self.store, "organization", name, limit=5)
            exact = [c for c in found if c.name_th == name]
            org_id = exact[0].value if exact else None
        try:
            from_on, to_on = self.from_on.date(), self.to_on.date()
        except ValueError:
            return None, translate("Form", "วันที่ไม่ถูกต้อง ให้พิมพ์เป็น วัน/เดือน/ปี พ.ศ. เช่น 25/11/2569")
        if not org_id:
            return None, translate("Form", "เลือกองค์กรจากรายการ") if name else translate("Form", "กรุณาเลือกองค์กร")
        data = people.MembershipData(person_id=self.person_id or "", organization_id=org_id,
                                     role=self.role.currentData(), from_on=from_on, to_on=to_on)
        errors = people.validate_membership(data)
        if errors:
            return None, "\n".join(e.message(current_language()) for e in errors.values())
        return data, None

    def _validate(self) -> bool:
        data, problem = self._data()
        touched = bool(self.organization.text() or self.from_on.text() or self.to_on.text())
        self.error.setText(problem if (problem and touched) else "")
        return data is not None

    def add(self) -> None:
        data, problem = self._data()
        if data is None:
            self.error.setText(problem or "")
            return
        try:
            people.add_membership(self.store, data)
        except ServiceError as exc:
            self.error.setText(exc.message(current_language()))
            return
        self.organization.clear()
        self.from_on.clear()
        self.to_on.clear()
        self.error.clear()
        self.message.show_message(translate("Form", "เพิ่มสมาชิกภาพแล้ว"), "ok")
        self.load(self.person_id)
        self.changed.emit()

    def _selected(self) -> people.MembershipRow | None:
        item = self.tree.currentItem()
        if item is None:
            self.message.show_message(translate("Form", "เลือกสมาชิกภาพในรายการก่อน"), "info")
            return None
        return self.rows[self.tree.indexOfTopLevelItem(item)]

    def end_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        try:
            to_on = self.to_on.date() or dt.date.today()
            people.end_membership(self.store, row.id, to_on)
        except ValueError:
            self.error.setText(translate("Form", "วันที่ไม่ถูกต้อง ให้พิมพ์เป็น วัน/เดือน/ปี พ.ศ. เช่น 25/11/2569"))
            return
        except ServiceError as exc:
            self.message.show_message(exc.message(current_language()), "error")
            return
        self.message.show_message(translate("Form", "สิ้นสุดสมาชิกภาพแล้ว"), "ok")
        self.load(self.person_id)
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        try:
            people.delete_membership(self.store, row.id)
        except ServiceError as exc:
            self.message.show_message(exc.message(current_language()), "error")
            return
        self.message.show_message(translate("Form", "ลบสมาชิกภาพแล้ว"), "ok")
        self.load(self.person_id)
        self.changed.emit()


class PersonPanel(RecordPanel):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, person_spec(), parent)
        self.memberships = MembershipsPanel(store)
        self.tabs.insertTab(1, self.memberships, translate("Form", "สมาชิกภาพในองค์กร"))
        self.memberships.changed.connect(lambda: self.history.load(self.form.record_id))

    def _show(self, record_id: str) -> None:
        super()._show(record_id)
        self.memberships.load(record_id)

    def _new(self) -> None:
        super()._new()
        self.memberships.load(None)

    def _saved(self, record_id: str) -> None:
        super()._saved(record_id)
        self.memberships.load(record_id)


class OrganizationPanel(RecordPanel):
    """An organization with its members (read here; edited from each person)."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, organization_spec(), parent)
        self.members = QTreeWidget()
        self.members.setColumnCount(4)
        self.members.setRootIsDecorated(False)
        self.members.setHeaderLabels([translate("Form", "ชื่อ"), translate("Form", "บทบาท"), translate("Form", "ตั้งแต่"), translate("Form", "ถึง")])
        self.members.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tabs.insertTab(1, self.members, translate("Form", "สมาชิกและกรรมการ"))

    def _show(self, record_id: str) -> None:
        super()._show(record_id)
        self.members.clear()
        for m in people.list_memberships(self.store, organization_id=record_id):
            self.members.addTopLevelItem(QTreeWidgetItem(
                [m.person_name, L.label(L.MEMBERSHIP_ROLE, m.role), L.date_text(m.from_on),
                 L.date_text(m.to_on)]))

    def _new(self) -> None:
        super()._new()
        self.members.clear()
