"""Checking a caseload file before it is imported: read within Haven's limits, row by row, against
Haven's records, and for people Haven likely has already. The preview page, the import job and
``haven import-cases`` all check a file this way."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import IO, Any

from haven.accounts.models import Organisation
from haven.intake.actions import check_against_haven
from haven.intake.choices import import_choices
from haven.intake.duplicates import FileCheck, file_check
from haven_core.intake import DateOrder, IntakeReport, validate
from haven_core.intake.duplicates import resolve_duplicates
from haven_core.intake.files import open_table

__all__ = ["caseload_check"]


def caseload_check(
    file: bytes | IO[bytes],
    filename: str,
    date_order: str,
    *,
    actor: Any,
    organisation: Organisation,
    choices: Mapping[int, str],
) -> tuple[IntakeReport, FileCheck]:
    """The file checked row by row, against Haven, and for people Haven likely has already; each
    likely duplicate's row as the person importing chose (``choices``: row → a choice). Raises
    :class:`haven_core.tables.FileProblem` when the file cannot be read or breaks a limit."""
    source = io.BytesIO(file) if isinstance(file, bytes) else file
    report = validate(open_table(source, filename), import_choices(), DateOrder(date_order))
    check = file_check(actor=actor, organisation=organisation, report=report)
    resolve_duplicates(report, check.blocking, choices)
    check_against_haven(organisation=organisation, report=report)
    return report, check
