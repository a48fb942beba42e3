"""The centre's own particulars for its letters: document number prefix, address, contact.

Kept as local settings (``LocalSetting`` keys ``centre.*``), not synced: they belong to
the office that prints, which is this laptop's. The invitation takes its ที่ (document
number) and its contact line from here; the running number is written in by the clerk
from the correspondence register (ทะเบียนหนังสือส่ง) unless it is given when printing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from codi_core.errors import ServiceError
from codi_core.models import LocalSetting
from codi_desktop.store.database import Store

__all__ = ["CentreSettings", "get_centre", "letter_number", "save_centre"]

_KEY = "centre.{}"
_LIMITS = {"letter_prefix": 40, "address": 300, "phone": 40, "email": 120, "contact": 300}
_LABELS = {
    "letter_prefix": ("เลขที่หนังสือ (ที่)", "Document number prefix"),
    "address": ("ที่อยู่สำนักงาน", "Office address"),
    "phone": ("โทรศัพท์", "Telephone"),
    "email": ("อีเมล", "E-mail"),
    "contact": ("ผู้ประสานงาน", "Contact"),
}


@dataclass(frozen=True)
class CentreSettings:
    letter_prefix: str = ""  # ที่ พอช. ขก ... the office's code in the register
    address: str = ""  # lines separated by "\n", under the office's name
    phone: str = ""
    email: str = ""
    contact: str = ""  # the person or section to contact, e.g. "งานประสานงานจังหวัด"

    def contact_line(self, office: str) -> str:
        """The foot of a letter: the office (or contact section), telephone, e-mail."""
        lines = [self.contact or office]
        reach = []
        if self.phone:
            reach.append(f"โทร. {self.phone}")
        if self.email:
            reach.append(f"อีเมล {self.email}")
        if reach:
            lines.append(" ".join(reach))
        return "\n".join(lines) if (self.contact or reach) else ""


def get_centre(store: Store) -> CentreSettings:
    values = {k: store.get_setting(_KEY.format(k), "") or "" for k in _LIMITS}
    return CentreSettings(**values)


def save_centre(store: Store, settings: CentreSettings) -> CentreSettings:
    """Check and store the centre's particulars (all optional; whitespace trimmed)."""
    clean = {}
    for key, value in asdict(settings).items():
        value = "\n".join(line.strip() for line in str(value or "").strip().splitlines())
        if len(value) > _LIMITS[key]:
            th, en = _LABELS[key]
            raise ServiceError("too_long", key, label=th, label_en=en, max=_LIMITS[key])
        clean[key] = value
    if clean["email"] and ("@" not in clean["email"] or " " in clean["email"]):
        raise ServiceError("invalid_email", "email")
    with store.sessions.begin() as session:  # one action, one transaction
        session.info["capture"] = False  # local facts: never a change set
        for key, value in clean.items():
            session.merge(LocalSetting(key=_KEY.format(key), value=value))
    return CentreSettings(**clean)


def letter_number(settings: CentreSettings, number: str = "") -> str:
    """ที่ of a letter: the prefix and the register's number, or a dotted place for the
    number when it is written in by hand ("พอช. ขก ........")."""
    number = number.strip()
    prefix = settings.letter_prefix.strip()
    if number and prefix and not number.startswith(prefix):
        return f"{prefix} {number}"
    if number:
        return number
    return f"{prefix} {'.' * 16}".strip() if prefix else ""
