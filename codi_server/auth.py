"""Accounts, devices and their tokens; login rate limiting.

Passwords are argon2id hashes. A device token is ``secrets.token_urlsafe(32)`` (256
bits), shown once and stored only as its sha256 (enough for a high-entropy secret, and
a lookup by hash needs no per-row salt). Wrong credentials get one 401 whether or not
the user exists, and an unknown user costs the same argon2 verification. Failed
enrolments are counted in the database (so every server process sees them) per
username and per client address; past the limit the answer is 429 with Retry-After.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import os
import secrets
import threading
import time
from collections import OrderedDict
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from codi_core.models import new_id, utcnow
from codi_core.wire import (
    BAD_CREDENTIALS,
    DEVICE_REVOKED,
    FORBIDDEN,
    NOT_FOUND,
    TOO_MANY_ATTEMPTS,
    UNAUTHORIZED,
)

from . import schema
from .apply import DeviceScope
from .db import write_connection
from .problems import ProblemError

log = logging.getLogger("codi_server.auth")

ROLES = ("province", "cluster", "region", "hq")
# argon2id at the library's recommended cost (RFC 9106 low-memory profile). The cost can
# be lowered by environment for test suites only; production leaves these unset.
_hasher = PasswordHasher(
    time_cost=int(os.environ.get("CODI_SERVER_ARGON2_TIME_COST", "3")),
    memory_cost=int(os.environ.get("CODI_SERVER_ARGON2_MEMORY_KIB", "65536")),
)


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against when the user does not exist (same cost as a real one).
    Made on first use, not at import: a server starts about a second sooner."""
    return _hasher.hash(secrets.token_urlsafe(16))


# Rate limits: failures within the window, then a lock-out for LOCK_SECONDS.
USER_LIMIT = 5
ADDRESS_LIMIT = 20
WINDOW = dt.timedelta(minutes=10)
LOCK_SECONDS = 300


class AccountError(ValueError):
    pass


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(
    engine: sa.Engine, username: str, password: str, role: str, provinces: list[str]
) -> int:
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if not username or len(username) > 100:
        raise AccountError("a user name of 1 to 100 characters is needed")
    if len(password) < 8:
        raise AccountError("the password needs at least 8 characters")
    provinces = sorted(set(provinces))
    if role == "hq":
        provinces = []
    elif not provinces:
        raise AccountError(f"a {role} user needs at least one --province")
    elif role == "province" and len(provinces) != 1:
        raise AccountError("a province user has exactly one --province")
    with write_connection(engine) as conn, conn.begin():
        table = schema.DOMAIN_TABLES["province"]
        known = set(conn.execute(sa.select(table.c.id)).scalars())
        unknown = [p for p in provinces if p not in known]
        if unknown:
            raise AccountError(f"unknown province code(s): {', '.join(unknown)}")
        exists = conn.execute(
            sa.select(schema.users.c.id).where(schema.users.c.username == username)
        ).first()
        if exists:
            raise AccountError(f"user {username} already exists")
        return conn.execute(
            sa.insert(schema.users)
            .values(
                username=username,
                password_hash=hash_password(password),
                role=role,
                provinces=provinces,
                created_at=utcnow(),
            )
            .returning(schema.users.c.id)
        ).scalar_one()


def _scope_of(user: Any, device_id: str) -> DeviceScope:
    return DeviceScope(
        device_id=device_id,
        user_id=user.id,
        username=user.username,
        role=user.role,
        provinces=None if user.role == "hq" else frozenset(user.provinces),
    )


# -- rate limiting --------------------------------------------------------------------


def _locked_for(conn: sa.Connection, keys: list[str], now: dt.datetime) -> int:
    lf = schema.login_failure
    rows = conn.execute(sa.select(lf.c.locked_until).where(lf.c.key.in_(keys))).all()
    waits = [
        int((r.locked_until - now).total_seconds()) + 1
        for r in rows
        if r.locked_until is not None and r.locked_until > now
    ]
    return max(waits, default=0)


def _record_failure(engine: sa.Engine, keys: dict[str, int], now: dt.datetime) -> None:
    lf = schema.login_failure
    with write_connection(engine) as conn, conn.begin():
        for key, limit in keys.items():
            row = conn.execute(sa.select(lf).where(lf.c.key == key).with_for_update()).first()
            if row is None or now - row.window_start > WINDOW:
                values = {"failures": 1, "window_start": now, "locked_until": None}
            else:
                failures = row.failures + 1
                values = {
                    "failures": failures,
                    "window_start": row.window_start,
                    "locked_until": now + dt.timedelta(seconds=LOCK_SECONDS)
                    if failures >= limit
                    else row.locked_until,
                }
            if row is None:
                try:
                    with conn.begin_nested():
                        conn.execute(sa.insert(lf).values(key=key, **values))
                except sa.exc.IntegrityError:
                    pass  # another process counted the first failure at the same moment
            else:
                conn.execute(sa.update(lf).where(lf.c.key == key).values(**values))


