"""What the evidence actions share: permission checks and the custody entry."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.cases.actions.base import audit
from haven.cases.models import Household
from haven.errors import NotAllowed
from haven.evidence.models import EvidenceItem
from haven_core.roles import can_edit_household, can_see_household


def ensure_can_see(actor: Actor, household: Household) -> None:
    if not can_see_household(actor.role, actor.organisation_id, household.organisation_id):
        raise NotAllowed(_("You cannot see this household's evidence."))


def ensure_can_change(actor: Actor, household: Household) -> None:
    if not can_edit_household(actor.role, actor.organisation_id, household.organisation_id):
        raise NotAllowed(_("You cannot change this household's evidence."))


def custody(actor: Actor, action: str, item: EvidenceItem, **detail: Any) -> None:
    """An entry in the item's chain of custody (and the household's audit trail). No sensitive values."""
    audit(actor, action, item.person.household, target=str(item.public_id), **detail)
