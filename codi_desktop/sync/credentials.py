"""Enrolment and the device token: kept only in the OS keyring, or only in memory.

Enrolling sends the user's name and password once (POST /v1/devices) and gets a device
token. Where the OS has a secure keyring the token goes there (service
``codi-desktop``, one entry per data folder and server) and nowhere else. Where it has
none (the fail/null backends, a chainer with nothing behind it, a plaintext file) we
say so plainly and never write the token anywhere: each sync asks for the password
and rotates the device's token (enrolment with the known ``device_id``), keeping the
new token only in memory. Device id, server URL, user name and CA file are ordinary
local settings: they are not secrets.
"""

from __future__ import annotations

import contextlib
import platform
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.errors

from codi_desktop.store.database import Store

from .client import (
    InsecureServerError,
    ProblemError,
    SyncClient,
    SyncTransportError,
    normalise_server_url,
)

KEYRING_SERVICE = "codi-desktop"

# Local settings written by enrolment (never secrets).
S_DEVICE_ID = "device_id"
S_SERVER_URL = "server_url"
S_USERNAME = "sync_username"
S_DEVICE_NAME = "device_name"
S_CA_FILE = "sync_ca_file"
S_SCOPE = "sync_scope"
S_ROLE = "sync_role"
S_REVOKED = "sync_revoked"
S_TOKEN_IN_KEYRING = "sync_token_in_keyring"
# Local device_seq minus this = the device_seq the server sees. A new device's numbering
# starts at 1 (PROTOCOL.md) while the local outbox numbering never restarts.
S_SEQ_OFFSET = "sync_device_seq_offset"


class EnrolmentError(RuntimeError):
    """Enrolment could not be done; ``message(lang)`` says why to a person."""

    def __init__(self, code: str, th: str, en: str):
        super().__init__(en)
        self.code = code
        self.th = th
        self.en = en

    def message(self, lang: str = "th") -> str:
        return self.th if lang == "th" else self.en


DEMO_REFUSED = EnrolmentError(
    "demo",
    "ฐานข้อมูลนี้เป็นข้อมูลตัวอย่าง (ทดลองใช้) ซึ่งไม่ซิงค์กับเซิร์ฟเวอร์ "
    "กรุณาสร้างฐานข้อมูลใหม่ในโฟลเดอร์อื่นเพื่อลงทะเบียนเครื่อง",
    "This database is a demo sandbox and never syncs. Use a new data folder to enrol this device.",
)


# -- the keyring ------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyringStatus:
    """Whether the OS keyring can hold the token, in words a person understands."""

    secure: bool
    backend: str
    reason: str = ""

    def message(self, lang: str = "th") -> str:
        if self.secure:
            if lang == "th":
                return f"เก็บรหัสเครื่องไว้ในที่เก็บรหัสผ่านของระบบ ({self.backend})"
            return f"The device token is kept in the system keyring ({self.backend})."
        if lang == "th":
            return (
                "เครื่องนี้ไม่มีที่เก็บรหัสผ่านที่ปลอดภัย (keyring) "
                f"[{self.backend}{': ' + self.reason if self.reason else ''}] "
                "โปรแกรมจะไม่บันทึกรหัสลงไฟล์ จึงต้องขอรหัสผ่านของท่านทุกครั้งที่ซิงค์"
            )
        return (
            "This computer has no secure keyring "
            f"[{self.backend}{': ' + self.reason if self.reason else ''}]. "
            "The token is never written to a file, so you will be asked for your "
            "password at each sync."
        )


def _backend_name(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__name__}"


