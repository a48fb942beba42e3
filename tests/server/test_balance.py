"""The laptop and the server compute a project's balance with the same function
(``codi_core.rules.ledger.project_balance``): one fixed ledger, fed to both, gives the
figures worked out by hand."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from codi_core.models import LedgerEntry
from codi_core.reference import reference_id
from codi_core.rules.ledger import ProjectBalance, project_balance
from codi_desktop.services import ledger, projects
from codi_desktop.store.database import open_store

BAAN_MANKONG = reference_id("program", "baan_mankong")
DAY = dt.date(2026, 12, 1)
# Worked out by hand: approved 1,000,000.00; disbursed 400,000 + 300,000 (reversed) -
# refund 50,000 = 350,000.00; expenditure reported 120,000.00.
EXPECTED = ProjectBalance(approved=1_000_000_00, disbursed=350_000_00, spent=120_000_00)


def test_laptop_and_server_balances_of_one_ledger_are_the_same(tmp_path):
    from codi_server import db, schema

    store = open_store(tmp_path / "laptop")
    store.set_setting("province_code", "34")
    pid = projects.create_project(store, projects.ProjectData(
        code="BMK-70-09", name="บ้านมั่นคงทดสอบยอด", program_id=BAAN_MANKONG, fiscal_year=2570))
    ledger.record_approval(store, project_id=pid, amount_satang=1_000_000_00, entry_date=DAY)
    ledger.record_disbursement(store, project_id=pid, amount_satang=400_000_00, entry_date=DAY)
    second = ledger.record_disbursement(store, project_id=pid, amount_satang=300_000_00,
                                        entry_date=DAY)
    ledger.record_reversal(store, entry_id=second, entry_date=DAY)
    ledger.record_refund(store, project_id=pid, amount_satang=50_000_00, entry_date=DAY)
    ledger.record_expenditure(store, project_id=pid, amount_satang=120_000_00, entry_date=DAY)
    laptop = ledger.get_project_balance(store, pid)

    # The same rows in a server database (its own copy of the table, no foreign keys).
    engine = db.make_engine(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    db.prepare(engine)
    server_ledger = schema.DOMAIN_TABLES["ledger_entry"]
    with store.read() as session:
        rows = [dict(r) for r in session.execute(sa.select(LedgerEntry.__table__)).mappings()]
    with engine.begin() as conn:
        conn.execute(sa.insert(server_ledger), rows)
        server = project_balance(conn, pid, ledger=server_ledger)
    engine.dispose()
    store.close()
    assert laptop == EXPECTED
    assert server == EXPECTED
