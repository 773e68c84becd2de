"""Opening the radar is recorded as a view, with counts and never a name or a household."""

from __future__ import annotations

import json
from typing import Any

from haven.audit.models import AuditEntry, StagedEntry
from haven.audit.record import audit_seal
from tests.support.personas import client_for
from tests.support.radar import ahead, record


def test_opening_the_radar_records_counts_only(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(4), detained=True)
    client_for(caseworker_a).get("/radar/", {"days": "14", "detained": "on"})
    assert audit_seal() == 1  # a read: staged, then sealed into the chain by the next change
    entry = AuditEntry.objects.get(action="radar.view")
    assert entry.actor == caseworker_a and entry.organisation == household_a.organisation
    assert entry.detail == {"days": 14, "deadlines": 1, "shown": 1, "warnings": 1, "filters": ["detained"]}
    assert entry.household_ref == "" and entry.target == ""
    text = json.dumps(entry.detail, ensure_ascii=False)
    assert household_a.reference not in text and "Котова" not in text


def test_a_refused_request_records_nothing(liaison: Any) -> None:
    client_for(liaison).get("/radar/")
    assert not StagedEntry.objects.filter(action="radar.view").exists()
    assert not AuditEntry.objects.filter(action="radar.view").exists()
