"""The jobs Haven runs in the background: each kind's name, its label for the pages, and the function
that does it.

A kind's function takes the :class:`~haven.jobs.models.Job` and a :class:`~haven.jobs.running.Report`
and returns what the page shows when it is done (counts, and the files it stored). It acts as the person
who asked (``Actor.for_user(job.requested_by)``), so the same permission checks run as from a page, and
it writes through the same actions, in their transactions: what it has not committed when it fails is
not there. It raises :class:`haven.errors.HavenError` with a message for the page when it cannot go on,
:class:`TryAgain` when a later attempt may succeed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from haven.errors import HavenError


class TryAgain(HavenError):
    """A failure a later attempt may not meet (a timeout, a busy database): the job is queued again."""


@dataclass(frozen=True)
class Kind:
    label: str | Promise
    function: str  # dotted path, imported when the job runs: a worker loads only what it runs


KINDS: dict[str, Kind] = {
    "referral.package": Kind(_("Referral package"), "haven.referral.jobs.build_package"),
    "registry.preview": Kind(_("Registry file preview"), "haven.registries.jobs.preview_registry"),
    "registry.import": Kind(_("Registry import and screening"), "haven.registries.jobs.import_registry"),
    "evidence.read": Kind(_("Reading a scanned document"), "haven.evidence.reading.read_document"),
    "evidence.previews": Kind(_("Drawing evidence previews"), "haven.evidence.preview_jobs.prepare_previews"),
    "evidence.capture": Kind(_("Web page capture"), "haven.evidence.jobs.capture_page"),
    "assessment.all": Kind(_("Assessing every household"), "haven.assessment.jobs.assess_all"),
    "documentation.score": Kind(_("Documentation scores"), "haven.dashboard.jobs.score_documentation"),
    "evidence.timestamp": Kind(_("Timestamping evidence files"), "haven.jobs.commands.timestamp_pending"),
    "alerts.send": Kind(_("Sending deadline alerts"), "haven.jobs.commands.send_alerts"),
    "intake.import": Kind(_("Caseload import"), "haven.intake.jobs.import_caseload"),
    "probe": Kind(_("Queue check"), "haven.jobs.probe.probe"),
}


def label(kind: str) -> str | Promise:
    found = KINDS.get(kind)
    return found.label if found else kind
