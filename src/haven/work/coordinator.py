"""The coordinator's home: emergencies and whether each can be referred now, duplicates to decide,
selection runs awaiting approval and referral batches awaiting decisions."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from haven.accounts.actor import Actor
from haven.accounts.visibility import visible_households
from haven.assessment.views import assessed
from haven.referral.models import ReferralBatch, ReferralEntry
from haven.registries.models import IdentityLink
from haven.registries.permissions import can_decide_links
from haven.selection.inputs import readiness_of
from haven.selection.models import SelectionRun
from haven.selection.wording import missing_rows
from haven.work.items import SHOWN, Item, Section
from haven_core.pipeline import Stage
from haven_core.referability import Referability, Why, referability
from haven_core.referral.readiness import FINISHED_STAGES
from haven_core.roles import Role


def readiness(household: Any, *, awaiting_decision: bool) -> Referability:
    """Whether ``household`` can be referred now (``awaiting_decision``: it is in a referral batch whose
    decision is pending). The one place the home page and the household page's strip decide it."""
    return referability(Stage(household.stage), awaiting_decision=awaiting_decision)


def why_text(why: Why) -> str:
    return {
        Why.READY: _("Referable: assessed and not under referral."),
        Why.NEEDS_DOCUMENTS: _("Not referable yet: still being documented."),
        Why.NEEDS_REVIEW: _("Not referable yet: ready for review, not assessed."),
        Why.AWAITING_DECISION: _("Not referable: awaiting a decision in a referral batch."),
        Why.REFERRED: _("Not referable: referred already."),
        Why.FINISHED: _("Not referable: resettled or closed."),
    }[why]


def emergencies(actor: Actor) -> Section:
    """Households whose urgency in force (a reviewer's override, else the computed level) is emergency,
    the most urgent first, each with whether it can be referred now and why; those already decided,
    resettled or closed are past it, left out as the Selection page leaves them out."""
    current = visible_households(actor).exclude(stage__in=FINISHED_STAGES)
    rows = assessed(current, {"urgency": "emergency", "sort": "urgency"})
    total = rows.count()
    awaiting = ReferralEntry.objects.filter(household=OuterRef("household"), decision__in=ReferralEntry.OPEN)
    shown = list(rows.annotate(awaiting_decision=Exists(awaiting))[:SHOWN])
    # The Selection page's own check (stage, assessment, verified evidence, consent, open referral), so
    # the home page and a run never disagree on who can be referred.
    full = readiness_of([row.household.reference for row in shown]) if shown else {}
    items = []
    for row in shown:
        household = row.household
        verdict = full.get(household.reference)
        principals = household.principals
        if verdict is None:  # not read (gone meanwhile): the stage alone decides
            simple = readiness(household, awaiting_decision=row.awaiting_decision)
            referable, detail = simple.referable, why_text(simple.why)
        else:
            referable = verdict.ready
            detail = (
                _("Can be referred now.")
                if referable
                else capfirst(  # a sentence: "Still being documented …; no consent …"
                    "; ".join(
                        f"{row['what']} ({row['who']})" for row in missing_rows(verdict.to_dict()["missing"])
                    )
                )
            )
        items.append(
            Item(
                title=principals[0].display_name if principals else household.reference,
                url=reverse("cases:detail", args=[household.reference]),
                household=household.reference,
                detail=detail,
                tone="danger",
                flag=_("Referable") if referable else _("Not referable"),
                flag_tone="ok" if referable else "",
            )
        )
    return Section(
        key="emergencies",
        title=gettext_lazy("Emergencies"),
        count=total,
        items=items,
        empty=gettext_lazy("No household is in emergency."),
        more_url=reverse("assessment:list") + "?urgency=emergency&sort=urgency",
        more_label=gettext_lazy("All emergencies"),
    )


