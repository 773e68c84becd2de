"""Several app servers against one PostgreSQL, with stored files on storage they share: two `haven serve`
processes on two loopback ports. A household opened through one is read through the other, and an evidence
file uploaded through one is downloaded, whole, through the other. (PostgreSQL only: SQLite is one file on
one machine, not a database several servers share.)"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path
from typing import Any

import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.db import connection

from haven.accounts.actor import Actor
from haven.api.actions import token_create
from haven.security import keys
from tests.support.personas import PASSWORD
from tests.support.serving import clean_env, serving

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="several servers share one PostgreSQL; the SQLite default is one machine's file",
)

PRINCIPAL = {"surname_cyrillic": "Смирнов", "given_name_cyrillic": "Павел", "birth_date": "14.02.1979"}
PLACARD = b"Net voyne: placard photographed at the picket, 6 March 2022.\n"


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _signed_in(base: str, username: str) -> requests.Session:
    session = requests.Session()
    session.get(f"{base}/login/", timeout=60)
    answer = session.post(
        f"{base}/login/",
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": session.cookies["haven-csrf"]},
        timeout=60,
    )
    assert "/login/" not in answer.url, answer.text
    return session


def test_two_servers_share_the_database_and_the_stored_files(
    transactional_db: Any, caseworker_a: Any, tmp_path: Path
) -> None:
    # The servers hash with Argon2 or PBKDF2, not the tests' fast hasher.
    caseworker_a.password = make_password(PASSWORD, hasher=PBKDF2PasswordHasher())
    caseworker_a.save()
    keys.sealer()  # the key file exists before two servers start, both reading the same
    token = token_create(actor=Actor.for_user(caseworker_a), name="two servers")[1]
    shared = tmp_path / "shared-files"
    env = clean_env(
        DATABASE_URL=_database_url(),
        HAVEN_KEYS_FILE=str(settings.HAVEN_KEYS_FILE),
        HAVEN_SECRET_KEY=secrets.token_urlsafe(50),
        HAVEN_FILES_DIR=str(shared),
        HAVEN_VAR_DIR=str(tmp_path / "var"),
    )
    bearer = {"Authorization": f"Bearer {token}"}
    with (
        serving(env, tmp_path / "one.log", "--workers", "1") as one,
        serving(env, tmp_path / "two.log", "--workers", "1") as two,
    ):
        opened = requests.post(
            f"{one}/api/v1/households", json={"principal": PRINCIPAL}, headers=bearer, timeout=60
        )
        assert opened.status_code == 201, opened.text
        reference = opened.json()["reference"]
        [principal] = opened.json()["people"]

        seen = requests.get(f"{two}/api/v1/households/{reference}", headers=bearer, timeout=60)
        assert seen.status_code == 200 and seen.json()["people"][0]["id"] == principal["id"]

        added = requests.post(
            f"{one}/api/v1/households/{reference}/people/{principal['id']}/evidence",
            data={"kind": "photo", "title": "Пикет"},
            files={"upload": ("picket.txt", PLACARD)},
            headers=bearer,
            timeout=60,
        )
        assert added.status_code == 201, added.text
        sha = hashlib.sha256(PLACARD).hexdigest()
        assert [f["sha256"] for f in added.json()["files"]] == [sha]
        assert any(path.is_file() for path in shared.rglob("*"))  # sealed, in the shared folder

        browser = _signed_in(two, caseworker_a.username)
        download = browser.get(
            f"{two}/cases/{reference}/evidence/{added.json()['id']}/files/{sha}/download/", timeout=60
        )
        assert download.status_code == 200 and download.content == PLACARD
