"""The files of a referral package: cover letters in both languages, the batch list as XLSX and CSV
with the same rows, and a dossier per household and language."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import openpyxl
import pytest

from haven.referral.documents import batch_list_csv, batch_list_rows, batch_list_xlsx, package_files
from haven_core.referral.batch import COLUMNS
from haven_core.referral.profile import OFFICER
from tests.support.referral import pdf_text, referred_household

REASONS = {
    "rank": 1,
    "reason": "selected",
    "detail": {"order": 1, "value": 80.0, "share": 0.5},
    "value": 80.0,
}


@pytest.fixture
def household(db: Any) -> Any:
    return referred_household()["household"]


def test_the_batch_list_reads_back_the_same_from_xlsx_and_csv(household: Any) -> None:
    rows = batch_list_rows([household], profile=OFFICER, reasons={household.reference: REASONS})
    assert len(rows) == 1
    row = rows[0]
    assert row["reference"] == household.reference
    assert (row["principal_latin"], row["principal_cyrillic"]) == ("KOTOVA, IULIIA", "Котова Юлия Сергеевна")
    assert (row["people"], row["detained"], row["a_number"]) == ("2", "1", "A212-345-678")
    assert row["us_status"] == "Final order of removal" and row["next_deadline"] == "December 9, 2026"
    assert row["urgency"] == "Emergency"  # the reviewer's level, which is in force
    assert row["evidence"] == "1/1" and row["rank"] == "1"
    assert row["reason"].startswith("Selected: number 1")
    assert "Private sponsorship by a Sponsorship Agreement Holder" in row["pathways"]

    sheet = openpyxl.load_workbook(io.BytesIO(batch_list_xlsx(rows))).active
    from_xlsx = [[("" if v is None else str(v)) for v in line] for line in sheet.iter_rows(values_only=True)]
    data = batch_list_csv(rows)
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8 (and so Cyrillic)
    from_csv = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert from_xlsx == from_csv
    assert from_csv[0] == [title for _, title in COLUMNS]
    assert from_csv[1] == [row[key] for key, _ in COLUMNS]


def test_the_package_holds_letters_lists_and_a_dossier_per_household_and_language(household: Any) -> None:
    seen: list[tuple[int, int]] = []
    files = package_files(
        [household],
        profile=OFFICER,
        batch_reference="RB-2026-0007",
        recipient="IRCC Resettlement Operations, Ottawa",
        created_on=dt.date(2026, 11, 24),
        reasons={household.reference: REASONS},
        progress=lambda done, total: seen.append((done, total)),
    )
    ref = household.reference
    assert set(files) == {
        "cover-letter.en.pdf",
        "cover-letter.fr.pdf",
        "households.xlsx",
        "households.csv",
        f"dossiers/{ref}.en.pdf",
        f"dossiers/{ref}.fr.pdf",
    }
    assert seen == [(1, 1)]
    assert all(files[name].startswith(b"%PDF") for name in files if name.endswith(".pdf"))
    letter_en, letter_fr = pdf_text(files["cover-letter.en.pdf"]), pdf_text(files["cover-letter.fr.pdf"])
    assert "We refer 1 household (2 people in all)" in letter_en
    assert "IRCC Resettlement Operations, Ottawa" in letter_en and "November 24, 2026" in letter_en
    assert "Nous vous recommandons 1 ménage (2 personnes en tout)" in letter_fr
    assert "24 novembre 2026" in letter_fr and "Comment vérifier le paquet" in letter_fr
    assert ref in letter_en and "Referral batch RB-2026-0007" in letter_en
    assert "Linden" not in letter_en  # no address in a letter
    assert "Dossier de recommandation" in pdf_text(files[f"dossiers/{ref}.fr.pdf"])
    assert files["households.csv"].decode("utf-8-sig").count("\r\n") == 2
