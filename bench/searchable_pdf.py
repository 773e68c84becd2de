"""What the searchable-PDF working copy costs beside reading the text: a scanned protocol read by
Tesseract for its text alone, then read as the ``evidence.read`` job reads it, the text and the
searchable PDF (Haven's own pictures of the pages with the text laid over them) in one recognition.

Run with ``.venv/bin/python bench/searchable_pdf.py [pages] [rounds]``. Inputs come from
``bench/scans.py`` (synthetic Russian documents at 300 dpi, clean), as a PNG photo for one page and a
PDF for several. Each is measured ``rounds`` times (3 by default), the two ways taking turns so that a
change in the machine's load falls on both; the best round of each is printed, in seconds, with the
size of the PDF. It also checks that the text is the same either way.
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


def _measure(name: str, data: bytes, media_type: str, rounds: int) -> None:
    alone, both = [], []
    for _round in range(rounds):
        started = time.perf_counter()
        text = ocr.read(data, media_type, searchable=False).text
        alone.append(time.perf_counter() - started)
        started = time.perf_counter()
        reading = ocr.read(data, media_type, searchable=True)
        both.append(time.perf_counter() - started)
    assert reading.pdf is not None and reading.text == text, "one pass must read the same text"
    print(f"{name + ': the text alone':<48} {min(alone):6.1f} s")
    print(f"{name + ': the text and the searchable PDF':<48} {min(both):6.1f} s")
    print(f"{'':<48} {len(reading.pdf) / 1e6:6.2f} MB (the scan: {len(data) / 1e6:.2f} MB)")


def main(pages: int, rounds: int) -> None:
    if not ocr.available():
        sys.exit("Tesseract with Russian is not installed")
    texts = [d.text for d in scans.documents(per_kind=pages)][:pages]
    photo = scans.scan(texts[0])
    pictures = [Image.open(io.BytesIO(scans.scan(t))).convert("L") for t in texts]
    out = io.BytesIO()
    pictures[0].save(out, "PDF", save_all=True, append_images=pictures[1:], resolution=300.0)
    pdf = out.getvalue()
    _measure("1-page photo (PNG)", photo, "image/png", rounds)
    _measure(f"{pages}-page PDF", pdf, "application/pdf", rounds)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
