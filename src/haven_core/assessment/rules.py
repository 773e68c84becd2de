"""The rules an assessment applies: Russian law exposure, designations, weights and thresholds, as data.

These are the typed shapes of a rules file (``rules/*.toml``); :mod:`.loader` reads and checks one. Every
fact keeps where it comes from (:class:`Basis`) so that any figure built from it can say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from haven_core.assessment.vocabulary import UNVERIFIED
from haven_core.dates import PartialDate


@dataclass(frozen=True)
class Text:
    """A short text in English and Russian, and in French where the rules file gives it.

    English and Russian are required; French is optional so that a rules file written before French
    was added still loads: a text without French reads as its English in a French document.
    """

    en: str
    ru: str
    fr: str = ""

    def in_language(self, language: str) -> str:
        """The text for ``language`` (``fr``, ``fr-ca``, ``ru``…); English where it has none in it."""
        return self._own(language) or self.en

    def has(self, language: str) -> bool:
        """Whether the text is written in ``language`` itself, not falling back to English."""
        return bool(self._own(language))

    def _own(self, language: str) -> str:
        code = language.lower().replace("_", "-").partition("-")[0]
        return {"en": self.en, "ru": self.ru, "fr": self.fr}.get(code, "")

    def get(self, language: str) -> str:
        return self.in_language(language)


@dataclass(frozen=True)
class Citation:
    """A public source a reader outside Haven can check: a law and article, a court decision, an official
    registry, or a report on practice (organisation, address and date).

    ``date`` is as precise as the source is known (``2022-03-04``, ``2024-08``, ``2023``); ``confidence``
    says how sure Haven is of the reference itself (``U``: to be confirmed before anyone relies on it).
    """

    id: str
    title: Text
    detail: Text | None = None
    url: str = ""
    date: str = ""
    confidence: str = "H"

    @property
    def unverified(self) -> bool:
        return self.confidence == UNVERIFIED


@dataclass(frozen=True)
class Basis:
    """Where a fact or a figure comes from, and how sure it is.

    ``source`` is internal provenance (the section of Haven's domain notes a rule was taken from): it stays
    with the rules and is never shown to anyone outside. ``cite`` names the public :class:`Citation` s of
    the rules file that a document or a page shows instead. ``kind`` is ``domain`` for a fact, ``haven``
    for a weight or threshold Haven chose, and ``assumption`` for a stated assumption (such as an age range).
    """

    source: str
    confidence: str
    cites: str = ""
    kind: str = "domain"
    cite: tuple[str, ...] = ()

    @property
    def unverified(self) -> bool:
        return self.confidence == UNVERIFIED


def on_or_after(day: dt.date, boundary: PartialDate) -> bool:
    """Whether ``day`` is on or after ``boundary`` (a partial date counts from its first day)."""
    return day >= boundary.earliest()


@dataclass(frozen=True)
class Penalty:
    """The maximum penalty for one part of a provision, in force from ``start`` until ``until``."""

    part: str
    years: int | None = None
    life: bool = False
    fine_rub: int | None = None
    start: PartialDate | None = None
    until: PartialDate | None = None

    def in_force_on(self, day: dt.date) -> bool:
        after_start = self.start is None or on_or_after(day, self.start)
        before_end = self.until is None or not on_or_after(day, self.until)
        return after_start and before_end


@dataclass(frozen=True)
class Aggravated:
    """A heavier part of a provision, shown to the reader; plain conduct is scored on the base part."""

    part: str
    years: int
    text: Text


@dataclass(frozen=True)
class Provision:
    """An article of the Criminal or Administrative Code used against anti-war expression."""

    id: str
    title: Text
    targets: Text
    basis: Basis
    in_force: PartialDate | None = None
    in_force_note: Text | None = None
    amended: tuple[PartialDate, ...] = ()
    penalties: tuple[Penalty, ...] = ()
    aggravated: tuple[Aggravated, ...] = ()
    unverified: tuple[Text, ...] = ()

    @property
    def settled(self) -> bool:
        """Whether Haven may count it: facts DOMAIN.md marks U are shown, never counted."""
        return not self.basis.unverified and bool(self.penalties)

    def penalty_on(self, day: dt.date | None) -> Penalty | None:
        """The maximum in force on ``day`` (the law at the time of the conduct); if unknown, the current."""
        if not self.penalties:
            return None
        if day is not None:
            for penalty in self.penalties:
                if penalty.in_force_on(day):
                    return penalty
            if self.penalties[0].start is not None and not on_or_after(day, self.penalties[0].start):
                return self.penalties[0]
        return self.penalties[-1]

    def before_in_force(self, day: dt.date | None) -> bool:
        return day is not None and self.in_force is not None and not on_or_after(day, self.in_force)


@dataclass(frozen=True)
class Exposure:
    """Evidence tags that expose a person to provisions.

    With ``heaviest_only`` only the heaviest provision is added. With ``after_tag`` the exposure needs an
    item tagged so, and a tagged activity within ``within_days`` after it (a repeat, as for CC 280.3).
    """

    tags: tuple[str, ...]
    provisions: tuple[str, ...]
    basis: Basis
    heaviest_only: bool = False
    after_tag: str | None = None
    within_days: int | None = None
    since: PartialDate | None = None
    note: Text | None = None


@dataclass(frozen=True)
class Designation:
    """A designation that turns ordinary activity into a crime from its date on."""

    id: str
    name: Text
    kind: str
    date: PartialDate
    basis: Basis
    provisions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    by: str = ""


@dataclass(frozen=True)
class Registry:
    """A Russian state registry; a listing is an aggravating signal and may expose to provisions."""

    id: str
    name: Text
    match: tuple[str, ...]
    points: float
    basis: Basis
    provisions: tuple[str, ...] = ()
    designation: str | None = None
    note: Text | None = None

    def matches(self, registry_name: str) -> bool:
        name = registry_name.casefold()
        return any(word in name for word in self.match)


@dataclass(frozen=True)
class Signal:
    """An aggravating signal shown by an evidence tag (a wanted listing, an open criminal case…)."""

    id: str
    tag: str
    name: Text
    points: float
    basis: Basis


@dataclass(frozen=True)
class Reach:
    """Wide public reach of an item showing public activity."""

    tags: tuple[str, ...]
    min_followers: int
    min_views: int
    points: float
    name: Text
    basis: Basis


@dataclass(frozen=True)
class Mobilisation:
    """Men of an age to be mobilised; the age range is a configurable assumption."""

    sex: str
    min_age: int
    max_age: int
    points: float
    name: Text
    basis: Basis
    assumption: Text


@dataclass(frozen=True)
class Vulnerability:
    id: str
    name: Text
    points: float
    basis: Basis
    household: bool = False


@dataclass(frozen=True)
class Weights:
    verified: float
    unreviewed: float
    before_designation: float
    before_in_force: float
    life_imprisonment_points: float
    fine_only_points: float


@dataclass(frozen=True)
class UrgencyRules:
    emergency_within_days: int
    urgent_within_days: int
    hearing_within_days: int
    points: Mapping[str, float]
    emergency_basis: Basis
    urgent_basis: Basis
    urgent_note: Text


@dataclass(frozen=True)
class CategoryRules:
    order: tuple[str, ...]
    legal_protection_min_risk: str
    basis: Basis


@dataclass(frozen=True)
class PathwayRules:
    stca_relationships: frozenset[str]
    stca_statuses: frozenset[str]
    stca_adult_statuses: frozenset[str]
    family_unity_relationships: frozenset[str]
    stca: Basis
    sponsorship: Basis
    public_policy: Basis
    discretionary: Basis
    refused_sponsorship: Basis


@dataclass(frozen=True)
class RuleSet:
    """One version of the rules. ``digest`` is the SHA-256 of the file it was read from."""

    version: str
    title: Text
    based_on: str
    digest: str
    weights: Weights
    risk_levels: tuple[tuple[str, float], ...]  # (level, lowest score), highest level first
    vulnerability_levels: tuple[tuple[str, float], ...]
    provisions: Mapping[str, Provision]
    exposures: tuple[Exposure, ...]
    designations: tuple[Designation, ...]
    registries: tuple[Registry, ...]
    signals: tuple[Signal, ...]
    reach: Reach
    mobilisation: Mobilisation
    minor_below: int
    elderly_from: int
    vulnerabilities: Mapping[str, Vulnerability]
    urgency: UrgencyRules
    categories: CategoryRules
    pathways: PathwayRules
    citations: Mapping[str, Citation] = field(default_factory=dict)
    _designations_by_tag: dict[tuple[str, str], Designation] = field(
        default_factory=dict, compare=False, repr=False
    )
    _texts: dict[tuple[str, str], Text] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for designation in self.designations:
            for tag in designation.tags:
                for provision in designation.provisions:
                    self._designations_by_tag.setdefault((tag, provision), designation)
        for text in self.texts():
            self._texts.setdefault((text.en, text.ru), text)

    def texts(self) -> Iterator[Text]:
        """Every text the rules give: names, titles, notes and assumptions."""
        yield self.title
        for provision in self.provisions.values():
            yield provision.title
            yield provision.targets
            if provision.in_force_note:
                yield provision.in_force_note
            yield from (a.text for a in provision.aggravated)
            yield from provision.unverified
        yield from (e.note for e in self.exposures if e.note)
        yield from (d.name for d in self.designations)
        for registry in self.registries:
            yield registry.name
            if registry.note:
                yield registry.note
        yield from (s.name for s in self.signals)
        yield self.reach.name
        yield self.mobilisation.name
        yield self.mobilisation.assumption
        yield from (v.name for v in self.vulnerabilities.values())
        yield self.urgency.urgent_note
        for citation in self.citations.values():
            yield citation.title
            if citation.detail:
                yield citation.detail

    def as_given(self, text: Text) -> Text:
        """``text`` as these rules give it, with its French: an assessment stored before the rules had
        French carries English and Russian only. The same English and Russian, or ``text`` unchanged."""
        return self._texts.get((text.en, text.ru), text)

    def public_sources(self, basis: Basis, key: str = "") -> tuple[Citation, ...]:
        """The public citations of a fact: those its basis names, or, for an assessment stored before
        the rules named them, those of the rule it came from (found by the contribution's ``key``)."""
        ids = basis.cite or self._cite_by_key.get(key, ()) or self._cite_by_source.get(basis.source, ())
        return tuple(self.citations[i] for i in ids if i in self.citations)

    @cached_property
    def _cite_by_key(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, tuple[str, ...]] = {}
        for provision in self.provisions.values():
            found[f"exposure:{provision.id}"] = provision.basis.cite
        for signal in self.signals:
            found[f"signal:{signal.id}"] = signal.basis.cite
        for vulnerability_id, vulnerability in self.vulnerabilities.items():
            found[f"vulnerability:{vulnerability_id}"] = vulnerability.basis.cite
        for registry in self.registries:
            found[f"registry:{registry.id}"] = registry.basis.cite
        found["signal:reach"] = self.reach.basis.cite
        found["signal:mobilisation"] = self.mobilisation.basis.cite
        return found

    @cached_property
    def _cite_by_source(self) -> dict[str, tuple[str, ...]]:
        """Internal sources that name one rule's citations only (an ambiguous one names none)."""
        seen: dict[str, set[tuple[str, ...]]] = {}
        for basis in self.bases():
            seen.setdefault(basis.source, set()).add(basis.cite)
        return {source: next(iter(cites)) for source, cites in seen.items() if len(cites) == 1}

    def bases(self) -> Iterator[Basis]:
        """Every basis the rules give."""
        for provision in self.provisions.values():
            yield provision.basis
        yield from (e.basis for e in self.exposures)
        yield from (d.basis for d in self.designations)
        yield from (r.basis for r in self.registries)
        yield from (s.basis for s in self.signals)
        yield self.reach.basis
        yield self.mobilisation.basis
        yield from (v.basis for v in self.vulnerabilities.values())
        yield self.urgency.emergency_basis
        yield self.urgency.urgent_basis
        yield self.categories.basis
        p = self.pathways
        yield from (p.stca, p.sponsorship, p.public_policy, p.discretionary, p.refused_sponsorship)

    def designation_for(self, tag: str, provision: str) -> Designation | None:
        """The designation that made conduct shown by ``tag`` an offence under ``provision``, if any."""
        return self._designations_by_tag.get((tag, provision))

    def registry_for(self, registry_name: str) -> Registry:
        """The registry a listing's registry name belongs to; the catch-all (no match words) otherwise."""
        for registry in self.registries:
            if registry.match and registry.matches(registry_name):
                return registry
        return next(r for r in self.registries if not r.match)

    def designation(self, designation_id: str) -> Designation:
        return next(d for d in self.designations if d.id == designation_id)

    @property
    def label(self) -> str:
        return f"{self.version} ({self.digest[:12]})"


def level_for(score: float, levels: tuple[tuple[str, float], ...]) -> str:
    """The highest level whose lowest score ``score`` reaches (``levels`` is highest first)."""
    for level, lowest in levels:
        if score >= lowest:
            return level
    return levels[-1][0]
