"""A household's page, opening a household, editing it and moving it along the pipeline."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from haven.accounts.access import caseload_required
from haven.accounts.actor import ActorRequest
from haven.cases.actions import household_create, household_move, household_update
from haven.cases.actions.households import hold_message, holds_for
from haven.cases.duplicates import LikelyDuplicate
from haven.cases.forms.household import HouseholdCreateForm, HouseholdEditForm, StageForm
from haven.cases.forms.people import PrincipalForm
from haven.cases.models import Household, Person, TimelineEvent
from haven.cases.models.household import STAGE_CHOICES
from haven.cases.views.lookup import back_to, open_household, posted
from haven.cases.views.timeline import first_past, timeline_entries
from haven.errors import HavenError
from haven.submission import submit
from haven_core.intake.duplicates import LikelyMatch
from haven_core.pipeline import ORDER, Stage, allowed_next
from haven_core.roles import COALITION_WIDE


def _pipeline(household: Household) -> list[dict[str, object]]:
    """The stages from intake to resettlement, each marked done, current or ahead."""
    labels = dict(STAGE_CHOICES)
    current = household.stage_enum
    reached = ORDER.index(current) if current is not Stage.CLOSED else -1
    steps = []
    for i, stage in enumerate(s for s in ORDER if s is not Stage.CLOSED):
        state = "current" if stage is current else "done" if i < reached else "ahead"
        steps.append({"label": labels[stage.value], "state": state})
    return steps


def _stage_form(request: ActorRequest, household: Household, data: Any = None) -> tuple[StageForm, str]:
    """The move control, offering only the moves its user may make now, and why there are none if so."""
    holds = holds_for(request.actor, household)
    form = StageForm(data, current=household.stage_enum, held=lambda s: holds(s) is not None)
    reasons = {hold for s in allowed_next(household.stage_enum) if (hold := holds(s)) is not None}
    held = hold_message(sorted(reasons, key=lambda h: h.value)[0]) if reasons and not form.has_moves else ""
    return form, held


def _consent_in_force() -> dict[str, Exists]:
    """Whether each person has a consent in force to share with officials, and with sponsors, read with
    the people for the consent panel (the consent app's ``consent_panel``) rather than apart."""
    # The consent app's model, reached through the relation: the case records do not import the apps above
    # them. Its default manager, as related_model is typed type[Model], which declares no ``objects``.
    consents = Person.consents.rel.related_model._default_manager.filter(
        person=OuterRef("pk"), household=OuterRef("household_id"), withdrawn_at__isnull=True
    )
    return {
        "consent_officials": Exists(consents.filter(officials=True)),
        "consent_sponsors": Exists(consents.filter(sponsors=True)),
    }


# What the timeline shows of an event and of who recorded and withdrew it (their user names, not their
# whole rows with password hashes and dates of joining).
_EVENT_FIELDS = (
    *(f.name for f in TimelineEvent._meta.concrete_fields),
    "created_by__username",
    "withdrawn_by__username",
)


@require_GET
@caseload_required
def household_detail(request: ActorRequest, reference: str) -> HttpResponse:
    household = open_household(request, reference)
    # Kept on the household, so that its principal and every panel of the page use these same people.
    loaded = (
        Person.objects.select_related("us_record")
        .prefetch_related("canada_relatives", "canada_permits")
        # the registry hits waiting for a reviewer, counted with the people rather than apart
        .annotate(open_hits=Count("registry_hits", filter=Q(registry_hits__status="open")))
        .annotate(**_consent_in_force())
        .order_by("id")
    )
    # The household's referrals, read once: the move control, the summary strip and the referral panels
    # share them (the referral app's household_entries reads this same list).
    entries = Household.referral_entries.rel.related_model._default_manager  # the referral app's, as above
    referrals = entries.select_related("batch__recipient", "decided_by").order_by("-batch__created_at", "-id")
    prefetch_related_objects(
        [household], Prefetch("people", queryset=loaded), Prefetch("referral_entries", queryset=referrals)
    )
    people = list(household.people.all())
    # The summary strip and the registry panel both show it (the registry app's open_hit_count). Kept on
    # the household for this request only; ``open_hits`` is the annotation above, which the stubs cannot see.
    household._page_open_hits = sum(person.open_hits for person in people)  # type: ignore[attr-defined]
    today = timezone.localdate()
    # An event's person is one of the people read above: joined again, its row (some forty encrypted
    # fields) would be read and decrypted a second time for each of its events.
    by_id = {person.pk: person for person in people}
    events = list(household.events.select_related("created_by", "withdrawn_by").only(*_EVENT_FIELDS))
    for event in events:
        if event.person_id in by_id:
            event.person = by_id[event.person_id]
    timeline = timeline_entries(events, people, today)
    stage_form, held = _stage_form(request, household)
    context = {
        "household": household,
        "people": people,
        "timeline": timeline,
        "today_at": first_past(timeline, today),
        "today": today,
        "pipeline": _pipeline(household),
        "stage_form": stage_form,
        "move_held": held,
    }
    return render(request, "cases/household.html", context)


@require_http_methods(["GET", "POST"])
@caseload_required
def household_new(request: ActorRequest) -> HttpResponse:
    actor = request.actor
    choose = actor.role in COALITION_WIDE or actor.organisation is None
    data = posted(request)
    form = HouseholdCreateForm(data, choose_organisation=choose)
    principal = PrincipalForm(data)
    duplicates: list[LikelyMatch] = []
    if data is not None and form.is_valid() and principal.is_valid():
        organisation = (
            actor.organisation if actor.organisation and not choose else form.cleaned_data["organisation"]
        )
        try:
            household = household_create(
                actor=actor,
                organisation=organisation,
                principal=principal.cleaned_data,
                notes=form.cleaned_data["notes"],
                different_person=data.get("different_person") == "1",
            )
        except LikelyDuplicate as exc:
            duplicates = exc.matches
        except HavenError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Household %(reference)s opened.") % {"reference": household.reference}
            )
            return back_to(household)
    context = {"form": form, "principal": principal, "nav": "new", "duplicates": duplicates}
    return render(request, "cases/household_new.html", context)


@require_http_methods(["GET", "POST"])
@caseload_required
def household_edit(request: ActorRequest, reference: str) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    form = HouseholdEditForm(posted(request), household=household)
    if done := submit(
        request,
        lambda: household_update(actor=actor, household=household, fields=form.cleaned_data),
        form=form,
        success=_("Household saved."),
        then=lambda _saved: back_to(household),
    ):
        return done
    context = {"household": household, "form": form, "title": _("Edit household")}
    return render(request, "cases/form.html", context)


@require_http_methods(["GET", "POST"])
@caseload_required
def household_stage(request: ActorRequest, reference: str) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    form, held = _stage_form(request, household, posted(request))
    if done := submit(
        request,
        lambda: household_move(
            actor=actor,
            household=household,
            stage=Stage(form.cleaned_data["stage"]),
            reason=form.cleaned_data["reason"],
            confirmed=form.cleaned_data["confirm_back"],
        ),
        form=form,
        success=lambda _moved: _("Status changed to “%(stage)s”.") % {"stage": household.get_stage_display()},
        then=lambda _moved: back_to(household, "pipeline"),
    ):
        return done
    if held and request.method == "POST":
        messages.error(request, held)
        return back_to(household, "pipeline")
    context = {
        "household": household,
        "form": None if held else form,
        "explanation": held,
        "title": _("Change status"),
        "submit": _("Change status"),
    }
    return render(request, "cases/form.html", context)
