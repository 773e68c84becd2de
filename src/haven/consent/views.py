"""A household's consent to referral: each adult's consents, recording a new one, withdrawing one."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from haven.accounts.access import caseload_required
from haven.accounts.visibility import found_or_refused
from haven.cases.views.base import open_household, person_in, posted
from haven.consent.actions import consent_record, consent_withdraw
from haven.consent.forms import ConsentForm, WithdrawConsentForm
from haven.consent.models import Consent
from haven.consent.queries import adult
from haven.errors import HavenError


@require_http_methods(["GET", "POST"])
@caseload_required
def consent_page(request: HttpRequest, reference: str) -> HttpResponse:
    household = open_household(request, reference)
    people = list(household.people.all())
    adults = [p for p in people if adult(p)]
    form = ConsentForm(posted(request), adults=adults)
    if request.method == "POST" and form.is_valid():
        actor = request.actor  # type: ignore[attr-defined]
        person = person_in(actor, household, uuid.UUID(form.cleaned_data["person"]))
        try:
            consent_record(
                actor=request.actor,  # type: ignore[attr-defined]
                household=household,
                person=person,
                officials=form.cleaned_data["officials"],
                sponsors=form.cleaned_data["sponsors"],
                given_on=form.cleaned_data["given_on"],
            )
        except HavenError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Consent recorded."))
            return redirect("consent:household", reference=household.reference)
    consents = list(
        Consent.objects.filter(household=household).select_related("person", "recorded_by", "withdrawn_by")
    )
    context = {
        "household": household,
        "adults": adults,
        "consents": consents,
        "form": form,
        "withdraw_form": WithdrawConsentForm(),
        "nav": "cases",
    }
    return render(request, "consent/household.html", context)


@require_POST
@caseload_required
def consent_withdraw_view(request: HttpRequest, reference: str, public_id: uuid.UUID) -> HttpResponse:
    household = open_household(request, reference)
    consent = found_or_refused(
        request.actor,  # type: ignore[attr-defined]
        Consent.objects.filter(household=household),
        "consent",
        household="household",
        public_id=public_id,
    )
    form = WithdrawConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the date and the reason of the withdrawal."))
        return redirect("consent:household", reference=household.reference)
    try:
        consent_withdraw(
            actor=request.actor,  # type: ignore[attr-defined]
            consent=consent,
            reason=form.cleaned_data["reason"],
            withdrawn_on=form.cleaned_data["withdrawn_on"],
        )
    except HavenError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Consent withdrawn."))
    return redirect("consent:household", reference=household.reference)
