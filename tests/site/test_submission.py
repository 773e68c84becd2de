"""The course every page that changes something follows (haven.submission.submit)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from haven.errors import HavenError
from haven.submission import submit


class NoteForm(forms.Form):
    note = forms.CharField()


def _request() -> HttpRequest:
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]  # what MessageMiddleware sets
    return request


def _said(request: HttpRequest) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(request)]


def _refuse() -> None:
    raise HavenError("Not now.")


def test_an_unbound_or_invalid_form_shows_the_page_again_without_acting() -> None:
    acted: list[str] = []
    for form in (NoteForm(None), NoteForm({"note": ""})):
        request = _request()
        shown = submit(
            request, lambda: acted.append("x"), form=form, success="Done.", then=lambda _: HttpResponse()
        )
        assert shown is None and _said(request) == []
    assert acted == []


def test_a_refusal_goes_on_the_form_and_nothing_is_said() -> None:
    request, form = _request(), NoteForm({"note": "hello"})
    assert submit(request, _refuse, form=form, success="Done.", then=lambda _: HttpResponse()) is None
    assert form.non_field_errors() == ["Not now."] and _said(request) == []


def test_without_a_form_a_refusal_is_said_as_an_error() -> None:
    request = _request()
    assert submit(request, _refuse, success="Done.", then=lambda _: HttpResponse()) is None
    assert _said(request) == [("error", "Not now.")]


def test_success_is_said_and_the_next_page_gets_what_the_action_returned() -> None:
    request, form = _request(), NoteForm({"note": "hello"})
    seen: list[Any] = []
    response = submit(
        request,
        lambda: form.cleaned_data["note"].upper(),
        form=form,
        success=lambda result: f"Saved {result}.",
        then=lambda result: seen.append(result) or HttpResponse(status=302),
    )
    assert response is not None and response.status_code == 302
    assert seen == ["HELLO"] and _said(request) == [("success", "Saved HELLO.")]


def test_a_form_posted_from_another_page_says_why_it_is_invalid_without_acting() -> None:
    acted: list[str] = []
    request = _request()
    sent_back = submit(
        request,
        lambda: acted.append("x"),
        form=NoteForm({"note": ""}),
        invalid="Write a note.",
        success="Done.",
        then=lambda _: HttpResponse(),
    )
    assert sent_back is None and acted == [] and _said(request) == [("error", "Write a note.")]


def test_a_form_posted_from_another_page_says_a_refusal_as_an_error() -> None:
    request, form = _request(), NoteForm({"note": "hello"})
    refused = submit(
        request, _refuse, form=form, invalid="Write a note.", success="Done.", then=lambda _: HttpResponse()
    )
    assert refused is None and _said(request) == [("error", "Not now.")] and form.non_field_errors() == []
