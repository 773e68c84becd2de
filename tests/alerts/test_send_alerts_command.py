"""``haven send-alerts``: progress and a summary, --today and --dry-run, and nothing sent twice."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from haven.alerts.models import AlertSent
from tests.support.alerts import TODAY, hearing_in


def send(*args: str) -> str:
    out = io.StringIO()
    call_command("send-alerts", "--today", TODAY.isoformat(), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_command_sends_the_digests_and_says_how_many(
    household_a: Any,
    household_b: Any,
    caseworker_a: Any,
    caseworker_b: Any,
    mailoutbox: list[Any],
    settings: Any,
) -> None:
    settings.HAVEN_ALERT_WINDOWS = (3, 10)
    hearing_in(household_a.principal, caseworker_a, 9)
    hearing_in(household_b.principal, caseworker_b, 11)  # beyond the longest window

    output = send()
    assert "Alerts for 2026-03-02, windows 3, 10 days." in output
    assert "Sent 1 deadline digests: 1 deadlines in 1 households." in output
    assert "Emails sent: 1." in output
    assert [m.to for m in mailoutbox] == [[caseworker_a.email]]
    assert AlertSent.objects.get().window == 10

    assert "Emails sent: 0." in send()
    assert len(mailoutbox) == 1


def test_a_dry_run_says_what_it_would_send_and_sends_nothing(
    household_a: Any, caseworker_a: Any, mailoutbox: list[Any]
) -> None:
    hearing_in(household_a.principal, caseworker_a, 2)
    output = send("--dry-run")
    assert "dry run: nothing is sent" in output
    assert "Would send 1 deadline digests: 1 deadlines in 1 households." in output
    assert mailoutbox == [] and not AlertSent.objects.exists()


def test_a_bad_date_is_refused(db: Any) -> None:
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send-alerts", "--today", "02.03.2026", stdout=io.StringIO())
