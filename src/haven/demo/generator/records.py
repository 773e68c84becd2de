"""What the synthetic-coalition generator produces: plain frozen records, one per thing Haven stores.

The records mirror Haven's models field by field, so that loading them into a database is a mapping
and nothing more; and they carry the generator's ground truth (``identity``, the passport year and
system, which household a resubmission copies) so that tests can check the data against it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from haven_core.names import System
from haven_core.pipeline import Stage


@dataclass(frozen=True)
class SyntheticOrganisation:
    name: str
    slug: str


@dataclass(frozen=True)
class SyntheticUSRecord:
    """Where the person stands in the US; ``a_number`` is nine digits or empty (not known)."""

    a_number: str
    status: str
    detained: bool
    court: str = ""
    next_hearing_date: dt.date | None = None
    removal_order_date: dt.date | None = None
    removal_scheduled_date: dt.date | None = None
    detention_facility: str = ""
    attorney_of_record: str = ""


@dataclass(frozen=True)
class SyntheticCanadaRelative:
    full_name: str
    relationship: str
    canadian_status: str
    city: str
    notes: str = ""


@dataclass(frozen=True)
class SyntheticCanadaPermit:
    kind: str
    number: str
    valid_until: dt.date | None


@dataclass(frozen=True)
class SyntheticPerson:
    """One record of a person as an organisation entered it.

    ``identity`` is the ground truth: two records with the same identity are the same human being,
    however differently the two organisations spelled them. ``passport_year`` and ``passport_system``
    say which passport the Latin spelling was copied from; they are ``None`` where the Latin was
    written some other way (a resubmission typed from a press article, say).
    """

    identity: str
    relationship: str
    sex: str
    surname_cyrillic: str
    given_name_cyrillic: str
    patronymic_cyrillic: str
    surname_latin: str
    given_name_latin: str
    birth_date: str
    place_of_birth: str
    citizenships: str
    languages: str
    passport_year: int | None = None
    passport_system: System | None = None
    relationship_detail: str = ""
    other_spellings: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    address: str = ""
    serious_medical: bool | None = None
    disability: bool | None = None
    pregnancy: bool | None = None
    lgbtq: bool | None = None
    survivor_of_violence: bool | None = None
    vulnerability_notes: str = ""
    us_record: SyntheticUSRecord | None = None
    canada_relatives: tuple[SyntheticCanadaRelative, ...] = ()
    canada_permits: tuple[SyntheticCanadaPermit, ...] = ()


@dataclass(frozen=True)
class SyntheticEvent:
    """A dated event of the household's timeline; ``person`` indexes ``SyntheticHousehold.people``."""

    date: dt.date
    kind: str
    person: int | None
    note: str = ""


@dataclass(frozen=True)
class SyntheticEvidence:
    """An item of evidence about ``SyntheticHousehold.people[person]``.

    ``document`` names its file in the shared pool (:mod:`haven.demo.generator.documents`), or is empty for
    an item without a file (a registry listing). ``verdict`` is the reviewer's, empty if not yet
    reviewed; ``translation`` names the pool document of a working copy (an English translation).
    """

    person: int
    kind: str
    title: str
    description: str = ""
    source_url: str = ""
    author: str = ""
    published_on: dt.date | None = None
    language: str = ""
    followers: int | None = None
    views: int | None = None
    registry: str = ""
    registry_reference: str = ""
    registry_listed_on: dt.date | None = None
    tags: tuple[tuple[str, dt.date | None], ...] = ()
    document: str = ""
    verdict: str = ""
    verdict_note: str = ""
    translation: str = ""


@dataclass(frozen=True)
class SyntheticHousehold:
    """A household as one organisation submitted it; ``people[0]`` is the principal applicant.

    ``resubmission_of`` names the household (by ``key``) that another organisation submitted first
    for the same family; it is empty for a first submission.
    """

    key: str
    organisation: int
    stage: Stage
    people: tuple[SyntheticPerson, ...]
    events: tuple[SyntheticEvent, ...] = ()
    closed_reason: str = ""
    notes: str = ""
    resubmission_of: str = ""
    evidence: tuple[SyntheticEvidence, ...] = ()

    @property
    def principal(self) -> SyntheticPerson:
        return self.people[0]


@dataclass(frozen=True)
class SyntheticCoalition:
    seed: int
    today: dt.date
    organisations: tuple[SyntheticOrganisation, ...]
    households: tuple[SyntheticHousehold, ...]
