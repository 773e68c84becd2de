"""``haven assess`` as a job: every household assessed, with progress on the jobs page."""

from __future__ import annotations

import os
from typing import Any

from django.utils.translation import gettext as _

from haven.jobs.commands import Counter
from haven.jobs.models import Job
from haven.jobs.running import Report, actor_of_job


def assess_all(job: Job, report: Report) -> dict[str, Any]:
    from haven.assessment.actions import assessments_run
    from haven.cases.models import Household

    households = Household.objects.all()
    counter = Counter(report, households.count(), _("Assessing households"))
    run = assessments_run(
        actor=actor_of_job(job), households=households, jobs=min(os.cpu_count() or 1, 4), advance=counter
    )
    return {
        "lines": [
            _("Assessed %(n)s households: %(new)s new and %(changed)s changed, %(same)s unchanged.")
            % {"n": run.assessed, "new": run.new, "changed": run.changed, "same": run.unchanged}
        ]
    }
