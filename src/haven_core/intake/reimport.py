"""What re-importing a file may not change: the principal applicant Haven already has for a household.

Haven's shell looks up who the principal applicant of each of the file's households already in Haven
is (by person id); :func:`check_principals` makes every household whose file names someone else invalid,
with a row error that says what Haven has, what the file says and what to do. The household is then
not imported (or the whole file is refused) rather than its principal being swapped silently or the
database's one-principal rule failing half-way.
"""

from __future__ import annotations

from collections.abc import Mapping

from haven_core.intake.report import IntakeReport
from haven_core.intake.rows import RowError


def check_principals(report: IntakeReport, principals: Mapping[str, str]) -> None:
    """Add a ``principal_changed`` error for each household of ``report`` whose principal is not the
    one ``principals`` (household id → Haven's principal's person id) says. Checking twice adds nothing."""
    for household in report.households:
        haven = principals.get(household.external_id)
        principal = next((p for p in household.people if p.principal), None)
        if not haven or principal is None or principal.external_id == haven:
            continue
        error = RowError(
            principal.row,
            "relationship",
            "principal_changed",
            {"household": household.external_id, "haven": haven, "file": principal.external_id},
        )
        report.add_error(error, once=True)
        household.valid = False
