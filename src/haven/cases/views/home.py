"""The landing page: caseload users go to their case list, a liaison to their own page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.accounts.access import actor_of
from haven_core.roles import Role, can_use_caseload


@login_required
def home(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    if can_use_caseload(actor.role):
        return redirect("cases:list")
    if actor.role == Role.LIAISON:  # the referral app fills the page (its template tags)
        return render(request, "referral/liaison_home.html", {"actor": actor, "nav": "home"})
    return render(request, "home_no_caseload.html", {"actor": actor})
