"""The coordinator in a real browser: paste the recipient's age key on the batch's page, watch the job
(the page asks the server every two seconds, by Haven's own script, within the CSP) go from waiting to
done when a worker has run it, then download the package and decrypt it with the recipient's key."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path
from typing import Any

import pyrage
import pytest

from tests.support.accounts import give_authenticator
from tests.support.browser import sign_in
from tests.support.jobs import run_queued
from tests.support.referral import batch_for

pytestmark = pytest.mark.e2e


def test_the_coordinator_makes_and_downloads_a_package(
    live_server: Any,
    page: Any,
    coordinator: Any,
    liaison: Any,
    household_a: Any,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.HAVEN_REFERRAL_SIGNING_KEY_FILE = tmp_path / "referral-signing.key"
    batch = batch_for(coordinator, liaison, [household_a])
    identity = pyrage.x25519.Identity.generate()
    secret = give_authenticator(coordinator)
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))

    sign_in(page, live_server.url, coordinator.username, secret)

    page.goto(f"{live_server.url}/referrals/{batch.public_id}/")
    page.fill("#id_recipient_key", str(identity.to_public()))
    page.click("text=Make the package")
    page.wait_for_url(f"**/referrals/{batch.public_id}/")
    assert "Waiting for a worker" in page.locator(".job").inner_text()

    run_queued()  # the worker's loop, while the page is open

    link = page.locator(f"a:has-text('{batch.reference}.tar.age')")
    link.wait_for(timeout=15_000)  # appears without a reload: the fragment was fetched again
    with page.expect_download() as download:
        link.click()
    sealed = Path(download.value.path()).read_bytes()
    with tarfile.open(fileobj=io.BytesIO(pyrage.decrypt(sealed, [identity]))) as tar:
        assert f"dossiers/{household_a.reference}.en.pdf" in tar.getnames()
    assert not [m for m in console if "Content Security Policy" in m or "Refused" in m], console
