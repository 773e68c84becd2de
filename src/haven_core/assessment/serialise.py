"""An assessment as compact JSON and back: what Haven stores (encrypted) and shows later.

``from_json(to_json(a)) == a`` for every assessment. Defaults are left out to keep the stored text
small: a hundred thousand households are stored at every change of the rules.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

from haven_core.assessment.result import (
    Assessment,
    Contribution,
    EvidenceCount,
    Note,
    PathwayNote,
    PersonAssessment,
    Proposal,
    Score,
    Urgency,
)
from haven_core.assessment.rules import Basis, Text

FORMAT = 1


# Labels and bases come from the rules and repeat in every assessment: each is turned into JSON values
# once. The values are tuples, so that no caller can change a shared one.
@cache
def _text(text: Text | None) -> tuple[str, ...] | None:
    """``[en, ru]``, or ``[en, ru, fr]`` where the rules give French (assessments stored before French
    was added to the rules read back without it, and show English in French)."""
    if text is None:
        return None
    return (text.en, text.ru, text.fr) if text.fr else (text.en, text.ru)


@cache
def _basis(basis: Basis) -> tuple[str, ...]:
    out = [basis.source, basis.confidence, basis.cites, basis.kind, " ".join(basis.cite)]
    while len(out) > 2 and out[-1] in ("", "domain"):
        out.pop()
    return tuple(out)


def _note(note: Note) -> list[Any]:
    return [note.code, dict(note.params)] if note.params else [note.code]


def _contribution(c: Contribution) -> dict[str, Any]:
    out: dict[str, Any] = {"k": c.key, "p": c.points, "b": _basis(c.basis)}
    optional = {
        "l": _text(c.label),
        "d": _text(c.detail),
        "who": c.person,
        "e": list(c.evidence) or None,
        "n": [_note(n) for n in c.notes] or None,
        "c": None if c.counted else False,
    }
    out.update({k: v for k, v in optional.items() if v is not None})
    return out


def _contributions(items: tuple[Contribution, ...]) -> list[dict[str, Any]]:
    return [_contribution(c) for c in items]


def _person(p: PersonAssessment) -> dict[str, Any]:
    return {
        "id": p.person,
        "risk": {"level": p.risk.level, "c": _contributions(p.risk.contributions)},
        "vulnerability": {"level": p.vulnerability.level, "c": _contributions(p.vulnerability.contributions)},
        "urgency": {
            "level": p.urgency.level,
            "date": p.urgency.date.isoformat() if p.urgency.date else None,
            "c": _contributions(p.urgency.contributions),
        },
        "evidence": [p.evidence.verified, p.evidence.unreviewed, p.evidence.not_counted],
    }


def to_data(a: Assessment) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "rules": [a.rules_version, a.rules_digest],
        "on": a.assessed_on.isoformat(),
        "people": [_person(p) for p in a.people],
        "risk_person": a.risk_person,
        "urgency_person": a.urgency_person,
        "vulnerability_level": a.vulnerability_level,
        "household_vulnerabilities": _contributions(a.household_vulnerabilities),
        "categories": [
            {"category": p.category, "b": _basis(p.basis), "n": [_note(n) for n in p.reasons]}
            for p in a.categories
        ],
        "pathways": [
            {
                "code": n.code,
                "b": _basis(n.basis),
                "applies": n.applies,
                "who": n.person,
                "n": [_note(x) for x in n.notes],
            }
            for n in a.pathways
        ],
    }


def to_json(a: Assessment) -> str:
    return json.dumps(to_data(a), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


# --- reading back ------------------------------------------------------------------------------------


def _read_text(value: list[str] | None) -> Text | None:
    return None if value is None else Text(*value[:3])


def _read_basis(value: list[str]) -> Basis:
    source, confidence, *rest = value
    return Basis(
        source,
        confidence,
        rest[0] if rest else "",
        rest[1] if len(rest) > 1 else "domain",
        tuple(rest[2].split()) if len(rest) > 2 else (),
    )


def _read_note(value: list[Any]) -> Note:
    params = value[1] if len(value) > 1 else {}
    return Note(value[0], tuple(sorted((str(k), str(v)) for k, v in params.items())))


def _read_contribution(d: dict[str, Any]) -> Contribution:
    return Contribution(
        key=d["k"],
        points=float(d["p"]),
        basis=_read_basis(d["b"]),
        label=_read_text(d.get("l")),
        detail=_read_text(d.get("d")),
        person=d.get("who"),
        evidence=tuple(d.get("e", ())),
        notes=tuple(_read_note(n) for n in d.get("n", ())),
        counted=d.get("c", True),
    )


def _read_contributions(items: list[dict[str, Any]]) -> tuple[Contribution, ...]:
    return tuple(_read_contribution(c) for c in items)


def _read_person(d: dict[str, Any]) -> PersonAssessment:
    urgency = d["urgency"]
    return PersonAssessment(
        person=d["id"],
        risk=Score(d["risk"]["level"], _read_contributions(d["risk"]["c"])),
        vulnerability=Score(d["vulnerability"]["level"], _read_contributions(d["vulnerability"]["c"])),
        urgency=Urgency(
            urgency["level"],
            dt.date.fromisoformat(urgency["date"]) if urgency.get("date") else None,
            _read_contributions(urgency["c"]),
        ),
        evidence=EvidenceCount(*d["evidence"]),
    )


def from_json(text: str) -> Assessment:
    d = json.loads(text)
    if d.get("format") != FORMAT:
        raise ValueError(f"unknown assessment format {d.get('format')!r}")
    return Assessment(
        rules_version=d["rules"][0],
        rules_digest=d["rules"][1],
        assessed_on=dt.date.fromisoformat(d["on"]),
        people=tuple(_read_person(p) for p in d["people"]),
        risk_person=d["risk_person"],
        urgency_person=d["urgency_person"],
        vulnerability_level=d["vulnerability_level"],
        household_vulnerabilities=_read_contributions(d["household_vulnerabilities"]),
        categories=tuple(
            Proposal(p["category"], _read_basis(p["b"]), tuple(_read_note(n) for n in p["n"]))
            for p in d["categories"]
        ),
        pathways=tuple(
            PathwayNote(
                n["code"], _read_basis(n["b"]), n["applies"], n["who"], tuple(_read_note(x) for x in n["n"])
            )
            for n in d["pathways"]
        ),
    )
