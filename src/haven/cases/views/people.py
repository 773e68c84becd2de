"""Adding, editing and removing the people in a household."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from haven.accounts.access import caseload_required
from haven.accounts.actor import ActorRequest
from haven.cases.actions import person_add, person_delete, person_update
from haven.cases.duplicates import LikelyDuplicate
from haven.cases.forms.people import PersonForm
from haven.cases.views.lookup import back_to, household_url, open_household, person_in, posted
from haven.errors import HavenError
from haven.submission import submit
from haven_core.intake.duplicates import LikelyMatch


@require_http_methods(["GET", "POST"])
@caseload_required
def person_new(request: ActorRequest, reference: str) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    form = PersonForm(posted(request), household=household)
    duplicates: list[LikelyMatch] = []
    if form.is_valid():
        try:
            person = person_add(
                actor=actor,
                household=household,
                fields=form.cleaned_data,
                different_person=request.POST.get("different_person") == "1",
            )
        except LikelyDuplicate as exc:
            duplicates = exc.matches
        except HavenError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("%(name)s added to the household.") % {"name": person.display_name})
            return back_to(household, f"person-{person.public_id}")
    context = {"household": household, "form": form, "title": _("Add a person"), "duplicates": duplicates}
    return render(request, "cases/form.html", context)


@require_http_methods(["GET", "POST"])
@caseload_required
def person_edit(request: ActorRequest, reference: str, person_id: uuid.UUID) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    person = person_in(actor, household, person_id)
    data = posted(request)
    form = PersonForm(data, initial=PersonForm.initial_from(person), household=household, person=person)
    if done := submit(
        request,
        lambda: person_update(actor=actor, person=person, fields=form.cleaned_data),
        form=form,
        success=lambda _saved: _("%(name)s saved.") % {"name": person.display_name},
        then=lambda _saved: back_to(household, f"person-{person.public_id}"),
    ):
        return done
    context = {
        "household": household,
        "form": form,
        "title": _("Edit %(name)s") % {"name": person.display_name},
    }
    return render(request, "cases/form.html", context)


@require_http_methods(["GET", "POST"])
@caseload_required
def person_remove(request: ActorRequest, reference: str, person_id: uuid.UUID) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    person = person_in(actor, household, person_id)
    if request.method == "POST":
        removed = submit(
            request,
            lambda: person_delete(actor=actor, person=person),
            success=_("%(name)s removed from the household.") % {"name": person.display_name},
            then=lambda _removed: back_to(household, "people"),
        )
        return removed or back_to(household, f"person-{person.public_id}")
    context = {
        "household": household,
        "title": _("Remove %(name)s from the household?") % {"name": person.display_name},
        "explanation": _("Their US record and ties to Canada are removed with them. This cannot be undone."),
        "cancel": household_url(household, f"person-{person.public_id}"),
    }
    return render(request, "cases/confirm_remove.html", context)
