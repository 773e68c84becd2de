"""Serving evidence files: never rendered as a page of Haven's own origin.

A download is ``Content-Disposition: attachment`` with the type sniffed when it was stored,
``X-Content-Type-Options: nosniff`` and a sandboxing Content-Security-Policy, so that even a browser that
ignored the attachment would run nothing from it. A preview is offered only for images, PDF and text: it
is served with ``Content-Security-Policy: sandbox; default-src 'none'; img-src 'self' data:`` (an opaque
origin with no scripts, no forms, no requests), may be framed by Haven's own pages only, and HTML is
previewed as its source text, never as HTML. Each download and preview is written to the item's custody.

The item page shows images and PDFs as pictures Haven drew of them (``file_picture``: a PDF's first
pages, an image re-encoded without its metadata), never the uploaded file itself.
"""

from __future__ import annotations

import uuid

from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.utils.http import content_disposition_header
from django.views.decorators.clickjacking import xframe_options_sameorigin

from haven.accounts.access import caseload_required, household_for
from haven.accounts.actor import ActorRequest
from haven.cases.views.lookup import open_household
from haven.evidence.actions import file_downloaded, picture_shown
from haven.evidence.errors import BlobIntegrityError
from haven.evidence.presenting import PREVIEW_KIND, download_name
from haven.evidence.previews import picture_type, preview_picture
from haven.evidence.storage import read_blob
from haven.evidence.views.lookup import file_of, item_in

SANDBOX_CSP = "sandbox; default-src 'none'; img-src 'self' data:; frame-ancestors 'self'"
DOWNLOAD_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'"
PICTURE_CSP = DOWNLOAD_CSP


def _refused() -> HttpResponse:
    response = HttpResponse(
        "This stored file failed its integrity check and is not served. Tell an administrator.\n",
        status=409,
        content_type="text/plain; charset=utf-8",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@caseload_required
def file_download(request: ActorRequest, reference: str, item_id: uuid.UUID, sha256: str) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    if request.method != "GET":  # after the lookup: another organisation's household is a 404 first
        return HttpResponseNotAllowed(["GET"])
    item_file = file_of(item_in(actor, household, item_id), sha256)
    try:
        data = read_blob(item_file.blob)
    except BlobIntegrityError:
        return _refused()
    file_downloaded(actor=actor, item_file=item_file)
    response = HttpResponse(data, content_type=item_file.blob.media_type)
    response["Content-Disposition"] = content_disposition_header(True, download_name(item_file))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    response["Cache-Control"] = "no-store"
    return response


@caseload_required
@xframe_options_sameorigin
def file_preview(request: ActorRequest, reference: str, item_id: uuid.UUID, sha256: str) -> HttpResponse:
    actor = request.actor
    household = open_household(request, reference)
    if request.method != "GET":  # after the lookup: another organisation's household is a 404 first
        return HttpResponseNotAllowed(["GET"])
    item_file = file_of(item_in(actor, household, item_id), sha256)
    kind = PREVIEW_KIND.get(item_file.blob.media_type)
    if kind is None:
        response = HttpResponse(
            "No preview for this kind of file: download it.\n", status=415, content_type="text/plain"
        )
    else:
        try:
            data = read_blob(item_file.blob)
        except BlobIntegrityError:
            return _refused()
        file_downloaded(actor=actor, item_file=item_file, preview=True)
        # HTML and text are shown as text: an uploaded page never runs as a page, sandboxed or not.
        media_type = "text/plain; charset=utf-8" if kind == "text" else item_file.blob.media_type
        response = HttpResponse(data, content_type=media_type)
        if disposition := content_disposition_header(False, download_name(item_file)):
            response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_CSP
    response["Cache-Control"] = "no-store"
    return response


@caseload_required
def file_picture(
    request: ActorRequest, reference: str, item_id: uuid.UUID, sha256: str, number: int
) -> HttpResponse:
    """The ``number``-th picture Haven drew of the file. The page that shows it recorded the view of
    the household; each picture is recorded as a read in the item's custody."""
    actor = request.actor
    household = household_for(actor, reference)
    if request.method != "GET":  # after the lookup: another organisation's household is a 404 first
        return HttpResponseNotAllowed(["GET"])
    item_file = file_of(item_in(actor, household, item_id), sha256)
    picture = preview_picture(item_file.blob, number)
    if picture is None:
        raise Http404
    picture_shown(actor=actor, item_file=item_file, number=number)
    return picture_response(picture)


def picture_response(picture: bytes) -> HttpResponse:
    """A picture Haven made, served as an image that nothing can run or frame."""
    response = HttpResponse(picture, content_type=picture_type(picture))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = PICTURE_CSP
    response["Cache-Control"] = "private, no-store"
    return response
