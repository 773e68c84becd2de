"""A household's timeline: adding and withdrawing dated events, and the dates still ahead of it."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from haven.accounts.access import caseload_required
from haven.accounts.actor import ActorRequest
from haven.accounts.visibility import found_or_refused
from haven.cases.actions import event_add, event_withdraw
from haven.cases.forms.timeline import EventForm, WithdrawForm
from haven.cases.models import Person, TimelineEvent
from haven.cases.models.household import STAGE_CHOICES
from haven.cases.views.lookup import back_to, open_household, posted
from haven.submission import submit


@dataclass(frozen=True)
class Entry:
    """A line of the timeline: a recorded event, or a date ahead taken from a person's US record."""

    date: dt.date
    label: str
    person: Person | None = None
    event: TimelineEvent | None = None

    @property
    def note(self) -> str:
        if self.event is None:
            return ""
        if self.event.kind == "status_changed":
            return _readable_move(self.event.note)
        return str(self.event.note)


_MOVE = re.compile(r"^(\w+) → (\w+)(: .*)?$", re.DOTALL)


def _readable_move(note: str) -> str:
    """``intake → documenting: reason`` as the stages' names in the reader's language."""
    labels = dict(STAGE_CHOICES)
    match = _MOVE.match(note)
    if not match or match[1] not in labels or match[2] not in labels:
        return note
    return f"{labels[match[1]]} → {labels[match[2]]}{match[3] or ''}"


def timeline_entries(
    events: Iterable[TimelineEvent], people: Iterable[Person], today: dt.date
) -> list[Entry]:
    """Events and each person's coming hearing and removal, newest first."""
    entries = [Entry(e.date, e.get_kind_display(), e.person, e) for e in events]
    for person in people:
        record = getattr(person, "us_record", None)
        if record is None:
            continue
        for date, label in (
            (record.next_hearing_date, gettext_lazy("Hearing (US record)")),
            (record.removal_scheduled_date, gettext_lazy("Scheduled removal (US record)")),
        ):
            if date is not None and date >= today:
                entries.append(Entry(date, str(label), person))
    return sorted(entries, key=lambda e: e.date, reverse=True)


def first_past(entries: list[Entry], today: dt.date) -> int:
    """Where "today" falls in entries sorted newest first: the index of the first one not ahead."""
    return next((i for i, e in enumerate(entries) if e.date <= today), len(entries))


@require_http_methods(["GET", "POST"])
@caseload_required
def event_new(request: ActorRequest, reference: str) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    form = EventForm(posted(request), household=household)
    if done := submit(
        request,
        lambda: event_add(actor=actor, household=household, fields=form.cleaned_data),
        form=form,
        success=_("Event added to the timeline."),
        then=lambda _event: back_to(household, "timeline"),
    ):
        return done
    return render(
        request, "cases/form.html", {"household": household, "form": form, "title": _("Add an event")}
    )


@require_http_methods(["GET", "POST"])
@caseload_required
def event_withdraw_view(request: ActorRequest, reference: str, event_id: uuid.UUID) -> HttpResponse:
    """Withdraw a person's own event with a reason; Haven's own events offer no such page."""
    actor = request.actor
    household = open_household(request, reference)
    rows = TimelineEvent.objects.filter(household=household)
    event = found_or_refused(actor, rows, "event", household="household", public_id=event_id)
    event.household = household
    if event.system or event.withdrawn:
        messages.error(request, _("This event stays on the timeline as it is."))
        return back_to(household, "timeline")
    form = WithdrawForm(posted(request))
    if done := submit(
        request,
        lambda: event_withdraw(actor=actor, event=event, reason=form.cleaned_data["reason"]),
        form=form,
        success=_("Event withdrawn; it stays on the timeline, struck through."),
        then=lambda _event: back_to(household, "timeline"),
    ):
        return done
    context = {
        "household": household,
        "form": form,
        "title": _("Withdraw this event?"),
        "explanation": f"{date_format(event.date, 'SHORT_DATE_FORMAT')} · {event.get_kind_display()}",
        "submit": _("Withdraw the event"),
    }
    return render(request, "cases/form.html", context)
