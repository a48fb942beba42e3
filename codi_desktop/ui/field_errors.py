"""Why a field is wrong, shown without moving anything (issue 13: "validation text has
reserved room").

A reason under its field pushed the fields below it down as it came and went, and an
empty line reserved under every field made forms about 150 px taller. Instead:

- the field gets a red frame drawn *over* it (a child widget outside any layout, so no
  size hint changes; a style sheet border would change the field's frame and height),
- the reason becomes the field's tip and accessible description (screen readers say it),
- the form's message bar, which already has its fixed room in the page's ``NoticeSlot``,
  lists the reasons "label: reason" in the order of the fields.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from .widgets import MessageBar

ERROR_RED = "#b3261e"


class ErrorFrame(QWidget):
    """A red frame lying over ``target`` (same parent, not in a layout, transparent to
    the mouse); it follows the target's geometry and visibility."""

    def __init__(self, target: QWidget):
        super().__init__(target.parentWidget())
        self.target = target
        self.setObjectName(f"error_frame_{target.objectName()}")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        target.installEventFilter(self)
        self.on = False
        self.hide()

    def set_on(self, on: bool) -> None:
        self.on = on
        self._follow()

    def _follow(self) -> None:
        if self.parentWidget() is not self.target.parentWidget():
            self.setParent(self.target.parentWidget())
        visible = self.on and self.target.isVisible()
        if visible:
            self.setGeometry(self.target.geometry())
            self.raise_()
        self.setVisible(visible)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() in (
                QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide,
                QEvent.Type.ParentChange):
            self._follow()
        return False

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(ERROR_RED), 2))
        p.drawRoundedRect(QRect(1, 1, self.width() - 2, self.height() - 2), 3, 3)


class FieldErrors:
    """The reasons of one form: ``set(name, widget, label, reason)`` per field, then
    ``show(prefix)`` to list them in ``bar`` (or take the list away once all are fixed;
    a message someone else put in the bar is left alone)."""

    def __init__(self, bar: MessageBar):
        self.bar = bar
        self._fields: dict[str, tuple[QWidget, str]] = {}
        self._reasons: dict[str, str] = {}
        self._frames: dict[str, ErrorFrame] = {}
        self._shown: str | None = None  # the text this object put in the bar

    def set(self, name: str, widget: QWidget, label: str, reason: str | None) -> None:
        """Mark ``widget`` (the field ``name``, called ``label`` on screen) wrong for
        ``reason``, or right again with ``None``."""
        self._fields[name] = (widget, label)
        frame = self._frames.get(name)
        if frame is None or frame.target is not widget:
            frame = self._frames[name] = ErrorFrame(widget)
        was = name in self._reasons
        if reason:
            if not was:  # the field's own tip (a CE-year note...) comes back once right
                widget.setProperty("tip_without_error", widget.toolTip())
            self._reasons[name] = reason
            widget.setToolTip(reason)
        elif was:
            del self._reasons[name]
            widget.setToolTip(widget.property("tip_without_error") or "")
        widget.setProperty("invalid", bool(reason))
        widget.setAccessibleDescription(reason or "")
        frame.set_on(bool(reason))

    def reason(self, name: str) -> str:
        """The reason shown for field ``name`` ("" when it is right)."""
        return self._reasons.get(name, "")

    def reasons(self) -> list[tuple[str, str]]:
        """(label, reason) of every wrong field that is on screen, in the order set."""
        out = []
        for name, (widget, label) in self._fields.items():
            if name in self._reasons and not widget.isHidden():
                out.append((label, self._reasons[name]))
        return out

    def clear(self) -> None:
        for name, (widget, label) in list(self._fields.items()):
            self.set(name, widget, label, None)
        self.show()

    def summary(self, prefix: str | None = None) -> str:
        parts = [f"{label.rstrip(' :')}: {reason}" if label else reason
                 for label, reason in self.reasons()]
        text = " · ".join(parts)
        return f"{prefix} {text}" if prefix and text else (prefix or text)

    def show(self, prefix: str | None = None) -> None:
        """List the reasons in the bar; when there are none, hide the list this object
        showed (never another message)."""
        if self.reasons():
            text = self.summary(prefix)
            self.bar.show_message(text, "error")
            self.bar.setToolTip("\n".join(
                ([prefix] if prefix else [])
                + [f"{label.rstrip(' :')}: {reason}" if label else reason
                   for label, reason in self.reasons()]))
            self._shown = text
        elif self._shown is not None:
            if self.bar.isVisible() and self.bar.label.text() == self._shown:
                self.bar.hide()
            self._shown = None
