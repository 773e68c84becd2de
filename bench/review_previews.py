"""How long the review queue's pictures and metadata take: a PDF's first pages drawn by pdftoppm, a
phone photo re-encoded for the page, cleaned of its metadata for a working copy, and its EXIF read.

Run with ``.venv/bin/python bench/review_previews.py``. Inputs are made here: a 12-megapixel photo
(4000 × 3000, smoothed noise, so that JPEG cannot make it trivially small) with EXIF and GPS, and a
10-page PDF of A4 pages at 150 dpi. Figures are medians of several runs, in milliseconds, on this machine.
"""

from __future__ import annotations

import io
import os
import statistics
import time
from collections.abc import Callable

from PIL import Image

from haven_core.evidence.metadata import read_metadata
from haven_core.evidence.rendering import PdfLimits, image_preview, pdf_page_images, strip_image_metadata

RUNS = 5


def phone_photo() -> bytes:
    noise = Image.frombytes("RGB", (1000, 750), os.urandom(1000 * 750 * 3)).resize(
        (4000, 3000), Image.BICUBIC
    )
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Apple", "iPhone 12"
    exif.get_ifd(0x8769)[0x9003] = "2022:03:06 14:05:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (55.0, 45.0, 56.88), "E", (37.0, 36.0, 20.16)
    out = io.BytesIO()
    noise.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def scanned_pdf(pages: int = 10) -> bytes:
    sheets = [Image.new("L", (1240, 1754), 255 - 10 * n) for n in range(pages)]
    out = io.BytesIO()
    sheets[0].save(out, "PDF", save_all=True, append_images=sheets[1:], resolution=150)
    return out.getvalue()


def median_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    photo, pdf = phone_photo(), scanned_pdf()
    print(f"photo: {len(photo) / 1e6:.1f} MB JPEG, 12 MP; PDF: {len(pdf) / 1e3:.0f} kB, 10 pages")
    limits = PdfLimits()
    rows: list[tuple[str, Callable[[], object]]] = [
        (f"PDF, first {limits.pages} pages to PNG at {limits.width} px", lambda: pdf_page_images(pdf)),
        ("photo re-encoded for the page (1600 px)", lambda: image_preview(photo)),
        ("photo cleaned of metadata (full size)", lambda: strip_image_metadata(photo, "image/jpeg")),
        ("photo metadata read (EXIF, GPS, XMP)", lambda: read_metadata(photo, "image/jpeg")),
    ]
    for label, work in rows:
        print(f"{label:<42} {median_ms(work):8.1f} ms")


if __name__ == "__main__":
    main()
