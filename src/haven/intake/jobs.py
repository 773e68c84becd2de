"""Importing a caseload file confirmed on the Import page, as a job: the file checked again (with the
choices made on the preview) and imported in one transaction, its progress on the page. A file that
cannot be read, or has invalid rows when only the valid ones were not chosen, fails the job with the
reason and leaves nothing written. The file waits sealed until the import is done, so a failed job
can be tried again."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from haven.errors import InvalidChange
from haven.intake import uploads
from haven.intake.actions import ImportRefused, cases_import
from haven.intake.checking import caseload_check
from haven.jobs.models import Job
from haven.jobs.running import Report, actor_of_job
from haven_core.tables import FileProblem

KIND = "intake.import"
ROWS_NAMED = 20


def import_caseload(job: Job, report: Report) -> dict[str, Any]:
    params = job.params
    if job.organisation is None:
        raise InvalidChange(_("The organisation to import into no longer exists."))
    data = uploads.read_token(params["token"])
    if data is None:
        raise InvalidChange(_("The file is no longer here: upload it again."))
    actor = actor_of_job(job)
    report.say(_("Checking the file"))
    try:
        checked, _check = caseload_check(
            data,
            params["filename"],
            params["date_order"],
            actor=actor,
            organisation=job.organisation,
            choices={int(row): value for row, value in params.get("choices", {}).items()},
        )
    except FileProblem as exc:
        raise InvalidChange(exc.message_in(get_language() or "en")) from None
    del data  # the report holds the file: it reads it again as the households are written
    only_valid = bool(params.get("only_valid"))
    total = len(checked.valid_households) if only_valid or not checked.errors else len(checked.households)
    done = 0
    label = _("Importing households")
    report(0, total, label)

    def advance(count: int) -> None:
        nonlocal done
        done += count
        report(done, total, label)

    try:
        outcome = cases_import(
            actor=actor, organisation=job.organisation, report=checked, only_valid=only_valid, advance=advance
        )
    except FileProblem as exc:  # the file read again is not the file checked
        raise InvalidChange(exc.message_in(get_language() or "en")) from None
    except ImportRefused as exc:
        rows = sorted({e.row for e in checked.errors})
        more = len(rows) > ROWS_NAMED or checked.errors_left_out
        shown = ", ".join(str(row) for row in rows[:ROWS_NAMED]) + (" …" if more else "")
        raise InvalidChange(f"{exc} " + _("Rows to fix: %(rows)s.") % {"rows": shown}) from None
    uploads.remove_token(params["token"])
    counts = outcome.counts
    lines = [
        _(
            "Imported: %(created)d households created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(skipped)d skipped as invalid."
        )
        % {
            "created": counts["created"],
            "updated": counts["updated"],
            "unchanged": counts["unchanged"],
            "skipped": len(outcome.skipped),
        }
    ]
    missing = len(outcome.people_missing)
    if missing:
        lines.append(
            _("%(count)d people Haven has are not in the file: kept, not deleted.") % {"count": missing}
        )
    return {"lines": lines, "counts": dict(counts), "skipped": len(outcome.skipped)}
