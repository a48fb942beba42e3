"""TLS is verified: a server whose certificate the system does not trust is refused before
the password goes out; its own CA file (``--ca-file``, a local setting) makes it work."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from codi_desktop.store.database import open_store
from codi_desktop.sync.credentials import EnrolmentError, account, enrol

from .conftest import PASSWORD, ROOT, free_port, server_cli, server_env

x509 = pytest.importorskip("cryptography.x509")
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_ca_and_cert(folder: Path) -> tuple[Path, Path, Path]:
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("CODI test CA"))
        .issuer_name(_name("CODI test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, key_cert_sign=True, crl_sign=True,
                content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file = folder / "ca.pem"
    cert_file = folder / "server.pem"
    key_file = folder / "server.key"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return ca_file, cert_file, key_file


@pytest.mark.slow
def test_untrusted_certificate_is_refused_and_a_ca_file_makes_it_work(tmp_path, memory_keyring):
    ca_file, cert_file, key_file = make_ca_and_cert(tmp_path)
    url = f"sqlite:///{tmp_path / 'tls.sqlite3'}"
    server_cli(url, "migrate")
    server_cli(url, "create-user", "somchai", "--role", "province", "--province", "34",
               stdin=PASSWORD + "\n")
    port = free_port()
    env = server_env()
    env["CODI_SERVER_DATABASE_URL"] = url
    log = open(tmp_path / "tls.log", "ab")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "codi_server.app:app_from_env", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--ssl-keyfile", str(key_file),
         "--ssl-certfile", str(cert_file), "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"https://127.0.0.1:{port}"
    ssl_context = ssl.create_default_context(cafile=str(ca_file))
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/v1/health", verify=ssl_context, timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        store = open_store(tmp_path / "laptop")
        with pytest.raises(EnrolmentError) as err:
            enrol(store, base, "somchai", PASSWORD)
        assert err.value.code == "tls_untrusted"
        assert "--ca-file" in err.value.message("th")
        assert account(store) is None and memory_keyring.secrets == {}

        enrol(store, base, "somchai", PASSWORD, ca_file=str(ca_file))
        assert account(store).ca_file == str(ca_file)
        from codi_desktop.sync.engine import run_sync

        summary = run_sync(store)
        assert summary.ok, summary.describe("en")
        assert summary.pulled_rows > 0
        store.close()
    finally:
        proc.terminate()
        proc.wait(10)