def _insecure_reason(backend: keyring.backend.KeyringBackend) -> str | None:
    """Why this backend cannot hold a secret safely, or None if it can."""
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return "no keyring backend available"
    try:
        from keyring.backends import null

        if isinstance(backend, null.Keyring):
            return "the null keyring stores nothing"
    except ImportError:  # pragma: no cover - older keyring
        pass
    if isinstance(backend, chainer.ChainerBackend):
        viable = [b for b in backend.backends if _insecure_reason(b) is None]
        if not viable:
            return "no viable backend behind the chainer"
        return None
    cls = type(backend)
    module = cls.__module__
    if "plaintext" in cls.__name__.lower() or module.startswith("keyrings.alt.file"):
        return "a plain file on disk is not a secure store"
    if module.startswith("keyrings.alt") and "file" in module:
        return "a file on disk is not a secure store"
    try:
        priority = backend.priority
    except Exception:  # a backend that cannot even say its priority is not usable
        return "backend not usable"
    if priority is not None and priority <= 0:
        return "backend not recommended by keyring"
    return None


def keyring_status() -> KeyringStatus:
    backend = keyring.get_keyring()
    reason = _insecure_reason(backend)
    return KeyringStatus(secure=reason is None, backend=_backend_name(backend), reason=reason or "")


def token_key(data_dir: Path, server_url: str) -> str:
    """The keyring entry's name: one per data folder and server."""
    return f"{normalise_server_url(server_url)}|{Path(data_dir).resolve()}"


class KeyringLocked(RuntimeError):
    """The OS keyring is there but locked: unlocking it is what the person must do."""

    th = (
        "ที่เก็บรหัสผ่านของระบบ (keyring) ถูกล็อกอยู่ จึงอ่านหรือบันทึกรหัสเครื่องไม่ได้ "
        "กรุณาปลดล็อก (เช่น เข้าสู่ระบบของคอมพิวเตอร์ใหม่ หรือเปิดโปรแกรมจัดการรหัสผ่าน) แล้วซิงค์อีกครั้ง"
    )
    en = (
        "The system keyring is locked, so the device token cannot be read or stored. "
        "Unlock it (sign in to the computer again, or open the keyring manager) and sync again."
    )

    def message(self, lang: str = "th") -> str:
        return self.th if lang == "th" else self.en


def save_token(data_dir: Path, server_url: str, token: str) -> str | None:
    """Put the token in the keyring. Returns None when stored, else why it was not
    (nothing written anywhere): "insecure", "locked" or the keyring's error text."""
    if not keyring_status().secure:
        return "insecure"
    try:
        keyring.set_password(KEYRING_SERVICE, token_key(data_dir, server_url), token)
    except keyring.errors.KeyringLocked:
        return "locked"
    except keyring.errors.KeyringError as exc:
        return str(exc) or type(exc).__name__
    return None


def load_token(data_dir: Path, server_url: str) -> str | None:
    """The stored token, None if there is none; ``KeyringLocked`` if the keyring is locked."""
    if not keyring_status().secure:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, token_key(data_dir, server_url))
    except keyring.errors.KeyringLocked as exc:
        raise KeyringLocked(str(exc)) from exc
    except keyring.errors.KeyringError:
        return None


def not_stored_message(reason: str, lang: str = "th") -> str:
    """Why the token from enrolment is only in memory, and what that means."""
    if reason == "locked":
        return KeyringLocked().message(lang) + (
            " (รหัสเครื่องใช้ได้เฉพาะในการทำงานครั้งนี้)" if lang == "th"
            else " (The token is kept for this session only.)"
        )
    if reason == "insecure":
        return keyring_status().message(lang)
    if lang == "th":
        return (
            f"บันทึกรหัสเครื่องลงที่เก็บรหัสผ่านของระบบไม่สำเร็จ ({reason}) รหัสเครื่องใช้ได้เฉพาะ"
            "ในการทำงานครั้งนี้ ครั้งต่อไปจะต้องใส่รหัสผ่านอีกครั้ง"
        )
    return (
        f"The device token could not be stored in the system keyring ({reason}). It is kept "
        "for this session only; the next sync will ask for your password again."
    )


def forget_token(data_dir: Path, server_url: str) -> None:
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(KEYRING_SERVICE, token_key(data_dir, server_url))


# -- enrolment --------------------------------------------------------------------------


