"""Keeping assessments current: once a change to a household's records is committed, a household that
has been assessed is assessed again, by the person who made the change.

Without this, a removal date entered today would leave the stored urgency (and the coordinators'
emergency alert, which follows stored assessments) waiting until someone pressed "Assess". A household
never assessed stays so: its first assessment is a deliberate step (the radar and the deadline digests
still show its dates). An unchanged result stores nothing (only the audit entry of the computation).

The case actions announce the change (:class:`haven.events.HouseholdChanged`); :func:`reassess` follows
it, subscribed in :class:`haven.assessment.apps.AssessmentConfig`.
"""

from __future__ import annotations

import logging

from haven.events import HouseholdChanged

log = logging.getLogger(__name__)


def reassess(event: HouseholdChanged) -> None:
    """Reassess the changed household, if it has a current assessment."""
    from haven.assessment.actions import household_assess
    from haven.assessment.models import Assessment
    from haven.cases.models import Household
    from haven.errors import NotAllowed

    if not Assessment.objects.filter(household_id=event.household_id, current=True).exists():
        return
    household = Household.objects.filter(pk=event.household_id).first()
    if household is None:
        return
    try:
        household_assess(actor=event.actor, household=household)
    except NotAllowed:
        return  # the change was made by someone who may not assess it: the page shows it as stale
    except Exception:  # the change itself is committed; the page's "Assess" button remains
        log.exception("reassessing household %s after a change failed", household.reference)
