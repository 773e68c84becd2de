"""The synthetic coalition: deterministic, realistic demo data with its ground truth kept.

``generate(seed, households, today)`` returns plain frozen records (see :mod:`.records`); Django's
``haven seed`` command writes them to the database. Nothing here imports Django: it is plain typed
Python like :mod:`haven_core` (checked by ``mypy --strict``), kept out of the core because it is demo
data, not something Haven decides with.
"""

from haven.demo.generator.generator import (
    RESUBMITTED_SHARE,
    coalition_organisations,
    generate,
    iter_households,
)
from haven.demo.generator.records import (
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
from haven.demo.generator.spelling import passport_system

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
