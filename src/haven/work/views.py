"""The home page: for each caseload role, the work that waits for them, each item a link to where it is
done. A liaison, or a user without a role, gets the landing page of :mod:`haven.cases.views.home`."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haven.accounts.access import actor_of
from haven.accounts.actor import Actor
from haven.cases.views import home as landing
from haven.work.caseworker import caseworker_sections
from haven.work.context import remember_counts
from haven.work.coordinator import coordinator_sections
from haven.work.items import Section
from haven.work.reviewer import reviewer_sections
from haven_core.roles import Role, can_use_caseload

TITLES = {
    Role.CASEWORKER: _("My households"),
    Role.REVIEWER: _("Waiting for my review"),
    Role.COORDINATOR: _("Across the coalition"),
    Role.ADMIN: _("Waiting for my review"),
}


def sections_for(actor: Actor) -> list[Section]:
    """The sections of ``actor``'s home, in the order they are shown."""
    today = timezone.localdate()
    if actor.role is Role.CASEWORKER:
        return caseworker_sections(actor, today)
    if actor.role is Role.COORDINATOR:
        return coordinator_sections(actor)
    return reviewer_sections(actor, today)  # a reviewer, or an administrator (who may verify too)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    if not can_use_caseload(actor.role):
        return landing.home(request)
    sections = sections_for(actor)
    remember_counts(request, sections)
    context = {
        "actor": actor,
        "sections": sections,
        "by_key": {s.key: s for s in sections},
        "heading": TITLES.get(actor.role, _("My work")) if actor.role else _("My work"),
        "liaison_requests": next((s for s in sections if s.key == "liaison_requests"), None),
        "nav": "home",
    }
    return render(request, "work/home.html", context)
