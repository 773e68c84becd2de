"""Pictures of evidence files that are safe to put in a page, and images with their metadata removed.

Pure and typed (no Django): the caller passes plaintext bytes it holds in memory, and gets bytes back.

- :func:`pdf_page_images`: the first pages of a PDF rendered to PNG by Poppler's ``pdftoppm``, which reads
  the PDF from a pipe and writes each PNG to a pipe, so the decrypted file never touches the disk. It runs
  under ``prlimit`` (memory and CPU caps) with a wall-clock timeout, at a bounded width, and the PNGs it
  returns are bounded in size: a hostile or broken PDF costs at most that, and yields no picture.
- :func:`image_preview`: an image decoded and re-encoded (PNG, or JPEG for photos) at a bounded size:
  no metadata, nothing but pixels, whatever the upload held besides.
- :func:`strip_image_metadata`: the same image at full size without EXIF, XMP, GPS, comments or text
  chunks, turned upright first (the EXIF orientation goes with the rest). Used for working copies.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from haven_core.evidence import confined
from haven_core.evidence.files import DEFAULT_MAX_PIXELS


class RenderingError(Exception):
    """The file could not be turned into a picture (broken, hostile, too large, or too slow)."""


class RendererMissing(RenderingError):
    """The program that draws this kind of file is not installed: nothing is wrong with the file."""


@dataclass(frozen=True)
class PdfLimits:
    pages: int = 3
    width: int = 1000  # pixels of the longest side of each page image
    timeout: float = 15.0  # seconds for each page
    memory: int = 512 * 1024 * 1024  # address space of the renderer
    cpu_seconds: int = 15
    max_input: int = 50 * 1024 * 1024
    max_output: int = 8 * 1024 * 1024  # bytes of each page's PNG


def pdf_page_images(data: bytes, limits: PdfLimits | None = None) -> list[bytes]:
    """PNG images of the PDF's first ``limits.pages`` pages (fewer if it is shorter); raises
    :class:`RenderingError` if not even the first page renders."""
    limits = limits or PdfLimits()
    if len(data) > limits.max_input:
        raise RenderingError("the PDF is too large to preview")
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise RendererMissing("pdftoppm (Debian's poppler-utils) is not installed")
    pages: list[bytes] = []
    for number in range(1, limits.pages + 1):
        try:
            image = _render_page(tool, data, number, limits)
        except RenderingError:
            if not pages:
                raise
            break  # a later page that is too slow or too large: the pages drawn so far are kept
        if image is None:
            break
        pages.append(image)
    if not pages:
        raise RenderingError("the PDF could not be rendered")
    return pages


def _render_page(tool: str, data: bytes, number: int, limits: PdfLimits) -> bytes | None:
    command = [tool, "-png", "-f", str(number), "-l", str(number), "-singlefile"]
    command += ["-scale-to", str(limits.width), "-"]  # "-": the PDF on stdin; no root: PNG on stdout
    caps = confined.Limits(timeout=limits.timeout, memory=limits.memory, cpu_seconds=limits.cpu_seconds)
    command = confined.command_line(command, caps)
    try:
        done = subprocess.run(  # noqa: S603 - fixed program, no shell, the PDF only on stdin
            command, input=data, capture_output=True, timeout=limits.timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise RenderingError("rendering the PDF took too long") from None
    output = done.stdout
    if done.returncode != 0 or not output.startswith(b"\x89PNG\r\n\x1a\n"):
        return None  # past the last page, or a page that does not render
    if len(output) > limits.max_output:
        raise RenderingError("a page of the PDF renders too large")
    return output


def _open(data: bytes, max_pixels: int) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise RenderingError("the image could not be read") from exc
    if image.width * image.height > max_pixels:
        raise RenderingError("the image has too many pixels")
    return image


def image_preview(data: bytes, *, max_side: int = 1600, max_pixels: int = DEFAULT_MAX_PIXELS) -> bytes:
    """The image re-encoded from its pixels alone (the first frame of an animation), at most
    ``max_side`` pixels wide or high: JPEG for photos, PNG for anything with transparency or a palette."""
    try:
        with _open(data, max_pixels) as image:
            if image.format == "JPEG":  # decode at 1/2, 1/4 or 1/8 of the size when that is enough
                ratio = max_side / max(image.size)
                image.draft("RGB", (int(image.width * ratio), int(image.height * ratio)))
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((max_side, max_side))
            out = io.BytesIO()
            if upright.mode in ("RGB", "L", "CMYK", "YCbCr"):
                upright.convert("RGB").save(out, "JPEG", quality=85)
            else:
                upright.convert("RGBA").save(out, "PNG")
            return out.getvalue()
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise RenderingError("the image could not be decoded") from exc


_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}
# What survives of an image's ``info``: how to draw it, nothing about where, when or with what it was made.
_KEEP = frozenset({"transparency", "duration", "loop", "background", "disposal"})


def strip_image_metadata(data: bytes, media_type: str, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> bytes:
    """``data`` re-encoded in its own format without metadata (EXIF with its GPS block, XMP, IPTC,
    comments, PNG text); a JPEG keeps its quantisation tables, so the pixels barely change."""
    kind = _FORMATS.get(media_type)
    if kind is None:
        raise RenderingError(f"not an image Haven can clean: {media_type}")
    try:
        with _open(data, max_pixels) as image:
            out = io.BytesIO()
            if kind == "JPEG":
                _save_jpeg(image, out)
            else:
                frames = [_bare(frame.copy()) for frame in ImageSequence.Iterator(image)]
                first = frames[0]
                options = {k: v for k, v in image.info.items() if k in _KEEP}
                if len(frames) > 1:
                    options.update(save_all=True, append_images=frames[1:])
                first.save(out, kind, **options)
            return out.getvalue()
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise RenderingError("the image could not be decoded") from exc


def _bare(frame: Image.Image) -> Image.Image:
    frame.info = {k: v for k, v in frame.info.items() if k in _KEEP}
    return frame


def _save_jpeg(image: Image.Image, out: io.BytesIO) -> None:
    orientation = image.getexif().get(0x0112, 1)
    if orientation in (None, 1):
        _bare(image)  # the JPEG comment and any other ``info`` would otherwise be written again
        image.save(out, "JPEG", quality="keep", subsampling="keep", exif=b"", icc_profile=None)
        return
    upright = _bare(ImageOps.exif_transpose(image))
    upright.save(out, "JPEG", quality=95, exif=b"")
