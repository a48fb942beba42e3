"""National reference data on the server: the same rows every desktop seeds for itself.

The server seeds them with ``codi_core.reference.seed_reference_data`` and gives
each a seq (in foreign-key order), so they are ordinary synced rows: a snapshot pull
delivers them, and the desktop learns their seqs, which it needs as ``base_seq`` when HQ
later edits one and a province device edits the same row (it never may; scope says so).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from codi_core.models import SYNCED_MODELS, utcnow
from codi_core.reference import REFERENCE_VERSION, seed_reference_data

from . import schema
from .engines import write_connection
from .images import images_for
from .seqs import log_new_rows, take_seqs

# Foreign-key order: a pulled page applies parents before children.
REFERENCE_ORDER = [
    "region", "province_cluster", "province", "district", "subdistrict", "program", "criterion",
    "criterion_level",
]


def ensure_reference_data(engine: sa.Engine) -> None:
    state = schema.server_state
    with write_connection(engine) as conn, conn.begin():
        version = conn.execute(
            sa.select(state.c.reference_version).where(state.c.id == 1).with_for_update()
        ).scalar_one()
        if version == REFERENCE_VERSION:
            return
        with Session(bind=conn, join_transaction_mode="create_savepoint") as session:
            seed_reference_data(session)
            session.commit()
        now = utcnow()
        pending: list[tuple[str, list[str]]] = []
        for name in REFERENCE_ORDER:
            assert SYNCED_MODELS[name].__sync_scope__ == "national"
            table = schema.DOMAIN_TABLES[name]
            ids = list(
                conn.execute(sa.select(table.c.id).where(table.c.seq.is_(None)).order_by(table.c.id))
                .scalars()
            )
            pending.append((name, ids))
        total = sum(len(ids) for _, ids in pending)
        seq = take_seqs(conn, total)
        for name, ids in pending:
            if not ids:
                continue
            table = schema.DOMAIN_TABLES[name]
            conn.execute(
                sa.update(table)
                .where(table.c.id == sa.bindparam("b_id"))
                .values(seq=sa.bindparam("b_seq")),
                [{"b_id": row_id, "b_seq": seq + i} for i, row_id in enumerate(ids)],
            )
            images = images_for(conn, name, ids)
            log_new_rows(
                conn, name,
                [(row_id, None, False, seq + i, images[row_id]) for i, row_id in enumerate(ids)],
                now,
            )
            seq += len(ids)
        conn.execute(sa.update(state).where(state.c.id == 1).values(reference_version=REFERENCE_VERSION))
