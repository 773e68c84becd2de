"""The batch list: one row per household of a referral batch, built from its minimised record.

The row holds only what the field profile let out: a withheld field is an empty cell, never a value.
Column names are bilingual (English / French), because the list is one file for both kinds of reader.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from haven_core.assessment.result import PathwayNote
from haven_core.referral.formatting import display_date

COLUMNS: tuple[tuple[str, str], ...] = (
    ("rank", "Rank / Rang"),
    ("reference", "Reference / Référence"),
    ("organisation", "Organisation"),
    ("people", "People / Personnes"),
    ("principal_latin", "Principal (Latin) / Demandeur principal (latin)"),
    ("principal_cyrillic", "Principal (Cyrillic) / Demandeur principal (cyrillique)"),
    ("a_number", "A-number / Numéro A"),
    ("us_status", "US status / Statut aux États-Unis"),
    ("detained", "People detained / Personnes détenues"),
    ("next_deadline", "Next deadline / Prochaine échéance"),
    ("risk", "Risk / Risque"),
    ("vulnerability", "Vulnerability / Vulnérabilité"),
    ("urgency", "Urgency / Urgence"),
    ("pathways", "Pathways / Voies"),
    ("evidence", "Evidence verified / Preuves vérifiées"),
    ("reason", "Selection / Sélection"),
)

_DEADLINES = ("next_hearing_date", "removal_scheduled_date")

Label = Callable[[str, str], str]  # (what, code) -> words; what is "us_status", "level" or "pathway"


def _plain(what: str, code: str) -> str:
    return code


def next_deadline(people: Sequence[Mapping[str, Any]]) -> str:
    """The earliest hearing or scheduled removal of anyone in the household, as an ISO date, or ""."""
    dates = sorted(str(p[k]) for p in people for k in _DEADLINES if p.get(k))
    return dates[0] if dates else ""


def level_in_force(level: Mapping[str, Any]) -> str:
    """The level of one dimension (``{"computed": ..., "reviewer": ...}``): a reviewer's overrides the
    computed one."""
    return str(level.get("reviewer") or level.get("computed") or "")


def _level(assessment: Mapping[str, Any], dimension: str) -> str:
    return level_in_force(assessment.get("levels", {}).get(dimension) or {})


def batch_row(
    record: Mapping[str, Any], *, label: Label = _plain, language: str = "en", reason: str = ""
) -> dict[str, str]:
    """One household's row; ``record`` is already minimised, ``reason`` already worded."""
    people: Sequence[Mapping[str, Any]] = record.get("people", ())
    principal = next((p for p in people if p.get("relationship") == "principal"), people[0] if people else {})
    assessment: Mapping[str, Any] = record.get("assessment") or {}
    selection: Mapping[str, Any] = record.get("selection") or {}
    evidence = [e for p in people for e in p.get("evidence", ())]
    detained = [p for p in people if p.get("detained")]
    known_detention = any("detained" in p for p in people)
    row = {
        "rank": str(selection.get("rank") or ""),
        "reference": str(record.get("reference", "")),
        "organisation": str(record.get("organisation", "")),
        "people": str(len(people)),
        "principal_latin": str(principal.get("name_latin", "")),
        "principal_cyrillic": str(principal.get("name_cyrillic", "")),
        "a_number": str(principal.get("a_number", "")),
        "us_status": label("us_status", principal["us_status"]) if principal.get("us_status") else "",
        "detained": (str(len(detained)) if known_detention else ""),
        "next_deadline": display_date(next_deadline(people), language),
        "risk": label("level", _level(assessment, "risk")) if assessment else "",
        "vulnerability": label("level", _level(assessment, "vulnerability")) if assessment else "",
        "urgency": label("level", _level(assessment, "urgency")) if assessment else "",
        "pathways": "; ".join(
            label("pathway", n.code)
            for n in record.get("pathways", ())
            if isinstance(n, PathwayNote) and n.applies
        ),
        "evidence": (
            f"{sum(1 for e in evidence if e.get('status') == 'verified')}/{len(evidence)}" if evidence else ""
        ),
        "reason": reason,
    }
    return {key: row[key] for key, _ in COLUMNS}


def headed(rows: Sequence[Mapping[str, str]]) -> list[list[str]]:
    """The rows as a table: the header line, then the values in column order."""
    return [[title for _, title in COLUMNS], *[[row.get(key, "") for key, _ in COLUMNS] for row in rows]]
