"""People and organizations: a person's memberships tab, and the two record panels
(a person with memberships; an organization with its members)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from codi_core.errors import ServiceError
from codi_core.formatting import bangkok_today
from codi_desktop.services import lists, people
from codi_desktop.store.database import Store

from . import labels as L
from .date_field import DateField, date_error
from .field_errors import FieldErrors
from .i18n import current_language
from .record_panel import RecordPanel
from .record_specs import organization_spec, person_spec
from .widgets import MessageBar, ReadOnlyNote, explain_read_only

translate = QCoreApplication.translate


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
            w.converted.connect(lambda note: self.message.show_message(note, "info"))
            w.textChanged.connect(lambda _t: self._validate())
        # a wrong field is framed, its reason in the message bar (which keeps its room)
        self.field_errors = FieldErrors(self.message)
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
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addStretch(1)
        actions.addWidget(self.end_button)
        actions.addWidget(self.remove_button)
        self.read_only = ReadOnlyNote(reserve=False)  # shows on loading a new person only
        self.read_only.setObjectName("memberships_read_only")
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.read_only)
        layout.addWidget(self.tree, 1)
        layout.addLayout(form)
        layout.addLayout(actions)

    def load(self, person_id: str | None) -> None:
        self.person_id = person_id
        self.tree.clear()
        self.field_errors.clear()
        self.message.hide()
        explain_read_only(
            (self.tree, self.organization, self.role, self.from_on, self.to_on,
             self.add_button, self.end_button, self.remove_button),
            None if person_id is not None else
            translate("Form", "บันทึกบุคคลนี้ก่อน แล้วจึงเพิ่มสมาชิกภาพในองค์กรได้"),
            self.read_only)
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

    def _data(self) -> tuple[people.MembershipData | None, dict[str, str]]:
        """The membership as typed, or the reasons by field (organization, from_on, to_on)."""
        problems: dict[str, str] = {}
        name = self.organization.text().strip()
        org_id = self._org_ids.get(name)
        if org_id is None and name:
            found = lists.search_names(self.store, "organization", name, limit=5)
            exact = [c for c in found if c.name_th == name]
            org_id = exact[0].value if exact else None
        days = {}
        for field, widget in (("from_on", self.from_on), ("to_on", self.to_on)):
            try:
                days[field] = widget.date()
            except ValueError:
                problems[field] = date_error()
        if not org_id:
            problems["organization"] = (translate("Form", "เลือกองค์กรจากรายการ") if name
                                        else translate("Form", "กรุณาเลือกองค์กร"))
        # every reason at once: the service's checks run even when a field above failed
        data = people.MembershipData(person_id=self.person_id or "", organization_id=org_id,
                                     role=self.role.currentData(),
                                     from_on=days.get("from_on"), to_on=days.get("to_on"))
        for field, err in people.validate_membership(data).items():
            key = {"organization_id": "organization", "from_on": "from_on"}.get(field, "to_on")
            problems.setdefault(key, err.message(current_language()))
        return (None if problems else data), problems

    def _show(self, problems: dict[str, str], prefix: str | None = None) -> None:
        for field, widget, label in (
                ("organization", self.organization, translate("Form", "องค์กร")),
                ("from_on", self.from_on, translate("Form", "ตั้งแต่")),
                ("to_on", self.to_on, translate("Form", "ถึง"))):
            self.field_errors.set(field, widget, label, problems.get(field))
        self.field_errors.show(prefix)

    def reason(self, field: str) -> str:
        """The reason shown for ``organization``, ``from_on`` or ``to_on``."""
        return self.field_errors.reason(field)

    def _validate(self) -> bool:
        data, problems = self._data()
        touched = bool(self.organization.text() or self.from_on.text() or self.to_on.text())
        self._show(problems if touched else {})
        return data is not None

    def add(self) -> None:
        data, problems = self._data()
        if data is None:
            self._show(problems, translate("Form", "ยังบันทึกไม่ได้ แก้ช่องกรอบสีแดง:"))
            return
        try:
            people.add_membership(self.store, data)
        except ServiceError as exc:
            self.message.show_message(exc.message(current_language()), "error")
            return
        self.organization.clear()
        self.from_on.clear()
        self.to_on.clear()
        self._show({})
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
            to_on = self.to_on.date() or bangkok_today()
            people.end_membership(self.store, row.id, to_on)
        except ValueError:
            self._show({"to_on": date_error()})
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
        self.tabs.insertTab(1, self.members, translate("Form", "สมาชิกและกรรมการ"), scroll=False)

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
