"""A household's consent to referral: each adult's consents, recording a new one, withdrawing one."""

from __future__ import annotations

import uuid

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from haven.accounts.access import caseload_required
from haven.accounts.actor import ActorRequest
from haven.accounts.visibility import found_or_refused
from haven.cases.views.lookup import open_household, person_in, posted
from haven.consent.actions import consent_record, consent_withdraw
from haven.consent.forms import ConsentForm, WithdrawConsentForm
from haven.consent.models import Consent
from haven.consent.queries import adult
from haven.submission import submit


@require_http_methods(["GET", "POST"])
@caseload_required
def consent_page(request: ActorRequest, reference: str) -> HttpResponse:
    household = open_household(request, reference)
    people = list(household.people.all())
    adults = [p for p in people if adult(p)]
    form = ConsentForm(posted(request), adults=adults)
    if request.method == "POST" and (
        done := submit(
            request,
            lambda: consent_record(
                actor=request.actor,
                household=household,
                person=person_in(request.actor, household, uuid.UUID(form.cleaned_data["person"])),
                officials=form.cleaned_data["officials"],
                sponsors=form.cleaned_data["sponsors"],
                given_on=form.cleaned_data["given_on"],
            ),
            form=form,
            success=_("Consent recorded."),
            then=lambda _consent: redirect("consent:household", reference=household.reference),
        )
    ):
        return done
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
def consent_withdraw_view(request: ActorRequest, reference: str, public_id: uuid.UUID) -> HttpResponse:
    household = open_household(request, reference)
    consent = found_or_refused(
        request.actor,
        Consent.objects.filter(household=household),
        "consent",
        household="household",
        public_id=public_id,
    )
    form = WithdrawConsentForm(request.POST)
    back = redirect("consent:household", reference=household.reference)
    withdrawn = submit(
        request,
        lambda: consent_withdraw(
            actor=request.actor,
            consent=consent,
            reason=form.cleaned_data["reason"],
            withdrawn_on=form.cleaned_data["withdrawn_on"],
        ),
        form=form,
        invalid=_("Give the date and the reason of the withdrawal."),
        success=_("Consent withdrawn."),
        then=lambda _consent: back,
    )
    return withdrawn or back
