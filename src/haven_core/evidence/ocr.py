"""Reading the text of a scanned document or a photo with Tesseract (Russian and English), and making
its searchable PDF, in one recognition.

The file's bytes go to ``pdftoppm`` on its standard input and its pages come back as pictures on its
standard output; a PDF is drawn page by page at 300 dpi (``pdftoppm -singlefile``). The pictures are
Haven's own, re-drawn from the pixels (a photo turned upright), and all the pages go to Tesseract at
once, as one multi-page TIFF on its standard input. Tesseract recognises each page once and writes both
what was asked of it: the plain text (``txt``: what the facts are read from) and, when asked, the
searchable PDF (``pdf``: the pictures with the text read laid invisibly over them, so the PDF can be
searched and copied from). Nothing of the uploaded file's metadata (EXIF and its GPS position, a PDF's
author or XMP) reaches the PDF: Tesseract would otherwise embed a JPEG's bytes as they are.

Tesseract writes two outputs only to files: they go to a private directory (0700, in memory where the
system has it, see :mod:`haven_core.evidence.confined`), are read back at once and removed with it.
The scan itself never lies in a file. Tesseract says on its standard error which page it has reached,
so a caller can report progress page by page.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from haven_core.evidence import confined
from haven_core.evidence.files import DEFAULT_MAX_PIXELS

LANGUAGES = "rus+eng"
PDF_DPI = 300
PAGE_LIMIT = 50  # a scanned summons or protocol has a few pages; a 500-page file is not a scan to read
TIMEOUT = 180  # seconds for one page
MEMORY = 1024 * 1024 * 1024  # address space of pdftoppm or tesseract for one page (a hostile file costs this)


class OcrError(Exception):
    """The document could not be read: no Tesseract, a damaged file, a page that took too long."""


def available() -> bool:
    """Whether Tesseract (and poppler for PDFs) is installed with Russian."""
    if shutil.which("tesseract") is None or shutil.which("pdftoppm") is None:
        return False
    try:
        done = subprocess.run(  # noqa: S603 - fixed program and arguments, no shell
            [shutil.which("tesseract") or "tesseract", "--list-langs"],
            capture_output=True, timeout=30, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return False
    langs = set(done.stdout.decode("utf-8", "replace").split())
    return {"rus", "eng"} <= langs


def _limits(pages: int) -> confined.Limits:
    """What one run may take: ``TIMEOUT`` of wall-clock and CPU time for each of ``pages``, ``MEMORY``
    of address space, and (Tesseract's files) no file larger than its memory."""
    return confined.Limits(
        timeout=TIMEOUT * pages, memory=MEMORY, cpu_seconds=TIMEOUT * pages, file_size=MEMORY
    )


def _run(command: list[str], data: bytes, *, pages: int = 1) -> bytes:
    """``command`` with ``data`` on its standard input, under the caps of :func:`_limits`; its output."""
    try:
        return confined.run(command, _limits(pages), data=data)
    except confined.ProgramFailed as exc:
        raise OcrError(str(exc)) from None


def pdf_pages(data: bytes) -> int:
    info = _run(["pdfinfo", "-"], data).decode("utf-8", "replace")
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    if found is None:
        raise OcrError("pdfinfo did not give the number of pages")
    return int(found.group(1))


def _pdf_page(data: bytes, number: int) -> bytes:
    """Page ``number`` of the PDF drawn in grey at ``PDF_DPI`` (PNG)."""
    return _run(
        ["pdftoppm", "-r", str(PDF_DPI), "-gray", "-png", "-singlefile",
         "-f", str(number), "-l", str(number), "-"],
        data,
    )  # fmt: skip


@dataclass(frozen=True)
class Reading:
    """What one recognition gave: the text (pages separated by a blank line), how many pages were read,
    and the searchable PDF when it was asked for (``None`` if Tesseract wrote none)."""

    text: str
    pages: int
    pdf: bytes | None = None


def read(
    data: bytes,
    media_type: str,
    *,
    searchable: bool = True,
    languages: str = LANGUAGES,
    progress: Callable[[int, int], None] | None = None,
) -> Reading:
    """Read a scanned PDF or an image, and make its searchable PDF too when ``searchable``: one
    Tesseract run recognises each page once and writes both. :class:`OcrError` for any other kind of
    file, a damaged one, or one that takes too long."""
    pictures, dpi = _pictures(data, media_type)
    pages = len(pictures)
    if progress is not None:
        progress(0, pages)
    stack = io.BytesIO()  # every page in one multi-page TIFF, on Tesseract's standard input
    options = {"dpi": (dpi, dpi)} if dpi else {}  # no resolution: Tesseract estimates it from the text
    pictures[0].save(
        stack, "TIFF", save_all=True, append_images=pictures[1:], compression="tiff_deflate", **options
    )
    del pictures
    outputs = ["txt", "pdf"] if searchable else ["txt"]

    def seen(line: str) -> None:  # Tesseract writes "Page 2" when it starts on the second page
        started = re.fullmatch(r"Page (\d+)", line.strip())
        if progress is not None and started is not None and int(started.group(1)) > 1:
            progress(int(started.group(1)) - 1, pages)

    with confined.private_directory() as folder:
        try:
            confined.run_following(
                ["tesseract", "-", "read", "-l", languages, "--psm", "3", *outputs],
                _limits(pages), data=stack.getvalue(), cwd=folder, line=seen,
            )  # fmt: skip
        except confined.ProgramFailed as exc:
            raise OcrError(str(exc)) from None
        try:
            written = (folder / "read.txt").read_bytes()
        except FileNotFoundError:
            raise OcrError("tesseract wrote no text") from None
        pdf = (folder / "read.pdf").read_bytes() if searchable and (folder / "read.pdf").exists() else None
    if progress is not None:
        progress(pages, pages)
    page_texts = (page.strip() for page in written.decode("utf-8", "replace").split("\f"))
    text = "\n\n".join(page for page in page_texts if page)
    return Reading(text, pages, pdf if pdf is not None and pdf.startswith(b"%PDF-") else None)


def _pictures(data: bytes, media_type: str) -> tuple[list[Image.Image], int | None]:
    """Haven's own pictures of the pages, and the resolution to give them (``None``: let Tesseract
    estimate it)."""
    if media_type == "application/pdf":
        count = pdf_pages(data)
        if count > PAGE_LIMIT:
            raise OcrError(f"{count} pages: more than the {PAGE_LIMIT} Haven reads")
        return [_pixels(_pdf_page(data, n)) for n in range(1, count + 1)], PDF_DPI
    if media_type.startswith("image/"):
        return [_pixels(data)], _resolution(data)
    raise OcrError(f"{media_type} is not a scan or a photo")


def _pixels(data: bytes) -> Image.Image:
    """An image's pixels alone, upright, in grey or colour: nothing else of the file is kept."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > DEFAULT_MAX_PIXELS:
                raise OcrError("the image has too many pixels")
            upright = ImageOps.exif_transpose(image)
            bare = upright.convert("L" if upright.mode in ("1", "L", "LA", "I", "I;16") else "RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise OcrError("the image could not be decoded") from exc
    bare.info = {}
    return bare


def _resolution(data: bytes) -> int | None:
    """The scan's resolution if it says a plausible one (a phone's 72 dpi is not), else ``None``."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            dpi = image.info.get("dpi", (0, 0))[0]
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    return round(dpi) if 100 <= dpi <= 1200 else None
