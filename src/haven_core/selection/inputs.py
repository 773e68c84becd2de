"""What selection reads: one :class:`Candidate` per household, and the coordinator's :class:`Parameters`.

Everything here is plain data that serialises to JSON and back (``to_dict``/``from_dict``), so that a
saved run can be repeated exactly from its snapshot.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Candidate:
    """One household as selection sees it: no names, only what the choice depends on."""

    key: str  # the household's reference
    people: int  # places it needs: households are never split
    organisation: str = ""
    stage: str = ""
    pathways: frozenset[str] = frozenset()
    detained: bool = False
    emergency: bool = False
    well_documented: bool = False  # the principal, by the evidence documentation score
    assessed: bool = False  # a current assessment exists
    risk: float = 0.0
    vulnerability: float = 0.0
    urgency: float = 0.0
    # Whether it can be referred now (haven_core.referral.readiness), and if not, the codes of what is
    # missing. Snapshots made before readiness existed read as ready.
    ready: bool = True
    not_ready: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["pathways"] = sorted(self.pathways)
        data["not_ready"] = list(self.not_ready)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Candidate:
        values = dict(data)
        values["pathways"] = frozenset(values.get("pathways", ()))
        values["not_ready"] = tuple(values.get("not_ready", ()))
        return cls(**values)


@dataclass(frozen=True)
class Weights:
    """How much one point of each assessment score adds to a person's priority. Shown and adjustable."""

    risk: float = 0.5
    vulnerability: float = 0.3
    urgency: float = 0.2

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if value < 0:
                raise ValueError(f"weight {name} must not be negative")


@dataclass(frozen=True)
class Filters:
    """The coordinator's narrowing of the eligible households; an empty set means no filter."""

    stages: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    detained_only: bool = False
    pathways: frozenset[str] = frozenset()  # any of these


@dataclass(frozen=True)
class Limits:
    """Side limits, in places (people): per member organisation, and per pathway (a sub-quota)."""

    per_organisation: int | None = None
    per_pathway: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Pin:
    """A coordinator's decision to take (``include``) or leave out a household, with a written reason."""

    key: str
    include: bool
    reason: str

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise ValueError("a pin needs a written reason")


@dataclass(frozen=True)
class Parameters:
    quota: int
    weights: Weights = Weights()
    filters: Filters = Filters()
    limits: Limits = Limits()
    pins: tuple[Pin, ...] = ()
    min_priority: float = 0.0  # households whose priority per person is below this are not considered
    emergency_first: bool = True
    # Households that cannot be referred now are left out unless the coordinator explicitly includes
    # them (to see where they would rank); included, they are marked in the results.
    include_not_ready: bool = False
    audience: str = "officials"  # whom the referral will go to: the consent it needs

    def __post_init__(self) -> None:
        if self.quota < 0:
            raise ValueError("the quota must not be negative")
        keys = [p.key for p in self.pins]
        if len(keys) != len(set(keys)):
            raise ValueError("a household is pinned twice")

    def with_quota(self, quota: int) -> Parameters:
        return Parameters(
            quota=quota,
            weights=self.weights,
            filters=self.filters,
            limits=self.limits,
            pins=self.pins,
            min_priority=self.min_priority,
            emergency_first=self.emergency_first,
            include_not_ready=self.include_not_ready,
            audience=self.audience,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "quota": self.quota,
            "weights": asdict(self.weights),
            "filters": {
                "stages": sorted(self.filters.stages),
                "organisations": sorted(self.filters.organisations),
                "detained_only": self.filters.detained_only,
                "pathways": sorted(self.filters.pathways),
            },
            "limits": {
                "per_organisation": self.limits.per_organisation,
                "per_pathway": dict(sorted(self.limits.per_pathway.items())),
            },
            "pins": [asdict(p) for p in self.pins],
            "min_priority": self.min_priority,
            "emergency_first": self.emergency_first,
            "include_not_ready": self.include_not_ready,
            "audience": self.audience,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Parameters:
        f, lim = data.get("filters", {}), data.get("limits", {})
        return cls(
            quota=int(data["quota"]),
            weights=Weights(**data.get("weights", {})),
            filters=Filters(
                stages=frozenset(f.get("stages", ())),
                organisations=frozenset(f.get("organisations", ())),
                detained_only=bool(f.get("detained_only", False)),
                pathways=frozenset(f.get("pathways", ())),
            ),
            limits=Limits(
                per_organisation=lim.get("per_organisation"),
                per_pathway={str(k): int(v) for k, v in lim.get("per_pathway", {}).items()},
            ),
            pins=tuple(Pin(**p) for p in data.get("pins", ())),
            min_priority=float(data.get("min_priority", 0.0)),
            emergency_first=bool(data.get("emergency_first", True)),
            include_not_ready=bool(data.get("include_not_ready", False)),
            audience=str(data.get("audience", "officials")),
        )
