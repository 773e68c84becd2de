"""Assessment pages: the list of assessed households by score, re-assessing a household, overriding."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from haven.accounts.access import caseload_required, visible_households
from haven.assessment.actions import assessment_override, household_assess
from haven.assessment.forms import AssessmentListForm, OverrideForm
from haven.assessment.models import DIMENSION_CHOICES, Assessment, AssessmentOverride
from haven.cases.models import Person
from haven.cases.views.lookup import back_to, open_household, posted
from haven.errors import HavenError
from haven_core.assessment.review import can_override
from haven_core.roles import COALITION_WIDE

DIMENSIONS = ("risk", "vulnerability", "urgency")
ORDER = {
    "risk": ("-risk_score", "-urgency_score", "household_id"),
    "vulnerability": ("-vulnerability_score", "-risk_score", "household_id"),
    "urgency": ("-urgency_score", F("urgency_date").asc(nulls_last=True), "-risk_score", "household_id"),
}


def _effective(dimension: str) -> Coalesce:
    """The level in force: the latest override of ``dimension`` unless withdrawn, else the computed one."""
    latest = (
        AssessmentOverride.objects.filter(household=OuterRef("household"), dimension=dimension)
        .order_by("-created_at", "-id")
        .values("level")[:1]
    )
    return Coalesce(NullIf(Subquery(latest), Value("")), F(f"{dimension}_level"))


def assessed(households: QuerySet[Any], filters: dict[str, Any]) -> QuerySet[Any]:
    """Current assessments of ``households`` (already limited to what the actor may see), filtered on the
    levels in force (overrides win) and sorted by the score asked for."""
    rows = Assessment.objects.filter(current=True, household__in=households.values("pk"))
    if organisation := filters.get("organisation"):
        rows = rows.filter(household__organisation=organisation)
    rows = rows.annotate(**{f"{d}_in_force": _effective(d) for d in DIMENSIONS})
    for dimension in DIMENSIONS:
        if level := filters.get(dimension):
            rows = rows.filter(**{f"{dimension}_in_force": level})
    principals = Person.objects.filter(relationship="principal")
    return (
        rows.order_by(*ORDER[filters.get("sort") or "risk"])
        .select_related("household__organisation")
        .prefetch_related(Prefetch("household__people", queryset=principals, to_attr="principals"))
        .defer("result")
    )


@require_GET
@caseload_required
def assessment_list(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = AssessmentListForm(request.GET or None, coalition_wide=actor.role in COALITION_WIDE)
    filters = form.cleaned() if request.GET else {}
    visible = visible_households(actor)
    page = Paginator(assessed(visible, filters), settings.HAVEN_CASES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    unassessed = visible.exclude(
        pk__in=Assessment.objects.filter(current=True).values("household_id")
    ).count()
    context = {
        "form": form,
        "page": page,
        "unassessed": unassessed,
        "filtering": bool(filters),
        "nav": "assessment",
    }
    return render(request, "assessment/list.html", context)


@require_http_methods(["GET", "POST"])
@caseload_required
def household_assess_view(request: HttpRequest, reference: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    household = open_household(request, reference)
    if request.method == "POST":
        try:
            household_assess(actor=actor, household=household)
        except HavenError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Household assessed."))
        return back_to(household, "assessment")
    context = {
        "household": household,
        "title": _("Assess this household"),
        "explanation": _(
            "Haven computes the assessment from the household's records and evidence under the rules in "
            "force, and stores it if anything changed. Reviewers' overrides stay as they are."
        ),
        "cancel": reverse("cases:detail", args=[household.reference]) + "#assessment",
    }
    return render(request, "assessment/assess_confirm.html", context)


@require_http_methods(["GET", "POST"])
@caseload_required
def assessment_override_view(request: HttpRequest, reference: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    household = open_household(request, reference)
    if not can_override(actor.role):
        raise PermissionDenied
    chosen = request.POST.get("dimension") or request.GET.get("dimension", "risk")
    latest = (
        AssessmentOverride.objects.filter(household=household, dimension=chosen)
        .order_by("-created_at", "-id")
        .first()
    )
    form = OverrideForm(posted(request), dimension=chosen, overridden=bool(latest and latest.level))
    if form.is_valid():
        try:
            assessment_override(actor=actor, household=household, **form.cleaned_data)
        except HavenError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Override saved beside the computed level."))
            return back_to(household, "assessment")
    current = Assessment.objects.filter(household=household, current=True).first()
    context = {
        "household": household,
        "form": form,
        "current": current,
        "title": _("Override the assessment"),
        "dimensions": DIMENSION_CHOICES,
    }
    return render(request, "assessment/override.html", context)
