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
) -> HttpResponse | None:
    """Run ``act`` if ``form`` (when given) is valid; on success say ``success`` and return ``then``'s
    response, both given what ``act`` returned. ``None`` when the page should be shown again: the form
    is unbound or invalid, or the action refused (a :class:`HavenError`, put on the form as a
    non-field error, or without a form shown as an error message)."""
    if form is not None and not form.is_valid():
        return None
    try:
        result = act()
    except HavenError as exc:
        if form is not None:
            form.add_error(None, str(exc))
        else:
            messages.error(request, str(exc))
        return None
    messages.success(request, success(result) if callable(success) else success)
    return then(result)
