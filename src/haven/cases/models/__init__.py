"""The caseload: households, the people in them, their US record, ties to Canada and timeline."""

from haven.cases.models.canada import CanadaPermit, CanadaRelative
from haven.cases.models.household import Household
from haven.cases.models.immigration import USRecord
from haven.cases.models.person import Person, PersonNameKey
from haven.cases.models.timeline import TimelineEvent

__all__ = [
    "CanadaPermit",
    "CanadaRelative",
    "Household",
    "Person",
    "PersonNameKey",
    "TimelineEvent",
    "USRecord",
]
