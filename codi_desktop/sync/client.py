"""HTTP client for the sync server (PROTOCOL.md "Transport"): one small class per server.

It speaks JSON over HTTPS with gzip bodies, verifies TLS (optionally against a custom CA
file), sends ``Codi-Protocol: 1`` and the device token, and turns RFC 9457 problem
details into ``ProblemError`` with the stable ``code``. It never retries by itself; the
engine decides what to do with each error.
"""

from __future__ import annotations

import functools
import gzip
import ipaddress
import json
import os
import ssl
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import orjson

from .pacing import server_seconds

if TYPE_CHECKING:
    import httpx

PROTOCOL_VERSION = 1
DEFAULT_TIMEOUT = (30.0, 10.0)  # seconds: each read or write, and connecting


def _httpx():  # noqa: ANN202
    """httpx, imported with the first request rather than at the app's start (the window
    imports this module for its exception classes; httpx is about a tenth of a start)."""
    import httpx

    return httpx


def decode_json(body: bytes) -> Any:
    """Parse a response body: orjson (measured about twice as fast on pull pages), and
    the standard library for what orjson refuses but JSON allows (integers beyond 64
    bits), so a value is still checked by the row decoders, not lost as "not JSON"."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return json.loads(body)


class SyncTransportError(RuntimeError):
    """The server could not be reached or the connection broke (we are offline)."""


@dataclass
class ProblemError(RuntimeError):
    """The server answered with an error (a problem details body when it sends one)."""

    status: int
    code: str
    detail: str = ""
    body: dict[str, Any] = field(default_factory=dict)
    retry_after: float | None = None

    def __str__(self) -> str:
        return f"{self.status} {self.code}: {self.detail}"


class InsecureServerError(ValueError):
    """A plain ``http://`` address of a host that is not this computer."""

    def __init__(self, url: str):
        super().__init__(url)
        self.url = url
        self.th = (
            f"ไม่ยอมเชื่อมต่อ {url} เพราะเป็น http:// ที่ไม่เข้ารหัส รหัสผ่านและรหัสเครื่องจะถูกส่ง"
            "ผ่านเครือข่ายโดยไม่ปลอดภัย กรุณาใช้ที่อยู่ https:// ของเซิร์ฟเวอร์"
        )
        self.en = (
            f"Refused {url}: plain http:// is not encrypted, so the password and the device "
            "token would cross the network in the clear. Use the server's https:// address."
        )

    def message(self, lang: str = "th") -> str:
        return self.th if lang == "th" else self.en


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def normalise_server_url(url: str) -> str:
    """``https://`` added when no scheme is given; ``http://`` only to this computer
    (tests, a local server), refused for any other host before a connection is made."""
    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InsecureServerError(url)
    return url


def _parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        import datetime as dt

        when = parsedate_to_datetime(value)
        return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def _problem(response: httpx.Response) -> ProblemError:
    body: dict[str, Any] = {}
    try:
        parsed = response.json()
        if isinstance(parsed, dict):
            body = parsed
    except (ValueError, UnicodeDecodeError):
        pass
    code = body.get("code") if isinstance(body.get("code"), str) else None
    if code is None:
        # FastAPI's own errors carry "detail" only; give them a code of their kind.
        code = {
            400: "bad_request",
            401: "unauthorized",
            403: "forbidden",
            404: "not_found",
            409: "conflict",
            410: "gone",
            413: "too_large",
            422: "invalid",
            426: "protocol_unsupported",
            429: "too_many_requests",
            503: "unavailable",
        }.get(response.status_code, "server_error")
    detail = body.get("detail")
    if not isinstance(detail, str):
        detail = body.get("title") if isinstance(body.get("title"), str) else ""
        if not detail:
            detail = response.text[:300] if not body else json.dumps(body)[:300]
    return ProblemError(
        status=response.status_code,
        code=code,
        detail=detail,
        body=body,
        retry_after=_parse_retry_after(response.headers.get("Retry-After")),
    )


def make_verify(ca_file: str | None) -> ssl.SSLContext:
    """TLS verification: the system's trust store by default, or a custom CA file.

    Made once per process (per CA file and its modification time) and shared: loading
    the trust store takes most of a sync that has nothing to do (~0.3 s here).
    """
    if ca_file:
        try:
            stamp = os.stat(ca_file).st_mtime_ns
        except OSError:
            stamp = None
        return _context(ca_file, stamp)
    return _context(None, None)


@functools.lru_cache(maxsize=8)
def _context(ca_file: str | None, _stamp: int | None) -> ssl.SSLContext:
    if ca_file:
        return ssl.create_default_context(cafile=ca_file)
    return _httpx().create_ssl_context()


