"""The consent panel of the household page: each adult and the recipients they agreed to."""

from __future__ import annotations

from typing import Any

from django import template

from haven.consent.queries import adult, scopes_in_force
from haven_core.referral.readiness import Scope

register = template.Library()


@register.inclusion_tag("consent/_panel.html")
def consent_panel(household: Any) -> dict[str, Any]:
    """Each adult and whether they consented to officials, to sponsors: read with the people when the
    household page has (``consent_officials``, ``consent_sponsors``), else here."""
    people = list(household.people.all())
    if all(hasattr(p, "consent_officials") and hasattr(p, "consent_sponsors") for p in people):
        given = {p.pk: (p.consent_officials, p.consent_sponsors) for p in people}
    else:
        scopes = scopes_in_force([household.pk])
        given = {
            p.pk: (Scope.OFFICIALS in scopes.get(p.pk, ()), Scope.SPONSORS in scopes.get(p.pk, ()))
            for p in people
        }
    rows = [
        {"person": p, "officials": given[p.pk][0], "sponsors": given[p.pk][1]} for p in people if adult(p)
    ]
    return {"household": household, "rows": rows}
