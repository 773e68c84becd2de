"""``haven serve`` with production settings: a real gunicorn serving pages and WhiteNoise serving the
collected static files under hashed names, compressed and cached for good. HTTPS is relaxed only by the
explicit test setting, which a real host name refuses."""

from __future__ import annotations

import gzip
import re
import secrets
from pathlib import Path

import pytest
import requests

from tests.support.serving import clean_env, haven, serving


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A migrated production configuration with its keys and its static files collected."""
    folder = tmp_path_factory.mktemp("production")
    env = clean_env(
        HAVEN_PRODUCTION="1",
        HAVEN_INSECURE_HTTP_FOR_TESTS="1",
        HAVEN_SECRET_KEY=secrets.token_urlsafe(60),
        HAVEN_KEYS_FILE=str(folder / "keys.json"),
        HAVEN_VAR_DIR=str(folder),
        HAVEN_STATIC_ROOT=str(folder / "static"),
        DATABASE_URL=f"sqlite:///{folder / 'haven.sqlite3'}",
    )
    haven(env, "generate-keys")
    haven(env, "migrate", "--verbosity", "0")
    haven(env, "collectstatic", "--noinput", "--verbosity", "0")
    return env


def test_the_production_command_serves_pages_and_hashed_compressed_static_files(
    production: dict[str, str], tmp_path: Path
) -> None:
    with serving(production, tmp_path / "serve.log", "--workers", "2") as base:
        login = requests.get(f"{base}/login/", timeout=30)
        assert login.status_code == 200 and 'name="password"' in login.text
        assert login.headers["Server"] == "gunicorn"
        [stylesheet] = re.findall(r'href="(/static/haven/haven\.[0-9a-f]{12}\.css)"', login.text)

        plain = requests.get(f"{base}{stylesheet}", headers={"Accept-Encoding": "identity"}, timeout=30)
        assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
        assert "immutable" in plain.headers["Cache-Control"]
        assert int(re.search(r"max-age=(\d+)", plain.headers["Cache-Control"])[1]) >= 365 * 24 * 3600  # type: ignore[index]

        zipped = requests.get(
            f"{base}{stylesheet}", headers={"Accept-Encoding": "gzip"}, stream=True, timeout=30
        )
        assert zipped.headers["Content-Encoding"] == "gzip"
        raw = zipped.raw.read()
        assert len(raw) < len(plain.content) and gzip.decompress(raw) == plain.content

        brotli = requests.get(
            f"{base}{stylesheet}", headers={"Accept-Encoding": "br"}, stream=True, timeout=30
        )
        assert brotli.headers["Content-Encoding"] == "br" and len(brotli.raw.read()) < len(raw)

        missing = requests.get(f"{base}/static/haven/no-such-file.css", timeout=30)
        assert missing.status_code == 404


def test_without_collected_static_files_the_server_refuses_to_start(
    production: dict[str, str], tmp_path: Path
) -> None:
    env = {**production, "HAVEN_STATIC_ROOT": str(tmp_path / "empty")}
    done = haven(env, "serve", "--bind", "127.0.0.1:1", check=False)
    assert done.returncode != 0 and "haven collectstatic" in done.stderr


def test_the_test_setting_for_plain_http_is_refused_with_a_real_host_name(
    production: dict[str, str], tmp_path: Path
) -> None:
    env = {**production, "HAVEN_ALLOWED_HOSTS": "haven.example.org"}
    done = haven(env, "check", check=False)
    assert done.returncode != 0 and "HAVEN_INSECURE_HTTP_FOR_TESTS is for tests" in done.stderr


def test_the_test_setting_for_plain_http_serves_on_loopback_only(production: dict[str, str]) -> None:
    done = haven(production, "serve", "--bind", "0.0.0.0:8000", check=False)
    assert done.returncode != 0 and "loopback address only" in done.stderr
