"""The synthetic coalition: deterministic, realistic demo data with its ground truth kept.

``generate(seed, households, today)`` returns plain frozen records (see :mod:`.records`); Django's
``haven seed`` command writes them to the database. Nothing here imports Django.
"""

from haven_core.seed.generator import RESUBMITTED_SHARE, coalition_organisations, generate, iter_households
from haven_core.seed.records import (
    SyntheticCanadaPermit,
    SyntheticCanadaRelative,
    SyntheticCoalition,
    SyntheticEvent,
    SyntheticEvidence,
    SyntheticHousehold,
    SyntheticOrganisation,
    SyntheticPerson,
    SyntheticUSRecord,
)
from haven_core.seed.spelling import passport_system

__all__ = [
    "RESUBMITTED_SHARE",
    "SyntheticCanadaPermit",
    "SyntheticCanadaRelative",
    "SyntheticCoalition",
    "SyntheticEvent",
    "SyntheticEvidence",
    "SyntheticHousehold",
    "SyntheticOrganisation",
    "SyntheticPerson",
    "SyntheticUSRecord",
    "coalition_organisations",
    "generate",
    "iter_households",
    "passport_system",
]
