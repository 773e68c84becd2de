"""Assessing a household: facts read from the records, the stored result, the audit entry, what changes."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.assessment.actions import household_assess
from haven.assessment.facts import household_facts
from haven.assessment.models import Assessment
from haven.audit.models import AuditEntry
from haven.cases.actions import us_record_save
from haven.cases.models import Household
from haven.errors import NotAllowed
from haven_core import assessment as core
from tests.support.evidence import add_evidence

TODAY = dt.date(2026, 11, 24)


def facts_of(household: Any) -> core.HouseholdFacts:
    return household_facts(Household.objects.filter(pk=household.pk))[household.pk]


def test_facts_are_read_from_the_records(household_a: Any, caseworker_a: Any) -> None:
    principal = household_a.principal
    principal.pregnancy, principal.citizenships = True, "RU"
    principal.save()
    us_record_save(
        actor=Actor.for_user(caseworker_a),
        person=principal,
        fields={"status": "final_order", "detained": True, "removal_scheduled_date": TODAY},
    )
    item = add_evidence(principal, "fbk_work", "wanted_listing", on=dt.date(2022, 1, 5), status="unreviewed")
    add_evidence(principal, "lgbtq_activism", original=item, derivation="translation")  # a working copy
    facts = facts_of(household_a)
    first, child = facts.people
    assert first.relationship == "principal" and child.relationship == "child"
    assert first.marked == {"pregnancy"} and first.citizenships == ("RU",)
    assert first.birth is not None and first.birth.iso() == "1988-04-12"
    assert first.us_record == core.USRecordFacts("final_order", True, None, TODAY, None)
    assert [e.id for e in first.evidence] == [str(item.public_id)]  # the working copy is not counted twice
    assert {t.tag for t in first.evidence[0].tags} == {"fbk_work", "wanted_listing"}
    assert child.birth is not None and child.birth.iso() == "2016"


def test_assessing_stores_the_result_encrypted_with_levels_beside_it_and_audits(
    household_a: Any, caseworker_a: Any
) -> None:
    add_evidence(household_a.principal, "donation_ukraine", on=dt.date(2024, 2, 1))
    stored = household_assess(actor=Actor.for_user(caseworker_a), household=household_a, today=TODAY)
    assert (stored.risk_level, stored.risk_score) == ("high", 25.0)
    assert stored.current and stored.rules_version == "russia-2026-11.1"
    result = core.from_json(stored.result)
    assert result.risk.total == stored.risk_score
    entry = AuditEntry.objects.filter(action="assessment.compute").get()
    assert entry.household_ref == household_a.reference
    assert set(entry.detail) == {"rules_version", "changed"} and entry.detail["changed"] is True
    assert "donation" not in json.dumps(entry.detail)


def test_the_raw_column_holds_no_readable_fact(household_a: Any, caseworker_a: Any) -> None:
    from django.db import connection

    add_evidence(household_a.principal, "lgbtq_activism", on=dt.date(2024, 2, 1))
    household_assess(actor=Actor.for_user(caseworker_a), household=household_a, today=TODAY)
    with connection.cursor() as cursor:
        cursor.execute("SELECT result, inputs_hash FROM assessment_assessment")
        stored, inputs_hash = cursor.fetchone()
    assert "lgbtq" not in stored and "282.2" not in stored
    assert len(inputs_hash) == 32  # a keyed blind index, not a plain digest of the facts


def test_assessing_again_with_nothing_new_keeps_the_same_row(household_a: Any, caseworker_a: Any) -> None:
    actor = Actor.for_user(caseworker_a)
    first = household_assess(actor=actor, household=household_a, today=TODAY)
    again = household_assess(actor=actor, household=household_a, today=TODAY + dt.timedelta(days=1))
    assert again.pk == first.pk
    add_evidence(household_a.principal, "public_antiwar_statement", on=dt.date(2024, 2, 1))
    changed = household_assess(actor=actor, household=household_a, today=TODAY)
    assert changed.pk != first.pk and changed.risk_score > first.risk_score
    assert list(Assessment.objects.filter(household=household_a).values_list("current", flat=True)) == [
        True,
        False,
    ]


def test_retracting_evidence_takes_its_risk_away(household_a: Any, caseworker_a: Any) -> None:
    actor = Actor.for_user(caseworker_a)
    item = add_evidence(household_a.principal, "wanted_listing", on=dt.date(2024, 2, 1))
    assert household_assess(actor=actor, household=household_a, today=TODAY).risk_score == 12
    item.status = "retracted"
    item.save()
    after = household_assess(actor=actor, household=household_a, today=TODAY)
    assert after.risk_score == 0
    assert str(item.public_id) not in after.result


def test_a_caseworker_of_another_organisation_cannot_assess(household_a: Any, caseworker_b: Any) -> None:
    with pytest.raises(NotAllowed):
        household_assess(actor=Actor.for_user(caseworker_b), household=household_a, today=TODAY)
    assert not Assessment.objects.exists()


def test_the_result_is_compressed_before_it_is_encrypted(household_a: Any, caseworker_a: Any) -> None:
    from django.db import connection

    from haven.security.sensitive import codec

    stored = household_assess(actor=Actor.for_user(caseworker_a), household=household_a, today=TODAY)
    with connection.cursor() as cursor:
        cursor.execute("SELECT result FROM assessment_assessment")
        (raw,) = cursor.fetchone()
    assert codec().decode(raw).startswith("z:")
    assert core.from_json(Assessment.objects.get(pk=stored.pk).result).assessed_on == TODAY
