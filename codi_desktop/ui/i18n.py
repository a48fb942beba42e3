"""Interface language: Thai source strings, an English translation loaded from .qm.

Every visible string is written in Thai in the code (``self.tr("...")``,
``QCoreApplication.translate(context, "...")`` or ``QT_TRANSLATE_NOOP`` for tables of
labels) and translated to English by ``resources/translations/codi_en.qm``, built from
``codi_en.ts`` by ``scripts/i18n.py``. The chosen language is kept in QSettings and
applied live: the main window rebuilds its pages when it changes.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("th", "en")
SETTINGS_KEY = "ui/language"
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
# Packaged installs (PyInstaller) carry the .qm next to the package instead.
_FALLBACK_DIR = Path(__file__).resolve().parent / "translations"

_state: dict[str, object] = {"lang": "th", "translator": None}


def qm_path(lang: str) -> Path | None:
    for folder in (TRANSLATIONS_DIR, _FALLBACK_DIR):
        path = folder / f"codi_{lang}.qm"
        if path.exists():
            return path
    return None


def current_language() -> str:
    """The language the interface is shown in now ("th" or "en")."""
    return str(_state["lang"])


def saved_language(settings: QSettings | None = None) -> str:
    settings = settings or QSettings()
    value = settings.value(SETTINGS_KEY, "th")
    return value if value in LANGUAGES else "th"


def save_language(lang: str, settings: QSettings | None = None) -> None:
    (settings or QSettings()).setValue(SETTINGS_KEY, lang)


def install_language(lang: str) -> bool:
    """Load ``lang`` into the application; True when its translation was found.

    Thai needs no translator (the source strings are Thai); English loads codi_en.qm.
    """
    app = QCoreApplication.instance()
    old = _state["translator"]
    if old is not None and app is not None:
        app.removeTranslator(old)  # type: ignore[arg-type]
        _state["translator"] = None
    _state["lang"] = lang if lang in LANGUAGES else "th"
    QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Thai,
                               QLocale.Country.Thailand))
    old_qt = _state.get("qt_translator")
    if old_qt is not None and app is not None:
        app.removeTranslator(old_qt)  # type: ignore[arg-type]
        _state["qt_translator"] = None
    if lang == "th" and app is not None:  # Qt's own dialogs in Thai too (no qtbase_th)
        from .qt_thai import QtThaiTranslator

        qt = QtThaiTranslator(app)
        app.installTranslator(qt)
        _state["qt_translator"] = qt
    if lang == "th" or app is None:
        return True
    path = qm_path(lang)
    translator = QTranslator(app)
    if path is None or not translator.load(str(path)):
        log.warning("no translation for %s (looked for codi_%s.qm)", lang, lang)
        return False
    app.installTranslator(translator)
    _state["translator"] = translator
    return True


def tr(context: str, text: str) -> str:
    """Translate a string outside a widget (the context names the lupdate group)."""
    return QCoreApplication.translate(context, text)
