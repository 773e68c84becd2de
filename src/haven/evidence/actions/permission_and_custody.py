"""What the evidence actions share: permission checks and the custody entry."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.accounts.visibility import can_change, can_see
from haven.cases.actions.permission_and_audit import audit
from haven.cases.models import Household
from haven.errors import NotAllowed
from haven.evidence.models import EvidenceItem


def ensure_can_see(actor: Actor, household: Household) -> None:
    if not can_see(actor, household):
        raise NotAllowed(_("You cannot see this household's evidence."))


def ensure_can_change(actor: Actor, household: Household) -> None:
    if not can_change(actor, household):
        raise NotAllowed(_("You cannot change this household's evidence."))


def custody(actor: Actor, action: str, item: EvidenceItem, **detail: Any) -> None:
    """An entry in the item's chain of custody (and the household's audit trail). No sensitive values."""
    audit(actor, action, item.person.household, target=str(item.public_id), **detail)
