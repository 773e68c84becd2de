"""Drawing an item's pictures in the background: Poppler takes up to seconds a page, and no request
should wait on it. The job is queued when a file is added (an upload, a working copy, a capture, a
searchable PDF) and by any page that finds pictures missing (files added before, or by a path that did
not queue it); the page says "preview being prepared" until they are there.

The job runs as Haven itself: it writes only the sealed pictures (derived, not evidence), and the
household's trail has who added the file."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.errors import InvalidChange
from haven.evidence.models import EvidenceItem, ItemFile
from haven.evidence.previews import pictures_make, pictures_ready, previewable
from haven.jobs.models import Job
from haven.jobs.running import Report

PREVIEWS = "evidence.previews"
# A page that finds pictures missing queues a job unless one is under way, or one queued since the file
# came was queued this recently (one that could not draw them, Poppler missing say, is not queued again
# on every view).
AGAIN_AFTER = dt.timedelta(minutes=10)


def missing_pictures(item: EvidenceItem) -> list[ItemFile]:
    """The item's files that can be drawn and have no pictures yet."""
    return [f for f in item.files.all() if previewable(f.blob) and pictures_ready(f.blob) is None]


def previews_queue(item: EvidenceItem) -> Job | None:
    """Queue the drawing of ``item``'s missing pictures, unless nothing is missing or a job for them is
    under way (or was queued a moment ago)."""
    from haven.jobs.actions import job_start

    missing = missing_pictures(item)
    if not missing:
        return None
    since = max(timezone.now() - AGAIN_AFTER, *(f.captured_at for f in missing))
    under_way = Q(state__in=(Job.QUEUED, Job.RUNNING)) | Q(created_at__gte=since)
    if Job.objects.filter(under_way, kind=PREVIEWS, subject=str(item.public_id)).exists():
        return None
    return job_start(
        actor=Actor.system(),
        kind=PREVIEWS,
        subject=str(item.public_id),
        organisation=item.person.household.organisation,
    )


def prepare_previews(job: Job, report: Report) -> dict[str, Any]:
    item = EvidenceItem.objects.select_related("person").filter(public_id=job.subject).first()
    if item is None:
        raise InvalidChange(_("This evidence item is no longer in Haven."))
    files = list(item.files.select_related("blob"))
    drawn = [f for f in files if previewable(f.blob)]
    for done, item_file in enumerate(drawn):
        report(done, len(drawn), _("Drawing the pictures of file %(done)s of %(total)s")
               % {"done": done + 1, "total": len(drawn)})  # fmt: skip
        pictures_make(item_file.blob)
    return {"lines": [_("Pictures drawn of %(count)s files.") % {"count": len(drawn)}]}
