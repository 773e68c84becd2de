"""A caseworker's home: what is about to happen to their households and what they must fix or answer.

"My households" are those the caseworker owns, and those of their organisation that nobody owns (the
organisation's shared work, as the deadline alerts have it: :mod:`haven.alerts.recipients`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from haven.accounts.actor import Actor
from haven.accounts.visibility import visible_households, within_visible
from haven.cases.models import Household
from haven.evidence.models import EvidenceItem, Verification
from haven.radar.quality import warning_summary
from haven.radar.rows import households_by_reference, people_by_id, radar_rows
from haven.radar.window import OrderedDeadlines, deadline_rows
from haven.registries.models import ScreeningHit
from haven.work.items import SHOWN, Item, Section
from haven_core.data_quality import Problem
from haven_core.deadlines import Kind

DEADLINE_DAYS = 14
NEW_HITS_DAYS = 30  # a registry hit counts as new for a month after it was found


def my_households(actor: Actor) -> QuerySet[Household]:
    """The households ``actor`` owns, and their organisation's households that nobody owns."""
    return visible_households(actor).filter(Q(owner=actor.user) | Q(owner__isnull=True))


def _deadline_title(kind: Kind, event_label: str) -> str:
    if kind is Kind.REMOVAL:
        return _("Scheduled removal")
    if kind is Kind.HEARING:
        return _("Immigration court hearing")
    return event_label


def deadlines(actor: Actor, today: dt.date) -> Section:
    listed = OrderedDeadlines(deadline_rows(my_households(actor), today, DEADLINE_DAYS))
    total = listed.count()
    rows = radar_rows(listed[:SHOWN], today) if total else []
    items = [
        Item(
            title=_deadline_title(row.deadline.kind, row.event_label),
            # A hearing or a removal is in the US record; any other dated event, with its note, on the
            # timeline (the US status section does not show it).
            url=reverse("cases:detail", args=[row.household.reference])
            + ("#timeline" if row.deadline.kind is Kind.EVENT else "#us-status"),
            household=row.household.reference,
            person=row.person.display_name if row.person else "",
            date=row.deadline.date,
            days_left=row.days_left,
            tone="danger" if row.deadline.kind is Kind.REMOVAL or row.days_left <= 2 else "warning",
            flag=_("Detained") if row.deadline.detained else "",
            flag_tone="danger",
        )
        for row in rows
    ]
    return Section(
        key="deadlines",
        title=gettext_lazy("Deadlines in the next 14 days"),
        count=total,
        items=items,
        empty=gettext_lazy("No hearing, removal or dated event in the next 14 days."),
        more_url=reverse("radar:home") + f"?days={DEADLINE_DAYS}&mine=1",
        more_label=gettext_lazy("All deadlines"),
    )


RETURNED = ("disputed", "sent_back")


def sent_back(actor: Actor) -> Section:
    """Evidence of the caseworker's households, or that they added, that a reviewer disputed or sent back
    for correction, with the reviewer's note."""
    mine = my_households(actor).values("pk")
    disputed = within_visible(actor, EvidenceItem.objects.filter(status__in=RETURNED), "person__household")
    disputed = disputed.filter(Q(person__household__in=mine) | Q(added_by=actor.user))
    total = disputed.count()
    verdicts = Verification.objects.filter(verdict__in=RETURNED).order_by("-at", "-id")
    shown = list(
        disputed.select_related("person__household")
        .prefetch_related(Prefetch("verifications", queryset=verdicts, to_attr="disputes"))
        .order_by("-added_at", "-id")[:SHOWN]
    )
    items = []
    for item in shown:
        household = item.person.household
        dispute = item.disputes[0] if item.disputes else None
        items.append(
            Item(
                title=item.title or item.get_kind_display(),
                url=reverse("evidence:item", args=[household.reference, item.public_id]),
                household=household.reference,
                person=item.person.display_name,
                detail=dispute.note if dispute else "",
                date=dispute.at.date() if dispute else None,
                tone="warning",
                flag=_("Sent back"),
            )
        )
    return Section(
        key="sent_back",
        title=gettext_lazy("Evidence a reviewer sent back"),
        count=total,
        items=items,
        empty=gettext_lazy("No evidence was sent back."),
    )


