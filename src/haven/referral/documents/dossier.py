"""A household's dossier as a PDF, in English or French, from its minimised record only.

The record is built (``record.household_record``), the field profile applied (``minimise``), and only
the minimised record reaches the document: a field the profile holds back, or that a person asked to
keep private, cannot appear because the document never holds it. The dossier lists the names of the
fields that stayed in Haven, never their values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from haven.assessment.display import Source, Words, level_label, panel
from haven.assessment.rules import current_rules
from haven.cases.countries import citizenship_names
from haven.cases.models import Household
from haven.referral.documents import words
from haven.referral.documents.pdf import write_pdf
from haven.referral.documents.record import household_record, person_ids
from haven.referral.documents.typeset import dossier_document
from haven_core import assessment as core
from haven_core.assessment import RulesError
from haven_core.assessment.result import Contribution, Note
from haven_core.referral.formatting import display_date
from haven_core.referral.profile import ASSESSED_FIELDS, FieldProfile, minimise

LANGUAGES = ("en", "fr")


def canadian(language: str) -> str:
    """The Canadian form of the language, for Canadian readers: its formats write short dates as
    2026-03-06, never the ambiguous 03/06/2026 (the words come from the language's own catalogue)."""
    return f"{language}-ca"


def _rules() -> Any:
    try:
        return current_rules()
    except (RulesError, OSError):
        return None  # the stored result carries its own labels and sources; rules only name designations


def _shown_title(title: str, original_language: str | None) -> str:
    """The title as the dossier shows it: translated, or the original marked with its language."""
    if not title or original_language is None:
        return title
    if original_language:
        return _("%(title)s (original in %(language)s)") % {"title": title, "language": original_language}
    return _("%(title)s (original, not translated)") % {"title": title}


def _person_context(n: int, person: Mapping[str, Any], language: str) -> dict[str, Any]:
    evidence = []
    for item in person.get("evidence", ()):
        verified = item.get("verified_by")
        title, summary, original_language = words.evidence_title(item, language)
        evidence.append(
            {
                **item,
                "title": title,
                "summary": summary,
                "original_language": original_language,
                "shown_title": _shown_title(title, original_language),
                "kind_label": words.evidence_kind(item.get("kind", "")),
                "date_label": display_date(item.get("date"), language),
                "status_label": words.review_status(item.get("status", "")),
                "working_copy_label": words.derivation(item.get("working_copy", "")),
                "verified_label": (
                    _("%(verdict)s by a %(role)s on %(date)s")
                    % {
                        "verdict": words.verdict(verified["verdict"]),
                        "role": words.staff_role(verified["role"]).lower(),
                        "date": display_date(verified["date"], language),
                    }
                    if verified
                    else ""
                ),
                "files": [{**f, "role_label": words.file_role(f["role"])} for f in item.get("files", ())],
            }
        )
    return {
        "n": n,
        "fields": person,
        "name": person.get("name_latin") or person.get("name_cyrillic") or _("Person %(n)s") % {"n": n},
        "relationship": words.relationship(person.get("relationship", "")),
        "sex": words.sex(person.get("sex", "")),
        "citizenship": citizenship_names(person.get("citizenship")),
        "birth_date": display_date(person.get("birth_date"), language),
        "us_status": words.us_status(person.get("us_status", "")),
        "next_hearing_date": display_date(person.get("next_hearing_date"), language),
        "removal_order_date": display_date(person.get("removal_order_date"), language),
        "removal_scheduled_date": display_date(person.get("removal_scheduled_date"), language),
        "vulnerabilities": [words.vulnerability(v) for v in person.get("vulnerabilities", ())],
        "evidence": evidence,
    }


def _about(person: str | None, notes: Sequence[Note], hidden: set[str]) -> bool:
    return person in hidden or any(n.values.get("person") in hidden for n in notes)


def _keep(lines: list[Any], contributions: Sequence[Contribution], hidden: set[str]) -> list[Any]:
    """The worded lines (in the same order as ``contributions``) that are about no one in ``hidden``."""
    return [
        line for line, c in zip(lines, contributions, strict=True) if not _about(c.person, c.notes, hidden)
    ]


def _without(shown: dict[str, Any], result: core.Assessment, hidden: set[str]) -> dict[str, Any]:
    """The panel without the reasons about people who keep assessed facts private; totals unchanged."""
    others = [p for p in result.people if p.person != result.risk_person and p.risk.contributions]
    shown["risk"]["lines"] = _keep(shown["risk"]["lines"], result.risk.contributions, hidden)
    shown["others"] = [o for o, p in zip(shown["others"], others, strict=True) if p.person not in hidden]
    shown["vulnerability"]["lines"] = _keep(
        shown["vulnerability"]["lines"], result.vulnerability.contributions, hidden
    )
    shown["urgency"]["lines"] = _keep(shown["urgency"]["lines"], result.urgency.contributions, hidden)
    for category, proposal in zip(shown["categories"], result.categories, strict=True):
        category["reasons"] = [
            r
            for r, n in zip(category["reasons"], proposal.reasons, strict=True)
            if not _about(None, (n,), hidden)
        ]
    return shown


def _numbered(out: dict[str, Any]) -> list[Source]:
    """Number the public sources of every line, category and route once, in order of first use: each
    cites them by number, and the dossier lists them once (a source repeated on every line would make a
    dossier twice as long and no clearer)."""
    sources: dict[Source, int] = {}

    def refs(cited: list[Source]) -> tuple[int, ...]:
        return tuple(sorted({sources.setdefault(source, len(sources) + 1) for source in cited}))

    shown = out.get("shown")
    if shown:
        tables = [shown["risk"], *shown["others"], shown["vulnerability"], shown["urgency"]]
        for table in tables:
            table["lines"] = [replace(line, refs=refs(line.sources)) for line in table["lines"]]
        for category in shown["categories"]:
            category["refs"] = refs(category["sources"])
    for route in out["pathways"]:
        route["refs"] = refs(route["sources"])
    return list(sources)


def _assessment_context(
    record: Mapping[str, Any],
    people: list[dict[str, Any]],
    ids: Sequence[str],
    language: str,
    hidden: Mapping[str, int],
) -> dict[str, Any] | None:
    assessment = record.get("assessment")
    pathways = record.get("pathways") or []
    names = {pid: p["name"] for pid, p in zip(ids, people, strict=False)}
    titles = {
        e["id"]: e.get("shown_title") or e["id"][:8] for p in people for e in p["evidence"] if "id" in e
    }
    text = Words(people=names, evidence=titles, rules=_rules(), language=language)
    out: dict[str, Any] = {
        "pathways": [text.pathway(n) for n in pathways if not _about(n.person, n.notes, set(hidden))],
        "hidden": sorted(hidden.values()),
    }
    if assessment:
        result = assessment["result"]
        levels = [
            {
                "dimension": d,
                "name": words.dimension(d),
                "computed": level_label(v["computed"]),
                "score": v["score"],
                "reviewer": level_label(v["reviewer"]) if v["reviewer"] else "",
            }
            for d, v in assessment["levels"].items()
        ]
        out.update(
            {
                "shown": _without(panel(result, text), result, set(hidden)),
                "levels": levels,
                "rules_version": assessment["rules_version"],
                "assessed_on": display_date(assessment["assessed_on"], language),
                "urgency_date": display_date(assessment.get("urgency_date"), language),
            }
        )
    out["sources"] = _numbered(out)
    return out


def _level(levels: Sequence[Mapping[str, Any]], dimension: str) -> str:
    """The level a reviewer set, or else the computed one."""
    found = next((d for d in levels if d["dimension"] == dimension), None)
    return str(found["reviewer"] or found["computed"]).lower() if found else ""


def _why(selection: Mapping[str, Any], assessment: Mapping[str, Any] | None) -> list[str]:
    """Why the household is put forward, in plain words: how it was chosen, its priority, its main risks,
    its vulnerability and the proposed category. No ranks, scores or shares of an optimiser's total."""
    why = [words.put_forward(str(selection.get("reason", "")))]
    if not assessment or "shown" not in assessment:
        return why
    shown, levels = assessment["shown"], assessment["levels"]
    urgency = _level(levels, "urgency")
    trigger = next((line.what for line in shown["urgency"]["lines"] if line.counted), "")
    if urgency:
        parts = [urgency, trigger, assessment.get("urgency_date", "")]
        why.append(_("Priority: %(priority)s.") % {"priority": ", ".join(p for p in parts if p)})
    risks = [line.what for line in shown["risk"]["lines"] if line.counted and line.points > 0][:3]
    risk = _level(levels, "risk")
    if risk and risks:
        why.append(
            _("Persecution risk: %(level)s. Main risks: %(risks)s.")
            % {"level": risk, "risks": "; ".join(risks)}
        )
    elif risk:
        why.append(_("Persecution risk: %(level)s.") % {"level": risk})
    vulnerable = [line.what for line in shown["vulnerability"]["lines"] if line.counted and line.points > 0]
    vulnerability = _level(levels, "vulnerability")
    if vulnerability and vulnerable:
        why.append(
            _("Vulnerability: %(level)s (%(reasons)s).")
            % {"level": vulnerability, "reasons": "; ".join(dict.fromkeys(vulnerable))}
        )
    if shown["categories"]:
        why.append(
            _("Proposed UNHCR submission category: %(category)s.")
            % {"category": shown["categories"][0]["label"]}
        )
    return why


def _sign_off(entry: Mapping[str, Any], titles: Mapping[str, str], language: str) -> dict[str, str]:
    role = words.staff_role(entry.get("role", ""))
    when = display_date(entry.get("date"), language)
    if entry["kind"] == "evidence":
        what = _("Evidence “%(title)s” (person %(n)s): %(verdict)s") % {
            "title": titles.get(entry.get("item", ""), _("an item withheld by the field profile")),
            "n": entry.get("person", ""),
            "verdict": words.verdict(entry.get("verdict", "")).lower(),
        }
    elif entry.get("verdict"):
        what = _("%(dimension)s set to %(level)s (computed: %(was)s)") % {
            "dimension": words.dimension(entry.get("what", "")),
            "level": level_label(entry["verdict"]),
            "was": level_label(entry.get("was", "")),
        }
    else:
        what = _("%(dimension)s: override withdrawn") % {"dimension": words.dimension(entry.get("what", ""))}
    return {"role": role, "date": when, "what": what, "note": str(entry.get("note", ""))}


def dossier_context(
    minimised_record: Mapping[str, Any],
    withheld: Sequence[str],
    *,
    language: str,
    profile: FieldProfile,
    batch_reference: str,
    ids: Sequence[str] = (),
    hidden: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """What the dossier shows, worded in the active language (call under ``override``); laid out as
    :func:`.typeset.dossier_document` says.

    ``hidden`` maps the ids of people who keep assessed facts private to their number in the household:
    the assessment's reasons about them are left out."""
    record = minimised_record
    people = [_person_context(n, p, language) for n, p in enumerate(record.get("people", ()), start=1)]
    selection = record.get("selection")
    titles = {e["id"]: e.get("shown_title", "") for p in people for e in p["evidence"] if "id" in e}
    assessment = _assessment_context(record, people, ids, language, hidden or {})
    return {
        "language": language,
        "batch_reference": batch_reference,
        "reference": record.get("reference", ""),
        "organisation": record.get("organisation", ""),
        "audience": words.audience(profile.name),
        "people": people,
        "assessment": assessment,
        "has_assessment": "assessment" in record and record.get("assessment") is not None,
        "has_pathways": "pathways" in record,
        "sign_offs": [_sign_off(s, titles, language) for s in record.get("sign_offs", ())],
        "has_sign_offs": "sign_offs" in record,
        "why": _why(selection, assessment) if selection is not None else [],
        "withheld": [words.withheld(w) for w in withheld],
    }


def _recorded(record: Mapping[str, Any], withheld: str) -> bool:
    """Whether the held-back field named ``withheld`` ("person 2: address") holds anything: an empty
    field is not worth listing as withheld."""
    where, _sep, key = withheld.partition(": ")
    if where == "household":
        value = record.get(key)
    else:
        people = record.get("people", ())
        n = int(where.split()[-1]) if where.split()[-1].isdigit() else 0
        value = people[n - 1].get(key) if 0 < n <= len(people) else None
    return isinstance(value, bool) or value not in (None, "", [], {})


def render_dossier(
    record: Mapping[str, Any],
    *,
    language: str,
    profile: FieldProfile,
    batch_reference: str = "",
    ids: Sequence[str] = (),
) -> bytes:
    """The PDF of a household record (as :func:`household_record` builds it) under ``profile``."""
    if language not in LANGUAGES:
        raise ValueError(f"a dossier is written in English or French, not {language!r}")
    minimised = minimise(record, profile)
    withheld = [name for name in minimised.withheld if _recorded(record, name)]
    hidden = {
        pid: n
        for n, (pid, person) in enumerate(zip(ids, record.get("people", ()), strict=False), start=1)
        if ASSESSED_FIELDS & set(person.get("private", ()))
    }
    with translation.override(canadian(language)):
        context = dossier_context(
            minimised.record,
            withheld,
            language=language,
            profile=profile,
            batch_reference=batch_reference,
            ids=ids,
            hidden=hidden,
        )
        document = dossier_document(context)
        title = _("Referral dossier %(reference)s") % {"reference": record.get("reference", "")}
    return write_pdf("dossier", document, title=title, language=language)


def dossier_pdf(
    household: Household,
    *,
    language: str,
    profile: FieldProfile,
    reasons: Mapping[str, Any] | None = None,
    batch_reference: str = "",
) -> bytes:
    record = household_record(household, reasons=reasons)
    return render_dossier(
        record, language=language, profile=profile, batch_reference=batch_reference, ids=person_ids(household)
    )
