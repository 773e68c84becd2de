"""The household page tells whether the stored assessment still holds from the people and evidence it has
already loaded: those facts equal the ones the assessment itself reads from the database."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, prefetch_related_objects

from haven.assessment.facts import household_facts, loaded_household_facts
from haven.cases.models import Household, Person
from haven.evidence.views.lookup import household_items
from tests.support.families import family
from tests.support.personas import make_user


def test_the_facts_of_a_loaded_page_are_the_assessments(org_a: Any, caseworker_a: Any) -> None:
    household = family(org_a, caseworker_a, make_user("rita", "reviewer", org_a), people=8)
    people = Person.objects.select_related("us_record").prefetch_related("canada_relatives", "canada_permits")
    prefetch_related_objects([household], Prefetch("people", queryset=people.order_by("-id")))
    loaded = loaded_household_facts(list(household.people.all()), household_items(household))
    assert loaded == household_facts(Household.objects.filter(pk=household.pk))[household.pk]
    assert len(loaded.people) == 8 and all(p.evidence and p.relatives and p.permits for p in loaded.people)
