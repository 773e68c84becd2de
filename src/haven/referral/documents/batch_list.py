"""The batch list: one row per household, as XLSX (openpyxl) and CSV (UTF-8 with a BOM, so that Excel
reads Cyrillic names correctly). Rows come from minimised records only."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from django.utils import translation
from openpyxl import Workbook
from openpyxl.styles import Font

from haven.cases.models import Household
from haven.referral.documents import words
from haven.referral.documents.dossier import canadian
from haven.referral.documents.record import household_record
from haven.selection.wording import reason_text
from haven_core.referral.batch import COLUMNS, batch_row, headed
from haven_core.referral.profile import FieldProfile, minimise


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
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Households"
    for line in headed(rows):
        sheet.append(line)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for column, (key, title) in zip(sheet.columns, COLUMNS, strict=True):
        width = max([len(title), *(len(r.get(key, "")) for r in rows)])
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width + 2))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def batch_list_csv(rows: list[dict[str, str]]) -> bytes:
    text = io.StringIO(newline="")
    csv.writer(text, lineterminator="\r\n").writerows(headed(rows))
    return text.getvalue().encode("utf-8-sig")