@dataclass(frozen=True)
class SyncAccount:
    """What this data folder knows about its enrolment (all from local settings)."""

    server_url: str
    device_id: str
    username: str
    ca_file: str | None
    revoked: bool


def account(store: Store) -> SyncAccount | None:
    settings = store.get_settings(S_SERVER_URL, S_DEVICE_ID, S_USERNAME, S_CA_FILE, S_REVOKED)
    server_url = settings.get(S_SERVER_URL)
    device_id = settings.get(S_DEVICE_ID)
    if not server_url or not device_id:
        return None
    return SyncAccount(
        server_url=server_url,
        device_id=device_id,
        username=settings.get(S_USERNAME) or "",
        ca_file=settings.get(S_CA_FILE),
        revoked=bool(settings.get(S_REVOKED, False)),
    )


@dataclass(frozen=True)
class EnrolResult:
    device_id: str
    username: str
    role: str
    provinces: list[str] | str
    keyring: KeyringStatus
    token_in_keyring: bool
    rotated: bool
    # Only when the token could not be stored: the token, for use in this process only.
    memory_token: str | None = None
    # Why it could not be stored ("insecure", "locked", or the keyring's error).
    not_stored: str | None = None

    def storage_message(self, lang: str = "th") -> str:
        """Where the token is, in words (said after every enrolment)."""
        if self.token_in_keyring:
            return self.keyring.message(lang)
        return not_stored_message(self.not_stored or "insecure", lang)


def default_device_name() -> str:
    return platform.node() or "CODI Desktop"


def _translate_enrol_error(exc: ProblemError) -> EnrolmentError:
    if exc.status == 401:
        return EnrolmentError(
            "bad_credentials",
            "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง",
            "The user name or password is wrong.",
        )
    if exc.status == 429:
        return EnrolmentError(
            "too_many_attempts",
            "ลองเข้าสู่ระบบผิดหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่",
            "Too many failed sign-ins; wait a while and try again.",
        )
    if exc.code == "device_revoked" or exc.status in (403, 404):
        return EnrolmentError(
            "device_revoked",
            "เครื่องนี้ถูกเพิกถอนสิทธิ์หรือไม่พบในเซิร์ฟเวอร์ กรุณาติดต่อฝ่ายไอทีของสำนักงานใหญ่",
            "This device was revoked or is unknown to the server; contact HQ IT.",
        )
    return EnrolmentError(
        exc.code,
        f"เซิร์ฟเวอร์ไม่รับการลงทะเบียน ({exc.status} {exc.code})",
        f"The server refused the enrolment ({exc.status} {exc.code}: {exc.detail}).",
    )


def _first_unsent_seq(store: Store) -> int:
    """The local device_seq that becomes a new device's device_seq 1."""
    import sqlalchemy as sa

    from codi_core.models import ChangeSet, ChangeSetStatus

    with store.read() as s:
        pending = s.scalar(
            sa.select(sa.func.min(ChangeSet.device_seq)).where(
                ChangeSet.status == ChangeSetStatus.PENDING
            )
        )
        if pending is not None:
            return int(pending)
        last = s.scalar(sa.select(sa.func.max(ChangeSet.device_seq))) or 0
        return int(last) + 1


def _transport_error(exc: SyncTransportError) -> EnrolmentError:
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        return EnrolmentError(
            "tls_untrusted",
            "ใบรับรองความปลอดภัย (TLS) ของเซิร์ฟเวอร์ไม่น่าเชื่อถือ จึงไม่ส่งรหัสผ่านไป "
            "หากสำนักงานใหญ่ใช้ใบรับรองของตนเอง ให้ระบุไฟล์ CA ที่ฝ่ายไอทีให้มา (--ca-file)",
            "The server's TLS certificate is not trusted, so the password was not sent. "
            "If HQ uses its own certificate authority, give its CA file (--ca-file).",
        )
    return EnrolmentError(
        "offline",
        "ติดต่อเซิร์ฟเวอร์ไม่ได้ ตรวจสอบที่อยู่เซิร์ฟเวอร์และการเชื่อมต่ออินเทอร์เน็ต แล้วลองใหม่",
        f"Cannot reach the server ({text}). Check the address and the connection.",
    )


