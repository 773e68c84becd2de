"""Adding, editing and removing a person's relatives in Canada and Canadian visas or permits."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from haven.accounts.access import caseload_required, household_for
from haven.cases.actions import (
    canada_permit_delete,
    canada_permit_save,
    canada_relative_delete,
    canada_relative_save,
)
from haven.cases.errors import CaseError
from haven.cases.forms.base import HavenModelForm
from haven.cases.forms.canada import CanadaPermitForm, CanadaRelativeForm
from haven.cases.models import CanadaPermit, CanadaRelative, Household, Person
from haven.cases.views.base import back_to, household_url, person_in, posted, tie_in


def _anchor(person: Person) -> str:
    return f"canada-{person.public_id}"


def _edit(
    request: HttpRequest,
    household: Household,
    person: Person,
    form: HavenModelForm,
    save: Callable[[dict[str, Any]], object],
    title: str,
) -> HttpResponse:
    """Show and handle the form of one tie to Canada; ``save`` calls the action with the cleaned fields."""
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except CaseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Ties to Canada of %(name)s saved.") % {"name": person.display_name})
            return back_to(household, _anchor(person))
    return render(request, "cases/form.html", {"household": household, "form": form, "title": title})


def _remove(
    request: HttpRequest, household: Household, person: Person, delete: Callable[[], None], title: str
) -> HttpResponse:
    if request.method == "POST":
        try:
            delete()
        except CaseError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Removed."))
        return back_to(household, _anchor(person))
    context = {"household": household, "title": title, "cancel": household_url(household, _anchor(person))}
    return render(request, "cases/confirm_remove.html", context)


@require_http_methods(["GET", "POST"])
@caseload_required
def relative_new(request: HttpRequest, reference: str, person_id: uuid.UUID) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    household = household_for(actor, reference)
    person = person_in(household, person_id)
    return _edit(
        request,
        household,
        person,
        CanadaRelativeForm(posted(request)),
        lambda fields: canada_relative_save(actor=actor, person=person, fields=fields),
        _("Add a relative in Canada for %(name)s") % {"name": person.display_name},
    )


@require_http_methods(["GET", "POST"])
@caseload_required
def relative_edit(request: HttpRequest, reference: str, relative_id: uuid.UUID) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    household = household_for(actor, reference)
    relative = tie_in(CanadaRelative, household, relative_id)
    person = relative.person
    return _edit(
        request,
        household,
        person,
        CanadaRelativeForm(posted(request), initial=CanadaRelativeForm.initial_from(relative)),
        lambda fields: canada_relative_save(actor=actor, person=person, fields=fields, relative=relative),
        _("Relative in Canada of %(name)s") % {"name": person.display_name},
    )


@require_http_methods(["GET", "POST"])
@caseload_required
def relative_remove(request: HttpRequest, reference: str, relative_id: uuid.UUID) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    household = household_for(actor, reference)
    relative = tie_in(CanadaRelative, household, relative_id)
    return _remove(
        request,
        household,
        relative.person,
        lambda: canada_relative_delete(actor=actor, relative=relative),
        _("Remove this relative in Canada (%(relative)s)?") % {"relative": relative},
    )


@require_http_methods(["GET", "POST"])
@caseload_required
def permit_new(request: HttpRequest, reference: str, person_id: uuid.UUID) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    household = household_for(actor, reference)
    person = person_in(household, person_id)
    return _edit(
        request,
        household,
        person,
        CanadaPermitForm(posted(request)),
        lambda fields: canada_permit_save(actor=actor, person=person, fields=fields),
        _("Add a Canadian visa or permit for %(name)s") % {"name": person.display_name},
    )


@require_http_methods(["GET", "POST"])
@caseload_required
def permit_edit(request: HttpRequest, reference: str, permit_id: uuid.UUID) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    household = household_for(actor, reference)
    permit = tie_in(CanadaPermit, household, permit_id)
    person = permit.person
    return _edit(
        request,
        household,
        person,
        CanadaPermitForm(posted(request), initial=CanadaPermitForm.initial_from(permit)),
        lambda fields: canada_permit_save(actor=actor, person=person, fields=fields, permit=permit),
        _("Canadian visa or permit of %(name)s") % {"name": person.display_name},
    )


@require_http_methods(["GET", "POST"])
@caseload_required
def permit_remove(request: HttpRequest, reference: str, permit_id: uuid.UUID) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    household = household_for(actor, reference)
    permit = tie_in(CanadaPermit, household, permit_id)
    return _remove(
        request,
        household,
        permit.person,
        lambda: canada_permit_delete(actor=actor, permit=permit),
        _("Remove this Canadian visa or permit (%(permit)s)?") % {"permit": permit},
    )
