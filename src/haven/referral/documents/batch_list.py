"""The batch list: one row per household, as XLSX (openpyxl) and CSV (UTF-8 with a BOM, so that Excel
reads Cyrillic names correctly). Rows come from minimised records only."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils import translation

from haven.cases.models import Household
from haven.referral.documents import words
from haven.referral.documents.dossier import canadian
from haven.referral.documents.record import household_record
from haven.selection.wording import reason_text
from haven_core.referral.batch import COLUMNS, batch_row, headed
from haven_core.referral.profile import FieldProfile, minimise
from haven_core.spreadsheets import csv_bytes, xlsx_bytes


def rows_of_records(
    records: Sequence[Mapping[str, Any]], *, profile: FieldProfile, language: str = "en"
) -> list[dict[str, str]]:
    rows = []
    with translation.override(canadian(language)):
        for record in records:
            kept = minimise(record, profile).record
            selection = kept.get("selection") or {}
            reason = reason_text(selection["reason"], selection.get("detail") or {}) if selection else ""
            rows.append(batch_row(kept, label=words.label, language=language, reason=reason))
    return rows


def batch_list_rows(
    households: Sequence[Household],
    *,
    profile: FieldProfile,
    reasons: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[dict[str, str]]:
    """One row per household, in the order given; ``reasons`` maps a reference to its selection outcome."""
    records = [household_record(h, reasons=(reasons or {}).get(h.reference)) for h in households]
    return rows_of_records(records, profile=profile)


def batch_list_xlsx(rows: list[dict[str, str]]) -> bytes:
    """The list as a workbook; a cell a spreadsheet would evaluate stays text (haven_core.spreadsheets)."""
    widths = [
        min(60, max(8, max([len(title), *(len(r.get(key, "")) for r in rows)]) + 2)) for key, title in COLUMNS
    ]
    return xlsx_bytes(
        headed(rows), sheet="Households", bold_header=True, freeze_header=True, column_widths=widths
    )


def batch_list_csv(rows: list[dict[str, str]]) -> bytes:
    """The list as CSV; a cell a spreadsheet would evaluate is quoted (haven_core.spreadsheets)."""
    return csv_bytes(headed(rows))
