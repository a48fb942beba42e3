"""The FastAPI application: the endpoints of PROTOCOL.md and their plumbing.

``create_app(database_url)`` builds an app on a SQLite file or a PostgreSQL database.
Every error is an RFC 9457 problem (``application/problem+json``) with a stable
``code``: our own errors, validation errors, 404/405 and unexpected failures alike.
Requests may be gzip-compressed (``Content-Encoding: gzip``, size-limited after
decompression); responses are gzipped when the client accepts it. Sync endpoints need
``Codi-Protocol: 1`` (426 with the supported versions otherwise).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
import zlib
from collections.abc import AsyncIterator
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from codi_core import wire
from codi_core.models import utcnow
from codi_core.models.serialize import format_datetime
from codi_core.wire import (
    BAD_ENCODING,
    FORBIDDEN,
    INTERNAL_ERROR,
    INVALID_REQUEST,
    METHOD_NOT_ALLOWED,
    NOT_FOUND,
    PROBLEM_MEDIA_TYPE,
    PROTOCOL_UNSUPPORTED,
    SUPPORTED_PROTOCOLS,
    TOO_LARGE,
    UNAVAILABLE,
)

from . import auth, db, encoding, logs
from .apply import DeviceScope, apply_change_sets
from .history import record_history
from .problems import ProblemError, from_error, problem_response
from .pull import pull, purge_tombstones

log = logging.getLogger("codi_server.http")

MAX_BODY = 32 * 1024 * 1024  # after decompression
DEFAULT_TOMBSTONE_DAYS = 90


# -- middleware -----------------------------------------------------------------------


class RequestBodyMiddleware:
    """Reads request bodies whole (bounded), undoing ``Content-Encoding: gzip``, and says
    in the answer's ``Server-Timing`` (``app;dur=<ms>``) how long the server took from
    the whole body's arrival to its answer: validation, locks waited for and work, not
    the link's time (a laptop sizes its pushes by it: PROTOCOL.md, push)."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope["headers"]]
        encoding = b""
        for k, v in headers:
            if k == b"content-encoding":
                encoding = v.strip().lower()
        if encoding not in (b"", b"identity", b"gzip"):
            await problem_response(
                415, BAD_ENCODING, "Only gzip request bodies are accepted.",
                "รูปแบบการบีบอัดข้อมูลไม่รองรับ",
            )(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        received = time.perf_counter()
        body = b"".join(chunks)
        if encoding == b"gzip":
            try:
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                body = inflater.decompress(body, self.max_body + 1)
                if len(body) > self.max_body or inflater.unconsumed_tail:
                    await self._too_large(scope, receive, send)
                    return
                if not inflater.eof:
                    raise zlib.error("truncated gzip stream")
            except zlib.error:
                await problem_response(
                    400, BAD_ENCODING, "The request body is not valid gzip.",
                    "ข้อมูลที่บีบอัดมาเสียหาย",
                )(scope, receive, send)
                return
        headers = [
            (k, v) for k, v in headers if k not in (b"content-encoding", b"content-length")
        ]
        headers.append((b"content-length", str(len(body)).encode()))
        scope = dict(scope, headers=headers)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = (time.perf_counter() - received) * 1000
                message = dict(message)
                message["headers"] = [
                    *message.get("headers", ()),
                    (b"server-timing", f"app;dur={took:.1f}".encode()),
                ]
            await send(message)

        await self.app(scope, replay, timed)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        await problem_response(
            413, TOO_LARGE, f"The request body is larger than {self.max_body} bytes.",
            "ข้อมูลที่ส่งมีขนาดใหญ่เกินไป",
        )(scope, receive, send)


class RequestLogMiddleware:
    """One log line per request: method, path, status, time. Never headers or bodies."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            client = scope.get("client")
            log.info(
                "request",
                extra={
                    "event": "request",
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "ms": round((time.perf_counter() - start) * 1000, 1),
                    "client": client[0] if client else None,
                },
            )


# -- errors ---------------------------------------------------------------------------

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def _problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {
        status: {
            "description": f"Problem details ({status})",
            "content": {PROBLEM_MEDIA_TYPE: {"schema": _PROBLEM_REF}},
        }
        for status in statuses
    }


COMMON = (400, 413, 415, 422, 500, 503)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(_request: Request, exc: ProblemError) -> Response:
        return from_error(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> Response:
        code = {400: INVALID_REQUEST, 404: NOT_FOUND, 405: METHOD_NOT_ALLOWED}.get(
            exc.status_code, "http_error"
        )
        th = {400: "คำขอไม่ถูกต้องตามรูปแบบที่กำหนด", 404: "ไม่พบสิ่งที่ขอ",
              405: "ไม่รองรับวิธีการนี้"}.get(exc.status_code)
        return problem_response(
            exc.status_code, code, str(exc.detail), th, headers=dict(exc.headers or {})
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path == "/v1/sync/push" and all(
            e.get("loc", ("",))[0] == "body" for e in exc.errors()
        ):
            # The token was good enough to be remembered (auth.authenticate_push); a
            # malformed push is not applied, so no device lock checks it: check it here
            # (a revoked device gets 401 on every call, malformed or not).
            try:
                await run_in_threadpool(
                    auth.authenticate, app.state.engine, request.headers.get("authorization")
                )
            except ProblemError as refused:
                return from_error(refused)
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")),
             "type": str(e.get("type", ""))}
            for e in exc.errors()[:20]
        ]
        return problem_response(
            422, INVALID_REQUEST, "The request does not match the protocol.",
            "คำขอไม่ถูกต้องตามรูปแบบที่กำหนด", errors=errors,
        )

    @app.exception_handler(sa.exc.OperationalError)
    @app.exception_handler(sa.exc.InterfaceError)
    @app.exception_handler(sa.exc.TimeoutError)
    async def _database(_request: Request, exc: Exception) -> Response:
        log.error("database unavailable", extra={"event": "database_error",
                                                 "error": type(exc).__name__})
        return problem_response(
            503, UNAVAILABLE, "The database is not answering; try again shortly.",
            "ฐานข้อมูลไม่ตอบสนอง กรุณาลองใหม่อีกครั้ง", retry_after=5,
        )

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> Response:
        log.error("unexpected error", exc_info=exc, extra={"event": "internal_error"})
        return problem_response(
            500, INTERNAL_ERROR, "An unexpected error occurred on the server.",
            "เกิดข้อผิดพลาดที่เซิร์ฟเวอร์",
        )


# -- dependencies ---------------------------------------------------------------------


def _check_protocol(value: str | None, required: bool) -> None:
    if value is None and not required:
        return
    try:
        ok = value is not None and int(value.strip()) in SUPPORTED_PROTOCOLS
    except ValueError:
        ok = False
    if not ok:
        raise ProblemError(
            426,
            PROTOCOL_UNSUPPORTED,
            f"This server speaks sync protocol version(s) {list(SUPPORTED_PROTOCOLS)}.",
            "โปรแกรมและเซิร์ฟเวอร์ใช้รุ่นของการรับส่งข้อมูลไม่ตรงกัน กรุณาปรับรุ่นโปรแกรม",
            protocols=list(SUPPORTED_PROTOCOLS),
            headers={"Upgrade": f"Codi-Protocol/{SUPPORTED_PROTOCOLS[-1]}"},
        )


ProtocolHeader = Annotated[
    str | None,
    Header(alias=wire.PROTOCOL_HEADER, description="Sync protocol version (1)", max_length=10),
]
AuthHeader = Annotated[
    str | None, Header(alias="Authorization", description="Bearer <device token>", max_length=500)
]


def create_app(
    database_url: str | None = None,
    *,
    prepare: bool = True,
    tombstone_days: float | None = DEFAULT_TOMBSTONE_DAYS,
    purge_interval: float = 3600.0,
) -> FastAPI:
    url = database_url or db.default_database_url()
    engine = db.make_engine(url)
    if prepare:
        db.prepare(engine)

    stop = threading.Event()

    def purger() -> None:
        assert tombstone_days is not None
        import datetime as dt

        while not stop.wait(purge_interval):
            try:
                purge_tombstones(engine, dt.timedelta(days=tombstone_days))
            except Exception:  # keep serving; the next round tries again
                log.exception("tombstone purge failed", extra={"event": "purge_failed"})

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        thread = None
        if tombstone_days is not None and purge_interval > 0:
            thread = threading.Thread(target=purger, name="tombstone-purge", daemon=True)
            thread.start()
        try:
            yield
        finally:
            stop.set()
            engine.dispose()

    app = FastAPI(
        title="CODI sync server",
        version="1",
        description="Headquarters sync server of CODI Desktop (PROTOCOL.md, version 1).",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.engine = engine
    app.add_middleware(RequestBodyMiddleware)
    # Level 5: most of level 9's saving on JSON pages at a fraction of the CPU.
    app.add_middleware(GZipMiddleware, minimum_size=500, compresslevel=5)
    app.add_middleware(RequestLogMiddleware)
    _install_error_handlers(app)

    def device(
        codi_protocol: ProtocolHeader = None, authorization: AuthHeader = None
    ) -> DeviceScope:
        _check_protocol(codi_protocol, required=True)
        return auth.authenticate(engine, authorization)

    def push_device(
        codi_protocol: ProtocolHeader = None, authorization: AuthHeader = None
    ) -> DeviceScope:
        # Remembered: the push checks the device again under its lock (auth.py).
        _check_protocol(codi_protocol, required=True)
        return auth.authenticate_push(engine, authorization)

    @app.get(
        "/v1/health",
        response_model=wire.HealthResponse,
        responses=_problem_responses(*COMMON),
        summary="Is the server (and its database) answering?",
    )
    def health() -> Any:
        try:
            with engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError:
            raise ProblemError(
                503, UNAVAILABLE, "The database is not answering.", "ฐานข้อมูลไม่ตอบสนอง",
                retry_after=5,
            ) from None
        return {
            "status": "ok",
            "protocols": list(SUPPORTED_PROTOCOLS),
            "server_time": format_datetime(utcnow()),
            "database": "ok",
        }

    @app.post(
        "/v1/devices",
        status_code=201,
        response_model=wire.EnrolResponse,
        responses=_problem_responses(*COMMON, 401, 403, 426, 429),
        summary="Enrol a device (or rotate the token of one of the user's devices)",
    )
    def enrol(body: wire.EnrolRequest, request: Request, codi_protocol: ProtocolHeader = None) -> Any:
        _check_protocol(codi_protocol, required=False)
        client = request.client.host if request.client else "unknown"
        return auth.enrol(
            engine, body.username, body.password, body.device_name, body.device_id, client
        )

    @app.delete(
        "/v1/devices/{device_id}",
        status_code=204,
        response_class=Response,
        responses=_problem_responses(*COMMON, 401, 403, 404, 426),
        summary="Revoke a device (the device itself or HQ)",
    )
    def revoke(
        device_id: Annotated[str, Path(min_length=1, max_length=36)],
        scope: DeviceScope = Depends(device),
    ) -> Response:
        auth.revoke(engine, scope, device_id)
        return Response(status_code=204)

    @app.post(
        "/v1/sync/push",
        response_model=wire.PushResponse,
        responses=_problem_responses(*COMMON, 401, 403, 409, 426),
        summary="Push change sets, applied in device order, exactly once",
    )
    def push(
        body: wire.PushRequest,
        scope: DeviceScope = Depends(push_device),
        authorization: AuthHeader = None,
    ) -> Any:
        if body.device_id != scope.device_id:
            raise ProblemError(
                403, FORBIDDEN, "device_id does not match the device token.",
                "รหัสอุปกรณ์ไม่ตรงกับอุปกรณ์ที่ลงทะเบียน",
            )
        if not body.change_sets:
            # Nothing to lock the device for: its token is checked here, not remembered.
            auth.authenticate(engine, authorization)
            return {"results": []}
        try:
            return {"results": apply_change_sets(engine, scope, body.change_sets)}
        except ProblemError as exc:
            if exc.status == 401:  # refused under the device lock: not remembered any more
                auth.forget_push(engine, authorization)
            raise

    @app.get(
        "/v1/sync/pull",
        response_model=None,
        responses={200: {"model": wire.PullResponse}, **_problem_responses(*COMMON, 401, 410, 426)},
        summary="Pull rows in the device's scope written after the cursor",
    )
    def pull_rows(
        request: Request,
        cursor: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=wire.MAX_PULL_LIMIT)] = 500,
        until: Annotated[str | None, Query(max_length=64)] = None,
        splits: bool = False,
        scope: DeviceScope = Depends(device),
    ) -> Response:
        page = pull(engine, scope, cursor, limit, until=until, splits=splits)
        body, coding = encoding.compress(page, request.headers.get("accept-encoding", ""))
        headers = {"Vary": "Accept-Encoding"}
        if coding:
            headers["Content-Encoding"] = coding
        return Response(body, media_type="application/json", headers=headers)

    @app.get(
        "/v1/history/{table}/{row_id}",
        responses=_problem_responses(*COMMON, 401, 404, 426),
        summary="A record's history across devices (within the device's scope)",
    )
    def history(
        table: Annotated[str, Path(min_length=1, max_length=60)],
        row_id: Annotated[str, Path(min_length=1, max_length=36)],
        scope: DeviceScope = Depends(device),
    ) -> Any:
        return record_history(engine, scope, table, row_id)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description,
                routes=app.routes,
            )
            schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = (
                wire.Problem.model_json_schema()
            )
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def app_from_env() -> FastAPI:
    """uvicorn factory for ``codi-server serve`` (several workers): settings from env."""
    logs.configure(os.environ.get("CODI_SERVER_LOG_LEVEL", "INFO"))
    days = os.environ.get("CODI_SERVER_TOMBSTONE_DAYS")
    return create_app(
        os.environ.get("CODI_SERVER_DATABASE_URL"),
        prepare=False,
        tombstone_days=float(days) if days else DEFAULT_TOMBSTONE_DAYS,
    )
