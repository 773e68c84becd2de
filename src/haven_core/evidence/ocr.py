"""Reading the text of a scanned document or a photo with Tesseract (Russian and English).

Nothing is written to disk: the file's bytes go to ``pdftoppm`` and ``tesseract`` on their standard input
and the pictures and text come back on their standard output, so a decrypted scan never lies in a
temporary file in clear. A PDF is drawn page by page at 300 dpi (``pdftoppm -singlefile``), each page
read in turn, so a caller can report progress.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable

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


def _run(command: list[str], data: bytes) -> bytes:
    """``command`` with ``data`` on its standard input, under memory and CPU caps (``prlimit``) and a
    timeout; its standard output."""
    program = shutil.which(command[0])
    if program is None:
        raise OcrError(f"{command[0]} is not installed")
    full = [program, *command[1:]]
    prlimit = shutil.which("prlimit")
    if prlimit is not None:
        full = [prlimit, f"--as={MEMORY}", f"--cpu={TIMEOUT}", "--", *full]
    try:
        done = subprocess.run(  # noqa: S603 - fixed programs, no shell, the file only on stdin
            full, input=data, capture_output=True, timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        raise OcrError(f"{command[0]} took longer than {TIMEOUT} s") from None
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
        picture = _run(
            ["pdftoppm", "-r", str(PDF_DPI), "-gray", "-png", "-singlefile",
             "-f", str(number), "-l", str(number), "-"],
            data,
        )  # fmt: skip
        texts.append(read_image(picture, languages=languages))
        if progress is not None:
            progress(number, pages)
    return "\n\n".join(text for text in texts if text)


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
