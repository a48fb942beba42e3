"""A record's detail form: one input per field, validation as the person types with the
services' own ``validate_*`` functions (a wrong field framed in red, its reason in its tip
and in the form's fixed message bar, so nothing moves: ``field_errors``), saving as one
service call (one user action, one change set) and deleting as a tombstone after an
inline confirmation."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from codi_core.errors import ServiceError, ValidationFailed
from codi_core.formatting import parse_baht
from codi_desktop.services import lists, scope
from codi_desktop.store.database import Store

from . import labels as L
from .date_field import BeYearField, DateField, date_error, typed_year
from .field_errors import FieldErrors
from .i18n import current_language
from .widgets import ConfirmBar, MessageBar, NoticeSlot, heading, scroll_page

translate = QCoreApplication.translate


@dataclass
class FieldSpec:
    """One field of a form: the dataclass attribute, its label and its input kind."""

    name: str
    label: str
    kind: str = "text"  # text | multiline | int | be_year | money | date | choice | subdistrict
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


_UNFILLED = "?"  # a tambon picker not filled yet
_INT_RE = re.compile(r"^-?\d[\d,]*$")  # a minus is read, the service says why it is wrong


class FieldInput:
    """The widget of one field; reads and writes the value, shows why it is wrong."""

    def __init__(self, spec: FieldSpec, store: Store, changed: Callable[[], None],
                 errors: FieldErrors):
        self.spec = spec
        self.errors = errors

        def on_change(*_signal_args) -> None:  # signals pass their value; not needed
            changed()

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
                self.store = store
                self.tambons_of: str | None = _UNFILLED
                self.widget = combo
                if store.province_code:  # a wide account's: when a record is loaded
                    self._fill_tambons(store.province_code)
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
        elif kind == "be_year":
            self.widget = BeYearField()
            self.widget.textChanged.connect(on_change)
        else:
            self.widget = QLineEdit()
            if kind == "money":
                self.widget.setPlaceholderText("0.00")
            self.widget.textChanged.connect(on_change)
        self.widget.setObjectName(f"field_{spec.name}")

    def _fill_tambons(self, province: str | None) -> None:
        """The tambons of ``province`` (None: of every province the account holds)."""
        combo = self.widget
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("", None)
        lang = current_language()
        districts = {d.value: d.name(lang) for d in lists.districts(self.store, province)}
        for c in lists.subdistricts(self.store, None, province):
            combo.addItem(f"{c.name(lang)} · {districts.get(c.value[:4], '')}", c.value)
        combo.blockSignals(False)
        self.tambons_of = province

    def offer_province(self, province: str | None) -> None:
        """A tambon picker offers the tambons of the record's province."""
        if self.spec.kind == "subdistrict" and province != self.tambons_of:
            self._fill_tambons(province)

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
            elif kind in ("int", "be_year"):
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
                raise ValueError(date_error()) from None
        text = w.text().strip()
        if kind == "be_year":
            try:
                return typed_year(text)
            except ValueError:
                raise ValueError(ServiceError("not_number", self.spec.name).message(current_language())) from None
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
        """Frame the field in red with ``message`` as its tip (nothing moves), or not."""
        self.errors.set(self.spec.name, self.widget, self.spec.label, message)

    def error_text(self) -> str:
        return self.errors.reason(self.spec.name)


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
        self.field_errors = FieldErrors(self.message)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.inputs: dict[str, FieldInput] = {}
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        for fs in spec.fields:
            inp = FieldInput(fs, store, lambda n=fs.name: self._changed(n), self.field_errors)
            self.inputs[fs.name] = inp
            if isinstance(inp.widget, DateField | BeYearField):  # a CE year converted: say so
                inp.widget.converted.connect(lambda note: self.message.show_message(note, "info"))
            label = QLabel(fs.label)
            label.setBuddy(inp.widget)
            form.addRow(label, inp.widget)
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
        self.notices = NoticeSlot(self.message, self.confirm)
        layout.addWidget(self.notices)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        scroll_page(self, inner)
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
        # the pickers offer the record's own province's tambons (a new record's: the
        # province the page's selector shows)
        province = scope.form_province(self.store, self.spec.table, self.record_id)
        for name, inp in self.inputs.items():
            inp.offer_province(province)
            inp.set_value(getattr(self.base, name))
            inp.show_error(None)
        self.field_errors.show()
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

    def reason(self, name: str) -> str:
        """The reason shown for field ``name`` ("" when none is shown)."""
        return self.field_errors.reason(name)

    def validate(self, prefix: str | None = None) -> dict[str, str]:
        """Check the typed values; frame the touched fields that are wrong and list their
        reasons in the message bar (after ``prefix``)."""
        lang = current_language()
        data, problems = self.current_data()
        errors = dict(problems)
        for name, err in self.spec.validate(data).items():
            errors.setdefault(name, err.message(lang))
        self.errors = errors
        for name, inp in self.inputs.items():
            visible = self.show_all or name in self.touched
            inp.show_error(errors.get(name) if visible else None)
        self.field_errors.show(prefix if errors else None)
        return errors

    # --- actions ----------------------------------------------------------------------

    def save(self) -> bool:
        self.show_all = True
        errors = self.validate(translate("Form", "ยังบันทึกไม่ได้ แก้ช่องกรอบสีแดง:"))
        lang = current_language()
        if errors:
            first = next(n for n in self.inputs if n in errors)
            self.inputs[first].widget.setFocus()
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
            self.field_errors.show(exc.message(lang))
            if not self.field_errors.reasons():
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