def new_hits(actor: Actor, today: dt.date) -> Section:
    """Registry hits found in the last month on the people of the caseworker's households, still open
    (a reviewer will decide) or confirmed (the listing is now evidence)."""
    since = today - dt.timedelta(days=NEW_HITS_DAYS)
    hits = within_visible(actor, ScreeningHit.objects.all(), "person__household").filter(
        person__household__in=my_households(actor).values("pk"),
        status__in=("open", "confirmed"),
        found_at__date__gte=since,
    )
    total = hits.count()
    shown = list(hits.select_related("person__household").order_by("-found_at", "-id")[:SHOWN])
    items = [
        Item(
            title=_("Registry hit"),
            url=reverse("cases:detail", args=[hit.person.household.reference]) + "#registry-listings",
            household=hit.person.household.reference,
            person=hit.person.display_name,
            date=hit.found_at.date(),
            tone="danger" if hit.status == "confirmed" else "warning",
            flag=_("Confirmed listing") if hit.status == "confirmed" else _("Waits for a reviewer"),
        )
        for hit in shown
    ]
    return Section(
        key="registry_hits",
        title=gettext_lazy("New registry hits on my people"),
        count=total,
        items=items,
        empty=gettext_lazy("No new registry hits in the last 30 days."),
    )


def _warning_text(problem: Problem, date: dt.date | None) -> tuple[str, str]:
    """What is wrong, and what to do, in the radar's own words."""
    if problem is Problem.DETAINED_NO_FACILITY:
        return (
            _("Detained, but no detention facility is recorded."),
            _("Enter the detention facility in the US record."),
        )
    if problem is Problem.FINAL_ORDER_NO_REMOVAL:
        return (
            _("Final order of removal, but no scheduled removal date."),
            _("Find out the removal date (ICE, the attorney of record) and enter it in the US record."),
        )
    day = date_format(date, "SHORT_DATE_FORMAT") if date else ""
    return (
        _("The hearing of %(date)s has passed and no outcome is recorded.") % {"date": day},
        _(
            "Add a “Hearing held” event to the timeline; if the hearing was moved, enter the new date in "
            "the US record."
        ),
    )


def data_warnings(actor: Actor, today: dt.date) -> Section:
    """Each gap once for its household: a hearing a family shares names all of its people in one item."""
    total, warnings = warning_summary(my_households(actor), today, SHOWN)
    households = households_by_reference([w.household for w in warnings]) if warnings else {}
    people = people_by_id([p for w in warnings for p in w.people]) if warnings else {}
    items = []
    for w in warnings:
        concerned: list[Any] = [people[p] for p in w.people if p in people]
        if w.problem is Problem.HEARING_NO_OUTCOME:
            url = reverse("cases:event_new", args=[w.household])
        elif len(concerned) == 1:
            url = reverse("cases:us_record", args=[w.household, concerned[0].public_id])
        else:
            url = reverse("cases:detail", args=[w.household])
        wrong, todo = _warning_text(w.problem, w.date)
        if w.household in households:
            items.append(
                Item(
                    title=wrong,
                    url=url,
                    household=w.household,
                    person=", ".join(person.display_name for person in concerned),
                    detail=todo,
                    tone="warning",
                )
            )
    return Section(
        key="data_warnings",
        title=gettext_lazy("Data to fix in my households"),
        count=total,
        items=items,
        empty=gettext_lazy("No gaps found in the records of your households."),
        more_url=reverse("radar:home") + "?mine=1#data-quality",
        more_label=gettext_lazy("All warnings"),
    )


def liaison_requests(actor: Actor) -> Section:
    """Liaisons' requests for more information on the organisation's households that await an answer, the
    oldest first; each links to the household page, where the answer is written."""
    from haven.referral.information import open_requests_for

    waiting = open_requests_for(actor)
    total = waiting.count()
    shown = list(
        waiting.select_related("entry__household", "entry__batch").order_by("asked_at", "id")[:SHOWN]
    )
    items = [
        Item(
            title=request.question if len(request.question) <= 120 else request.question[:119] + "…",
            url=reverse("cases:detail", args=[request.entry.household.reference]) + "#information-requests",
            household=request.entry.household.reference,
            detail=request.entry.batch.reference,
            date=request.asked_at.date(),
            tone="warning",
            flag=_("Awaiting an answer"),
        )
        for request in shown
    ]
    return Section(
        key="liaison_requests",
        title=gettext_lazy("Liaison requests awaiting an answer"),
        count=total,
        items=items,
        empty=gettext_lazy("No liaison request awaits an answer."),
        more_url=reverse("referral:requests"),
        more_label=gettext_lazy("All requests"),
    )


def caseworker_sections(actor: Actor, today: dt.date) -> list[Section]:
    return [
        deadlines(actor, today),
        liaison_requests(actor),
        sent_back(actor),
        new_hits(actor, today),
        data_warnings(actor, today),
    ]
