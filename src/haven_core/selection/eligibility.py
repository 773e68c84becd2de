"""Who may be chosen, and for everyone else the first criterion they fail.

The coalition's own criterion comes first and cannot be waived: the principal applicant is well
documented and the household is assessed. Then it must be ready for referral (status, consent, no
other referral open), unless the coordinator chose to include households not yet ready.
A coordinator's pin *out* removes a household; a pin *in*
takes it whatever the coordinator's filters and threshold say (the written reason says why). Then
the filters (status, organisation, detained, pathway), then the priority threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from haven_core.selection.inputs import Candidate, Parameters, Pin
from haven_core.selection.priority import points

# The codes of ineligibility, in the order they are checked.
INELIGIBLE = (
    "pinned_out",
    "not_assessed",
    "not_well_documented",
    "not_ready",
    "filtered_status",
    "filtered_organisation",
    "filtered_detained",
    "filtered_pathway",
    "below_threshold",
)

# What no pin overrides: a household pinned in must still be assessed, well documented and ready.
UNWAIVABLE = frozenset({"not_assessed", "not_well_documented", "not_ready"})


@dataclass(frozen=True)
class Verdict:
    eligible: bool
    code: str = ""  # one of INELIGIBLE, or "" when eligible
    detail: dict[str, Any] = field(default_factory=dict)
    pinned_in: bool = False


def judge(candidate: Candidate, params: Parameters) -> Verdict:
    pins = {p.key: p for p in params.pins}
    pin = pins.get(candidate.key)
    if pin is not None and not pin.include:
        return Verdict(False, "pinned_out", {"reason": pin.reason})
    if not candidate.assessed:
        return Verdict(False, "not_assessed")
    if not candidate.well_documented:
        return Verdict(False, "not_well_documented")
    if not candidate.ready and not params.include_not_ready:
        return Verdict(False, "not_ready", {"missing": list(candidate.not_ready)})
    if candidate.people < 1:
        raise ValueError(f"household {candidate.key} has no people")
    if pin is not None:
        return Verdict(True, pinned_in=True, detail={"reason": pin.reason})
    f = params.filters
    if f.stages and candidate.stage not in f.stages:
        return Verdict(False, "filtered_status", {"stage": candidate.stage})
    if f.organisations and candidate.organisation not in f.organisations:
        return Verdict(False, "filtered_organisation", {"organisation": candidate.organisation})
    if f.detained_only and not candidate.detained:
        return Verdict(False, "filtered_detained")
    if f.pathways and not (candidate.pathways & f.pathways):
        return Verdict(False, "filtered_pathway")
    priority = points(candidate, params.weights)
    threshold = round(params.min_priority * 1000)
    if priority <= 0 or priority < threshold:
        return Verdict(
            False, "below_threshold", {"priority": priority / 1000, "threshold": params.min_priority}
        )
    return Verdict(True)


def check_pins(candidates: Iterable[Candidate], params: Parameters) -> list[tuple[Pin, str]]:
    """Every pin that names no household that could be chosen, with why: ``unknown`` (no such
    household), or the code that makes it ineligible whatever a pin says (not assessed, not well
    documented, not ready)."""
    by_key = {c.key: c for c in candidates}
    bare = replace(params, pins=())
    problems: list[tuple[Pin, str]] = []
    for pin in params.pins:
        candidate = by_key.get(pin.key)
        if candidate is None:
            problems.append((pin, "unknown"))
            continue
        verdict = judge(candidate, bare)
        if verdict.code in UNWAIVABLE:
            problems.append((pin, verdict.code))
    return problems
