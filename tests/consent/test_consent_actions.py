"""Each adult's consent to referral is recorded and withdrawn through audited actions, never deleted."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.consent.actions import consent_record, consent_withdraw
from haven.consent.models import Consent
from haven.consent.queries import lacking_consent, scopes_in_force
from haven.errors import InvalidChange, NotAllowed
from haven_core.referral.readiness import Scope

pytestmark = pytest.mark.django_db


def test_a_caseworker_records_a_consent_with_its_date_scope_and_recorder(
    caseworker_a: Any, household_a: Any
) -> None:
    principal = household_a.principal
    day = timezone.localdate() - dt.timedelta(days=3)
    consent = consent_record(
        actor=Actor.for_user(caseworker_a),
        household=household_a,
        person=principal,
        officials=True,
        sponsors=False,
        given_on=day,
    )
    consent.refresh_from_db()
    assert (consent.given_on, consent.recorded_by, consent.in_force) == (day, caseworker_a, True)
    assert scopes_in_force([household_a.pk]) == {principal.pk: frozenset({Scope.OFFICIALS})}
    entry = AuditEntry.objects.get(action="consent.record")
    assert entry.household_ref == household_a.reference and entry.actor == caseworker_a
    assert entry.detail == {
        "person": str(principal.public_id),
        "officials": True,
        "sponsors": False,
        "given_on": day.isoformat(),
    }
    assert household_a.events.filter(person=principal, kind="other", system=True).count() == 1
    # The son (born 2016) is a minor: his mother's consent is the household's.
    assert lacking_consent([household_a], Scope.OFFICIALS) == set()
    assert lacking_consent([household_a], Scope.SPONSORS) == {household_a.pk}


def test_a_withdrawal_keeps_the_consent_and_says_when_who_and_why(
    caseworker_a: Any, household_a: Any
) -> None:
    actor = Actor.for_user(caseworker_a)
    consent = consent_record(
        actor=actor,
        household=household_a,
        person=household_a.principal,
        officials=True,
        sponsors=True,
        given_on=timezone.localdate(),
    )
    consent_withdraw(
        actor=actor, consent=consent, reason="Боится за родителей", withdrawn_on=timezone.localdate()
    )
    kept = Consent.objects.get(pk=consent.pk)
    assert not kept.in_force and kept.withdrawn_by == caseworker_a
    assert kept.withdrawal_reason == "Боится за родителей"
    assert scopes_in_force([household_a.pk]) == {}
    entry = AuditEntry.objects.get(action="consent.withdraw")
    assert entry.target == str(consent.public_id) and "Боится" not in str(entry.detail)
    with pytest.raises(InvalidChange):
        consent_withdraw(actor=actor, consent=kept, reason="again", withdrawn_on=timezone.localdate())


def test_what_is_refused(caseworker_a: Any, caseworker_b: Any, household_a: Any, household_b: Any) -> None:
    actor = Actor.for_user(caseworker_a)
    principal = household_a.principal
    today = timezone.localdate()
    with pytest.raises(NotAllowed):  # another organisation's household
        consent_record(
            actor=Actor.for_user(caseworker_b),
            household=household_a,
            person=principal,
            officials=True,
            sponsors=False,
            given_on=today,
        )
    with pytest.raises(InvalidChange):  # to nobody
        consent_record(
            actor=actor,
            household=household_a,
            person=principal,
            officials=False,
            sponsors=False,
            given_on=today,
        )
    with pytest.raises(InvalidChange):  # in the future
        consent_record(
            actor=actor,
            household=household_a,
            person=principal,
            officials=True,
            sponsors=False,
            given_on=today + dt.timedelta(days=1),
        )
    with pytest.raises(InvalidChange):  # someone of another household
        consent_record(
            actor=actor,
            household=household_a,
            person=household_b.principal,
            officials=True,
            sponsors=False,
            given_on=today,
        )
    consent = consent_record(
        actor=actor, household=household_a, person=principal, officials=True, sponsors=False, given_on=today
    )
    with pytest.raises(InvalidChange):  # no reason
        consent_withdraw(actor=actor, consent=consent, reason="  ", withdrawn_on=today)
    with pytest.raises(InvalidChange):  # before it was given
        consent_withdraw(actor=actor, consent=consent, reason="x", withdrawn_on=today - dt.timedelta(days=1))
    assert Consent.objects.count() == 1 and Consent.objects.get().in_force
