"""Importing a registry file from the web, in two jobs: a preview (the import's dry run: what would be
added, removed and changed) and, once a reviewer or the coordinator has read it, the import itself with
the screening of the caseload after it. The uploaded file waits sealed between the two
(``jobs/<upload>/in/``) and is removed once it is imported."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from haven.errors import InvalidChange
from haven.jobs import files
from haven.jobs.models import Job
from haven.jobs.running import Report, ReportedProgress, actor_of_job
from haven.registries.errors import RegistryImportError
from haven.registries.importing import ImportResult, registry_import
from haven.registries.screening import screen_everyone

PREVIEW, IMPORT = "registry.preview", "registry.import"
UPLOAD_NAME = "registry-file"


def _import(job: Job, report: Report, *, dry_run: bool) -> ImportResult:
    params = job.params
    try:
        data = files.read_file(params["upload"], "in", UPLOAD_NAME)
    except files.MissingJobFile:
        raise InvalidChange(_("The uploaded file is no longer here: upload it again.")) from None
    label = _("Comparing entries") if dry_run else _("Importing entries")
    try:
        return registry_import(
            actor=actor_of_job(job),
            data=data,
            file_name=params.get("file_name", ""),
            registry=params.get("registry") or None,
            taken_on=dt.date.fromisoformat(params["taken_on"]) if params.get("taken_on") else None,
            dry_run=dry_run,
            progress=ReportedProgress(label, report),
        )
    except RegistryImportError as exc:
        raise InvalidChange(
            _("%(file)s: %(why)s. Nothing was imported.") % {"file": params.get("file_name", ""), "why": exc}
        ) from None


def _summary(result: ImportResult, *, dry_run: bool) -> list[str]:
    counts = {"registry": result.registry, "date": result.taken_on.isoformat(), "entries": result.entries}
    lines = [
        (
            _("Would import %(registry)s of %(date)s: %(entries)s entries.")
            if dry_run
            else _("Imported %(registry)s of %(date)s: %(entries)s entries.")
        )
        % counts
    ]
    if result.previous is None:
        lines.append(_("This is the registry's first snapshot: nothing to compare with."))
    else:
        lines.append(
            _("Since %(previous)s: %(added)s added, %(removed)s removed, %(changed)s changed.")
            % {
                "previous": result.previous.isoformat(),
                "added": len(result.added),
                "removed": len(result.removed),
                "changed": len(result.changed),
            }
        )
    return lines


def preview_registry(job: Job, report: Report) -> dict[str, Any]:
    result = _import(job, report, dry_run=True)
    return {
        "lines": _summary(result, dry_run=True),
        "counts": {
            "added": len(result.added),
            "removed": len(result.removed),
            "changed": len(result.changed),
        },
        "confirm": {
            "url": reverse("registries:import_confirm", args=[job.public_id]),
            "label": _("Import it and screen the caseload"),
        },
    }


def import_registry(job: Job, report: Report) -> dict[str, Any]:
    result = _import(job, report, dry_run=False)
    files.remove_inputs(job.params["upload"])
    counts = screen_everyone(
        actor=actor_of_job(job),
        stream=io.StringIO(),
        report=lambda done, total: report(done, total, _("Screening the caseload")),
    )
    lines = _summary(result, dry_run=False)
    lines.append(
        _("Screened %(people)s people: %(new)s new hits to review (%(open)s open in all).")
        % {"people": counts.people, "new": counts.new_hits, "open": counts.open_hits}
    )
    link = reverse("registries:snapshot", args=[result.snapshot.public_id]) if result.snapshot else ""
    return {"lines": lines, "link": link, "link_text": _("See the snapshot and its changes")}
