"""The budget ledger on the server: an entry's references, reversals and budget checks."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from codi_core.models import LedgerKind
from codi_core.rules.ledger import balance_violation, entry_value_violation, project_balance
from codi_core.wire import OVER_BUDGET

from .. import schema
from .base import ApplierBase
from .rejections import Rejection

LEDGER_VALUE_TEXT = {
    "amount_positive": (
        "A ledger amount must be a positive number of satang.", "จำนวนเงินต้องมากกว่าศูนย์"
    ),
    "amount_too_large": (
        "A ledger amount is above the largest amount the ledger takes.", "จำนวนเงินสูงเกินกำหนด"
    ),
    "ledger_tombstone": (
        "A ledger entry is never a tombstone: it may not carry deleted_at.",
        "รายการบัญชีลบไม่ได้ ใช้รายการกลับบัญชีแทน",
    ),
}


class LedgerMixin(ApplierBase):
    def check_ledger_entry(self, province: str | None, values: dict[str, Any]) -> None:
        kind = LedgerKind(values["kind"])
        problem = entry_value_violation(values)
        if problem is not None:
            raise self.invalid(*LEDGER_VALUE_TEXT[problem.code])
        if kind is LedgerKind.ALLOCATION and not self.scope.is_hq:
            raise self.forbidden("Allocations are recorded by HQ only.")
        programs = schema.DOMAIN_TABLES["program"]
        if self.conn.execute(
            sa.select(programs.c.id).where(
                programs.c.id == values["program_id"], programs.c.deleted_at.is_(None)
            )
        ).first() is None:
            raise self.invalid("Unknown program.", "ไม่รู้จักแผนงานนี้")
        project_id = values.get("project_id")
        if project_id is not None:
            projects = schema.DOMAIN_TABLES["project"]
            # Lock the project: every change set that touches its budget queues here, so
            # the budget check below reads a total no one else is changing.
            project = self.conn.execute(
                sa.select(projects.c.province_code, projects.c.deleted_at)
                .where(projects.c.id == project_id)
                .with_for_update()
            ).first()
            if project is None or project.deleted_at is not None:
                raise self.invalid("Unknown project.", "ไม่พบโครงการนี้")
            if project.province_code != province:
                raise self.invalid(
                    "A ledger entry must be in its project's province.",
                    "รายการเงินต้องอยู่ในจังหวัดเดียวกับโครงการ",
                )
            if kind in (LedgerKind.APPROVAL, LedgerKind.DISBURSEMENT, LedgerKind.REFUND):
                self.budget_projects.add(project_id)
        if kind is LedgerKind.REVERSAL:
            self.check_reversal(province, values)

    def check_reversal(self, province: str | None, values: dict[str, Any]) -> None:
        ledger = schema.DOMAIN_TABLES["ledger_entry"]
        target_id = values.get("reverses_id")
        target = self.conn.execute(
            sa.select(ledger).where(ledger.c.id == target_id).with_for_update()
        ).mappings().first()
        if target is None:
            raise self.invalid("The entry to reverse does not exist.", "ไม่พบรายการที่จะกลับบัญชี")
        if target["province_code"] != province:
            raise self.forbidden("The entry to reverse belongs to another province.")
        target_kind = LedgerKind(target["kind"])
        if target_kind is LedgerKind.REVERSAL:
            raise self.invalid("A reversal cannot be reversed.", "ไม่สามารถกลับรายการกลับบัญชีได้")
        if target_kind is LedgerKind.ALLOCATION and not self.scope.is_hq:
            raise self.forbidden("Allocations are reversed by HQ only.")
        for name in ("amount_satang", "project_id", "program_id", "fiscal_year"):
            if values.get(name) != target[name]:
                raise self.invalid(
                    f"A reversal must match the entry it reverses ({name} differs).",
                    "รายการกลับบัญชีต้องตรงกับรายการเดิม",
                )
        already = self.conn.execute(
            sa.select(sa.func.count()).select_from(ledger).where(ledger.c.reverses_id == target_id)
        ).scalar_one()
        if already:
            raise self.invalid("This entry has already been reversed.", "รายการนี้ถูกกลับบัญชีแล้ว")
        if target["project_id"] is not None and target_kind in (
            LedgerKind.APPROVAL, LedgerKind.DISBURSEMENT, LedgerKind.REFUND
        ):
            self.budget_projects.add(target["project_id"])

    def check_budget(self, project_id: str) -> None:
        """The project's balance after this change set, by the same function the laptop
        uses (``codi_core.rules.ledger.project_balance``)."""
        ledger = schema.DOMAIN_TABLES["ledger_entry"]
        balance = project_balance(self.conn, project_id, ledger=ledger)
        problem = balance_violation(balance)
        if problem is None:
            return
        if problem.code == "refund_above_disbursed":
            raise Rejection(
                OVER_BUDGET,
                f"Project {project_id}: refunds would be above the disbursements "
                f"(net disbursed {balance.disbursed} satang).",
                "ยอดคืนเงินเกินยอดเบิกจ่าย",
            )
        raise Rejection(
            OVER_BUDGET,
            f"Project {project_id}: disbursements less refunds ({balance.disbursed} satang) "
            f"would be above the approved amount ({balance.approved} satang).",
            f"ยอดเบิกจ่ายสุทธิ ({balance.disbursed / 100:,.2f} บาท) เกินวงเงินที่อนุมัติ "
            f"({balance.approved / 100:,.2f} บาท)",
        )