def duplicates(actor: Actor) -> Section:
    if not can_decide_links(actor):
        return Section(key="duplicates", title=gettext_lazy("Duplicates to decide"), count=0)
    links = IdentityLink.objects.filter(status="proposed")
    total = links.count()
    shown = list(
        links.select_related("person_a__household", "person_b__household").order_by("-score", "id")[:SHOWN]
    )
    items = [
        Item(
            title=f"{link.person_a.display_name} · {link.person_b.display_name}",
            url=reverse("registries:link", args=[link.public_id]),
            household=f"{link.person_a.household.reference} · {link.person_b.household.reference}",
            detail=_("Score %(score)s") % {"score": f"{link.score:.2f}"},
            date=link.found_at.date(),
        )
        for link in shown
    ]
    return Section(
        key="duplicates",
        title=gettext_lazy("Duplicates to decide"),
        count=total,
        items=items,
        empty=gettext_lazy("No proposed duplicate waits for a decision."),
        more_url=reverse("registries:duplicates"),
        more_label=gettext_lazy("All duplicates"),
    )


def runs_to_approve(actor: Actor) -> Section:
    runs = SelectionRun.objects.filter(approved_at__isnull=True)
    total = runs.count()
    shown = list(runs.order_by("-created_at", "-id")[:SHOWN])
    items = [
        Item(
            title=_("Selection run, quota %(quota)d") % {"quota": run.quota},
            url=reverse("selection:run", args=[run.public_id]),
            detail=_("Selected: households %(households)d, people %(people)d")
            % {"households": run.households_selected, "people": run.people_selected},
            date=run.created_at.date(),
        )
        for run in shown
    ]
    return Section(
        key="runs",
        title=gettext_lazy("Selection runs awaiting approval"),
        count=total,
        items=items,
        empty=gettext_lazy("No selection run awaits approval."),
        more_url=reverse("selection:home"),
        more_label=gettext_lazy("Selection"),
    )


# The batch table's own columns (the referral app's batch list), in its order: the home counts a batch's
# households the same way, so that its "awaiting" is the table's "awaiting".
BATCH_COUNTS = (
    ReferralEntry.PENDING,
    ReferralEntry.MORE_INFORMATION,
    ReferralEntry.ACCEPTED,
    ReferralEntry.REFUSED,
)


def _batch_counts(batch: Any) -> str:
    """ "Awaiting decision: 5 · More information needed: 1 · Accepted: 2", the categories with households."""
    labels = dict(ReferralEntry.DECISION_CHOICES)
    return " · ".join(
        _("%(what)s: %(count)d") % {"what": labels[code], "count": getattr(batch, code)}
        for code in BATCH_COUNTS
        if getattr(batch, code)
    )


def batches_awaiting(actor: Actor) -> Section:
    counts = {code: Count("entries", filter=Q(entries__decision=code)) for code in BATCH_COUNTS}
    open_entries = Count("entries", filter=Q(entries__decision__in=ReferralEntry.OPEN))
    batches = ReferralBatch.objects.annotate(waiting=open_entries).filter(waiting__gt=0)
    total = batches.count()
    shown = list(batches.annotate(**counts).select_related("recipient").order_by("created_at", "id")[:SHOWN])
    items = [
        Item(
            title=batch.reference,
            url=reverse("referral:batch", args=[batch.public_id]),
            person=batch.recipient.get_full_name() or batch.recipient.get_username(),
            detail=_batch_counts(batch),
            date=batch.created_at.date(),
        )
        for batch in shown
    ]
    return Section(
        key="batches",
        title=gettext_lazy("Referral batches awaiting decisions"),
        count=total,
        items=items,
        empty=gettext_lazy("No referral batch awaits a decision."),
        more_url=reverse("referral:batches"),
        more_label=gettext_lazy("All referrals"),
    )


def coordinator_sections(actor: Actor) -> list[Section]:
    sections = [emergencies(actor), duplicates(actor)]
    if actor.role is Role.COORDINATOR:
        sections += [runs_to_approve(actor), batches_awaiting(actor)]
    return sections
