"""``codi-server check``: is this server ready to serve? For HQ IT, after an install, an
upgrade, or when something looks wrong. It changes nothing.

Four checks, each printed as one line; the exit code is 0 only when none failed:

1. configuration: which database URL is used and where it came from (``--database-url``,
   ``CODI_SERVER_DATABASE_URL`` or the embedded default), its driver is installed, and no
   test-only setting (cheap password hashing) is set;
2. database reachable: a connection and ``SELECT 1`` within a few seconds;
3. migrations at head: the database's revision is this version's head (else: run
   ``codi-server migrate``), and the server's state row exists;
4. time in sync: this host's clock against PostgreSQL's ``clock_timestamp()`` (corrected by half the
   round trip). Several server processes on several hosts stamp rows with their own
   clocks, so they must agree; with the embedded SQLite there is only this host's clock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

DEFAULT_MAX_SKEW = 2.0  # seconds
CONNECT_TIMEOUT = 5  # seconds
_TEST_ONLY = ("CODI_SERVER_ARGON2_TIME_COST", "CODI_SERVER_ARGON2_MEMORY_KIB")


@dataclass
class Check:
    name: str
    status: str  # "ok", "warn", "FAIL"
    detail: str


def _drivers(url: sa.engine.URL) -> list[str]:
    if url.get_backend_name() == "postgresql":
        return ["psycopg"] if url.get_driver_name() in ("psycopg", "") else [url.get_driver_name()]
    return []


def check_configuration(url_text: str, source: str) -> list[Check]:
    try:
        url = sa.engine.make_url(url_text)
    except sa.exc.ArgumentError as exc:
        return [Check("configuration", "FAIL", f"the database URL is not valid: {exc}")]
    shown = url.render_as_string(hide_password=True)
    out = []
    missing = []
    for module in _drivers(url):
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(module)
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        out.append(Check("configuration", "FAIL",
                         f"{shown}: only PostgreSQL and SQLite are supported"))
    elif missing:
        out.append(Check("configuration", "FAIL",
                         f"{shown}: driver {', '.join(missing)} is not installed "
                         '(pip install ".[server]")'))
    else:
        out.append(Check("configuration", "ok", f"database {shown} (from {source})"))
    lowered = [name for name in _TEST_ONLY if os.environ.get(name)]
    if lowered:
        out.append(Check("configuration", "warn",
                         f"test-only settings {', '.join(lowered)} weaken password hashing; "
                         "unset them in production"))
    return out


def _engine(url_text: str) -> sa.Engine:
    from . import db

    url = sa.engine.make_url(url_text)
    if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
        url = url.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT)})
    return db.make_engine(url.render_as_string(hide_password=False))


def check_reachable(engine: sa.Engine) -> Check:
    url = engine.url
    if url.get_backend_name() == "sqlite":
        path = url.database
        if path and path != ":memory:" and not Path(path).exists():
            return Check("database reachable", "FAIL",
                         f"no database file at {path}; run: codi-server migrate")
    start = time.perf_counter()
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
            version = (conn.exec_driver_sql("SELECT version()").scalar()
                       if url.get_backend_name() == "postgresql"
                       else "SQLite " + conn.exec_driver_sql("SELECT sqlite_version()").scalar())
    except Exception as exc:  # noqa: BLE001 - whatever stops us is the answer
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return Check("database reachable", "FAIL", f"cannot connect: {first}")
    ms = (time.perf_counter() - start) * 1000
    return Check("database reachable", "ok", f"{str(version).split(' on ')[0]} ({ms:.0f} ms)")


def check_migrations(engine: sa.Engine) -> Check:
    from . import db, schema

    head = db.head_revision()
    try:
        current = db.current_revision(engine)
    except Exception as exc:  # noqa: BLE001
        return Check("migrations at head", "FAIL", f"cannot read the revision: {exc}")
    if current is None:
        return Check("migrations at head", "FAIL",
                     f"the database is empty (head is {head}); run: codi-server migrate")
    if current != head:
        return Check("migrations at head", "FAIL",
                     f"the database is at {current}, this version's head is {head}; "
                     "run: codi-server migrate (or install the version that wrote it)")
    with engine.connect() as conn:
        state = conn.execute(sa.select(schema.server_state.c.last_seq)).first()
    if state is None:
        return Check("migrations at head", "FAIL",
                     "the server state row is missing; run: codi-server migrate")
    return Check("migrations at head", "ok", f"revision {head}, last seq {state[0]}")


def check_time(engine: sa.Engine, max_skew: float, clock=time.time) -> Check:
    """*clock* is this host's clock (a parameter so a test can stand in for a wrong one)."""
    if engine.dialect.name != "postgresql":
        return Check("time in sync", "ok",
                     "embedded SQLite: one host, one clock (keep it synced with NTP)")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")  # connected before the clock starts
            conn.rollback()
            before = clock()
            # clock_timestamp(): now() is the start of the transaction, not this instant.
            db_now = conn.exec_driver_sql("SELECT clock_timestamp()").scalar()
            after = clock()
    except Exception as exc:  # noqa: BLE001
        return Check("time in sync", "FAIL", f"cannot read the database clock: {exc}")
    local = before + (after - before) / 2
    skew = db_now.timestamp() - local
    detail = (f"PostgreSQL's clock is {abs(skew):.3f} s {'ahead of' if skew > 0 else 'behind'} "
              f"this host's (limit {max_skew:g} s, round trip {(after - before) * 1000:.0f} ms)")
    if abs(skew) > max_skew:
        return Check("time in sync", "FAIL", detail + "; sync both clocks with NTP")
    return Check("time in sync", "ok", detail)


def run_checks(url_text: str, source: str, max_skew: float = DEFAULT_MAX_SKEW) -> list[Check]:
    results = check_configuration(url_text, source)
    if any(c.status == "FAIL" for c in results):
        return results
    engine = _engine(url_text)
    try:
        reach = check_reachable(engine)
        results.append(reach)
        if reach.status == "FAIL":
            return results
        results.append(check_migrations(engine))
        results.append(check_time(engine, max_skew))
    finally:
        engine.dispose()
    return results


def cmd_check(args: argparse.Namespace) -> int:
    from . import db

    if args.database_url:
        url, source = args.database_url, "--database-url"
    elif os.environ.get("CODI_SERVER_DATABASE_URL"):
        url, source = os.environ["CODI_SERVER_DATABASE_URL"], "CODI_SERVER_DATABASE_URL"
    else:
        url, source = db.default_database_url(), "the embedded default"
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    print(f"codi-server check, {now}")
    results = run_checks(url, source, args.max_clock_skew)
    for c in results:
        print(f"  {c.status:4} {c.name:20} {c.detail}")
    failed = [c for c in results if c.status == "FAIL"]
    print("not ready: " + "; ".join(c.name for c in failed) if failed else "ready to serve")
    return 1 if failed else 0
