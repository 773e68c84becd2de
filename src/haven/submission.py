"""The course of a page that changes something: the bound form checked, the action called, a refusal
shown on the form (or as a message when there is no form), the success said, and the user sent on.

Views write only what differs (which form, which action, what to say, where to go)::

    form = EventForm(posted(request), household=household)
    if done := submit(
        request,
        lambda: event_add(actor=actor, household=household, fields=form.cleaned_data),
        form=form,
        success=_("Event added to the timeline."),
        then=lambda _event: back_to(household, "timeline"),
    ):
        return done
    return render(...)  # the page again: unbound, invalid, or with the refusal on the form

A form posted from another page (a button on a list, a box on a batch) has no page of its own to be
shown again on: ``invalid`` is then what to tell the user when it does not validate, and a refusal is
said as a message too, so that the view only redirects back::

    form = WithdrawForm(request.POST)
    back = redirect("referral:batch", public_id=batch.public_id)
    withdrawn = submit(
        request,
        lambda: referral_withdraw(actor=actor, entry=entry, reason=form.cleaned_data["reason"]),
        form=form,
        invalid=_("Say why this household is being withdrawn from the batch."),
        success=_("Withdrawn."),
        then=lambda _withdrawn: back,
    )
    return withdrawn or back
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse

from haven.errors import HavenError

T = TypeVar("T")


def submit(
    request: HttpRequest,
    act: Callable[[], T],
    *,
    success: str | Callable[[T], str],
    then: Callable[[T], HttpResponse],
    form: BaseForm | None = None,
    invalid: str | None = None,
) -> HttpResponse | None:
    """Run ``act`` if ``form`` (when given) is valid; on success say ``success`` and return ``then``'s
    response, both given what ``act`` returned. ``None`` when the page should be shown again (or the
    user sent back): the form is unbound or invalid (said as the error message ``invalid`` when given),
    or the action refused (a :class:`HavenError`, put on the form as a non-field error, or shown as an
    error message when there is no form or ``invalid`` is given: the form is not shown again)."""
    if form is not None and not form.is_valid():
        if invalid is not None:
            messages.error(request, invalid)
        return None
    try:
        result = act()
    except HavenError as exc:
        if form is not None and invalid is None:
            form.add_error(None, str(exc))
        else:
            messages.error(request, str(exc))
        return None
    messages.success(request, success(result) if callable(success) else success)
    return then(result)
