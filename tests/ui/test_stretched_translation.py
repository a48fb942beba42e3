"""Vorta's stretched fake translation (issue 13): every interface string made 40 % longer
still fits a 1366×768 window on every page: the window does not grow, its minimum stays
within the screen, and no button is squeezed below the room its text needs."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QPushButton

from codi_desktop.ui.main_window import PAGES

LAPTOP = (1366, 768)


class Stretched(QTranslator):
    """Each source string, 40 % longer (Thai letters, so shaping and breaks stay Thai)."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        if not source:
            return source
        return source + "ข" * math.ceil(len(source) * 0.4)

    def isEmpty(self) -> bool:
        return False


def test_every_page_fits_with_strings_forty_percent_longer(open_window, demo_dir):
    stretched = Stretched()
    QCoreApplication.installTranslator(stretched)
    try:
        window = open_window(demo_dir)
        window.resize(*LAPTOP)
        QApplication.processEvents()
        assert QCoreApplication.translate("MainWindow", "ภาพรวม").endswith("ขข")
        problems = []
        for key in PAGES:
            page = window.show_page(key)
            QApplication.processEvents()
            hint = window.minimumSizeHint()
            if (window.width(), window.height()) != LAPTOP:
                problems.append((key, "window grew", window.width(), window.height()))
            if hint.width() > LAPTOP[0] or hint.height() > LAPTOP[1]:
                problems.append((key, "minimum too big", hint.width(), hint.height()))
            for button in page.findChildren(QPushButton):
                if button.isVisibleTo(window) and button.text() and (
                        button.width() < button.minimumSizeHint().width()):
                    problems.append((key, "button clipped", button.text()[:20],
                                     button.width(), button.minimumSizeHint().width()))
        assert not problems, problems
    finally:
        QCoreApplication.removeTranslator(stretched)
