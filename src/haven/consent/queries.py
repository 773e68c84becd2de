"""Reading consent: who in a household must consent, and what consent is in force."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from haven.consent.models import Consent
from haven_core.referral.readiness import Scope, is_adult


def adult(person: Any, today: dt.date | None = None) -> bool:
    return is_adult(
        birth_date=person.birth_date or "",
        relationship=person.relationship,
        minor_flag=person.minor,
        today=today or timezone.localdate(),
    )


def scopes_in_force(household_ids: Iterable[int]) -> dict[int, frozenset[Scope]]:
    """Per person id, the recipients their consents in force allow."""
    scopes: dict[int, set[Scope]] = defaultdict(set)
    rows = Consent.objects.filter(household_id__in=list(household_ids), withdrawn_at__isnull=True)
    for person_id, officials, sponsors in rows.values_list("person_id", "officials", "sponsors"):
        if person_id is None:
            continue
        if officials:
            scopes[person_id].add(Scope.OFFICIALS)
        if sponsors:
            scopes[person_id].add(Scope.SPONSORS)
    return {k: frozenset(v) for k, v in scopes.items()}


def lacking_consent(households: Iterable[Any], scope: Scope) -> set[int]:
    """The ids of ``households`` (with their people prefetched) where an adult has no consent in force
    for ``scope``."""
    households = list(households)
    scopes = scopes_in_force(h.pk for h in households)
    today = timezone.localdate()
    return {
        h.pk
        for h in households
        if not any(adult(p, today) for p in h.people.all())
        or any(adult(p, today) and scope not in scopes.get(p.pk, frozenset()) for p in h.people.all())
    }
