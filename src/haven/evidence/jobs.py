"""Capturing a web page in the background: a fetch and a Chromium render take seconds, sometimes the
full time limit, too long for a web request."""

from __future__ import annotations

from typing import Any

from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from haven.cases.models import Person
from haven.errors import InvalidChange
from haven.evidence.capture_contract import capture_function
from haven.evidence.forms import CaptureForm
from haven.evidence.preview_jobs import previews_queue
from haven.evidence.views.lookup import item_url
from haven.jobs.kinds import TryAgain
from haven.jobs.models import Job
from haven.jobs.running import Report, actor_of_job

CAPTURE = "evidence.capture"
# Failures a later attempt may not meet: the site was down or slow. Others (a private address, a page
# that is gone, a file that is not a page) would fail the same way again.
PASSING = ("connection_failed", "timeout")


def capture_subject(person: Person) -> str:
    return f"{person.household.reference}/{person.public_id}"


def capture_page(job: Job, report: Report) -> dict[str, Any]:
    from haven.evidence.capture import CaptureError

    capture = capture_function()
    if capture is None:
        raise InvalidChange(_("Capturing web pages is not available on this installation."))
    reference, _slash, person_id = job.subject.partition("/")
    person = (
        Person.objects.select_related("household__organisation")
        .filter(household__reference=reference, public_id=person_id)
        .first()
    )
    if person is None:
        raise InvalidChange(_("This person is no longer in the household."))
    form = CaptureForm(MultiValueDict(job.params["form"]))
    if not form.is_valid():
        raise InvalidChange(_("The form's fields are not valid any more: fill it in again."))
    fields = form.item_fields()
    url = fields.pop("source_url")
    report(0, 1, _("Fetching the page"))
    try:
        item = capture(actor=actor_of_job(job), person=person, url=url, fields=fields, report=report)
    except CaptureError as exc:
        if exc.code in PASSING:
            raise TryAgain(str(exc)) from None
        raise
    previews_queue(item)  # the screenshot and the printed page, drawn by the next job
    notes = [str(note) for note in getattr(item, "capture_notes", [])]
    return {
        "lines": [_("Page captured. Someone else must now verify it."), *notes],
        "link": item_url(item),
        "link_text": _("Open the captured item"),
    }
