"""Keeping assessments current: once a change to a household's records is committed, a household that
has been assessed is assessed again, by the person who made the change.

Without this, a removal date entered today would leave the stored urgency (and the coordinators'
emergency alert, which follows stored assessments) waiting until someone pressed "Assess". A household
never assessed stays so: its first assessment is a deliberate step (the radar and the deadline digests
still show its dates). An unchanged result stores nothing (only the audit entry of the computation).
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

from haven.accounts.actor import Actor

log = logging.getLogger(__name__)


def reassess_after_commit(*, actor: Actor, household: Any) -> None:
    """Reassess ``household`` after the current transaction commits, if it has a current assessment."""
    from haven.assessment.models import Assessment

    if not Assessment.objects.filter(household_id=household.pk, current=True).exists():
        return
    household_id = household.pk
    transaction.on_commit(lambda: _reassess(actor, household_id))


def _reassess(actor: Actor, household_id: int) -> None:
    from haven.assessment.actions import household_assess
    from haven.cases.models import Household
    from haven.errors import NotAllowed

    household = Household.objects.filter(pk=household_id).first()
    if household is None:
        return
    try:
        household_assess(actor=actor, household=household)
    except NotAllowed:
        return  # the change was made by someone who may not assess it: the page shows it as stale
    except Exception:  # the change itself is committed; the page's "Assess" button remains
        log.exception("reassessing household %s after a change failed", household.reference)
