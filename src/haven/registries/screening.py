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

import io
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from django.core.management.base import OutputWrapper
from django.db.models import Count, Max

from haven.accounts.actor import Actor
from haven.cases.models import Person
from haven.cases.names import NAME_COLUMNS, person_record
from haven.events import PersonNamesChanged
from haven.progress import Progress
from haven.registries.models import Entry, ScreeningHit, Snapshot
from haven_core.matching import Candidate, Matcher, NameRecord

log = logging.getLogger(__name__)

BATCH = 500
CANDIDATES_PER_PERSON = 10


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

    def add(self, other: ScreeningCounts) -> None:
        self.people += other.people
        self.new_hits += other.new_hits
        self.withdrawn += other.withdrawn


def _found(people: Sequence[Person], index: RegistryIndex) -> dict[int, list[Candidate]]:
    return {
        person.pk: index.matcher.candidates(person_record(person), limit=CANDIDATES_PER_PERSON)
        for person in people
    }


def screen_everyone(
    *,
    actor: Actor,
    stream: TextIO | OutputWrapper,
    people: Iterable[Person] | None = None,
    person_ids: Sequence[int] | None = None,
    report: Callable[[int, int], None] | None = None,
) -> ScreeningCounts:
    """Screen every person of the caseload (or ``people``'s queryset, or the people ``person_ids``)
    against every registry. Each batch's hits are stored with their audit entry (:func:`hits_store`).

    ``report(done, total)`` follows the people screened (a job's page); ``stream`` shows a progress line.
    """
    # Imported here: the registry actions import the case actions, which import this module to screen.
    from haven.registries.actions.screening import hits_store

    counts = ScreeningCounts()
    index = registry_index()
    if index is not None:
        if person_ids is not None:
            total, batches = len(person_ids), _id_batches(person_ids)
        else:
            queryset: Any = people if people is not None else Person.objects.all()
            total, batches = queryset.count(), people_batches(queryset)
        stored = 0
        with Progress("screening people", total, stream) as progress:
            for batch in batches:
                found = _found(batch, index)
                counts.add(hits_store(actor=actor, people=batch, found=found, public_ids=index.public_ids))
                stored += 1
                progress.advance(len(batch))
                if report is not None:
                    report(progress.done, progress.total or 0)
        if not stored:  # a run over nobody is recorded too: the trail shows that screening ran
            counts.add(hits_store(actor=actor, people=[], found={}, public_ids=index.public_ids))
    counts.open_hits = ScreeningHit.objects.filter(status="open").count()
    return counts


def _id_batches(person_ids: Sequence[int], size: int = BATCH) -> Iterator[list[Person]]:
    ids = sorted(set(person_ids))
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        batch = list(Person.objects.filter(pk__in=chunk).order_by("pk").only(*NAME_COLUMNS))
        if batch:
            yield batch


def screen_person(*, actor: Actor, person_id: int) -> ScreeningCounts:
    """Screen one person, after their names changed; audited when the queue changed."""
    index = registry_index()
    person = (
        Person.objects.select_related("household__organisation").only(*NAME_COLUMNS, "household__reference",
        "household__organisation").filter(pk=person_id).first()
    )  # fmt: skip
    if index is None or person is None:
        return ScreeningCounts()
    from haven.registries.actions.screening import hits_store

    found = _found([person], index)
    return hits_store(actor=actor, people=[person], found=found, public_ids=index.public_ids, one_person=True)


class _Quiet(io.StringIO):
    def write(self, text: str) -> int:
        return len(text)


def rescreen(event: PersonNamesChanged) -> None:
    """Screen the people once the change that named them is committed (subscribed to the case actions'
    :class:`~haven.events.PersonNamesChanged` in :class:`haven.registries.apps.RegistriesConfig`): one
    person as :func:`screen_person`, many (a spreadsheet import) in batches as :func:`screen_everyone`.

    A failure here must not turn a saved change into an error page: it is logged, and the next
    ``haven screen`` catches the people up.
    """
    ids = sorted(set(event.person_ids))
    if not ids:
        return
    try:
        if len(ids) == 1:
            screen_person(actor=event.actor, person_id=ids[0])
        else:
            screen_everyone(actor=event.actor, stream=event.stream or _Quiet(), person_ids=ids)
    except Exception:
        log.exception("screening people after a change failed")
