"""Budget ledger rules: clear refusals, nothing written, balances that add up."""

import datetime as dt

import pytest
import sqlalchemy as sa

from codi_core.errors import ServiceError
from codi_core.models import ChangeSet, LedgerEntry
from codi_core.reference import reference_id
from codi_desktop.services import ledger, projects

BAAN_MANKONG = reference_id("program", "baan_mankong")
WELFARE = reference_id("program", "welfare")
DAY = dt.date(2026, 12, 1)


@pytest.fixture
def project(store):
    pid = projects.create_project(
        store, projects.ProjectData(code="BMK-70-01", name="บ้านมั่นคงชุมชนหาดสวนยา",
                                    program_id=BAAN_MANKONG, fiscal_year=2570))
    ledger.record_approval(store, project_id=pid, amount_satang=1_000_000_00, entry_date=DAY)
    return pid


def outbox_and_ledger(store):
    with store.read() as s:
        return (s.scalar(sa.select(sa.func.count()).select_from(ChangeSet)),
                s.scalar(sa.select(sa.func.count()).select_from(LedgerEntry)))


def refused(store, code, fn, **kw):
    before = outbox_and_ledger(store)
    with pytest.raises(ServiceError) as err:
        fn(store, **kw)
    assert err.value.code == code
    assert outbox_and_ledger(store) == before, "a refused entry must write nothing"
    return err.value


@pytest.mark.parametrize("amount", [0, -500, -1])
def test_non_positive_amounts_are_refused(store, project, amount):
    err = refused(store, "amount_positive", ledger.record_disbursement,
                  project_id=project, amount_satang=amount, entry_date=DAY)
    assert "มากกว่าศูนย์" in err.message("th")
    assert "greater than zero" in err.message("en")


def test_disbursement_above_approved_is_refused_with_the_figures(store, project):
    ledger.record_disbursement(store, project_id=project, amount_satang=600_000_00,
                               entry_date=DAY, tranche_no=1)
    err = refused(store, "over_approved", ledger.record_disbursement,
                  project_id=project, amount_satang=400_000_01, entry_date=DAY, tranche_no=2)
    assert err.message("th") == (
        "เบิกจ่ายเกินวงเงินอนุมัติ: อนุมัติ ฿1,000,000.00 เบิกแล้ว ฿600,000.00 ขอเบิก ฿400,000.01"
    )
    # Exactly the remainder fits.
    ledger.record_disbursement(store, project_id=project, amount_satang=400_000_00,
                               entry_date=DAY, tranche_no=2)
    bal = ledger.get_project_balance(store, project)
    assert (bal.approved, bal.disbursed, bal.remaining) == (1_000_000_00, 1_000_000_00, 0)


def test_disbursement_without_approval_is_refused(store):
    pid = projects.create_project(
        store, projects.ProjectData(code="W-1", name="สวัสดิการ", program_id=WELFARE,
                                    fiscal_year=2570))
    refused(store, "project_not_approved", ledger.record_disbursement,
            project_id=pid, amount_satang=100, entry_date=DAY)


def test_refund_above_disbursed_is_refused(store, project):
    ledger.record_disbursement(store, project_id=project, amount_satang=100_00, entry_date=DAY)
    refused(store, "refund_above_disbursed", ledger.record_refund,
            project_id=project, amount_satang=100_01, entry_date=DAY)


def test_reversal_corrects_and_cannot_be_repeated(store, project):
    d = ledger.record_disbursement(store, project_id=project, amount_satang=250_000_00,
                                   entry_date=DAY)
    ledger.record_reversal(store, entry_id=d, entry_date=DAY, note="บันทึกผิดงวด")
    assert ledger.get_project_balance(store, project).disbursed == 0
    refused(store, "already_reversed", ledger.record_reversal, entry_id=d, entry_date=DAY)
    rows = ledger.project_entries(store, project)
    assert [r.kind for r in rows] == ["approval", "disbursement", "reversal"]
    assert rows[1].reversed and rows[2].reverses_id == d


def test_a_reversal_cannot_be_reversed(store, project):
    d = ledger.record_disbursement(store, project_id=project, amount_satang=1_00, entry_date=DAY)
    r = ledger.record_reversal(store, entry_id=d, entry_date=DAY)
    refused(store, "reverse_reversal", ledger.record_reversal, entry_id=r, entry_date=DAY)


def test_reversing_an_approval_below_what_was_disbursed_is_refused(store, project):
    with store.read() as s:
        approval = s.scalars(sa.select(LedgerEntry.id).where(
            LedgerEntry.project_id == project)).one()
    ledger.record_disbursement(store, project_id=project, amount_satang=1_00, entry_date=DAY)
    refused(store, "approval_below_disbursed", ledger.record_reversal,
            entry_id=approval, entry_date=DAY)


def test_program_must_match_the_project(store, project):
    with pytest.raises(ServiceError) as err:
        ledger._record(store, kind=ledger.LedgerKind.APPROVAL, project_id=project,
                       program_id=WELFARE, amount_satang=1, entry_date=DAY)
    assert err.value.code == "wrong_program"


def test_budget_by_program_adds_up(store, project):
    ledger.record_allocation(store, program_id=BAAN_MANKONG, fiscal_year=2570,
                             amount_satang=5_000_000_00, entry_date=DAY)
    ledger.record_disbursement(store, project_id=project, amount_satang=300_000_00,
                               entry_date=DAY)
    ledger.record_refund(store, project_id=project, amount_satang=50_000_00, entry_date=DAY)
    rows = {r.code: r for r in ledger.budget_by_program(store, 2570)}
    bm = rows["baan_mankong"]
    assert (bm.allocated, bm.approved, bm.disbursed) == (5_000_000_00, 1_000_000_00, 250_000_00)
    assert bm.remaining == 4_000_000_00
    assert rows["welfare"].allocated == 0
    assert ledger.budget_by_program(store, 2569)[0].approved == 0
