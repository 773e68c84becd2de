"""Editing where a person stands in the US immigration system."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from haven.accounts.access import caseload_required
from haven.cases.actions import us_record_save
from haven.cases.forms.us_record import USRecordForm
from haven.cases.models import USRecord
from haven.cases.views.base import back_to, open_household, person_in, posted
from haven.errors import HavenError


@require_http_methods(["GET", "POST"])
@caseload_required
def us_record_edit(request: HttpRequest, reference: str, person_id: uuid.UUID) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    household = open_household(request, reference)
    person = person_in(actor, household, person_id)
    record = USRecord.objects.filter(person=person).first()
    initial = USRecordForm.initial_from(record) if record else None
    form = USRecordForm(posted(request), initial=initial)
    if form.is_valid():
        try:
            us_record_save(actor=actor, person=person, fields=form.cleaned_data)
        except HavenError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("US record of %(name)s saved.") % {"name": person.display_name})
            return back_to(household, f"person-{person.public_id}")
    title = _("US immigration record of %(name)s") % {"name": person.display_name}
    return render(request, "cases/form.html", {"household": household, "form": form, "title": title})
