"""``haven seed`` gives the demo's people evidence: from well documented to barely, verified by someone
other than who added it, with a few shared generated files (posts, article stubs, PDFs that open)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from haven.cases.models import Person
from haven.demo.generator import generate, generator
from haven.demo.generator.documents import document_pool
from haven.demo.generator.evidence import household_evidence
from haven.evidence.documentation_facts import assess_items
from haven.evidence.models import EvidenceItem, StoredBlob, Verification
from haven.evidence.storage import read_blob
from haven.evidence.views.lookup import items_with_details
from tests.support.demo import built_once, reading_files_of, seed

TODAY = dt.date(2026, 3, 15)


@pytest.fixture(scope="module")
def seeded_files(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[Path]:
    """The demo coalition of 80 households with its evidence, written once for the tests of this module
    (tests/support/demo.py); the folder its files are stored in."""
    files = tmp_path_factory.mktemp("demo-evidence-files")
    with built_once(django_db_blocker, files):
        seed(households=80, seed=11)
        yield files


@pytest.mark.django_db
def test_the_demo_has_a_spread_from_well_to_barely_documented(seeded_files: Path) -> None:
    verdicts = Counter()
    for principal in Person.objects.filter(relationship="principal").order_by("pk"):
        items = list(items_with_details().filter(person=principal))
        result = assess_items(items)
        if result.well_documented:
            verdicts["well"] += 1
        elif result.counted:
            verdicts["partly"] += 1
        elif items:
            verdicts["nothing verified"] += 1
        else:
            verdicts["no evidence"] += 1
    assert all(verdicts[k] >= 5 for k in ("well", "partly", "nothing verified", "no evidence")), verdicts
    statuses = Counter(EvidenceItem.objects.values_list("status", flat=True))
    assert {"verified", "unreviewed", "disputed"} <= set(statuses), statuses
    assert EvidenceItem.objects.filter(original__isnull=False, derivation="translation").exists()
    kinds = set(EvidenceItem.objects.values_list("kind", flat=True))
    assert {"social_post", "article", "court_document", "registry_listing", "witness_statement"} <= kinds


@pytest.mark.django_db
def test_demo_evidence_is_verified_by_another_user_than_who_added_it(seeded_files: Path) -> None:
    verdicts = Verification.objects.select_related("item", "reviewer__membership")
    assert verdicts.exists()
    for verdict in verdicts:
        assert verdict.reviewer_id != verdict.item.added_by_id
        assert verdict.reviewer.membership.role == "reviewer"
        assert verdict.item.status == verdict.verdict


@pytest.mark.django_db
def test_demo_files_are_shared_by_hash_and_open(seeded_files: Path, settings: Any) -> None:
    reading_files_of(settings, seeded_files)
    blobs = list(StoredBlob.objects.all())
    assert 10 <= len(blobs) <= len(document_pool())
    media = {b.media_type for b in blobs}
    assert {"text/plain", "text/html", "application/pdf"} <= media
    for blob in blobs:
        assert read_blob(blob)  # decrypts and matches its SHA-256


def test_the_demo_pdfs_are_well_formed(tmp_path: Path) -> None:
    pdfs = {k: d for k, d in document_pool().items() if d.filename.endswith(".pdf")}
    assert len(pdfs) >= 12
    for document in pdfs.values():
        data = document.data
        assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
        startxref = int(re.search(rb"startxref\n(\d+)\n", data).group(1))  # type: ignore[union-attr]
        assert data[startxref:].startswith(b"xref")
        offsets = [int(m) for m in re.findall(rb"(\d{10}) 00000 n", data)]
        assert [data[o:].split(b" ")[0] for o in offsets] == [
            str(n).encode() for n in range(1, len(offsets) + 1)
        ]
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDFs were checked structurally only")
    path = tmp_path / "notice.pdf"
    path.write_bytes(pdfs["wanted-0"].data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout  # noqa: S603, S607
    assert "РАЗЫСКИВАЕТСЯ" in text and "ст. 207.3 УК РФ" in text


def test_demo_evidence_is_deterministic_and_drawn_apart_from_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = generate(5, 40, TODAY), generate(5, 40, TODAY)
    assert first == second
    household = first.households[3]
    assert household.evidence == household_evidence(5, household, TODAY)
    monkeypatch.setattr(generator, "household_evidence", lambda *args: ())
    without = generate(5, 40, TODAY)  # the same coalition, drawn without evidence
    assert [replace(h, evidence=()) for h in first.households] == list(without.households)
