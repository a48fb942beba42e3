"""Operations: the CLI, logs without secrets, the demo loader, fuzzing the OpenAPI document."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import httpx
import pytest

from .conftest import PASSWORD, ROOT, ServerProcess, person, prepared


def cli(*args: str, stdin: str = "", url: str | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "codi_server.cli", *args]
    if url:
        cmd += ["--database-url", url]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=120)


def test_logs_never_contain_tokens_or_passwords(env):
    d = env.device()
    d.push(person())
    d.pull(limit=10)
    wrong = "wrong-password-Zq9x"
    httpx.post(env.base_url + "/v1/devices",
               json={"username": d.enrolment["user"], "password": wrong, "device_name": "x"})
    rotated = httpx.post(env.base_url + "/v1/devices", json={
        "username": d.enrolment["user"], "password": PASSWORD, "device_name": "x",
        "device_id": d.id}).json()["token"]
    text = env.server.output()
    for secret in (d.token, rotated, PASSWORD, wrong):
        assert secret not in text
    events = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    kinds = {e.get("event") for e in events}
    assert {"request", "device_enrolled", "login_failed", "change_set", "token_rotated"} <= kinds


def test_cli_accounts_and_devices(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    r = cli("create-user", "nid", "--role", "province", "--province", "50",
            stdin=PASSWORD + "\n", url=url)
    assert r.returncode == 0, r.stderr
    r = cli("create-user", "nid", "--role", "province", "--province", "50",
            stdin=PASSWORD + "\n", url=url)
    assert r.returncode != 0 and "already exists" in r.stderr
    server = ServerProcess(url, tmp_path).start()
    try:
        enrolled = httpx.post(server.base_url + "/v1/devices", json={
            "username": "nid", "password": PASSWORD, "device_name": "office pc"}).json()
        listing = cli("devices", url=url).stdout
        assert enrolled["device_id"] in listing and "office pc" in listing
        assert enrolled["token"] not in listing
        assert cli("revoke", enrolled["device_id"], url=url).returncode == 0
        r = httpx.get(server.base_url + "/v1/sync/pull", headers={
            "Authorization": f"Bearer {enrolled['token']}", "Codi-Protocol": "1"})
        assert r.json()["code"] == "device_revoked"
    finally:
        server.stop()


def test_migrate_and_the_migrations_check(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    assert "revision" in cli("migrate", url=url).stdout
    r = subprocess.run([sys.executable, "-m", "codi_server.check_migrations"],
                       capture_output=True, text=True, cwd=ROOT,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.slow
def test_demo_province_is_served_to_a_device_of_that_province(env):
    d = env.device(provinces=("52",), from_now=True)
    r = cli("demo", "--province", "52", "--scale", "small", url=env.url)
    assert r.returncode == 0, r.stderr
    rows = d.pull_new(limit=5000)
    tables = {c["table"] for c in rows}
    assert {"community", "person", "project", "ledger_entry", "meeting", "attendance"} <= tables
    assert {c["fields"]["province_code"] for c in rows} == {"52"}
    assert len(rows) > 5000
    seqs = [c["seq"] for c in rows]
    assert seqs == sorted(seqs)
    other = env.device(provinces=("10",)).pull_new(limit=5000)
    assert "52" not in {c["fields"]["province_code"] for c in other}
    # Loading again adds nothing twice.
    r = cli("demo", "--province", "52", "--scale", "small", url=env.url)
    assert r.returncode == 0 and "0 rows" in r.stdout


@pytest.mark.slow
def test_demo_of_several_provinces_fills_a_cluster_scope(env):
    cluster = env.device("cluster", ("53", "54"), from_now=True)
    r = cli("demo", "--provinces", "53,54", "--scale", "small", url=env.url)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("demo provinces 53,54: ")
    rows = cluster.pull_new(limit=3000)
    assert {c["fields"]["province_code"] for c in rows} == {"53", "54"}
    per = {p: sum(1 for c in rows if c["fields"]["province_code"] == p) for p in ("53", "54")}
    assert per["53"] > 5000 and per["54"] > 5000
    assert sum(per.values()) == int(r.stdout.split(": ")[1].split()[0])


def test_demo_needs_provinces_or_the_country(tmp_path):
    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    assert cli("demo", url=url).returncode != 0
    assert cli("demo", "--province", "50", "--country", url=url).returncode != 0


def test_country_plan_covers_every_province_once_with_a_mix_of_sizes():
    from codi_core.reference import CLUSTERS
    from codi_server.demo import COUNTRY_LARGE, country_plan

    plan = country_plan()
    codes = [code for code, _ in plan]
    assert len(codes) == len(set(codes)) == 77
    assert set(codes) == {c for cluster in CLUSTERS for c in cluster[4]}
    assert {code for code, scale in plan if scale == "large"} == set(COUNTRY_LARGE)
    assert {scale for _, scale in plan} == {"large", "small"}


@pytest.mark.slow
def test_schemathesis_finds_no_server_error_or_schema_breach(tmp_path):
    url = f"sqlite:///{tmp_path / 'fuzz.sqlite3'}"
    prepared(url)
    server = ServerProcess(url, tmp_path).start()
    try:
        from codi_server.auth import create_user
        from codi_server.db import make_engine

        engine = make_engine(url)
        create_user(engine, "fuzz", PASSWORD, "province", ["50"])
        engine.dispose()
        token = httpx.post(server.base_url + "/v1/devices", json={
            "username": "fuzz", "password": PASSWORD, "device_name": "fuzz"}).json()["token"]
        r = subprocess.run(
            [sys.executable, "-m", "schemathesis.cli", "run",
             server.base_url + "/openapi.json",
             "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                         "response_schema_conformance",
             "--max-examples", "25", "--phases", "examples,fuzzing",
             "--workers", "1", "--max-time", "25", "--request-timeout", "10",
             "-H", f"Authorization: Bearer {token}", "-H", "Codi-Protocol: 1",
             "--suppress-health-check", "all", "--no-color"],
            capture_output=True, text=True, cwd=tmp_path, timeout=150,
        )
        print(r.stdout[-3000:])
        assert r.returncode == 0, r.stdout[-6000:] + r.stderr[-2000:]
        assert "No issues found" in r.stdout or "passed" in r.stdout, r.stdout[-3000:]
        assert '"status": 500' not in server.output()
    finally:
        server.stop()


def test_health_is_503_with_retry_after_when_the_database_does_not_answer():
    import warnings

    from codi_server.app import create_app

    app = create_app("postgresql+psycopg://postgres@127.0.0.1:9/nowhere", prepare=False,
                     tombstone_days=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        with TestClient(app) as client:
            r = client.get("/v1/health")
            assert r.status_code == 503 and r.headers["Retry-After"]
            assert r.json()["code"] == "unavailable"
            r = client.get("/v1/sync/pull", headers={"Authorization": "Bearer x",
                                                      "Codi-Protocol": "1"})
            assert r.status_code == 503 and r.headers["content-type"].startswith(
                "application/problem+json")


def test_enrolment_with_an_unsupported_protocol_header_gets_426(env):
    name = env.user()
    r = httpx.post(env.base_url + "/v1/devices", headers={"Codi-Protocol": "7"},
                   json={"username": name, "password": PASSWORD, "device_name": "x"})
    assert r.status_code == 426 and r.json()["protocols"] == [1]


def test_without_a_database_url_the_embedded_sqlite_file_is_used(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(tmp_path))
    env.pop("CODI_SERVER_DATABASE_URL", None)
    r = subprocess.run([sys.executable, "-m", "codi_server.cli", "migrate"], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert list(tmp_path.rglob("codi-server.sqlite3"))
