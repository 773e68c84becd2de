"""The browser tests' Chromium and signing in through the real login page in it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pyotp

from tests.support.personas import PASSWORD

CHROMIUM = os.environ.get("HAVEN_CHROMIUM", "/usr/bin/chromium")
# Where the page tests leave their screenshots to look at (HAVEN_SCREENSHOTS, or a fresh folder).
SHOTS = Path(os.environ.get("HAVEN_SCREENSHOTS") or tempfile.mkdtemp(prefix="haven-home-shots-"))

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def sign_in(
    page: Any, url: str, username: str, secret: str | None = None, *, password: str = PASSWORD
) -> None:
    """Sign in through the real login page; with an authenticator's ``secret``, answer its code too."""
    page.goto(f"{url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form.form button[type=submit]")
    if secret is None:
        page.wait_for_url(f"{url}/")  # every role lands on its home page
        return
    page.wait_for_url("**/account/2fa/verify/**")
    page.fill("#id_code", pyotp.TOTP(secret).now())
    page.click("form.form button[type=submit]")
