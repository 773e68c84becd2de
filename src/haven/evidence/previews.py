"""Pictures of an evidence file for the review page, made once and kept sealed beside the evidence.

A PDF's first pages are rendered to PNG by Poppler and an image is re-encoded from its pixels
(:mod:`haven_core.evidence.rendering`): the reviewer's browser gets pictures Haven made, never the
uploaded file as active content. They are made from the decrypted file in memory by a background job
(``evidence.previews``, queued when a file is added and by a page that finds them missing: no request
waits on Poppler), and kept under ``HAVEN_FILES_DIR/previews/<ab>/<sha256>/`` sealed like stored files
(the context is the path, so key rotation and backups treat them as any stored file). A file that cannot
be rendered is marked so, and not drawn again (unless the renderer was missing or the stored file
unreadable).
Previews are derived: deleting the folder loses nothing.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings

from haven.evidence.errors import BlobIntegrityError
from haven.evidence.models import StoredBlob
from haven.evidence.storage import read_blob
from haven.security.codec import decrypt_bytes, encrypt_bytes
from haven_core.crypto.sealing import DecryptionError
from haven_core.evidence.files import IMAGE_TYPES
from haven_core.evidence.rendering import RendererMissing, RenderingError, image_preview, pdf_page_images

FOLDER = "previews"
COUNT = "pages"
PDF = "application/pdf"
TEXT_TYPES = frozenset({"text/plain", "text/html"})
TEXT_LIMIT = 20_000  # characters of a text file shown in the page


def previewable(blob: StoredBlob) -> bool:
    return blob.media_type == PDF or blob.media_type in IMAGE_TYPES


def _folder(blob: StoredBlob) -> str:
    return f"{FOLDER}/{blob.sha256[:2]}/{blob.sha256}"


def _read(name: str) -> bytes | None:
    path = Path(settings.HAVEN_FILES_DIR) / name
    try:
        return decrypt_bytes(path.read_bytes(), context=name.encode("ascii"))
    except (FileNotFoundError, DecryptionError):
        return None


def _write(name: str, data: bytes) -> None:
    path = Path(settings.HAVEN_FILES_DIR) / name
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(encrypt_bytes(data, context=name.encode("ascii")))
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _render(blob: StoredBlob) -> list[bytes]:
    data = read_blob(blob)
    if blob.media_type == PDF:
        return pdf_page_images(data)
    return [image_preview(data)]


def pictures_ready(blob: StoredBlob) -> int | None:
    """How many pictures of the file have been made (0 if it cannot be drawn), or ``None`` while they
    are being prepared. Never draws them."""
    if not previewable(blob):
        return 0
    known = _read(f"{_folder(blob)}/{COUNT}")
    return None if known is None else int(known.decode("ascii") or 0)


def pictures_make(blob: StoredBlob) -> int:
    """Draw the file's pictures and keep them (in a job, never in a request); how many there are."""
    ready = pictures_ready(blob)
    if ready is not None:
        return ready
    folder = _folder(blob)
    try:
        pictures = _render(blob)
    except (RendererMissing, BlobIntegrityError):
        return 0  # not the file's fault, nor for ever: not remembered, so a later job tries again
    except RenderingError:
        pictures = []  # remembered: a hostile or broken file is not drawn again on every view
    for number, picture in enumerate(pictures, start=1):
        _write(f"{folder}/{number}", picture)
    _write(f"{folder}/{COUNT}", str(len(pictures)).encode("ascii"))  # last: the pages are all there
    return len(pictures)


def preview_picture(blob: StoredBlob, number: int) -> bytes | None:
    """The ``number``-th picture of the file (from 1), or ``None`` if it has no such picture."""
    if number < 1 or number > (pictures_ready(blob) or 0):
        return None
    return _read(f"{_folder(blob)}/{number}")


def picture_type(data: bytes) -> str:
    return "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"


def text_excerpt(blob: StoredBlob) -> tuple[str, bool]:
    """The start of a text (or saved HTML) file, decoded, to be shown escaped; and whether it was cut."""
    text = read_blob(blob).decode("utf-8", "replace")
    return text[:TEXT_LIMIT], len(text) > TEXT_LIMIT
