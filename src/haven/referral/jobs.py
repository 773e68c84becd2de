"""The referral package as a background job: what ``haven referral-export`` does, started from the
batch's page by the coordinator, its files kept sealed until they are downloaded."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from haven.errors import InvalidChange
from haven.jobs.files import store_outputs
from haven.jobs.models import Job
from haven.jobs.running import Report, actor_of_job
from haven.referral.actions import referral_export
from haven.referral.models import ReferralBatch

KIND = "referral.package"


def build_package(job: Job, report: Report) -> dict[str, Any]:
    batch = ReferralBatch.objects.filter(public_id=job.subject).first()
    if batch is None:
        raise InvalidChange(_("This referral batch no longer exists."))
    report(0, batch.entries.count(), _("Rendering the dossiers"))
    with tempfile.TemporaryDirectory(prefix="haven-package-") as folder:
        done = referral_export(
            actor=actor_of_job(job),
            batch=batch,
            recipient_key=job.params["recipient"],
            out_dir=Path(folder),
            progress=lambda n, total: report(n, total),
            jobs=min(os.cpu_count() or 1, 4),
        )
        report.say(_("Sealing the package"))
        # Sealed into the file store a chunk at a time, from the files the export wrote.
        stored = store_outputs(
            job.public_id, {p.name: p for p in (done.package, done.readme, done.public_key)}
        )
    return {
        "files": stored,
        "lines": [
            _("%(households)s households, %(files)s files, encrypted to the recipient's key.")
            % {"households": done.households, "files": done.files}
        ],
    }


def latest_package_job(batch: ReferralBatch) -> Job | None:
    return Job.objects.filter(kind=KIND, subject=str(batch.public_id)).order_by("-created_at").first()
