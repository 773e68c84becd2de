"""The registry listings panel on a household's page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from haven.evidence.views.lookup import household_items
from haven.registries.duplicates import same_people
from haven.registries.household import open_hit_count
from haven.registries.models import Registry
from haven.registries.models.registry import KNOWN_TITLES
from haven.registries.permissions import can_decide_links, can_review_hit_of

register = template.Library()


@register.inclusion_tag("registries/_household_listings.html", takes_context=True)
def registry_listings(context: dict[str, Any], household: Any) -> dict[str, Any]:
    """Confirmed listings of the household's people, how many hits wait for a reviewer, and (for the
    coordinator only) the records other organisations hold of the same people."""
    people = {person.pk: person for person in household.people.all()}
    items = sorted(  # the listing date is encrypted: sorted here, not by the database
        (item for item in household_items(household) if item.kind == "registry_listing"),
        key=lambda item: (item.registry_listed_on or dt.date.max, item.pk),
    )
    for item in items:
        item.person = people[item.person_id]
    # The lists Haven knows are named without a query; only another imported list's title is read.
    titles: dict[str, str] = {slug: str(KNOWN_TITLES[slug]) for slug in KNOWN_TITLES}
    unknown = {i.registry for i in items} - titles.keys()
    if unknown:
        titles.update((r.slug, r.label) for r in Registry.objects.filter(slug__in=unknown))
    actor = getattr(context.get("request"), "actor", None)
    may_review = actor is not None and can_review_hit_of(actor, household.organisation_id)
    open_hits = open_hit_count(household)
    linked = []
    if actor is not None and can_decide_links(
        actor
    ):  # only the coordinator may see other organisations' records
        found = same_people(list(people))
        linked = [(person, other) for person in people.values() for other in found.get(person.pk, [])]
    return {
        "linked": linked,
        "listings": [(item, titles.get(item.registry, item.registry)) for item in items],
        "open_hits": open_hits,
        "may_review": may_review,
        "household": household,
    }


@register.filter
def pair(first: Any, second: Any) -> list[Any]:
    """``a|pair:b`` is ``[a, b]``: the two sides of a proposal, to show them with one loop."""
    return [first, second]
