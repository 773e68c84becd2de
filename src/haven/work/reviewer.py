"""A reviewer's home: evidence to verify, registry hits to decide, households ready for review, and
overrides whose computed level has moved since they were made (to sign again or withdraw)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case, CharField, Exists, F, OuterRef, Prefetch, QuerySet, Subquery, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from haven.accounts.actor import Actor
from haven.accounts.visibility import visible_households, within_visible
from haven.assessment.display import level_label
from haven.assessment.models import Assessment, AssessmentOverride
from haven.cases.models import Person
from haven.evidence.models import EvidenceItem
from haven.registries.models import ScreeningHit
from haven.work.items import SHOWN, Item, Section
from haven_core.pipeline import Stage

DIMENSIONS = ("risk", "vulnerability", "urgency")


def _dimension_label(dimension: str) -> str:
    return {
        "risk": _("Persecution risk"),
        "vulnerability": _("Vulnerability"),
        "urgency": _("Urgency"),
    }[dimension]


def to_verify(actor: Actor, today: dt.date) -> Section:
    """Unreviewed evidence the reviewer may verify, the longest waiting first: not what they added
    themselves, nor a working copy of an original they added (the two-person rule)."""
    items = within_visible(actor, EvidenceItem.objects.filter(status="unreviewed"), "person__household")
    items = items.exclude(added_by=actor.user).exclude(original__added_by=actor.user)
    total = items.count()
    shown = list(items.select_related("person__household").order_by("added_at", "id")[:SHOWN])
    found = []
    for item in shown:
        reference = item.person.household.reference
        waiting = (today - item.added_at.date()).days
        found.append(
            Item(
                title=item.title or item.get_kind_display(),
                url=reverse("review:item", args=[item.public_id]),
                household=reference,
                person=item.person.display_name,
                detail=item.get_kind_display(),
                date=item.added_at.date(),
                tone="warning" if waiting > 14 else "",
                flag=ngettext("Waiting %(days)d day", "Waiting %(days)d days", waiting) % {"days": waiting}
                if waiting
                else _("Added today"),
            )
        )
    return Section(
        key="to_verify",
        title=gettext_lazy("Evidence awaiting verification"),
        count=total,
        items=found,
        empty=gettext_lazy("No evidence awaits your verification."),
        more_url=reverse("review:queue"),
        more_label=gettext_lazy("Review queue"),
    )


def hits_to_decide(actor: Actor) -> Section:
    hits = within_visible(actor, ScreeningHit.objects.filter(status="open"), "person__household")
    total = hits.count()
    shown = list(hits.select_related("person__household").order_by("-score", "id")[:SHOWN])
    items = [
        Item(
            title=_("Registry hit"),
            url=reverse("registries:hit", args=[hit.public_id]),
            household=hit.person.household.reference,
            person=hit.person.display_name,
            detail=_("Score %(score)s") % {"score": f"{hit.score:.2f}"},
            date=hit.found_at.date(),
            tone="warning" if hit.decision == "match" else "",
            flag=_("Likely match") if hit.decision == "match" else "",
        )
        for hit in shown
    ]
    return Section(
        key="hits",
        title=gettext_lazy("Registry hits to decide"),
        count=total,
        items=items,
        empty=gettext_lazy("No registry hit waits for a decision."),
        more_url=reverse("registries:queue"),
        more_label=gettext_lazy("All registry hits"),
    )


def _with_principal(households: QuerySet[Any]) -> QuerySet[Any]:
    principals = Person.objects.filter(relationship="principal")
    return households.prefetch_related(Prefetch("people", queryset=principals, to_attr="principals"))


def ready_for_review(actor: Actor) -> Section:
    households = visible_households(actor).filter(stage=Stage.READY_FOR_REVIEW.value)
    total = households.count()
    shown = list(_with_principal(households).order_by("updated_at", "id")[:SHOWN])
    items = [
        Item(
            title=h.principals[0].display_name if h.principals else h.reference,
            url=reverse("cases:detail", args=[h.reference]) + "#assessment",
            household=h.reference,
            date=h.updated_at.date(),
        )
        for h in shown
    ]
    return Section(
        key="ready_for_review",
        title=gettext_lazy("Households ready for review"),
        count=total,
        items=items,
        empty=gettext_lazy("No household is ready for review."),
        more_url=reverse("cases:list") + "?stage=" + Stage.READY_FOR_REVIEW.value,
        more_label=gettext_lazy("All households ready for review"),
    )


def overrides_to_sign(actor: Actor) -> QuerySet[AssessmentOverride]:
    """Overrides in force (the latest of their household and dimension, not a withdrawal) whose computed
    level is no longer the one they were made against: the records moved the computed level, so a
    reviewer signs the override again (with its reason) or withdraws it."""
    newer = AssessmentOverride.objects.filter(
        household=OuterRef("household"), dimension=OuterRef("dimension"), pk__gt=OuterRef("pk")
    )
    current = Assessment.objects.filter(household=OuterRef("household"), current=True)
    now = Case(
        *(When(dimension=d, then=Subquery(current.values(f"{d}_level")[:1])) for d in DIMENSIONS),
        output_field=CharField(),
        default=Value(""),
    )
    overrides = within_visible(actor, AssessmentOverride.objects.exclude(level=""))
    return (
        overrides.filter(~Exists(newer))
        .annotate(computed_now=now)
        .exclude(computed_now__isnull=True)
        .exclude(computed_now="")
        .exclude(computed_now=F("computed_level"))
    )


def overrides_section(actor: Actor) -> Section:
    rows = overrides_to_sign(actor)
    total = rows.count()
    principals = Person.objects.filter(relationship="principal")
    shown = list(
        rows.select_related("household")
        .prefetch_related(Prefetch("household__people", queryset=principals, to_attr="principals"))
        .order_by("created_at", "id")[:SHOWN]
    )
    items = []
    for o in shown:
        household = o.household
        # ``principals`` is the Prefetch's to_attr, ``computed_now`` the queryset's annotation: attributes
        # the stubs cannot see through overrides_to_sign's declared QuerySet[AssessmentOverride].
        principals = household.principals  # type: ignore[attr-defined]  # the Prefetch's to_attr
        name = principals[0].display_name if principals else household.reference
        items.append(
            Item(
                title=_dimension_label(o.dimension),
                url=reverse("assessment:override", args=[household.reference]) + f"?dimension={o.dimension}",
                household=household.reference,
                person=name,
                detail=_("Override %(level)s; computed %(then)s then, %(now)s now")
                % {
                    "level": level_label(o.level),
                    "then": level_label(o.computed_level),
                    "now": level_label(o.computed_now),  # type: ignore[attr-defined]  # an annotation
                },
                date=o.created_at.date(),
                tone="warning",
            )
        )
    return Section(
        key="overrides",
        title=gettext_lazy("Overrides to sign again"),
        count=total,
        items=items,
        empty=gettext_lazy("Every override in force was made against the level computed now."),
    )


def reviewer_sections(actor: Actor, today: dt.date) -> list[Section]:
    return [to_verify(actor, today), hits_to_decide(actor), ready_for_review(actor), overrides_section(actor)]
