"""Structured logs: one JSON object per line on stderr.

Only what is passed as ``extra`` with known keys is written, and request logging never
includes headers or bodies, so tokens and passwords never reach a log line.
"""

from __future__ import annotations

import json
import logging
import sys

from codi_core.models.serialize import format_datetime

_STANDARD = set(vars(logging.LogRecord("x", 0, "x", 0, "x", None, None)).keys()) | {
    "message", "asctime", "color_message",
}
_SECRET_KEYS = {"password", "token", "authorization", "password_hash", "token_hash"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        import datetime as dt

        out = {
            "time": format_datetime(dt.datetime.fromtimestamp(record.created, dt.UTC)),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key in _STANDARD or key.startswith("_"):
                continue
            if key.lower() in _SECRET_KEYS:
                continue
            out[key] = value
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def configure(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in ("codi_server", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False
    # uvicorn's access log repeats what our request log says, in its own format.
    logging.getLogger("uvicorn.access").disabled = True
