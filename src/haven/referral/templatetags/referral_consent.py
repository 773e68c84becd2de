"""The batch page's note of who made and approved its selection, and of households whose consent was
withdrawn since (no later export carries them)."""

from __future__ import annotations

from typing import Any

from django import template

from haven.referral.actions import consent_withdrawn_entries

register = template.Library()


@register.inclusion_tag("referral/_batch_consent.html")
def batch_consent(batch: Any) -> dict[str, Any]:
    return {"run": batch.run, "withdrawn": consent_withdrawn_entries(batch)}
