"""The consent panel of the household page: each adult and the recipients they agreed to."""

from __future__ import annotations

from typing import Any

from django import template

from haven.consent.queries import adult, scopes_in_force
from haven_core.referral.readiness import Scope

register = template.Library()


@register.inclusion_tag("consent/_panel.html")
def consent_panel(household: Any) -> dict[str, Any]:
    scopes = scopes_in_force([household.pk])
    rows = [
        {
            "person": p,
            "officials": Scope.OFFICIALS in scopes.get(p.pk, frozenset()),
            "sponsors": Scope.SPONSORS in scopes.get(p.pk, frozenset()),
        }
        for p in household.people.all()
        if adult(p)
    ]
    return {"household": household, "rows": rows}
