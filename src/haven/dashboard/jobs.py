"""``haven score-documentation`` as a job: each principal's "well documented" verdict stored."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from haven.jobs.commands import Counter
from haven.jobs.models import Job
from haven.jobs.running import Report


def score_documentation(job: Job, report: Report) -> dict[str, Any]:
    from haven.cases.models import Household
    from haven.dashboard.documentation_coverage import documentation_coverage

    counter = Counter(report, None, _("Scoring principal applicants"))
    coverage = documentation_coverage(Household.objects.all(), progress=counter)
    return {
        "lines": [
            _("%(well)s of %(total)s principal applicants are well documented.")
            % {"well": coverage.well_documented, "total": coverage.principals}
        ]
    }