class SyncClient:
    """Requests to one sync server, with or without a device token."""

    def __init__(
        self,
        server_url: str,
        *,
        token: str | None = None,
        ca_file: str | None = None,
        timeout: httpx.Timeout | float | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        httpx = _httpx()
        self.server_url = normalise_server_url(server_url)
        self.token = token
        if timeout is None:
            timeout = httpx.Timeout(DEFAULT_TIMEOUT[0], connect=DEFAULT_TIMEOUT[1])
        self._http = httpx.Client(
            base_url=self.server_url,
            verify=make_verify(ca_file),
            timeout=timeout,
            transport=transport,
            headers={"Codi-Protocol": str(PROTOCOL_VERSION), "Accept": "application/json"},
            follow_redirects=False,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------

    def _headers(self, auth: bool) -> dict[str, str]:
        headers: dict[str, str] = {}
        if auth:
            if not self.token:
                raise ProblemError(401, "not_enrolled", "no device token")
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def _request(
        self,
        method: str,
        path: str,
        *,
        auth: bool = True,
        json_body: Any = None,
        params: dict[str, Any] | None = None,
        gzip_body: bool = True,
        headers_out: dict[str, str] | None = None,
    ) -> bytes:
        """The body of a successful answer (decompressed), read from the stream and not
        kept on the response, whose cycle with its stream is then broken: each pulled
        page's body and decompressor otherwise waited for the cyclic collector, which
        the pull pauses (``prefetch``); a cluster's first sync reached 1.2 GB."""
        headers = self._headers(auth)
        content: bytes | None = None
        if json_body is not None:
            raw = json.dumps(json_body, ensure_ascii=False, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
            if gzip_body:
                content = gzip.compress(raw, compresslevel=5)
                headers["Content-Encoding"] = "gzip"
            else:
                content = raw
        request = self._http.build_request(
            method, path, content=content, params=params, headers=headers
        )
        try:
            response = self._http.send(request, stream=True)
            try:
                if response.status_code >= 400:
                    response.read()
                    raise _problem(response)
                if headers_out is not None:
                    headers_out.update(response.headers)
                return b"".join(response.iter_bytes())
            finally:
                response.close()
                # httpx binds the stream to its response both ways (encode/httpx#3733,
                # open): without the cycle, the response and its decompressor (a zstd
                # window of a few MB) are freed now, not by the cyclic collector.
                response.stream = _httpx().ByteStream(b"")
        except _httpx().TransportError as exc:
            raise SyncTransportError(f"{type(exc).__name__}: {exc}") from exc

    @staticmethod
    def _json(body: bytes) -> dict[str, Any]:
        try:
            data = decode_json(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise SyncTransportError(f"the server sent a body that is not JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise SyncTransportError("the server sent an unexpected answer")
        return data

    # -- endpoints --------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        return self._json(self._request("GET", "/v1/health", auth=False))

    def enrol(
        self, username: str, password: str, device_name: str, device_id: str | None = None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "username": username,
            "password": password,
            "device_name": device_name,
        }
        if device_id:
            body["device_id"] = device_id
        # Not gzipped: the body is tiny and some proxies mangle compressed logins.
        return self._json(
            self._request("POST", "/v1/devices", auth=False, json_body=body, gzip_body=False)
        )

    def revoke(self, device_id: str) -> None:
        self._request("DELETE", f"/v1/devices/{device_id}")

    def push(
        self, device_id: str, change_sets: list[dict[str, Any]]
    ) -> tuple[dict[str, Any], float | None]:
        """The push's answer, and how long the server says it worked on it (seconds,
        from ``Server-Timing``; None if it does not say)."""
        body = {"device_id": device_id, "change_sets": change_sets}
        headers: dict[str, str] = {}
        answer = self._json(
            self._request("POST", "/v1/sync/push", json_body=body, headers_out=headers)
        )
        return answer, server_seconds(headers.get("server-timing"))

    def history(self, table: str, row_id: str) -> dict[str, Any]:
        """A record's history across devices (PROTOCOL.md, ``GET /v1/history``)."""
        return self._json(self._request("GET", f"/v1/history/{table}/{row_id}"))

    def pull(
        self, cursor: str | None, limit: int, *, until: str | None = None, splits: bool = False
    ) -> dict[str, Any]:
        """One page after ``cursor`` (and up to ``until``); ``splits``: a snapshot's first
        page also names the cursors that cut the rest into pages (PROTOCOL.md, pull)."""
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        if until is not None:
            params["until"] = until
        if splits:
            params["splits"] = "true"
        return self._json(self._request("GET", "/v1/sync/pull", params=params))
