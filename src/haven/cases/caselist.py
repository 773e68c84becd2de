"""The case list: which households match a search and filters, in what order, and what each row shows.

Matching and ordering happen in SQL on plain columns and the name-key index, so the list stays fast
with a hundred thousand households. Sensitive values (names, A-numbers) are stored through a codec and
cannot be compared in SQL: names are found through ``PersonNameKey`` and A-numbers through
``USRecord.a_number_key``, and the values themselves are read only for the rows of the page shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, IntegerField, Max, Min, Prefetch, Q, QuerySet, Value, When

from haven.cases import list_filters
from haven.cases.models import Household, Person, PersonNameKey, USRecord
from haven.security.sensitive import index_values
from haven_core.anumber import ANumberError, normalise_a_number
from haven_core.names import search_keys
from haven_core.pipeline import ORDER


@dataclass(frozen=True)
class CaseQuery:
    """What a caseworker asked the list for. Empty values mean "no filter"."""

    text: str = ""
    organisation_id: int | None = None
    stage: str = ""
    detained: bool | None = None
    removal_within: int | None = None
    hearing_within: int | None = None
    sort: str = "updated"
    extra: tuple[tuple[str, str], ...] = ()  # (name, value) of filters other apps register


def _households_of(records: QuerySet[Any]) -> QuerySet[Any]:
    return records.values("person__household_id")


def search(households: QuerySet[Any], text: str) -> QuerySet[Any]:
    """Households with a person whose name matches every word of ``text``, or with that A-number.

    A query that reads as an A-number is looked up as one; otherwise each word must meet one of its
    skeleton keys among the name keys of one and the same person: a word of three letters or more may
    be the start of a name part ("Krav", "кравч"), a single letter its initial ("Туманова Е").
    """
    try:
        digits = normalise_a_number(text)
    except ANumberError:
        pass
    else:
        holders = USRecord.objects.filter(a_number_key__in=index_values(digits))
        return households.filter(pk__in=_households_of(holders))
    people = matching_people(text)
    if people is None:
        return households.none()
    return households.filter(pk__in=people.values("household_id"))


def matching_people(text: str) -> QuerySet[Any] | None:
    """The people whose names match every word of ``text``; None when it has no word to search by."""
    per_token = search_keys(text)
    if not per_token:
        return None
    people = Person.objects.all()
    for keys in per_token:
        index_keys = sorted({value for key in keys for value in index_values(key)})
        people = people.filter(pk__in=PersonNameKey.objects.filter(key__in=index_keys).values("person_id"))
    return people


# A person's name and how they belong to the household: what a search result shows of a matched person,
# and a case list's line of its principal. The rest of a person is encrypted too, and a page of households,
# or a common surname, reaches many people.
SHOWN_NAME_FIELDS = (
    "household_id",
    "relationship",
    "surname_cyrillic",
    "given_name_cyrillic",
    "patronymic_cyrillic",
    "surname_latin",
    "given_name_latin",
)


def matched_by_name(households: Iterable[Household], text: str) -> dict[int, list[Person]]:
    """For each household of a page of search results, the people of it whose name matched ``text``."""
    ids = [h.pk for h in households]
    people = matching_people(text) if text.strip() else None
    if people is None or not ids:
        return {}
    found: dict[int, list[Person]] = {}
    shown = people.filter(household_id__in=ids).only(*SHOWN_NAME_FIELDS).order_by("household_id", "id")
    for person in shown:
        found.setdefault(person.household_id, []).append(person)
    return found


class SoonestFirst:
    """Households by their soonest coming date (a hearing or a removal), then those with none.

    Ordering every household by a per-household subquery costs one subquery per household: over half a
    second with a hundred thousand. Instead the dated households come from the indexed coming dates,
    grouped by household, and the undated ones follow in the list's usual order; the total is the
    plain count of matching households. The paginator slices this object like a queryset, and each
    slice returns households loaded for display.
    """

    def __init__(self, households: QuerySet[Any], field: str, today: dt.date) -> None:
        self._households = households
        coming = USRecord.objects.filter(
            person__household__in=households.values("pk"), **{f"{field}__gte": today}
        )
        self._dated = (
            coming.values("person__household_id")
            .annotate(soonest=Min(field), updated=Max("person__household__updated_at"))
            .order_by("soonest", "-updated", "-person__household_id")
        )
        self._undated = households.exclude(pk__in=_households_of(coming)).order_by("-updated_at", "-pk")

    def count(self) -> int:
        return self._households.count()

    def __getitem__(self, window: slice) -> list[Household]:
        start = window.start or 0
        stop = self.count() if window.stop is None else window.stop
        ids = [row["person__household_id"] for row in self._dated[start:stop]]
        loaded = {h.pk: h for h in for_display(self._households.filter(pk__in=ids))} if ids else {}
        page = [loaded[pk] for pk in ids]
        if len(page) < stop - start:  # the dated households end on or before this page
            skip = 0 if ids else start - self._dated.count()
            page += for_display(self._undated)[skip : skip + stop - start - len(page)]
        return page


def _stage_position() -> Case:
    whens = [When(stage=stage.value, then=Value(i)) for i, stage in enumerate(ORDER)]
    return Case(*whens, output_field=IntegerField())


def _ordered(households: QuerySet[Any], sort: str, today: dt.date) -> QuerySet[Any] | SoonestFirst:
    if sort == "removal":
        return SoonestFirst(households, "removal_scheduled_date", today)
    if sort == "hearing":
        return SoonestFirst(households, "next_hearing_date", today)
    if sort == "reference":
        households = households.order_by("reference")
    elif sort == "status":
        households = households.annotate(stage_position=_stage_position())
        households = households.order_by("stage_position", "-updated_at", "-pk")
    else:
        households = households.order_by("-updated_at", "-pk")
    return for_display(households)


def matching_households(
    households: QuerySet[Any], query: CaseQuery, today: dt.date
) -> QuerySet[Any] | SoonestFirst:
    """Narrow ``households`` (already limited to what the actor may see) to ``query``, in its order.

    The result is sliced a page at a time; the households of a slice come loaded for display.
    """
    if query.text.strip():
        households = search(households, query.text)
    if query.organisation_id is not None:
        households = households.filter(organisation_id=query.organisation_id)
    if query.stage:
        households = households.filter(stage=query.stage)
    if query.detained is not None:
        in_custody = Q(pk__in=_households_of(USRecord.objects.filter(detained=True)))
        households = households.filter(in_custody if query.detained else ~in_custody)
    for field, days in (
        ("removal_scheduled_date", query.removal_within),
        ("next_hearing_date", query.hearing_within),
    ):
        if days is not None:
            window = (today, today + dt.timedelta(days=days))
            within = USRecord.objects.filter(**{f"{field}__range": window})
            households = households.filter(pk__in=_households_of(within))
    for name, value in query.extra:
        if (extra := list_filters.get(name)) is not None:
            households = extra.apply(households, value)
    return _ordered(households, query.sort, today)


# What a row reads of a household's people: who is the principal and their name, and the dates and
# detention of everyone's US record. A person's and a record's other fields are encrypted too: decrypting
# them all for a page of households cost as much as drawing it.
ROW_PEOPLE_FIELDS = (
    *SHOWN_NAME_FIELDS,
    "us_record__detained",
    "us_record__removal_scheduled_date",
    "us_record__next_hearing_date",
)


def for_display(households: QuerySet[Any]) -> QuerySet[Any]:
    """Load what a row shows with two queries per page, whatever the page size."""
    people = Person.objects.select_related("us_record").only(*ROW_PEOPLE_FIELDS).order_by("id")
    return (
        households.select_related("organisation")
        .defer("closed_reason", "notes")  # encrypted, and never shown on a row
        .prefetch_related(Prefetch("people", queryset=people))
    )


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    household: Household
    principal: Person | None
    people_count: int
    detained: bool
    next_removal: dt.date | None
    next_hearing: dt.date | None
    matched: tuple[Person, ...] = ()  # the people whose name the search matched


def _earliest(dates: Iterable[dt.date | None], today: dt.date) -> dt.date | None:
    return min((d for d in dates if d is not None and d >= today), default=None)


def case_rows(households: Iterable[Household], today: dt.date, text: str = "") -> list[CaseRow]:
    """The rows of one page of households loaded with :func:`for_display`; with the search ``text``, each
    row names the people of the household whose name it matched."""
    households = list(households)
    matched = matched_by_name(households, text)
    rows = []
    for household in households:
        people = list(household.people.all())
        records = [r for r in (getattr(p, "us_record", None) for p in people) if r is not None]
        rows.append(
            CaseRow(
                household=household,
                principal=household.principal,
                people_count=len(people),
                detained=any(r.detained for r in records),
                next_removal=_earliest((r.removal_scheduled_date for r in records), today),
                next_hearing=_earliest((r.next_hearing_date for r in records), today),
                matched=tuple(matched.get(household.pk, ())),
            )
        )
    return rows
