"""RFC 9457 problem details: the one shape of every error the server answers.

``ProblemError`` carries a stable machine ``code`` (codi_core.wire), an English
``title``/``detail`` and a Thai ``detail_th`` (clients show Thai), plus extra members
such as ``expected_device_seq``. ``problem_response`` renders it as
``application/problem+json``, with ``Retry-After`` when one is given.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

from codi_core.wire import PROBLEM_MEDIA_TYPE

TITLES: dict[int, str] = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    410: "Gone",
    413: "Request too large",
    415: "Unsupported media type",
    422: "Invalid request",
    426: "Upgrade required",
    429: "Too many requests",
    500: "Internal server error",
    503: "Service unavailable",
}


class ProblemError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        detail_th: str | None = None,
        *,
        retry_after: int | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ):
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.detail_th = detail_th
        self.retry_after = retry_after
        self.headers = headers or {}
        self.extra = extra


def problem_body(
    status: int, code: str, detail: str | None, detail_th: str | None = None, **extra: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": f"urn:codi:problem:{code}",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "code": code,
    }
    if detail is not None:
        body["detail"] = detail
    if detail_th is not None:
        body["detail_th"] = detail_th
    body.update(extra)
    return body


def problem_response(
    status: int,
    code: str,
    detail: str | None,
    detail_th: str | None = None,
    *,
    retry_after: int | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Response:
    all_headers = dict(headers or {})
    if retry_after is not None:
        all_headers["Retry-After"] = str(retry_after)
    body = problem_body(status, code, detail, detail_th, **extra)
    return Response(
        json.dumps(body, ensure_ascii=False, default=str),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=all_headers,
    )


def from_error(exc: ProblemError) -> Response:
    return problem_response(
        exc.status,
        exc.code,
        exc.detail,
        exc.detail_th,
        retry_after=exc.retry_after,
        headers=exc.headers,
        **exc.extra,
    )