def enrol(
    store: Store,
    server_url: str,
    username: str,
    password: str,
    *,
    device_name: str | None = None,
    ca_file: str | None = None,
    client_factory: Callable[..., SyncClient] = SyncClient,
    allow_new_device: bool = True,
) -> EnrolResult:
    """Enrol this data folder with a server, or rotate its token if already enrolled there.

    ``allow_new_device=False`` (a token rotation during sync) never replaces a revoked
    device with a new one: a revoked device stops syncing.
    """
    if store.is_demo:
        raise DEMO_REFUSED
    try:
        server_url = normalise_server_url(server_url)
    except InsecureServerError as exc:
        raise EnrolmentError("insecure_url", exc.th, exc.en) from exc
    status = keyring_status()
    previous = account(store)
    # Re-enrolling on the same server with the same account keeps the device (and its
    # device_seq numbering): the server rotates the token instead of making a new device.
    reuse_device = (
        previous.device_id
        if previous
        and previous.server_url == server_url
        and previous.username == username
        and not previous.revoked
        else None
    )
    name = device_name or store.get_setting(S_DEVICE_NAME) or default_device_name()
    try:
        client = client_factory(server_url, ca_file=ca_file)
    except OSError as exc:  # a CA file that cannot be read
        raise EnrolmentError(
            "ca_file",
            f"อ่านไฟล์ใบรับรอง (CA) ไม่ได้: {exc}",
            f"Cannot read the CA file: {exc}",
        ) from exc
    with client:
        try:
            answer = client.enrol(username, password, name, device_id=reuse_device)
        except SyncTransportError as exc:
            raise _transport_error(exc) from exc
        except ProblemError as exc:
            if (
                allow_new_device
                and reuse_device
                and (exc.code == "device_revoked" or exc.status in (403, 404))
            ):
                # The old device is gone on the server (revoked, deleted): make a new one.
                try:
                    answer = client.enrol(username, password, name)
                    reuse_device = None
                except SyncTransportError as exc2:
                    raise _transport_error(exc2) from exc2
                except ProblemError as exc2:
                    raise _translate_enrol_error(exc2) from exc2
            else:
                raise _translate_enrol_error(exc) from exc
    token = answer["token"]
    device_id = answer["device_id"]
    problem = save_token(store.data_dir, server_url, token) if status.secure else "insecure"
    stored = problem is None
    if not reuse_device or previous is None or previous.device_id != device_id:
        store.set_setting(S_SEQ_OFFSET, _first_unsent_seq(store) - 1)
    store.set_setting(S_SERVER_URL, server_url)
    store.set_setting(S_DEVICE_ID, device_id)
    store.set_setting(S_USERNAME, answer.get("user") or username)
    store.set_setting(S_DEVICE_NAME, name)
    store.set_setting(S_CA_FILE, ca_file)
    store.set_setting(S_ROLE, answer.get("role"))
    scope = answer.get("scope") or {}
    provinces = scope.get("provinces", [])
    store.set_setting(S_SCOPE, provinces)
    store.set_setting(S_REVOKED, False)
    store.set_setting(S_TOKEN_IN_KEYRING, stored)
    if isinstance(provinces, list) and len(provinces) == 1 and not store.province_code:
        store.set_setting("province_code", provinces[0])
    return EnrolResult(
        device_id=device_id,
        username=answer.get("user") or username,
        role=answer.get("role") or "",
        provinces=provinces,
        keyring=status,
        token_in_keyring=stored,
        rotated=bool(reuse_device),
        memory_token=None if stored else token,
        not_stored=problem,
    )


class NeedPassword(RuntimeError):
    """No usable token is at hand: the person's password is needed (to rotate it)."""

    def __init__(self, th: str, en: str):
        super().__init__(en)
        self.th = th
        self.en = en

    def message(self, lang: str = "th") -> str:
        return self.th if lang == "th" else self.en


