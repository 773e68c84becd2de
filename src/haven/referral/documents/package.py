"""Every file of a referral package, named as the package holds them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from haven.cases.models import Household
from haven.referral.documents.batch_list import batch_list_csv, batch_list_xlsx, rows_of_records
from haven.referral.documents.cover_letter import cover_letter_pdf
from haven.referral.documents.dossier import LANGUAGES, render_dossier
from haven.referral.documents.record import household_record, person_ids
from haven_core.referral.profile import FieldProfile


def package_files(
    households: Sequence[Household],
    *,
    profile: FieldProfile,
    batch_reference: str,
    recipient: str,
    created_on: dt.date,
    reasons: Mapping[str, Mapping[str, Any]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, bytes]:
    """Cover letters, the batch list and a dossier per household in each language.

    ``progress(done, total)`` is called after each household's dossiers. A household's record is read
    once and rendered in both languages.
    """
    files: dict[str, bytes] = {}
    records = []
    people = 0
    for done, household in enumerate(households, start=1):
        record = household_record(household, reasons=(reasons or {}).get(household.reference))
        records.append(record)
        people += len(record["people"])
        ids = person_ids(household)
        for language in LANGUAGES:
            files[f"dossiers/{household.reference}.{language}.pdf"] = render_dossier(
                record, language=language, profile=profile, batch_reference=batch_reference, ids=ids
            )
        if progress is not None:
            progress(done, len(households))
    for language in LANGUAGES:
        files[f"cover-letter.{language}.pdf"] = cover_letter_pdf(
            language=language,
            batch_reference=batch_reference,
            recipient=recipient,
            created_on=created_on,
            households=households,
            people_count=people,
            profile=profile,
        )
    rows = rows_of_records(records, profile=profile)
    files["households.xlsx"] = batch_list_xlsx(rows)
    files["households.csv"] = batch_list_csv(rows)
    return files
