"""How well Haven reads scanned Russian documents: character accuracy of the OCR, and how many of the
articles the documents cite are found in what it read (precision and recall), with the time per page.

Run with ``.venv/bin/python bench/ocr.py [documents per kind] [seed]`` (4 by default: 16 documents, a
police protocol under ст. 20.3.3 КоАП, an investigator's summons under ст. 207.3 УК, a court's ruling under
ст. 20.3.3 and a criminal sentence under ст. 207.3, each with its labels; see ``bench/scans.py``). Each
document is drawn as an A4 page three ways: clean (300 dpi), scanned (200 dpi, 0.8° rotation, 2 % noise,
blur, JPEG 75) and poor (150 dpi, -1.8°, 5 % noise, more blur, JPEG 50), and read by Tesseract (rus+eng)
through Haven's own reader (the text alone: the same recognition also makes the searchable PDF when
asked, see ``bench/searchable_pdf.py``). The articles are also extracted from the true text, as a ceiling.
The extraction's OCR-noise tolerance was tuned on the errors seen with seed 0: a run with another seed
(other case numbers and other noise) is the held-out check. Targets (issue 18): articles found with
recall ≥ 0.95 at precision ≥ 0.98 on clean scans.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scans import CLEAN, POOR, SCANNED, Degradation, Document, cyrillic_font, documents, scan

from haven_core.evidence import ocr
from haven_core.evidence.document_facts import cited_provisions, find_dates, find_kinds
from haven_core.evidence.sniff import sniff_media_type


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, two rows at a time."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def flat(text: str) -> str:
    return " ".join(text.split())


def char_accuracy(truth: str, read: str) -> float:
    truth, read = flat(truth), flat(read)
    return max(0.0, 1 - edit_distance(truth, read) / len(truth))


def score(docs: list[Document], texts: list[str]) -> tuple[int, int, int, int, int]:
    """(true positives, false positives, false negatives, documents whose date was found, kinds found)."""
    tp = fp = fn = dates = kinds = 0
    for doc, text in zip(docs, texts, strict=True):
        found = cited_provisions(text)
        tp += len(found & doc.provisions)
        fp += len(found - doc.provisions)
        fn += len(doc.provisions - found)
        dates += doc.date in {day for day, _excerpt in find_dates(text)}
        kinds += doc.kind in {kind for kind, _tag, _excerpt in find_kinds(text)}
    return tp, fp, fn, dates, kinds


def report(
    label: str, docs: list[Document], texts: list[str], accuracy: float | None, seconds: float
) -> None:
    tp, fp, fn, dates, kinds = score(docs, texts)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    acc = f"{accuracy:6.3f}" if accuracy is not None else "     —"
    per_page = f"{seconds / len(docs):5.1f}" if seconds else "    —"
    print(
        f"{label:<10} {acc}   {precision:9.3f} {recall:6.3f}  {tp:3d} {fp:3d} {fn:3d}"
        f"   {dates:2d}/{len(docs)}   {kinds:2d}/{len(docs)}  {per_page}"
    )


def main() -> None:
    if not ocr.available():
        sys.exit("Tesseract with Russian is not installed (Debian: tesseract-ocr tesseract-ocr-rus)")
    per_kind = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    docs = documents(per_kind, seed=18 + seed)
    font = cyrillic_font()
    cited = sum(len(d.provisions) for d in docs)
    print(f"{len(docs)} documents, {cited} article citations; seed {seed}; font {Path(font).name}")
    print("scans      chars   precision recall   tp  fp  fn   dates    kinds   s/page")
    report("true text", docs, [d.text for d in docs], None, 0.0)
    how: Degradation
    for how in (CLEAN, SCANNED, POOR):
        texts, accuracies, started = [], [], time.perf_counter()
        for n, doc in enumerate(docs):
            image = scan(doc.text, how, seed=seed + n, font_path=font)
            text = ocr.read(image, sniff_media_type(image), searchable=False).text
            texts.append(text)
            accuracies.append(char_accuracy(doc.text, text))
        elapsed = time.perf_counter() - started
        report(how.name, docs, texts, sum(accuracies) / len(accuracies), elapsed)


if __name__ == "__main__":
    main()
