"""``haven reindex-names``: stored search keys are computed again with the readings Haven has now,
stay keyed hashes, show progress, and the run is audited."""

from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions.search_keys import name_keys_rebuild
from haven.cases.models import PersonNameKey
from haven.security.reporting import Reporter
from haven.security.sensitive import index_value
from tests.support.cases import open_household
from tests.support.personas import client_for


class Recording(Reporter):
    def __init__(self) -> None:
        self.seen: list[tuple[str, int, int]] = []

    def batch(self, what: str, done: int, total: int) -> None:
        self.seen.append((what, done, total))


def listed(client: Any, query: str) -> list[str]:
    response = client.get("/cases/", {"q": query}, follow=True)
    return [row.household.reference for row in response.context["rows"]]


def _as_stored_before(person: Any) -> None:
    """Keys as an earlier Haven stored them: each word on its own, no joined double surname."""
    PersonNameKey.objects.filter(person=person).exclude(
        key__in=[index_value(k) for k in ("kara", "murza", "vladimir")]
    ).delete()


def test_a_double_surname_typed_joined_is_found_after_the_keys_are_rebuilt(
    caseworker_a: Any, org_a: Any
) -> None:
    household = open_household(org_a, "Кара Мурза", "Владимир")
    person = household.people.get()
    _as_stored_before(person)
    client = client_for(caseworker_a)
    assert listed(client, "Vladimir Karamurza") == []

    reporter = Recording()
    assert name_keys_rebuild(actor=Actor.system(), batch_size=1, reporter=reporter) >= 1

    assert listed(client, "Vladimir Karamurza") == [household.reference]
    assert listed(client, "Kara Murza Jr.") == [household.reference]  # the suffix is not a name
    stored = set(PersonNameKey.objects.filter(person=person).values_list("key", flat=True))
    assert index_value("karamurza") in stored and "karamurza" not in stored  # a keyed hash, not the key
    assert reporter.seen[0][1] == 0 and reporter.seen[-1][1] == reporter.seen[-1][2]
    assert len(reporter.seen) == reporter.seen[-1][2] + 1  # after each batch of one person


def test_the_command_reports_progress_and_the_run_is_audited(household_a: Any) -> None:
    out = StringIO()
    call_command("reindex-names", "--batch-size", "1", stdout=out)
    text = out.getvalue()
    assert "rebuilding name search keys" in text and "Search keys rebuilt for 2 people." in text
    entry = AuditEntry.objects.filter(action="caseload.reindex_names").get()
    assert entry.detail["people"] == 2 and entry.detail["keys"] > 0
    assert "Котова" not in str(entry.detail)
