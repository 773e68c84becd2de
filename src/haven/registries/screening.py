"""Screening the caseload against every imported registry, and keeping the review queue current.

Names are decrypted in memory, a batch of people at a time, turned into matcher records and dropped:
nothing but the hits (their entry reference and reasons encrypted) is written. A person is screened
after every import (``haven registry-import``, ``haven screen``) and whenever their names or birth date
change (``haven.cases.actions.people``, after the change is committed).

Every candidate the matcher returns, ``match`` or ``review``, goes to the queue: the final word is a
reviewer's. A hit already decided (confirmed or rejected) is never reopened by screening; an open hit
that is no longer a candidate (the name was corrected) is withdrawn, and comes back if it is again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.db.models import Count, Max

from haven.accounts.actor import Actor
from haven.audit.record import audit_record
from haven.cases.models import Person
from haven.progress import Progress
from haven.registries.models import Entry, ScreeningHit, Snapshot
from haven_core.matching import Candidate, Matcher, NameRecord

log = logging.getLogger(__name__)

BATCH = 500
CANDIDATES_PER_PERSON = 10
# Only the columns screening reads: loading a whole person would decrypt every sensitive field.
NAME_COLUMNS = (
    "id", "public_id", "household_id", "surname_cyrillic", "given_name_cyrillic", "patronymic_cyrillic",
    "surname_latin", "given_name_latin", "other_spellings", "former_names", "birth_date",
)  # fmt: skip


def person_record(person: Person, source: str = "caseload") -> NameRecord:
    """The matcher's view of one of our people: every spelling of the name and the birth date."""
    birth = person.birth
    names = list(person.all_spellings())
    if person.surname_latin and person.given_name_latin:
        names.append(f"{person.surname_latin.upper()}, {person.given_name_latin}")  # as US records write
    return NameRecord(
        id=str(person.pk),
        names=tuple(dict.fromkeys(names)),
        birth=birth.iso() if birth else None,
        source=source,
    )


def entry_record(entry: Entry, source: str) -> NameRecord:
    return NameRecord(
        id=str(entry.pk),
        names=tuple(entry.names) or (entry.name,),
        birth=entry.birth_date or None,
        source=source,
    )


@dataclass(frozen=True)
class RegistryIndex:
    """The matcher over every individual of every registry, and each entry's public id by row id."""

    stamp: tuple[Any, ...]
    matcher: Matcher
    public_ids: dict[str, str]


_index: RegistryIndex | None = None


def registry_index() -> RegistryIndex | None:
    """The matcher over all registry individuals; rebuilt only after an import. ``None`` if empty.

    Entries change only by importing a snapshot, so the snapshots' count and newest public id say
    whether the index this process holds is current.
    """
    global _index
    summary = Snapshot.objects.aggregate(count=Count("id"), newest=Max("id"))
    if not summary["count"]:
        return None
    newest = Snapshot.objects.filter(pk=summary["newest"]).values_list("public_id", flat=True).first()
    stamp = (summary["count"], newest)
    if _index is None or _index.stamp != stamp:
        entries = (
            Entry.objects.filter(kind="individual")
            .select_related("registry")
            .only("id", "public_id", "names", "name", "birth_date", "registry__slug")
        )
        records, public_ids = [], {}
        for entry in entries.iterator(chunk_size=5000):
            records.append(entry_record(entry, entry.registry.slug))
            public_ids[str(entry.pk)] = str(entry.public_id)
        _index = RegistryIndex(stamp=stamp, matcher=Matcher(records), public_ids=public_ids)
    return _index


def people_batches(people: Any, size: int = BATCH) -> Iterator[list[Person]]:
    """People in primary-key order, ``size`` at a time, with only their names decrypted."""
    last = 0
    while True:
        batch = list(people.filter(pk__gt=last).order_by("pk").only(*NAME_COLUMNS)[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


@dataclass
class ScreeningCounts:
    people: int = 0
    new_hits: int = 0
    withdrawn: int = 0
    open_hits: int = 0


def _apply(
    people: Sequence[Person], found: dict[int, list[Candidate]], index: RegistryIndex, counts: ScreeningCounts
) -> None:
    """Bring the people's hits in line with what the matcher found now."""
    existing: dict[int, dict[str, ScreeningHit]] = {p.pk: {} for p in people}
    for hit in ScreeningHit.objects.filter(person__in=[p.pk for p in people]).only(
        "id", "person_id", "entry_ref", "status", "score", "decision", "reasons_text"
    ):
        existing[hit.person_id][hit.entry_ref] = hit
    new, changed = [], []
    for person in people:
        hits = existing[person.pk]
        current = set()
        for candidate in found.get(person.pk, []):
            entry_ref = index.public_ids[candidate.entry_id]
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


def _screen(people: Sequence[Person], index: RegistryIndex, counts: ScreeningCounts) -> None:
    found = {
        person.pk: index.matcher.candidates(person_record(person), limit=CANDIDATES_PER_PERSON)
        for person in people
    }
    _apply(people, found, index, counts)
    counts.people += len(people)


def screen_everyone(
    *,
    actor: Actor,
    stream: TextIO | OutputWrapper,
    people: Iterable[Person] | None = None,
    report: Callable[[int, int], None] | None = None,
) -> ScreeningCounts:
    """Screen every person of the caseload (or ``people``'s queryset) against every registry.

    ``report(done, total)`` follows the people screened (a job's page); ``stream`` shows a progress line.
    """
    counts = ScreeningCounts()
    index = registry_index()
    queryset: Any = people if people is not None else Person.objects.all()
    if index is not None:
        with Progress("screening people", queryset.count(), stream) as progress:
            for batch in people_batches(queryset):
                with transaction.atomic():
                    _screen(batch, index, counts)
                progress.advance(len(batch))
                if report is not None:
                    report(progress.done, progress.total or 0)
        audit_record(
            actor=actor.user,
            action="registry.screen",
            ip=actor.ip,
            detail={"people": counts.people, "new_hits": counts.new_hits, "withdrawn": counts.withdrawn},
        )
    counts.open_hits = ScreeningHit.objects.filter(status="open").count()
    return counts


def screen_person(*, actor: Actor, person_id: int) -> ScreeningCounts:
    """Screen one person, after their names changed; audited when the queue changed."""
    counts = ScreeningCounts()
    index = registry_index()
    person = (
        Person.objects.select_related("household__organisation").only(*NAME_COLUMNS, "household__reference",
        "household__organisation").filter(pk=person_id).first()
    )  # fmt: skip
    if index is None or person is None:
        return counts
    with transaction.atomic():
        _screen([person], index, counts)
        if counts.new_hits or counts.withdrawn:
            audit_record(
                actor=actor.user,
                action="registry.screen",
                organisation=person.household.organisation,
                household_ref=person.household.reference,
                target=str(person.public_id),
                ip=actor.ip,
                detail={"people": 1, "new_hits": counts.new_hits, "withdrawn": counts.withdrawn},
            )
    return counts


def screen_after_commit(*, actor: Actor, person_id: int) -> None:
    """Screen the person once the change that named them is committed.

    A failure here must not turn a saved change into an error page: it is logged, and the next
    ``haven screen`` catches the person up.
    """

    def run() -> None:
        try:
            screen_person(actor=actor, person_id=person_id)
        except Exception:
            log.exception("screening a person after a change failed")

    transaction.on_commit(run)
