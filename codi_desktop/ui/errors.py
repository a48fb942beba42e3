"""Turning any error into a short sentence in the person's language, and the excepthook.

A ``ServiceError`` already knows its message in Thai and English. Anything else is a
bug or an environment problem: it is logged with its traceback, and the person gets a
short sentence saying what to do — never a traceback dialog.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from codi_core.errors import ServiceError

from .i18n import current_language

log = logging.getLogger("codi_desktop")


def error_text(error: BaseException) -> str:
    if isinstance(error, ServiceError):
        return error.message(current_language())
    message = getattr(error, "message", None)
    if callable(message):  # EnrolmentError, DemoRefused...: errors written for people
        try:
            return str(message(current_language()))
        except TypeError:
            pass
    if type(error).__name__ == "SyncTransportError":  # codi_desktop.sync.client; offline
        return QCoreApplication.translate(
            "Errors",
            "ติดต่อเซิร์ฟเวอร์ไม่ได้ ตรวจสอบที่อยู่เซิร์ฟเวอร์และการเชื่อมต่ออินเทอร์เน็ต แล้วลองใหม่",
        )
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "Errors", "อ่านหรือเขียนไฟล์ไม่ได้: %1").replace("%1", str(error.strerror or error))
    return QCoreApplication.translate(
        "Errors",
        "เกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่บันทึกแล้วยังอยู่ครบ "
        "ลองทำอีกครั้ง หากยังเกิดขึ้นให้แจ้งผู้ดูแลระบบพร้อมไฟล์บันทึก (log)",
    )


def install_excepthook(show: Callable[[str], None]) -> None:
    """Log unexpected exceptions and show a short message instead of dying silently."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("unexpected error", exc_info=(kind, error, tb))
        try:
            show(error_text(error))
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            log.exception("could not show the error message")

    sys.excepthook = hook
