"""The one write path for the caseload: every change goes through a function here.

Each function checks that the actor may act, writes inside one transaction and records the audit
entry in that same transaction. Views validate input and call these; they never save models.
"""

from haven.cases.actions.canada import (
    canada_permit_delete,
    canada_permit_save,
    canada_relative_delete,
    canada_relative_save,
)
from haven.cases.actions.households import (
    household_create,
    household_move,
    household_update,
    household_view,
)
from haven.cases.actions.people import person_add, person_delete, person_update
from haven.cases.actions.timeline import event_add, event_withdraw
from haven.cases.actions.us_record import us_record_save

__all__ = [
    "canada_permit_delete",
    "canada_permit_save",
    "canada_relative_delete",
    "canada_relative_save",
    "event_add",
    "event_withdraw",
    "household_create",
    "household_move",
    "household_update",
    "household_view",
    "person_add",
    "person_delete",
    "person_update",
    "us_record_save",
]
