"""Deciding identity links: two organisations' records of one person, linked by the coordinator.

Linking changes neither record: each organisation keeps its household, its spelling and its history.
The link says only that they are one person, and can be undone.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.audit.record import audit_record
from haven.registries.errors import ScreeningError
from haven.registries.models import IdentityLink
from haven.registries.permissions import can_decide_links


def _decide(
    actor: Actor, link: IdentityLink, *, allowed: tuple[str, ...], status: str, action: str, note: str
) -> None:
    if not can_decide_links(actor):
        raise ScreeningError(
            _("Only the coordinator decides whether two organisations' records are one person.")
        )
    with transaction.atomic():
        fresh = IdentityLink.objects.select_for_update().get(pk=link.pk)
        if fresh.status not in allowed:
            raise ScreeningError(_("This proposal has already been decided."))
        before = fresh.status
        households = IdentityLink.objects.filter(pk=link.pk).values_list(
            "person_a__household__reference", "person_b__household__reference"
        )[0]
        fresh.status, fresh.decided_by, fresh.decided_at = status, actor.user, timezone.now()
        if note:
            fresh.note = note
        fresh.save(update_fields=["status", "decided_by", "decided_at", "note"])
        audit_record(
            actor=actor.user,
            action=action,
            target=str(fresh.public_id),
            ip=actor.ip,
            detail={"from": before, "to": status, "households": list(households)},
        )
        link.status, link.decided_by, link.decided_at = fresh.status, fresh.decided_by, fresh.decided_at


def link_confirm(*, actor: Actor, link: IdentityLink, note: str = "") -> None:
    """The two records are one person: link them (each record stays as its organisation wrote it)."""
    _decide(actor, link, allowed=("proposed",), status="linked", action="identity.link", note=note)


def link_reject(*, actor: Actor, link: IdentityLink, note: str = "") -> None:
    """The two records are two people: the proposal is closed and not made again."""
    _decide(actor, link, allowed=("proposed",), status="rejected", action="identity.reject", note=note)


def link_undo(*, actor: Actor, link: IdentityLink, note: str = "") -> None:
    """Take back a decision: the pair goes back to the coordinator's list as a proposal."""
    _decide(actor, link, allowed=("linked", "rejected"), status="proposed", action="identity.undo", note=note)
