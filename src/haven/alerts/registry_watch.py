"""Registry watch: when a newer snapshot of a registry is imported, screen its newly listed people at once.

The entries the snapshot added (``Change`` rows of kind "added") are put in a matcher of their own,
and every person of the caseload is looked up in it: the same matcher and the same records as
screening, over a few entries instead of every registry, so it is quick. The people it finds are then
screened by :func:`haven.registries.screening.screen_everyone` against every registry, which puts their
hits in the reviewers' queue as any screening does. The owners of the households with a hit on a
newly listed entry are emailed (reference and count only); each hit is announced once.
"""

from __future__ import annotations

import logging
import sys
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, TextIO

from django.core.management.base import OutputWrapper

from haven.accounts.actor import Actor
from haven.alerts import emails
from haven.alerts.delivery import deliver
from haven.alerts.models import AlertSent
from haven.alerts.recipients import case_recipients, households_with_owners
from haven.cases.models import Person
from haven.cases.names import person_record
from haven.events import RegistryListedAnew
from haven.progress import Progress
from haven.registries.models import Entry, ScreeningHit, Snapshot
from haven.registries.screening import entry_record, people_batches, screen_everyone
from haven_core.matching import Matcher

log = logging.getLogger(__name__)


@dataclass
class WatchReport:
    added: int = 0  # individuals newly listed by the snapshot
    people: int = 0  # our people who may be one of them
    hits: int = 0  # open hits on the newly listed entries
    households: int = 0  # households whose people have such hits
    emails: int = 0
    newest: bool = True  # False: an older snapshot, imported late; nothing is announced


def registry_watch(*, actor: Actor, snapshot_id: int, stream: TextIO | OutputWrapper) -> WatchReport:
    report = WatchReport()
    snapshot = Snapshot.objects.select_related("registry").get(pk=snapshot_id)
    if Snapshot.objects.filter(registry=snapshot.registry, taken_on__gt=snapshot.taken_on).exists():
        report.newest = False
        return report
    added = list(
        Entry.objects.filter(changes__snapshot=snapshot, changes__kind="added", kind="individual").only(
            "id", "public_id", "names", "name", "birth_date"
        )
    )
    report.added = len(added)
    if not added:
        return report
    matcher = Matcher(entry_record(entry, snapshot.registry.slug) for entry in added)
    suspects: list[int] = []
    people = Person.objects.all()
    with Progress("looking for newly listed people", people.count(), stream) as progress:
        for batch in people_batches(people):
            suspects += [p.pk for p in batch if matcher.candidates(person_record(p), limit=1)]
            progress.advance(len(batch))
    report.people = len(suspects)
    if not suspects:
        return report
    screen_everyone(actor=actor, stream=stream, people=Person.objects.filter(pk__in=suspects))
    newly_listed = {str(entry.public_id) for entry in added}
    by_household: dict[int, list[ScreeningHit]] = defaultdict(list)
    for hit in (
        ScreeningHit.objects.filter(person_id__in=suspects, status="open")
        .select_related("person")
        .only("id", "public_id", "entry_ref", "person__household_id")
    ):
        if hit.entry_ref in newly_listed:
            by_household[hit.person.household_id].append(hit)
    report.hits = sum(len(h) for h in by_household.values())
    report.households = len(by_household)
    report.emails = _tell_owners(actor, by_household)
    return report


def _tell_owners(actor: Actor, by_household: dict[int, list[ScreeningHit]]) -> int:
    households = households_with_owners(by_household)
    told = set(
        AlertSent.objects.filter(household_id__in=list(households), kind="registry").values_list(
            "household_id", "key", "recipient_id"
        )
    )
    pending: dict[int, tuple[Any, list[AlertSent]]] = {}
    for pk, hits in by_household.items():
        household = households[pk]
        for user in case_recipients(household):
            for hit in hits:
                key = f"registry:{hit.public_id}"
                if (pk, key, user.pk) not in told:
                    record = AlertSent(household=household, kind="registry", key=key, recipient=user)
                    pending.setdefault(user.pk, (user, []))[1].append(record)
    sent = 0
    for user, records in pending.values():
        counts: dict[str, int] = defaultdict(int)
        for record in records:
            counts[record.household.reference] += 1
        email = emails.registry_hits(dict(sorted(counts.items())), emails.languages_for(user))
        sent += deliver(
            actor=actor, recipient=user, email=email, kind="registry", records=records, households=len(counts)
        )
    return sent


def watch_followup(event: RegistryListedAnew) -> None:
    """Once the import is committed, screen the newly listed people and alert their owners.

    A failure must not turn the import into an error: it is logged, and the screening after the import
    (``haven registry-import`` screens everyone) or ``haven screen`` still puts the hits in the queue.
    """
    try:
        registry_watch(actor=event.actor, snapshot_id=event.snapshot_id, stream=sys.stderr)
    except Exception:
        log.exception("the registry watch after an import failed")
