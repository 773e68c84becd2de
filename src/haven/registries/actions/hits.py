"""Deciding a registry hit: a confirmed hit becomes evidence of a registry listing on the person."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.cases.actions.permission_and_audit import audit
from haven.evidence.actions import evidence_add
from haven.evidence.models import EvidenceItem
from haven.registries.errors import ScreeningError
from haven.registries.models import Entry, ScreeningHit
from haven.registries.permissions import can_review_hit_of


def hit_entry(hit: ScreeningHit) -> Entry:
    """The registry entry a hit points to (its reference is stored encrypted on the hit)."""
    return Entry.objects.select_related("registry", "first_snapshot").get(public_id=hit.entry_ref)


def listing_date(entry: Entry) -> dt.date:
    """When the entry was listed; where the registry does not say, the first snapshot that held it."""
    return entry.listed_on or entry.first_snapshot.taken_on


def _locked(actor: Actor, hit: ScreeningHit) -> ScreeningHit:
    locked = ScreeningHit.objects.select_for_update().select_related("person__household__organisation")
    fresh = locked.get(pk=hit.pk)
    if not can_review_hit_of(actor, fresh.person.household.organisation_id):
        raise ScreeningError(_("You cannot review this registry hit."))
    if fresh.status not in ("open", "withdrawn"):
        raise ScreeningError(_("This registry hit has already been decided."))
    return fresh


def _evidence(actor: Actor, hit: ScreeningHit, entry: Entry) -> EvidenceItem:
    listed = listing_date(entry)
    if entry.listed_on:
        description = _("Listed in %(registry)s on %(date)s as entry %(reference)s: %(name)s.")
    else:
        description = _(
            "Listed in %(registry)s as entry %(reference)s: %(name)s. The registry does not give the "
            "date of listing; %(date)s is the date of the first snapshot in which it appears."
        )
    values = {"registry": entry.registry.label, "date": listed.isoformat(), "reference": entry.reference}
    return evidence_add(
        actor=actor,
        person=hit.person,
        fields={
            "kind": "registry_listing",
            "title": _("%(registry)s, entry %(reference)s") % values,
            "description": description % {**values, "name": entry.name},
            "registry": entry.registry.slug,
            "registry_reference": entry.reference,
            "registry_listed_on": listed,
            "tags": [("registry_listing", listed)],
        },
    )


def hit_confirm(*, actor: Actor, hit: ScreeningHit, note: str = "") -> EvidenceItem:
    """The registry entry is this person: record the listing as evidence on them."""
    with transaction.atomic():
        hit = _locked(actor, hit)
        entry = hit_entry(hit)
        item = _evidence(actor, hit, entry)
        hit.status, hit.reviewer, hit.note, hit.reviewed_at = "confirmed", actor.user, note, timezone.now()
        hit.evidence = item
        hit.save(update_fields=["status", "reviewer", "note", "reviewed_at", "evidence"])
        household = hit.person.household
        audit(
            actor, "registry.hit_confirm", household, target=str(hit.public_id), evidence=str(item.public_id)
        )
    return item


def hit_reject(*, actor: Actor, hit: ScreeningHit, note: str = "") -> None:
    """The registry entry is someone else: close the hit; screening will not raise it again."""
    with transaction.atomic():
        hit = _locked(actor, hit)
        hit.status, hit.reviewer, hit.note, hit.reviewed_at = "rejected", actor.user, note, timezone.now()
        hit.save(update_fields=["status", "reviewer", "note", "reviewed_at"])
        audit(actor, "registry.hit_reject", hit.person.household, target=str(hit.public_id))
