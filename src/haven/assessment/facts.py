"""Reading the facts the assessment needs from the database, for one household or thousands at once.

Six queries per batch of households, whatever its size: people, US records, relatives and permits in
Canada, evidence items and their tags. Only the columns the engine reads are loaded; sensitive ones
(birth dates, vulnerability flags) are decrypted as they are read and never leave this process.
Working copies of evidence (redactions, translations) show what their original shows and are skipped.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Q, QuerySet

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


def household_facts(households: QuerySet[Any]) -> dict[int, HouseholdFacts]:
    """The facts of every household in ``households`` (a Household queryset), by household pk."""
    ids = households.values("pk")
    people = list(
        Person.objects.filter(household__in=ids)
        .order_by("household_id", "id")
        .values_list(
            "id", "household_id", "public_id", "relationship", "sex", "birth_date", "citizenships",
            *VULNERABILITY_FIELDS,
        )
    )  # fmt: skip
    of_people = Q(person__household__in=ids)
    records = {
        row[0]: USRecordFacts(*row[1:])
        for row in USRecord.objects.filter(of_people).values_list(
            "person_id",
            "status",
            "detained",
            "removal_order_date",
            "removal_scheduled_date",
            "next_hearing_date",
        )
    }
    relatives: dict[int, list[CanadaRelativeFact]] = defaultdict(list)
    rows = CanadaRelative.objects.filter(of_people).order_by("id")
    for person_id, relationship, status in rows.values_list("person_id", "relationship", "canadian_status"):
        relatives[person_id].append(CanadaRelativeFact(relationship, status))
    permits: dict[int, list[CanadaPermitFact]] = defaultdict(list)
    rows = CanadaPermit.objects.filter(of_people).order_by("id")
    for person_id, kind, valid_until in rows.values_list("person_id", "kind", "valid_until"):
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


def _evidence(households: QuerySet[Any]) -> dict[int, list[EvidenceFact]]:
    originals = Q(person__household__in=households, original__isnull=True)
    items = list(
        EvidenceItem.objects.filter(originals)
        .order_by("id")
        .values_list(
            "id", "person_id", "public_id", "kind", "status", "published_on", "followers", "views",
            "registry", "registry_listed_on",
        )
    )  # fmt: skip
    if not items:
        return {}
    tags: dict[int, list[TagFact]] = defaultdict(list)
    rows = EvidenceTag.objects.filter(item__in=EvidenceItem.objects.filter(originals).values("pk"))
    for item_id, tag, activity_date in rows.order_by("item_id", "id").values_list(
        "item_id", "tag", "activity_date"
    ):
        tags[item_id].append(TagFact(tag, activity_date))
    found: dict[int, list[EvidenceFact]] = defaultdict(list)
    for pk, person_id, public_id, kind, status, published_on, followers, views, registry, listed_on in items:
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