def _clear_failures(engine: sa.Engine, key: str) -> None:
    with write_connection(engine) as conn, conn.begin():
        conn.execute(sa.delete(schema.login_failure).where(schema.login_failure.c.key == key))


def _too_many(wait: int) -> ProblemError:
    return ProblemError(
        429,
        TOO_MANY_ATTEMPTS,
        "Too many failed sign-ins; wait before trying again.",
        "เข้าสู่ระบบผิดหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่",
        retry_after=max(wait, 1),
    )


# -- enrolment and revocation ---------------------------------------------------------


def enrol(
    engine: sa.Engine,
    username: str,
    password: str,
    device_name: str,
    device_id: str | None,
    client: str,
) -> dict[str, Any]:
    now = utcnow()
    user_key, address_key = f"user:{username.casefold()}", f"addr:{client}"
    with engine.connect() as conn:
        wait = _locked_for(conn, [user_key, address_key], now)
        user = conn.execute(
            sa.select(schema.users).where(
                schema.users.c.username == username, schema.users.c.disabled_at.is_(None)
            )
        ).first()
    if wait:
        log.warning("sign-in refused: rate limited", extra={"event": "login_limited",
                                                            "username": username, "client": client})
        raise _too_many(wait)
    try:
        _hasher.verify(user.password_hash if user else _dummy_hash(), password)
        ok = user is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if not ok:
        _record_failure(engine, {user_key: USER_LIMIT, address_key: ADDRESS_LIMIT}, now)
        log.warning("sign-in failed", extra={"event": "login_failed", "username": username,
                                             "client": client})
        raise ProblemError(
            401, BAD_CREDENTIALS, "Wrong user name or password.", "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
        )
    _clear_failures(engine, user_key)
    token = secrets.token_urlsafe(32)
    devices = schema.devices
    with write_connection(engine) as conn, conn.begin():
        if device_id is not None:
            device = conn.execute(
                sa.select(devices).where(devices.c.id == device_id).with_for_update()
            ).first()
            if device is None or device.user_id != user.id:
                raise ProblemError(
                    403, FORBIDDEN, "That device is not one of this user's devices.",
                    "อุปกรณ์นี้ไม่ใช่ของผู้ใช้นี้",
                )
            if device.revoked_at is not None:
                raise ProblemError(
                    401, DEVICE_REVOKED, "This device has been revoked.",
                    "อุปกรณ์นี้ถูกเพิกถอนสิทธิ์แล้ว",
                )
            conn.execute(
                sa.update(devices)
                .where(devices.c.id == device_id)
                .values(token_hash=hash_token(token), name=device_name, last_seen_at=now)
            )
            event = "token_rotated"
        else:
            device_id = new_id()
            conn.execute(
                sa.insert(devices).values(
                    id=device_id,
                    user_id=user.id,
                    name=device_name,
                    token_hash=hash_token(token),
                    created_at=now,
                    last_seen_at=now,
                    last_device_seq=0,
                )
            )
            event = "device_enrolled"
    log.info(event, extra={"event": event, "username": username, "device_id": device_id,
                           "client": client})
    scope = _scope_of(user, device_id)
    return {
        "device_id": device_id,
        "token": token,
        "user": user.username,
        "role": user.role,
        "scope": scope.wire_scope(),
    }


