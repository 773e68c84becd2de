"""The organisation's side of the liaison's requests: the list of those waiting for an answer, and the
answer (posted from the household page or the list)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from haven.accounts.access import actor_of, caseload_required
from haven.accounts.visibility import found_or_refused
from haven.referral.forms import AnswerForm
from haven.referral.information import answerable, open_requests_for, requests_for
from haven.referral.information.actions import information_request_answer
from haven.submission import submit


@require_http_methods(["GET"])
@caseload_required
def request_list(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    rows = [answerable(r) for r in open_requests_for(actor).order_by("asked_at", "id")[:500]]
    return render(request, "referral/requests.html", {"requests": rows, "nav": "requests"})


@require_http_methods(["POST"])
@caseload_required
def request_answer(request: HttpRequest, public_id: Any) -> HttpResponse:
    actor = actor_of(request)
    info = found_or_refused(
        actor, requests_for(actor), "information_request", household="entry__household", public_id=public_id
    )
    reference = info.entry.household.reference
    form = AnswerForm(request.POST)
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        going_on = redirect(back)
    else:
        going_on = redirect("cases:detail", reference=reference)
    answered = submit(
        request,
        lambda: information_request_answer(actor=actor, request=info, answer=form.cleaned_data["answer"]),
        form=form,
        invalid=_("Write your answer to the liaison."),
        success=_("Your answer has gone to the liaison (%(ref)s).") % {"ref": reference},
        then=lambda _answered: going_on,
    )
    return answered or going_on
