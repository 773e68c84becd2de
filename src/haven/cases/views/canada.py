"""Adding, editing and removing a person's relatives in Canada and Canadian visas or permits.

Both kinds of tie work the same way, so one set of views serves both; the URL map says which kind.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from haven.accounts.access import caseload_required
from haven.accounts.actor import ActorRequest
from haven.cases.actions import (
    canada_permit_delete,
    canada_permit_save,
    canada_relative_delete,
    canada_relative_save,
)
from haven.cases.forms.canada import CanadaPermitForm, CanadaRelativeForm
from haven.cases.models import CanadaPermit, CanadaRelative, Household, Person
from haven.cases.views.lookup import back_to, household_url, open_household, person_in, posted, tie_in
from haven.submission import submit

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise  # what gettext_lazy returns, in django-stubs


@dataclass(frozen=True)
class Tie:
    """One kind of tie to Canada: its model, form, actions and the words its pages use."""

    model: type[CanadaRelative] | type[CanadaPermit]
    form: type[CanadaRelativeForm] | type[CanadaPermitForm]
    save: Callable[..., Any]
    delete: Callable[..., None]
    keyword: str  # how the actions name the instance: relative=..., permit=...
    add_title: _StrPromise
    edit_title: _StrPromise
    remove_title: _StrPromise


RELATIVE = Tie(
    CanadaRelative,
    CanadaRelativeForm,
    canada_relative_save,
    canada_relative_delete,
    "relative",
    gettext_lazy("Add a relative in Canada for %(name)s"),
    gettext_lazy("Relative in Canada of %(name)s"),
    gettext_lazy("Remove this relative in Canada (%(tie)s)?"),
)
PERMIT = Tie(
    CanadaPermit,
    CanadaPermitForm,
    canada_permit_save,
    canada_permit_delete,
    "permit",
    gettext_lazy("Add a Canadian visa or permit for %(name)s"),
    gettext_lazy("Canadian visa or permit of %(name)s"),
    gettext_lazy("Remove this Canadian visa or permit (%(tie)s)?"),
)


def _anchor(person: Person) -> str:
    return f"canada-{person.public_id}"


def _form_page(
    request: ActorRequest, household: Household, person: Person, tie: Tie, instance: Any, title: str
) -> HttpResponse:
    initial = tie.form.initial_from(instance) if instance else None
    form = tie.form(posted(request), initial=initial)
    if done := submit(
        request,
        lambda: tie.save(
            actor=request.actor, person=person, fields=form.cleaned_data, **{tie.keyword: instance}
        ),
        form=form,
        success=_("Ties to Canada of %(name)s saved.") % {"name": person.display_name},
        then=lambda _saved: back_to(household, _anchor(person)),
    ):
        return done
    return render(request, "cases/form.html", {"household": household, "form": form, "title": title})


@require_http_methods(["GET", "POST"])
@caseload_required
def tie_new(request: ActorRequest, reference: str, person_id: uuid.UUID, tie: Tie) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    person = person_in(actor, household, person_id)
    title = tie.add_title % {"name": person.display_name}
    return _form_page(request, household, person, tie, None, title)


@require_http_methods(["GET", "POST"])
@caseload_required
def tie_edit(request: ActorRequest, reference: str, tie_id: uuid.UUID, tie: Tie) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    instance = tie_in(actor, tie.model, household, tie_id)
    title = tie.edit_title % {"name": instance.person.display_name}
    return _form_page(request, household, instance.person, tie, instance, title)


@require_http_methods(["GET", "POST"])
@caseload_required
def tie_remove(request: ActorRequest, reference: str, tie_id: uuid.UUID, tie: Tie) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    instance = tie_in(actor, tie.model, household, tie_id)
    anchor = _anchor(instance.person)
    if request.method == "POST":
        back = back_to(household, anchor)
        removed = submit(
            request,
            lambda: tie.delete(actor=request.actor, **{tie.keyword: instance}),
            success=_("Removed."),
            then=lambda _removed: back,
        )
        return removed or back
    title = tie.remove_title % {"tie": instance}
    context = {"household": household, "title": title, "cancel": household_url(household, anchor)}
    return render(request, "cases/confirm_remove.html", context)
