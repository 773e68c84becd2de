"""Reading the text of a scanned document or a photo with Tesseract (Russian and English).

Nothing is written to disk: the file's bytes go to ``pdftoppm`` and ``tesseract`` on their standard input
and the pictures and text come back on their standard output, so a decrypted scan never lies in a
temporary file in clear. A PDF is drawn page by page at 300 dpi (``pdftoppm -singlefile``), each page
read in turn, so a caller can report progress.

:func:`searchable_pdf` makes the working copy of a scan: its pages as pictures, with the text Tesseract
read laid invisibly over them (so the PDF can be searched and copied from). The pictures are Haven's own,
re-drawn from the pixels (a photo turned upright), so nothing of the uploaded file's metadata (EXIF and
its GPS position, a PDF's author or XMP) reaches the copy: Tesseract would otherwise embed a JPEG's bytes
as they are.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable

from PIL import Image, ImageOps, UnidentifiedImageError

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


def _run(command: list[str], data: bytes, *, pages: int = 1) -> bytes:
    """``command`` with ``data`` on its standard input, under memory and CPU caps (``prlimit``) and a
    timeout (``TIMEOUT`` for each of ``pages``); its standard output."""
    timeout = TIMEOUT * pages
    program = shutil.which(command[0])
    if program is None:
        raise OcrError(f"{command[0]} is not installed")
    full = [program, *command[1:]]
    prlimit = shutil.which("prlimit")
    if prlimit is not None:
        full = [prlimit, f"--as={MEMORY}", f"--cpu={timeout}", "--", *full]
    try:
        done = subprocess.run(  # noqa: S603 - fixed programs, no shell, the file only on stdin
            full, input=data, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise OcrError(f"{command[0]} took longer than {timeout} s") from None
    if done.returncode != 0:
        raise OcrError(f"{command[0]} failed ({done.returncode})")
    return done.stdout


def read_image(data: bytes, *, languages: str = LANGUAGES) -> str:
    """The text Tesseract reads in an image (PNG, JPEG, TIFF…)."""
    out = _run(["tesseract", "-", "-", "-l", languages, "--psm", "3"], data)
    return out.decode("utf-8", "replace").replace("\f", "").strip()


def pdf_pages(data: bytes) -> int:
    info = _run(["pdfinfo", "-"], data).decode("utf-8", "replace")
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    if found is None:
        raise OcrError("pdfinfo did not give the number of pages")
    return int(found.group(1))


def read_pdf(
    data: bytes,
    *,
    languages: str = LANGUAGES,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """The text of every page of a scanned PDF, pages separated by a blank line."""
    pages = pdf_pages(data)
    if pages > PAGE_LIMIT:
        raise OcrError(f"{pages} pages: more than the {PAGE_LIMIT} Haven reads")
    texts = []
    for number in range(1, pages + 1):
        texts.append(read_image(_pdf_page(data, number), languages=languages))
        if progress is not None:
            progress(number, pages)
    return "\n\n".join(text for text in texts if text)


def _pdf_page(data: bytes, number: int) -> bytes:
    """Page ``number`` of the PDF drawn in grey at ``PDF_DPI`` (PNG)."""
    return _run(
        ["pdftoppm", "-r", str(PDF_DPI), "-gray", "-png", "-singlefile",
         "-f", str(number), "-l", str(number), "-"],
        data,
    )  # fmt: skip


def read_document(data: bytes, media_type: str, *, progress: Callable[[int, int], None] | None = None) -> str:
    """The text of a PDF or an image; :class:`OcrError` for any other kind of file."""
    if media_type == "application/pdf":
        return read_pdf(data, progress=progress)
    if media_type.startswith("image/"):
        text = read_image(data)
        if progress is not None:
            progress(1, 1)
        return text
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


def _resolution(data: bytes) -> int:
    """The scan's resolution if it says a plausible one (a phone's 72 dpi is not), else ``PDF_DPI``:
    it sets the size of the PDF's pages."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            dpi = image.info.get("dpi", (0, 0))[0]
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return PDF_DPI
    return round(dpi) if 100 <= dpi <= 1200 else PDF_DPI


def searchable_pdf(
    data: bytes,
    media_type: str,
    *,
    languages: str = LANGUAGES,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """A searchable PDF of a scan or a photo: each page Haven's own picture of it, with the text read
    by Tesseract laid invisibly over it; no metadata of the file it was made from."""
    if media_type == "application/pdf":
        count = pdf_pages(data)
        if count > PAGE_LIMIT:
            raise OcrError(f"{count} pages: more than the {PAGE_LIMIT} Haven reads")
        pictures, dpi = [_pixels(_pdf_page(data, n)) for n in range(1, count + 1)], PDF_DPI
    elif media_type.startswith("image/"):
        pictures, dpi = [_pixels(data)], _resolution(data)
    else:
        raise OcrError(f"{media_type} is not a scan or a photo")
    pages = io.BytesIO()  # one multi-page TIFF on Tesseract's stdin: one PDF on its stdout
    pictures[0].save(
        pages, "TIFF", save_all=True, append_images=pictures[1:], dpi=(dpi, dpi), compression="tiff_deflate"
    )
    if progress is not None:
        progress(0, len(pictures))
    pdf = _run(
        ["tesseract", "-", "-", "-l", languages, "--psm", "3", "pdf"], pages.getvalue(), pages=len(pictures)
    )
    if not pdf.startswith(b"%PDF-"):
        raise OcrError("tesseract did not write a PDF")
    if progress is not None:
        progress(len(pictures), len(pictures))
    return pdf
