"""What the case views share: finding objects inside a visible household, and going back to it."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Model
from django.http import HttpRequest, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect
from django.urls import reverse

from haven.accounts.access import household_for
from haven.accounts.actor import Actor, ActorRequest
from haven.accounts.visibility import found_or_refused
from haven.cases.actions import household_view
from haven.cases.models import Household, Person


def open_household(request: ActorRequest, reference: str, *, record_view: bool = True) -> Household:
    """The household the signed-in user asked for (404 if not theirs to see).

    Opening any household page shows names and other sensitive data, so a GET is recorded in the
    audit trail as a view (staged, see :func:`household_view`); a page that writes an entry to the chain
    at once anyway passes ``record_view=False`` and records the view with it (:func:`page_name`).
    """
    actor = request.actor
    household: Household = household_for(actor, reference)
    if request.method == "GET" and record_view:
        household_view(actor=actor, household=household, page=page_name(request))
    return household


def page_name(request: HttpRequest) -> str:
    """The page a household view is recorded as: its URL's name, or its path."""
    match = request.resolver_match
    return match.url_name if match and match.url_name else request.path


def household_url(household: Household, anchor: str = "") -> str:
    url = reverse("cases:detail", args=[household.reference])
    return f"{url}#{anchor}" if anchor else url


def back_to(household: Household, anchor: str = "") -> HttpResponseRedirect:
    return redirect(household_url(household, anchor))


def person_in(actor: Actor, household: Household, public_id: uuid.UUID) -> Person:
    """The person with ``public_id`` in ``household`` (already checked visible); 404 for anyone else's,
    audited when they are another organisation's."""
    rows = Person.objects.filter(household=household)
    person: Person = found_or_refused(actor, rows, "person", household="household", public_id=public_id)
    person.household = household
    return person


def tie_in(actor: Actor, model: type[Model], household: Household, public_id: uuid.UUID) -> Any:
    """A relative, permit or other row hanging off a person, looked up only within ``household``."""
    rows = model._default_manager.select_related("person").filter(person__household=household)
    instance: Any = found_or_refused(actor, rows, "tie", household="person__household", public_id=public_id)
    instance.person.household = household
    return instance


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted form data of a POST; ``None`` on GET, which leaves a form unbound."""
    return request.POST if request.method == "POST" else None
