"""Reading the facts the assessment needs from the database, for one household or thousands at once.

Six queries per batch of households, whatever its size: people, US records, relatives and permits in
Canada, evidence items and their tags. Only the columns the engine reads are loaded; sensitive ones
(birth dates, vulnerability flags) are decrypted as they are read and never leave this process.
Working copies of evidence (redactions, translations) show what their original shows and are skipped.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import QuerySet

from haven.cases.models import CanadaPermit, CanadaRelative, Person, USRecord
from haven.cases.models.person import VULNERABILITY_FIELDS
from haven.evidence.models import EvidenceItem, EvidenceTag
from haven_core.assessment import (
    CanadaPermitFact,
    CanadaRelativeFact,
    EvidenceFact,
    HouseholdFacts,
    PersonFacts,
    TagFact,
    USRecordFacts,
)
from haven_core.dates import PartialDate, PartialDateError


def _birth(text: str) -> PartialDate | None:
    try:
        return PartialDate.parse(text) if text else None
    except PartialDateError:
        return None


def _citizenships(text: str) -> tuple[str, ...]:
    return tuple(
        part.strip().upper() for part in text.replace(";", ",").replace(" ", ",").split(",") if part.strip()
    )


def _rows(queryset: QuerySet[Any], field: str, ids: list[int], *columns: str) -> list[tuple[Any, ...]]:
    """``queryset`` rows whose ``field`` is one of ``ids``, as tuples of ``columns``, in ``ids``-chunks.

    Explicit id lists, in pieces well under any database's limit on parameters, keep every lookup on
    an index: a subquery through a join made SQLite walk the whole evidence table once per batch.
    """
    found: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found += queryset.filter(**{f"{field}__in": chunk}).values_list(*columns)
    return found


_CHUNK = 900


def household_facts(households: QuerySet[Any]) -> dict[int, HouseholdFacts]:
    """The facts of every household in ``households`` (a Household queryset), by household pk."""
    people = list(
        Person.objects.filter(household__in=households.values("pk"))
        .order_by("household_id", "id")
        .values_list(
            "id", "household_id", "public_id", "relationship", "sex", "birth_date", "citizenships",
            *VULNERABILITY_FIELDS,
        )
    )  # fmt: skip
    ids = [row[0] for row in people]
    record_columns = (
        "status",
        "detained",
        "removal_order_date",
        "removal_scheduled_date",
        "next_hearing_date",
    )
    records = {
        row[0]: USRecordFacts(*row[1:])
        for row in _rows(USRecord.objects.all(), "person_id", ids, "person_id", *record_columns)
    }
    relatives: dict[int, list[CanadaRelativeFact]] = defaultdict(list)
    rows = _rows(
        CanadaRelative.objects.order_by("id"),
        "person_id",
        ids,
        "person_id",
        "relationship",
        "canadian_status",
    )
    for person_id, relationship, status in sorted(rows, key=lambda r: r[0]):
        relatives[person_id].append(CanadaRelativeFact(relationship, status))
    permits: dict[int, list[CanadaPermitFact]] = defaultdict(list)
    rows = _rows(CanadaPermit.objects.order_by("id"), "person_id", ids, "person_id", "kind", "valid_until")
    for person_id, kind, valid_until in sorted(rows, key=lambda r: r[0]):
        permits[person_id].append(CanadaPermitFact(kind, valid_until))
    evidence = _evidence(ids)
    found: dict[int, list[PersonFacts]] = defaultdict(list)
    for pk, household_id, public_id, relationship, sex, birth, citizenships, *flags in people:
        answers = dict(zip(VULNERABILITY_FIELDS, flags, strict=True))
        found[household_id].append(
            PersonFacts(
                id=str(public_id),
                relationship=relationship,
                sex=sex,
                birth=_birth(birth),
                citizenships=_citizenships(citizenships),
                marked=frozenset(k for k, v in answers.items() if v is True),
                ruled_out=frozenset(k for k, v in answers.items() if v is False),
                us_record=records.get(pk),
                relatives=tuple(relatives.get(pk, ())),
                permits=tuple(permits.get(pk, ())),
                evidence=tuple(evidence.get(pk, ())),
            )
        )
    return {household_id: HouseholdFacts(tuple(members)) for household_id, members in found.items()}


def _evidence(person_ids: list[int]) -> dict[int, list[EvidenceFact]]:
    columns = (
        "id", "person_id", "public_id", "kind", "status", "published_on", "followers", "views",
        "registry", "registry_listed_on", "original_id",
    )  # fmt: skip
    # Working copies show what their original shows: only originals count.
    items = sorted(
        (
            row
            for row in _rows(EvidenceItem.objects.all(), "person_id", person_ids, *columns)
            if row[-1] is None
        ),
        key=lambda row: row[0],
    )
    if not items:
        return {}
    tags: dict[int, list[TagFact]] = defaultdict(list)
    rows = _rows(
        EvidenceTag.objects.all(),
        "item_id",
        [row[0] for row in items],
        "item_id",
        "id",
        "tag",
        "activity_date",
    )
    for item_id, _, tag, activity_date in sorted(rows, key=lambda r: (r[0], r[1])):
        tags[item_id].append(TagFact(tag, activity_date))
    found: dict[int, list[EvidenceFact]] = defaultdict(list)
    for (
        pk,
        person_id,
        public_id,
        kind,
        status,
        published_on,
        followers,
        views,
        registry,
        listed_on,
        _,
    ) in items:
        found[person_id].append(
            EvidenceFact(
                id=str(public_id),
                kind=kind,
                status=status,
                tags=tuple(tags.get(pk, ())),
                published_on=published_on,
                followers=followers,
                views=views,
                registry=registry,
                registry_listed_on=listed_on,
            )
        )
    return found


def loaded_household_facts(people: list[Any], items: list[Any]) -> HouseholdFacts:
    """The facts of one household from what its page has already loaded, without a query: ``people``
    with their ``us_record`` joined and ``canada_relatives`` and ``canada_permits`` prefetched, and the
    household's evidence ``items`` with their ``tags`` prefetched. Equal to :func:`household_facts`
    for the same household (tested), so the page can tell whether the stored assessment still holds."""
    evidence: dict[int, list[EvidenceFact]] = defaultdict(list)
    for item in sorted((i for i in items if i.original_id is None), key=lambda i: i.pk):
        tags = tuple(TagFact(t.tag, t.activity_date) for t in sorted(item.tags.all(), key=lambda t: t.pk))
        evidence[item.person_id].append(
            EvidenceFact(
                id=str(item.public_id),
                kind=item.kind,
                status=item.status,
                tags=tags,
                published_on=item.published_on,
                followers=item.followers,
                views=item.views,
                registry=item.registry,
                registry_listed_on=item.registry_listed_on,
            )
        )
    members = []
    for person in sorted(people, key=lambda p: p.pk):
        answers = {name: getattr(person, name) for name in VULNERABILITY_FIELDS}
        record = getattr(person, "us_record", None)
        relatives = sorted(person.canada_relatives.all(), key=lambda r: r.pk)
        permits = sorted(person.canada_permits.all(), key=lambda p: p.pk)
        members.append(
            PersonFacts(
                id=str(person.public_id),
                relationship=person.relationship,
                sex=person.sex,
                birth=_birth(person.birth_date),
                citizenships=_citizenships(person.citizenships),
                marked=frozenset(k for k, v in answers.items() if v is True),
                ruled_out=frozenset(k for k, v in answers.items() if v is False),
                us_record=None
                if record is None
                else USRecordFacts(
                    record.status,
                    record.detained,
                    record.removal_order_date,
                    record.removal_scheduled_date,
                    record.next_hearing_date,
                ),
                relatives=tuple(CanadaRelativeFact(r.relationship, r.canadian_status) for r in relatives),
                permits=tuple(CanadaPermitFact(p.kind, p.valid_until) for p in permits),
                evidence=tuple(evidence.get(person.pk, ())),
            )
        )
    return HouseholdFacts(tuple(members))
