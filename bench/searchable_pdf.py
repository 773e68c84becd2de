"""What the searchable-PDF working copy costs beside reading the text: a scanned protocol read by
Tesseract (as the ``evidence.read`` job does), then the same pages made into a searchable PDF (a second
Tesseract pass that lays the text over Haven's own pictures of the pages).

Run with ``.venv/bin/python bench/searchable_pdf.py [pages]``. Inputs come from ``bench/scans.py``
(synthetic Russian documents at 300 dpi, clean), as a PNG photo for one page and a PDF for several.
Prints seconds and bytes on this machine; the figures depend on its CPU and its load.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scans

from haven_core.evidence import ocr


def _measure(name: str, data: bytes, media_type: str) -> None:
    started = time.perf_counter()
    ocr.read_document(data, media_type)
    print(f"{name + ': reading the text':<44} {time.perf_counter() - started:6.1f} s")
    started = time.perf_counter()
    made = ocr.searchable_pdf(data, media_type)
    print(f"{name + ': searchable PDF':<44} {time.perf_counter() - started:6.1f} s")
    print(f"{'':<44} {len(made) / 1e6:6.2f} MB (the scan: {len(data) / 1e6:.2f} MB)")


def main(pages: int) -> None:
    if not ocr.available():
        sys.exit("Tesseract with Russian is not installed")
    texts = [d.text for d in scans.documents(per_kind=pages)][:pages]
    photo = scans.scan(texts[0])
    pictures = [Image.open(io.BytesIO(scans.scan(t))).convert("L") for t in texts]
    out = io.BytesIO()
    pictures[0].save(out, "PDF", save_all=True, append_images=pictures[1:], resolution=300.0)
    pdf = out.getvalue()
    _measure("1-page photo (PNG)", photo, "image/png")
    _measure(f"{pages}-page PDF", pdf, "application/pdf")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
