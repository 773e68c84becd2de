"""An assessment as the panel shows it: every contribution with its reason, points and source, worded in
the reader's language. Codes become words here; nothing is decided here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.template.defaultfilters import date as date_filter
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from haven.assessment import wording
from haven.assessment.models import LEVEL_CHOICES
from haven.cases.models.canada import CANADIAN_STATUS_CHOICES, PERMIT_CHOICES, RELATIVE_CHOICES
from haven.cases.models.immigration import US_STATUS_CHOICES
from haven.evidence.models.items import STATUS_CHOICES, TAG_CHOICES
from haven_core import assessment as core
from haven_core.assessment.result import Contribution, Note, PathwayNote, Proposal
from haven_core.assessment.rules import Basis, Citation, RuleSet, Text

ALL_LEVELS = {code: label for choices in LEVEL_CHOICES.values() for code, label in choices}
FLAGS = {
    "serious_medical": gettext_lazy("serious medical condition"),
    "disability": gettext_lazy("disability"),
    "pregnancy": gettext_lazy("pregnancy"),
    "lgbtq": gettext_lazy("LGBTQ+"),
    "elderly": gettext_lazy("elderly"),
    "minor": gettext_lazy("minor"),
    "survivor_of_violence": gettext_lazy("survivor of violence or torture"),
}


def level_label(level: str) -> str:
    return str(ALL_LEVELS.get(level, level))


def _date(value: str) -> str:
    try:
        return str(date_filter(dt.date.fromisoformat(value), "SHORT_DATE_FORMAT"))
    except ValueError:
        return value


@dataclass(frozen=True)
class Source:
    """A public source as the reader sees it: what to look up, where, and when it was published.

    Only the rules file's public citations become a :class:`Source`; the internal provenance of a rule
    (which section of Haven's notes it came from) never does."""

    title: str
    detail: str = ""
    url: str = ""
    date: str = ""
    unverified: bool = False


@dataclass(frozen=True)
class Line:
    """One contribution as the reader sees it."""

    what: str
    reasons: list[str]
    detail: str
    points: float
    counted: bool
    person: str
    evidence: list[str]
    sources: list[Source]
    confidence: str
    confidence_label: str
    basis_label: str
    refs: tuple[int, ...] = ()  # numbers of its sources in a document's list of sources

    @property
    def unverified(self) -> bool:
        return self.confidence == "U"


@dataclass
class Words:
    """What turns codes into words for one page: names of people and items, and the rules for names."""

    people: Mapping[str, str]
    evidence: Mapping[str, str]
    rules: RuleSet | None
    language: str = field(default_factory=lambda: get_language() or "en")

    def text(self, value: Text | None) -> str:
        """A rules text in the page's language; one stored before the rules had that language takes it
        from the rules in force when they give the same text, and English otherwise."""
        if value is None:
            return ""
        if not value.has(self.language) and self.rules is not None:
            value = self.rules.as_given(value)
        return value.in_language(self.language)

    def sources(self, basis: Basis, key: str = "") -> list[Source]:
        """The public sources of a fact, in the page's language (none when the rules are unreadable)."""
        if self.rules is None:
            return []
        return [self._source(c) for c in self.rules.public_sources(basis, key)]

    def _source(self, citation: Citation) -> Source:
        return Source(
            title=self.text(citation.title),
            detail=self.text(citation.detail),
            url=citation.url,
            date=_date(citation.date) if len(citation.date) == 10 else citation.date,
            unverified=citation.unverified,
        )

    def _designation(self, code: str) -> str:
        found = next((d for d in self.rules.designations if d.id == code), None) if self.rules else None
        return self.text(found.name) if found else code

    def _registry(self, code: str) -> str:
        found = next((r for r in self.rules.registries if r.id == code), None) if self.rules else None
        return self.text(found.name) if found else code

    def _penalty(self, values: Mapping[str, str]) -> str:
        if values.get("life"):
            return _("life imprisonment")
        if "years" in values:
            years = int(values["years"])
            return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
        amount = number_format(int(values.get("fine_rub", 0)), force_grouping=True)
        return _("a fine of up to %(amount)s RUB") % {"amount": amount}

    def note(self, note: Note, context: str = "") -> str:
        values: dict[str, str] = dict(note.values)
        labels: dict[str, Callable[[str], str]] = {
            "tag": lambda v: str(dict(TAG_CHOICES).get(v, v)),
            "designation": self._designation,
            "kind": lambda v: str(wording.DESIGNATION_KIND.get(v, dict(PERMIT_CHOICES).get(v, v))),
            "registry": self._registry,
            "level": level_label,
            "minimum": level_label,
            "flag": lambda v: str(FLAGS.get(v, v)),
            "person": lambda v: self.people.get(v, _("a member")),
            "relationship": lambda v: str(dict(RELATIVE_CHOICES).get(v, v)),
        }
        for name, value in list(values.items()):
            if name in labels:
                values[name] = labels[name](value)
            elif name in ("date", "since", "in_force", "until", "valid_until", "penalty_on") or name == "on":
                values[name] = _date(value) if value != "today" else _("today")
        if note.code == "status_weight":
            values["status"] = str(dict(STATUS_CHOICES).get(values["status"], values["status"])).lower()
        if note.code == "relative":
            values["status"] = str(dict(CANADIAN_STATUS_CHOICES).get(values["status"], values["status"]))
        if note.code == "no_durable_solution":
            values["status"] = str(dict(US_STATUS_CHOICES).get(values["status"], values["status"]))
        if note.code == "penalty":
            values["penalty"] = self._penalty(note.values)
        for name in ("date", "valid_until", "followers", "views"):
            values.setdefault(name, _("unknown"))
        template = wording.NOTES.get(note.code)
        return str(template) % values if template else note.code

    def line(self, c: Contribution) -> Line:
        what = self.text(c.label) or str(wording.URGENCY_TRIGGERS.get(c.subject, c.key))
        return Line(
            what=what,
            reasons=[self.note(n) for n in c.notes],
            detail=self.text(c.detail),
            points=c.points,
            counted=c.counted,
            person=self.people.get(c.person, "") if c.person else "",
            evidence=[self.evidence.get(e, e[:8]) for e in c.evidence],
            sources=self.sources(c.basis, c.key),
            confidence=c.basis.confidence,
            confidence_label=str(wording.CONFIDENCE.get(c.basis.confidence, c.basis.confidence)),
            basis_label=str(wording.BASIS_KIND.get(c.basis.kind, "")),
        )

    def proposal(self, p: Proposal) -> dict[str, Any]:
        return {
            "label": wording.CATEGORIES.get(p.category, p.category),
            "reasons": [self.note(n) for n in p.reasons],
            "sources": self.sources(p.basis),
        }

    def pathway(self, n: PathwayNote) -> dict[str, Any]:
        return {
            "label": wording.PATHWAYS.get(n.code, n.code),
            "applies": n.applies,
            "person": self.people.get(n.person, "") if n.person else "",
            "reasons": [self.note(x) for x in n.notes],
            "sources": self.sources(n.basis),
            "confidence": n.basis.confidence,
            "confidence_label": wording.CONFIDENCE.get(n.basis.confidence, n.basis.confidence),
        }


def panel(assessment: core.Assessment, words: Words) -> dict[str, Any]:
    """Everything the assessment panel shows, worded."""
    others = [
        {
            "name": words.people.get(p.person, ""),
            "level": level_label(p.risk.level),
            "total": p.risk.total,
            "lines": [words.line(c) for c in p.risk.contributions],
        }
        for p in assessment.people
        if p.person != assessment.risk_person and p.risk.contributions
    ]
    urgency = assessment.urgency
    return {
        "risk": {
            "person": words.people.get(assessment.risk_person or "", ""),
            "lines": [words.line(c) for c in assessment.risk.contributions],
            "total": assessment.risk.total,
        },
        "others": others,
        "vulnerability": {
            "lines": [words.line(c) for c in assessment.vulnerability.contributions],
            "total": assessment.vulnerability.total,
        },
        "urgency": {
            "person": words.people.get(assessment.urgency_person or "", ""),
            "lines": [words.line(c) for c in urgency.contributions],
            "total": urgency.total,
            "date": urgency.date,
        },
        "categories": [words.proposal(p) for p in assessment.categories],
        "pathways": [words.pathway(n) for n in assessment.pathways],
        "evidence": {
            "verified": sum(p.evidence.verified for p in assessment.people),
            "unreviewed": sum(p.evidence.unreviewed for p in assessment.people),
            "not_counted": sum(p.evidence.not_counted for p in assessment.people),
        },
    }
