"""Editing where a person stands in the US immigration system."""

from __future__ import annotations

import uuid

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from haven.accounts.access import caseload_required
from haven.accounts.actor import ActorRequest
from haven.cases.actions import us_record_save
from haven.cases.forms.us_record import USRecordForm
from haven.cases.models import USRecord
from haven.cases.views.lookup import back_to, open_household, person_in, posted
from haven.submission import submit


@require_http_methods(["GET", "POST"])
@caseload_required
def us_record_edit(request: ActorRequest, reference: str, person_id: uuid.UUID) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    person = person_in(actor, household, person_id)
    record = USRecord.objects.filter(person=person).first()
    initial = USRecordForm.initial_from(record) if record else None
    form = USRecordForm(posted(request), initial=initial)
    if done := submit(
        request,
        lambda: us_record_save(actor=actor, person=person, fields=form.cleaned_data),
        form=form,
        success=_("US record of %(name)s saved.") % {"name": person.display_name},
        then=lambda _saved: back_to(household, f"person-{person.public_id}"),
    ):
        return done
    title = _("US immigration record of %(name)s") % {"name": person.display_name}
    return render(request, "cases/form.html", {"household": household, "form": form, "title": title})
