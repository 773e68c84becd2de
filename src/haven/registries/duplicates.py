"""Finding one person submitted by two organisations, for the coordinator to decide.

The matcher runs over the caseload itself: every person is a query against everyone else, and only
pairs whose households belong to different organisations are proposed (within one organisation,
family members share surnames and a caseworker sees both records anyway). Names are decrypted in
memory a batch at a time; only the proposals (their reasons encrypted) are written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.db.models import Q

from haven.accounts.actor import Actor
from haven.cases.models import Person
from haven.cases.names import person_record
from haven.progress import Progress
from haven.registries.actions.records import identity_search_record
from haven.registries.models import IdentityLink
from haven.registries.screening import people_batches
from haven_core.matching import Candidate, Matcher, NameRecord

CANDIDATES_PER_PERSON = 10


@dataclass
class DuplicateCounts:
    people: int = 0
    proposed: int = 0
    withdrawn: int = 0
    open: int = 0


def _pairs(
    records: list[NameRecord], organisation_of: dict[str, int], stream: TextIO | OutputWrapper
) -> dict[tuple[int, int], Candidate]:
    """Every cross-organisation candidate pair once, by (lower, higher) person id, its best score."""
    matcher = Matcher(records)
    found: dict[tuple[int, int], Candidate] = {}
    with Progress("looking for duplicates", len(records), stream) as progress:
        for record in records:
            for candidate in matcher.candidates(record, limit=CANDIDATES_PER_PERSON + 1):
                query, entry = candidate.query_id, candidate.entry_id
                if query == entry or organisation_of[query] == organisation_of[entry]:
                    continue
                pair = (min(int(query), int(entry)), max(int(query), int(entry)))
                if pair not in found or found[pair].score < candidate.score:
                    found[pair] = candidate
            progress.advance()
    return found


def find_duplicates(*, actor: Actor, stream: TextIO | OutputWrapper) -> DuplicateCounts:
    """Propose every cross-organisation pair the matcher finds; keep decided pairs as decided."""
    counts = DuplicateCounts()
    organisation_of = {
        str(pk): organisation
        for pk, organisation in Person.objects.values_list("pk", "household__organisation")
    }
    records = [person_record(p) for batch in people_batches(Person.objects.all()) for p in batch]
    counts.people = len(records)
    found = _pairs(records, organisation_of, stream)
    with transaction.atomic():
        existing = {(link.person_a_id, link.person_b_id): link for link in IdentityLink.objects.all()}
        new, changed = [], []
        for pair, candidate in found.items():
            link = existing.get(pair)
            if link is None:
                link = IdentityLink(person_a_id=pair[0], person_b_id=pair[1])
                new.append(link)
            elif link.status != "proposed":
                continue
            else:
                changed.append(link)
            link.score, link.decision, link.reasons = candidate.score, candidate.decision, candidate.reasons
        IdentityLink.objects.bulk_create(new)
        IdentityLink.objects.bulk_update(changed, ["score", "decision", "reasons_text"])
        stale = [
            link.pk for pair, link in existing.items() if link.status == "proposed" and pair not in found
        ]
        IdentityLink.objects.filter(pk__in=stale).delete()
        counts.proposed, counts.withdrawn = len(new), len(stale)
        identity_search_record(
            actor=actor, people=counts.people, proposed=counts.proposed, withdrawn=counts.withdrawn
        )
    counts.open = IdentityLink.objects.filter(status="proposed").count()
    return counts


def same_people(person_ids: list[int]) -> dict[int, list[Person]]:
    """:func:`same_person` for several people at once (a household's), by person pk: one query per step
    along the links, whatever the number of people, and one for the people found."""
    edges: list[tuple[int, int]] = []
    seen, frontier = set(person_ids), list(person_ids)
    while frontier:
        links = IdentityLink.objects.filter(status="linked").filter(
            Q(person_a__in=frontier) | Q(person_b__in=frontier)
        )
        frontier = []
        for a, b in links.values_list("person_a_id", "person_b_id"):
            edges.append((a, b))
            for pk in (a, b):
                if pk not in seen:
                    seen.add(pk)
                    frontier.append(pk)
    if not edges:
        return {}
    neighbours: dict[int, set[int]] = {}
    for a, b in edges:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    reached: dict[int, set[int]] = {}
    for start in person_ids:
        group, todo = {start}, [start]
        while todo:
            for other in neighbours.get(todo.pop(), ()):
                if other not in group:
                    group.add(other)
                    todo.append(other)
        group.discard(start)
        reached[start] = group
    wanted = set().union(*reached.values())
    loaded = list(Person.objects.filter(pk__in=wanted).select_related("household__organisation"))
    return {pk: [p for p in loaded if p.pk in group] for pk, group in reached.items() if group}


def same_person(person: Person) -> list[Person]:
    """Everyone linked to ``person``, directly or through others (not ``person`` themself)."""
    seen, frontier = {person.pk}, [person.pk]
    while frontier:
        links = IdentityLink.objects.filter(status="linked").filter(
            Q(person_a__in=frontier) | Q(person_b__in=frontier)
        )
        frontier = []
        for a, b in links.values_list("person_a_id", "person_b_id"):
            for pk in (a, b):
                if pk not in seen:
                    seen.add(pk)
                    frontier.append(pk)
    seen.discard(person.pk)
    return list(Person.objects.filter(pk__in=seen).select_related("household__organisation"))
