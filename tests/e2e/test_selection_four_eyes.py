"""From the demo's data to a referral batch in a real browser, with the defaults and a second pair of eyes:
the demo coordinator runs a selection of 40 places with the defaults and cannot approve it; the demo's
second coordinator approves it and makes a referral batch, which holds households."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from haven.referral.models import ReferralBatch
from haven.selection.models import SelectionRun
from tests.support.accounts import give_authenticator
from tests.support.browser import sign_in
from tests.support.personas import PASSWORD

pytestmark = pytest.mark.e2e


def demo_user(username: str) -> tuple[Any, str]:
    """A demo login, with the tests' password and an authenticator (coordinators must have one)."""
    user = get_user_model().objects.get(username=username)
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user, give_authenticator(user)


def test_coordinator_runs_with_defaults_another_approves_and_a_batch_is_made(
    live_server: Any, page: Any, db: Any
) -> None:
    call_command("demo", "--no-serve", households=200, stdout=StringIO(), stderr=StringIO())
    first, first_secret = demo_user("coordinator")
    second, second_secret = demo_user("coordinator2")
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))

    # Coordinator A: quota 40, everything else as the page offers it.
    sign_in(page, live_server.url, first.username, first_secret)
    page.goto(f"{live_server.url}/selection/")
    assert page.locator("#not-ready").is_visible()  # the emergencies not ready, above the form
    page.fill("#id_quota", "40")
    page.click("text=Run the selection")
    page.wait_for_url("**/selection/runs/**")
    run = SelectionRun.objects.get(approved_at__isnull=True)  # the demo's own run is approved
    assert run.created_by == first and run.households_selected > 0
    approval = page.locator("#approval").inner_text()
    assert "another coordinator (or an administrator) approves it" in approval
    assert page.locator("text=Approve this selection").count() == 0  # A cannot approve
    run_url = page.url

    # Coordinator B approves, then refers the run to the liaison.
    page.context.clear_cookies()
    sign_in(page, live_server.url, second.username, second_secret)
    page.goto(run_url)
    assert "Every selected household can be referred now." in page.locator("#approval").inner_text()
    page.click("text=Approve this selection")
    page.wait_for_url(run_url)
    assert "Made by coordinator, approved by coordinator2." in page.locator("#approval").inner_text()
    page.click("text=Create referral batch")
    page.wait_for_url("**/referrals/?run=*")
    page.select_option("#id_recipient", label="liaison")
    page.select_option("#id_profile", value="officer")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/referrals/*-*/")
    run.refresh_from_db()
    batch = ReferralBatch.objects.get(run=run)
    assert run.approved_by == second and batch.created_by == second
    assert batch.entries.count() == run.households_selected > 0 and not batch.skipped
    assert "Selection made by coordinator, approved by coordinator2" in page.locator("main").inner_text()
    assert not [m for m in console if "Content Security Policy" in m or "Refused" in m], console
