"""Reading a scanned document or a photo in the background (a job): OCR of a multi-page scan takes
seconds a page, too long for a web request.

The reading is queued when a scan arrives (:func:`reading_on_arrival`: an upload on the page or through
the API, a working copy), and by whoever asks for it on the item's page. The job decrypts the item's
file in memory and hands its pages to Tesseract (``haven_core.evidence.ocr``), which recognises them
once and writes both the text and a searchable PDF. The text is stored encrypted with the item, and the
facts proposed from it wait for a reviewer. The searchable PDF of a scan that carries metadata (its
pages as Haven's own pictures with the text laid over them, no metadata) becomes the item's working
copy: what is downloaded to work with, and what leaves Haven in a bundle, so an export never reads a
scan itself (:mod:`haven.evidence.cleaning`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.errors import InvalidChange
from haven.evidence.actions import clean_copy_store, document_text_record
from haven.evidence.models import EvidenceItem, ItemFile
from haven.evidence.preview_jobs import previews_queue
from haven.evidence.storage import read_blob
from haven.evidence.views.lookup import item_url
from haven.jobs.models import Job
from haven.jobs.running import Report, actor_of_job
from haven_core.assessment import DEFAULT_RULES, load_rules
from haven_core.bundles.leaving import CLEAN, leaves
from haven_core.evidence import ocr
from haven_core.evidence.document_facts import propose

READ = "evidence.read"
READABLE = ("application/pdf", "image/png", "image/jpeg", "image/tiff", "image/webp", "image/gif")
# Items whose image is not read on its own when it comes: a photo of a protest has no document in it
# (it can still be read from its page). A PDF is always read: it leaves Haven as its searchable PDF.
NOT_DOCUMENTS = ("photo", "video")


def readable_file(item: EvidenceItem) -> ItemFile | None:
    """The item's original (or, for a working copy, its file) if it is a scan or a photo."""
    if "files" in getattr(item, "_prefetched_objects_cache", {}):  # an item's page has its files already
        files = [f for f in item.files.all() if f.role in ("original", "working")]
    else:
        files = list(item.files.select_related("blob").filter(role__in=("original", "working")))
    return next((f for f in files if f.blob.media_type in READABLE), None)


def known_provisions() -> frozenset[str]:
    """The provisions the rules file knows ("AC 20.3.3"): a number cited without its code is taken
    only if it names one of them, and a criminal article is an open case only if the rules list it.
    Read here from the file (evidence sits below the assessment app and does not import it)."""
    return _provisions(str(getattr(settings, "HAVEN_ASSESSMENT_RULES", "") or DEFAULT_RULES))


@cache
def _provisions(path: str) -> frozenset[str]:
    return frozenset(load_rules(path).provisions)


def reading_pending(item: EvidenceItem) -> bool:
    """Whether a reading of ``item`` is queued or under way."""
    return Job.objects.filter(
        kind=READ, subject=str(item.public_id), state__in=(Job.QUEUED, Job.RUNNING)
    ).exists()


def reading_queue(*, actor: Actor, item: EvidenceItem, why: str) -> Job | None:
    """Queue the reading of ``item``'s scan, unless it has none, Tesseract is not installed, or a reading
    of it is queued or under way already. ``why`` goes to the audit entry ("arrived", "export")."""
    from haven.jobs.actions import job_start

    if readable_file(item) is None or not ocr.available() or reading_pending(item):
        return None
    return job_start(
        actor=actor, kind=READ, subject=str(item.public_id), organisation=item.person.household.organisation,
        audit_detail={"item": str(item.public_id), "why": why},
    )  # fmt: skip


def reading_on_arrival(*, actor: Actor, item: EvidenceItem) -> Job | None:
    """Queue the reading of a scan that has just come (uploaded, or made a working copy): every PDF,
    and an image unless the item is a photo or a video. Runs as whoever added it, so their page
    follows it."""
    found = readable_file(item)
    if found is None:
        return None
    if found.blob.media_type != "application/pdf" and item.kind in NOT_DOCUMENTS:
        return None
    return reading_queue(actor=actor, item=item, why="arrived")


def read_document(job: Job, report: Report) -> dict[str, Any]:
    item = EvidenceItem.objects.select_related("person__household").filter(public_id=job.subject).first()
    if item is None:
        raise InvalidChange(_("This evidence item is no longer in Haven."))
    found = readable_file(item)
    if found is None:
        raise InvalidChange(_("This item has no scan or photo to read."))
    if not ocr.available():
        raise InvalidChange(_("Reading scanned documents is not available on this installation."))
    data = read_blob(found.blob)
    media_type = found.blob.media_type
    # An original, or a working copy that is not an image (a PDF): it carries metadata, and its
    # searchable PDF is what leaves Haven in its place.
    searchable = found.role == "original" or leaves(found.role, media_type) == CLEAN
    report(0, None, _("Reading the document"))

    def progress(done: int, total: int) -> None:
        report(done, total, _("Read page %(done)s of %(total)s") % {"done": done, "total": total})

    try:
        reading = ocr.read(data, media_type, searchable=searchable, progress=progress)
    except ocr.OcrError as exc:
        raise InvalidChange(_("The document could not be read: %(reason)s") % {"reason": exc}) from None
    del data
    proposals = propose(reading.text, known_provisions())
    actor = actor_of_job(job)
    document_text_record(
        actor=actor, item=item, text=reading.text, sha256=found.blob.sha256, pages=reading.pages,
        proposals=proposals,
    )  # fmt: skip
    lines = [
        _("%(count)s characters read.") % {"count": len(reading.text)},
        _("%(count)s facts proposed for a reviewer to confirm.") % {"count": len(proposals)},
    ]
    if searchable and reading.pdf is None:  # the text is kept: only the copy is missing
        lines.append(_("No searchable PDF could be made: %(reason)s") % {"reason": "tesseract wrote none"})
    elif reading.pdf is not None:
        clean_copy_store(actor=actor, item=item, source=found, data=reading.pdf, role="searchable_pdf")
        previews_queue(item)
        lines.append(_("A searchable PDF without the file's metadata is now the item's working copy."))
    return {
        "lines": lines,
        "link": item_url(item),
        "link_text": _("Open the item"),
    }
