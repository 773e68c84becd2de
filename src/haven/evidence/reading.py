"""Reading a scanned document or a photo in the background (a job): OCR of a multi-page scan takes
seconds a page, too long for a web request.

The job decrypts the item's original file in memory and hands its bytes to Tesseract through pipes
(``haven_core.evidence.ocr``): the clear text of the scan and of what was read never touches the disk.
The text is stored encrypted with the item, and the facts proposed from it wait for a reviewer. Then a
searchable PDF of the scan (its pages as Haven's own pictures with the text laid over them, no metadata)
becomes the item's working copy: what is downloaded to work with, and what leaves Haven in a bundle.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from haven.errors import InvalidChange
from haven.evidence.actions import clean_copy_store, document_text_record
from haven.evidence.models import EvidenceItem, ItemFile
from haven.evidence.preview_jobs import previews_queue
from haven.evidence.storage import read_blob
from haven.evidence.views.lookup import item_url
from haven.jobs.models import Job
from haven.jobs.running import Report, actor_of_job
from haven_core.assessment import DEFAULT_RULES, load_rules
from haven_core.evidence import ocr
from haven_core.evidence.document_facts import propose

READ = "evidence.read"
READABLE = ("application/pdf", "image/png", "image/jpeg", "image/tiff", "image/webp", "image/gif")


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
    report(0, None, _("Reading the document"))
    pages = [1]

    def progress(done: int, total: int) -> None:
        pages[0] = total
        report(done, total, _("Read page %(done)s of %(total)s") % {"done": done, "total": total})

    try:
        text = ocr.read_document(data, found.blob.media_type, progress=progress)
    except ocr.OcrError as exc:
        raise InvalidChange(_("The document could not be read: %(reason)s") % {"reason": exc}) from None
    proposals = propose(text, known_provisions())
    actor = actor_of_job(job)
    document_text_record(
        actor=actor, item=item, text=text, sha256=found.blob.sha256, pages=pages[0], proposals=proposals
    )
    lines = [
        _("%(count)s characters read.") % {"count": len(text)},
        _("%(count)s facts proposed for a reviewer to confirm.") % {"count": len(proposals)},
    ]
    if found.role == "original":
        report(0, pages[0], _("Making a searchable PDF"))
        try:
            pdf = ocr.searchable_pdf(
                data, found.blob.media_type, progress=lambda done, total: report(done, total)
            )
        except ocr.OcrError as exc:  # the text is kept: only the copy is missing
            lines.append(_("No searchable PDF could be made: %(reason)s") % {"reason": exc})
        else:
            clean_copy_store(actor=actor, item=item, source=found, data=pdf, role="searchable_pdf")
            previews_queue(item)
            lines.append(_("A searchable PDF without the file's metadata is now the item's working copy."))
    return {
        "lines": lines,
        "link": item_url(item),
        "link_text": _("Open the item"),
    }