def authenticate(engine: sa.Engine, authorization: str | None) -> DeviceScope:
    """The device behind a ``Bearer`` token, or a 401 problem."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ProblemError(
            401, UNAUTHORIZED, "A device token is required (Authorization: Bearer ...).",
            "ต้องลงทะเบียนอุปกรณ์ก่อน",
            headers={"WWW-Authenticate": "Bearer"},
        )
    devices, users = schema.devices, schema.users
    now = utcnow()
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(
                devices.c.id, devices.c.revoked_at, devices.c.last_seen_at,
                users.c.id.label("user_id"), users.c.username, users.c.role, users.c.provinces,
                users.c.disabled_at,
            )
            .join(users, users.c.id == devices.c.user_id)
            .where(devices.c.token_hash == hash_token(token.strip()))
        ).first()
    if row is None:
        raise ProblemError(
            401, UNAUTHORIZED, "Unknown device token.", "ไม่รู้จักอุปกรณ์นี้ กรุณาลงทะเบียนใหม่",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if row.revoked_at is not None:
        raise ProblemError(
            401, DEVICE_REVOKED, "This device has been revoked.", "อุปกรณ์นี้ถูกเพิกถอนสิทธิ์แล้ว"
        )
    if row.disabled_at is not None:
        raise ProblemError(401, UNAUTHORIZED, "This account is disabled.", "บัญชีนี้ถูกระงับ")
    if row.last_seen_at is None or now - row.last_seen_at > dt.timedelta(minutes=1):
        with write_connection(engine) as conn, conn.begin():
            conn.execute(
                sa.update(devices).where(devices.c.id == row.id).values(last_seen_at=now)
            )
    return DeviceScope(
        device_id=row.id,
        user_id=row.user_id,
        username=row.username,
        role=row.role,
        provinces=None if row.role == "hq" else frozenset(row.provinces),
    )


# Push requests remember token -> scope for a short while (one round trip and a pooled
# connection less per push). Safe because a remembered scope is never trusted alone: the
# push's device lock reads the device and its user again in the same statement and
# refuses a revoked device, a disabled account or a rotated token at once (and takes the
# user's current role and provinces); see ``apply.batch.Batch._lock_device``.
PUSH_CACHE_SECONDS = 60.0
PUSH_CACHE_SIZE = 10_000
_push_cache: OrderedDict[tuple[str, str], tuple[float, DeviceScope]] = OrderedDict()
_push_cache_lock = threading.Lock()


def authenticate_push(engine: sa.Engine, authorization: str | None) -> DeviceScope:
    """``authenticate`` for a push, remembered for ``PUSH_CACHE_SECONDS`` (the push checks
    the device again under its lock)."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return authenticate(engine, authorization)
    key = (str(engine.url), hash_token(token.strip()))
    now = time.monotonic()
    with _push_cache_lock:
        hit = _push_cache.get(key)
        if hit is not None and now - hit[0] < PUSH_CACHE_SECONDS:
            _push_cache.move_to_end(key)
            return hit[1]
    scope = authenticate(engine, authorization)
    scope = DeviceScope(
        device_id=scope.device_id, user_id=scope.user_id, username=scope.username,
        role=scope.role, provinces=scope.provinces, token_hash=key[1],
    )
    with _push_cache_lock:
        _push_cache[key] = (now, scope)
        while len(_push_cache) > PUSH_CACHE_SIZE:
            _push_cache.popitem(last=False)
    return scope


def forget_push(engine: sa.Engine, authorization: str | None) -> None:
    """Drop a remembered push scope (its push was refused: revoked, disabled, rotated)."""
    _scheme, _, token = (authorization or "").partition(" ")
    with _push_cache_lock:
        _push_cache.pop((str(engine.url), hash_token(token.strip())), None)


def revoke(engine: sa.Engine, scope: DeviceScope | None, device_id: str) -> None:
    """Revoke a device: by itself or by HQ (``scope`` None: the server's own CLI)."""
    devices = schema.devices
    with write_connection(engine) as conn, conn.begin():
        target = conn.execute(
            sa.select(devices.c.id, devices.c.revoked_at).where(devices.c.id == device_id)
        ).first()
        allowed = scope is None or scope.is_hq or scope.device_id == device_id
        if not allowed:
            raise ProblemError(
                403, FORBIDDEN, "Only the device itself or HQ may revoke a device.",
                "เฉพาะอุปกรณ์นั้นเองหรือสำนักงานใหญ่เท่านั้นที่เพิกถอนได้",
            )
        if target is None:
            raise ProblemError(404, NOT_FOUND, "No such device.", "ไม่พบอุปกรณ์นี้")
        if target.revoked_at is None:
            conn.execute(
                sa.update(devices).where(devices.c.id == device_id).values(revoked_at=utcnow())
            )
    log.info("device revoked", extra={"event": "device_revoked", "device_id": device_id,
                                      "by": scope.device_id if scope else "cli"})


def list_devices(engine: sa.Engine) -> list[dict[str, Any]]:
    devices, users = schema.devices, schema.users
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(
                devices.c.id, devices.c.name, users.c.username, users.c.role,
                devices.c.created_at, devices.c.last_seen_at, devices.c.revoked_at,
                devices.c.last_device_seq,
            )
            .join(users, users.c.id == devices.c.user_id)
            .order_by(devices.c.created_at)
        ).mappings()
        return [dict(r) for r in rows]
