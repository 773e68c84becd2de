"""Dossiers and cover letters are typeset by Typst from a JSON document: what a caseworker typed is printed
as written, never read as Typst markup or code (no file read, no formatting, no page set up by a name);
the PDF carries its title and language, and the same record gives the same bytes."""

from __future__ import annotations

import copy
import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from haven.referral.documents import cover_letter_pdf, household_record, render_dossier
from haven.referral.documents.record import person_ids
from haven_core.referral.profile import OFFICER, SPONSOR
from tests.support.referral import pdf_text, referred_household, squeezed

# Typst's syntax in every form a string could carry it: code, maths, emphasis, references, labels, escapes,
# brackets, comments, and a file read that would print the machine's accounts.
PAYLOADS = {
    "name": '#read("/etc/passwd") KOTOVA $x^2$',
    "cyrillic": "Котова *Юлия* _Сергеевна_ @fig <label>",
    "title": 'Пост ] [ #set page(width: 2cm) #include "common.typ"',
    "summary": "Back\\slash \\ // not a comment /* nor this */ #(1 + 1) `raw` = heading",
    "address": "12 #box[Elm] Street\n$$ Buffalo ~ NY -- 14214 ...",
    "organisation": "Free Russia Aid #let x = 1 #x",
    "recipient": 'IRCC #read("/etc/hostname") @officer',
}


_RENDERED: dict[str, Any] = {}


@pytest.fixture
def rendered(db: Any) -> dict[str, Any]:
    if _RENDERED:
        return _RENDERED
    built = referred_household("typ")
    household = built["household"]
    record = copy.deepcopy(household_record(household))
    record["organisation"] = PAYLOADS["organisation"]
    principal = record["people"][0]
    principal["name_latin"] = PAYLOADS["name"]
    principal["name_cyrillic"] = PAYLOADS["cyrillic"]
    principal["address"] = PAYLOADS["address"]
    item = principal["evidence"][0]
    item["title"] = PAYLOADS["title"]
    item["translations"] = {"summary_en": PAYLOADS["summary"], "summary_fr": PAYLOADS["summary"]}
    ids = person_ids(household)
    pdfs = {
        language: render_dossier(record, language=language, profile=SPONSOR, batch_reference="RB-1", ids=ids)
        for language in ("en", "fr")
    }
    again = render_dossier(record, language="en", profile=SPONSOR, batch_reference="RB-1", ids=ids)
    letter = cover_letter_pdf(
        language="fr",
        batch_reference="RB-2026-0001",
        recipient=PAYLOADS["recipient"],
        created_on=dt.date(2026, 11, 24),
        households=[household],
        people_count=2,
        profile=OFFICER,
    )
    _RENDERED.update(
        {
            "pdfs": pdfs,
            "again": again,
            "letter": letter,
            "text": {language: pdf_text(pdf) for language, pdf in pdfs.items()},
            "letter text": pdf_text(letter),
        }
    )
    return _RENDERED


def test_typst_syntax_in_names_titles_and_summaries_is_printed_as_written(rendered: dict[str, Any]) -> None:
    for language, text in rendered["text"].items():
        flat = squeezed(text)
        for field in ("name", "cyrillic", "title", "summary", "address", "organisation"):
            assert squeezed(PAYLOADS[field]) in flat, (language, field)
    assert squeezed(PAYLOADS["recipient"]) in squeezed(rendered["letter text"])


def test_nothing_is_read_from_the_machine(rendered: dict[str, Any]) -> None:
    accounts = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    for text in (*rendered["text"].values(), rendered["letter text"]):
        assert accounts not in text
        assert "root:" not in text


def test_the_pages_stay_letter_sized(rendered: dict[str, Any]) -> None:
    # A title holding "#set page(width: 2cm)" sets up no page: every page is US Letter.
    if not Path("/usr/bin/pdfinfo").exists():
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    info = subprocess.run(
        ["/usr/bin/pdfinfo", "-l", "99", "-"], input=rendered["pdfs"]["en"], capture_output=True, check=True
    ).stdout.decode()
    sizes = re.findall(r"^Page +\d+ size: +(.+?) pts", info, flags=re.MULTILINE)
    assert len(sizes) > 1 and set(sizes) == {"612 x 792"}, sizes


def test_the_pdf_carries_its_title_and_language_and_the_same_record_gives_the_same_bytes(
    rendered: dict[str, Any],
) -> None:
    assert rendered["again"] == rendered["pdfs"]["en"]
    if not Path("/usr/bin/pdfinfo").exists():
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    for language, pdf in (*rendered["pdfs"].items(), ("fr", rendered["letter"])):
        info = subprocess.run(
            ["/usr/bin/pdfinfo", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
        assert "CreationDate" not in fields  # nothing that changes from one rendering to the next
        title = fields["Title"].strip()
        assert title.startswith(("Referral dossier", "Dossier de recommandation", "Lot de recommandation"))
        assert f"/Lang({language}-CA)".encode() in pdf  # the document's language, as Canada writes it
