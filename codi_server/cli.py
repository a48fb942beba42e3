"""``codi-server``: run the HQ sync server and manage its accounts and devices.

Every subcommand takes ``--database-url``; the default is the embedded SQLite file in
the platform's data folder (``CODI_SERVER_DATABASE_URL`` overrides it), PostgreSQL is
``postgresql+psycopg://user@host/db``.

    codi-server migrate
    codi-server create-user somchai --role province --province 50
    codi-server devices
    codi-server revoke DEVICE_ID
    codi-server serve [--host 127.0.0.1 --port 8470 --workers N]
    codi-server demo --province 50 --scale small
    codi-server purge [--older-than-days 90]
    codi-server check [--max-clock-skew 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys


def _engine(args: argparse.Namespace):
    from . import db

    engine = db.make_engine(args.database_url or db.default_database_url())
    db.prepare(engine)
    return engine


def cmd_migrate(args: argparse.Namespace) -> int:
    from . import db

    engine = _engine(args)
    print(f"database at revision {db.current_revision(engine)}")
    return 0


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        second = getpass.getpass("Password again: ")
        if first != second:
            raise SystemExit("the passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_create_user(args: argparse.Namespace) -> int:
    from .auth import AccountError, create_user

    engine = _engine(args)
    password = _read_password()
    try:
        user_id = create_user(engine, args.name, password, args.role, args.province or [])
    except AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"user {args.name} created (id {user_id}, role {args.role})")
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    from .auth import list_devices

    rows = list_devices(_engine(args))
    if not rows:
        print("no devices")
        return 0
    print(f"{'device id':36}  {'user':16} {'role':9} {'last seq':>8}  {'last seen':20} state  name")
    for r in rows:
        seen = r["last_seen_at"].strftime("%Y-%m-%d %H:%M:%S") if r["last_seen_at"] else "-"
        state = "revoked" if r["revoked_at"] else "active"
        print(
            f"{r['id']:36}  {r['username'][:16]:16} {r['role']:9} {r['last_device_seq']:>8}  "
            f"{seen:20} {state:7}{r['name']}"
        )
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from .auth import revoke
    from .problems import ProblemError

    try:
        revoke(_engine(args), None, args.device_id)
    except ProblemError as exc:
        print(f"error: {exc.detail}", file=sys.stderr)
        return 1
    print(f"device {args.device_id} revoked")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from . import db, logs

    url = args.database_url or db.default_database_url()
    logs.configure(args.log_level.upper())
    engine = db.make_engine(url)
    db.prepare(engine)
    engine.dispose()
    os.environ["CODI_SERVER_DATABASE_URL"] = url
    os.environ["CODI_SERVER_TOMBSTONE_DAYS"] = str(args.tombstone_days)
    os.environ["CODI_SERVER_LOG_LEVEL"] = args.log_level.upper()
    uvicorn.run(
        "codi_server.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=5,
    )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import country_plan, load_demos

    if args.country:
        plan = country_plan()
    else:
        codes = [c.strip() for value in args.province for c in value.split(",") if c.strip()]
        if not codes:
            print("give --province CODE[,CODE...] or --country", file=sys.stderr)
            return 2
        plan = [(code, args.scale) for code in dict.fromkeys(codes)]

    def progress(province: str, scale: str, rows: int) -> None:
        if len(plan) > 1:
            print(f"  province {province} ({scale}): {rows} rows", file=sys.stderr, flush=True)

    counts = load_demos(_engine(args), plan, args.seed, progress)
    total = sum(counts.values())
    if len(plan) == 1:
        print(f"demo province {plan[0][0]} ({plan[0][1]}): {total} rows")
    else:
        print(f"demo provinces {','.join(p for p, _ in plan)}: {total} rows")
    for name, n in counts.items():
        print(f"  {name:20} {n}")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from .pull import purge_tombstones

    n = purge_tombstones(_engine(args), dt.timedelta(days=args.older_than_days))
    print(f"purged {n} tombstones")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .check import cmd_check as run

    return run(args)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url",
        help="SQLAlchemy URL (default: the embedded SQLite file in the data folder)",
    )
    parser = argparse.ArgumentParser(prog="codi-server", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("migrate", parents=[common], help="create or upgrade the database")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("create-user", parents=[common], help="create a user account")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["province", "cluster", "region", "hq"])
    p.add_argument("--province", action="append", metavar="CODE",
                   help="DOPA province code (repeat for cluster/region users)")
    p.set_defaults(func=cmd_create_user)

    p = sub.add_parser("devices", parents=[common], help="list enrolled devices")
    p.set_defaults(func=cmd_devices)

    p = sub.add_parser("revoke", parents=[common], help="revoke a device")
    p.add_argument("device_id")
    p.set_defaults(func=cmd_revoke)

    p = sub.add_parser("serve", parents=[common], help="run the HTTP server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8470)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--tombstone-days", type=float, default=90.0,
                   help="keep deleted rows this long before purging them (default 90)")
    p.add_argument("--log-level", default="info")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("demo", parents=[common], help="fill the server with demo provinces")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--province", "--provinces", action="append", metavar="CODE[,CODE]",
                       help="DOPA province code(s): repeat or separate with commas")
    which.add_argument("--country", action="store_true",
                       help="every province, the busiest large and the rest small")
    p.add_argument("--scale", choices=["small", "large"], default="small")
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("purge", parents=[common], help="purge old tombstones now")
    p.add_argument("--older-than-days", type=float, default=90.0)
    p.set_defaults(func=cmd_purge)

    p = sub.add_parser("check", parents=[common],
                       help="check configuration, database, migrations and clock (changes nothing)")
    p.add_argument("--max-clock-skew", type=float, default=2.0, metavar="SECONDS",
                   help="largest difference allowed between this host's and PostgreSQL's clock")
    p.set_defaults(func=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
