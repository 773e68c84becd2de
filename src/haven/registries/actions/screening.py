"""Storing what screening found: one batch of people's hits and its audit entry, in one transaction.

Screening itself (:mod:`haven.registries.screening`) only reads: it decrypts names and asks the
matcher. Everything it writes goes through :func:`hits_store`, so a batch of hits is never stored
without the entry that records it, nor the entry without the hits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.db import transaction

from haven.accounts.actor import Actor
from haven.audit.catalogue import AuditAction
from haven.audit.record import audit_record
from haven.cases.models import Person
from haven.registries.models import ScreeningHit
from haven.registries.screening import ScreeningCounts
from haven_core.matching import Candidate


def _apply(
    people: Sequence[Person], found: Mapping[int, list[Candidate]], public_ids: Mapping[str, str]
) -> ScreeningCounts:
    """Bring the people's hits in line with what the matcher found now."""
    counts = ScreeningCounts(people=len(people))
    existing: dict[int, dict[str, ScreeningHit]] = {p.pk: {} for p in people}
    for stored in ScreeningHit.objects.filter(person__in=[p.pk for p in people]).only(
        "id", "person_id", "entry_ref", "status", "score", "decision", "reasons_text"
    ):
        existing[stored.person_id][stored.entry_ref] = stored
    new: list[ScreeningHit] = []
    changed: list[ScreeningHit] = []
    for person in people:
        hits = existing[person.pk]
        current = set()
        for candidate in found.get(person.pk, []):
            entry_ref = public_ids[candidate.entry_id]
            current.add(entry_ref)
            hit = hits.get(entry_ref)
            if hit is None:
                hit = ScreeningHit(person_id=person.pk, entry_ref=entry_ref, status="open")
                new.append(hit)
            elif hit.status in ("open", "withdrawn"):
                changed.append(hit)
                if hit.status == "withdrawn":
                    hit.status = "open"
                    counts.new_hits += 1
            else:
                continue
            hit.score, hit.decision, hit.reasons = candidate.score, candidate.decision, candidate.reasons
        for entry_ref, hit in hits.items():
            if hit.status == "open" and entry_ref not in current:
                hit.status = "withdrawn"
                changed.append(hit)
                counts.withdrawn += 1
    ScreeningHit.objects.bulk_create(new)
    ScreeningHit.objects.bulk_update(changed, ["status", "score", "decision", "reasons_text"])
    counts.new_hits += len(new)
    return counts


def hits_store(
    *,
    actor: Actor,
    people: Sequence[Person],
    found: Mapping[int, list[Candidate]],
    public_ids: Mapping[str, str],
    one_person: bool = False,
) -> ScreeningCounts:
    """Store the hits the matcher ``found`` for ``people`` (one batch) and record it, in one transaction.

    A batch of the caseload is always recorded (how many people, hits found and withdrawn); screening
    ``one_person`` after their names changed is recorded only when their queue changed, under their
    household.
    """
    with transaction.atomic():
        counts = _apply(people, found, public_ids)
        detail = {"people": counts.people, "new_hits": counts.new_hits, "withdrawn": counts.withdrawn}
        if not one_person:
            audit_record(actor=actor.user, action=AuditAction.REGISTRY_SCREEN, ip=actor.ip, detail=detail)
        elif counts.new_hits or counts.withdrawn:
            person = people[0]
            audit_record(
                actor=actor.user,
                action=AuditAction.REGISTRY_SCREEN,
                organisation=person.household.organisation,
                household_ref=person.household.reference,
                target=str(person.public_id),
                ip=actor.ip,
                detail=detail,
            )
    return counts