class TokenProvider:
    """Hands the engine a token: from the keyring, else from memory, else by rotating.

    ``password_prompt`` is called (when needed) to get the password; it may raise or
    return None to give up. A token obtained by rotation lives only in this object.
    """

    def __init__(
        self,
        store: Store,
        *,
        password_prompt: Callable[[], str | None] | None = None,
        memory_token: str | None = None,
        client_factory: Callable[..., SyncClient] = SyncClient,
    ) -> None:
        self.store = store
        self.password_prompt = password_prompt
        self._memory = memory_token
        self._from_keyring: str | None = None
        self._refused: set[str] = set()  # tokens the server answered 401 to
        self.last_enrolment: EnrolResult | None = None  # the last rotation's outcome
        self._client_factory = client_factory

    def token(self) -> str:
        acct = account(self.store)
        if acct is None:
            raise EnrolmentError(
                "not_enrolled",
                "เครื่องนี้ยังไม่ได้ลงทะเบียนกับเซิร์ฟเวอร์",
                "This device is not enrolled with a server yet.",
            )
        if self._memory and self._memory not in self._refused:
            return self._memory
        if self._from_keyring is None:
            # Read once per provider: an OS keyring call can be slow or prompt to unlock.
            self._from_keyring = load_token(self.store.data_dir, acct.server_url) or ""
        if self._from_keyring and self._from_keyring not in self._refused:
            return self._from_keyring
        # None stored, or the stored one is stale (re-enrolled elsewhere, rotated on the
        # server): rotate it with the password.
        return self.rotate(stale=bool(self._from_keyring))

    @property
    def has_memory_token(self) -> bool:
        return self._memory is not None

    def invalidate(self) -> None:
        """The server refused the token at hand (401): never offer it again; read the
        keyring once more (another process may have rotated it), else rotate."""
        for token in (self._memory, self._from_keyring):
            if token:
                self._refused.add(token)
        self._memory = None
        self._from_keyring = None

    def rotate(self, stale: bool = False) -> str:
        """Ask for the password and get a fresh token for this same device."""
        acct = account(self.store)
        assert acct is not None
        password = self.password_prompt() if self.password_prompt else None
        if not password:
            if stale:
                raise NeedPassword(
                    "เซิร์ฟเวอร์ไม่รับรหัสเครื่องที่เก็บไว้แล้ว (อาจลงทะเบียนใหม่จากที่อื่น) "
                    "กรุณาใส่รหัสผ่านเพื่อรับรหัสเครื่องใหม่",
                    "The server no longer accepts the stored device token (re-enrolled "
                    "elsewhere?). Give your password to get a new one.",
                )
            status = keyring_status()
            if status.secure:
                raise NeedPassword(
                    "ไม่พบรหัสเครื่องในที่เก็บรหัสผ่านของระบบ กรุณาใส่รหัสผ่านเพื่อรับรหัสเครื่องใหม่",
                    "No device token is stored in the system keyring. Give your password "
                    "to get a new one.",
                )
            raise NeedPassword(status.message("th"), status.message("en"))
        result = enrol(
            self.store,
            acct.server_url,
            acct.username,
            password,
            ca_file=acct.ca_file,
            client_factory=self._client_factory,
            allow_new_device=False,
        )
        token = result.memory_token
        if token is None:  # the keyring became usable meanwhile: it holds the token now
            token = load_token(self.store.data_dir, acct.server_url)
        if not token:
            raise NeedPassword(
                "ได้รหัสเครื่องใหม่แล้วแต่อ่านกลับจากที่เก็บรหัสผ่านไม่ได้ กรุณาลองซิงค์อีกครั้ง",
                "A new token was issued but could not be read back from the keyring; "
                "sync again.",
            )
        self._memory = None if result.token_in_keyring else token
        self._from_keyring = token if result.token_in_keyring else self._from_keyring
        self._refused.discard(token)
        self.last_enrolment = result
        return token
