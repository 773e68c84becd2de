"""What selection reads from the database: one :class:`Candidate` per household, no names.

Assessed: the household has a current assessment (its scores are the plain columns; a reviewer's
latest urgency override decides the emergency flag). Well documented: the principal applicant, by the
evidence documentation score. Detained: anyone in the household is currently detained. Pathways: the
Canadian routes the assessment says plausibly apply.
"""

from __future__ import annotations

import json
from collections import defaultdict

from django.db.models import Prefetch

from haven.assessment.models import Assessment, AssessmentOverride
from haven.cases.models import Household, Person
from haven.evidence.documentation import assess_items
from haven.evidence.models import EvidenceItem
from haven_core.selection import Candidate


def _pathways(result: str) -> frozenset[str]:
    try:
        notes = json.loads(result).get("pathways", [])
    except (ValueError, AttributeError):
        return frozenset()
    return frozenset(n["code"] for n in notes if n.get("applies") is True)


def _urgency_overrides(household_ids: list[int]) -> dict[int, str]:
    latest: dict[int, str] = {}
    rows = AssessmentOverride.objects.filter(household_id__in=household_ids, dimension="urgency")
    for row in rows.order_by("created_at", "id").values_list("household_id", "level"):
        if row[1]:
            latest[row[0]] = row[1]
        else:
            latest.pop(row[0], None)
    return latest


def candidates() -> list[Candidate]:
    people = Person.objects.select_related("us_record")
    households = list(
        Household.objects.select_related("organisation")
        .prefetch_related(Prefetch("people", queryset=people))
        .order_by("reference")
    )
    ids = [h.pk for h in households]
    current = {a.household_id: a for a in Assessment.objects.filter(household_id__in=ids, current=True)}
    urgency = _urgency_overrides(ids)
    items = EvidenceItem.objects.filter(person__household_id__in=ids, person__relationship="principal")
    by_person: dict[int, list[EvidenceItem]] = defaultdict(list)
    for item in items.prefetch_related("tags", "files__blob"):
        by_person[item.person_id].append(item)
    out = []
    for h in households:
        members = list(h.people.all())
        principal = next((p for p in members if p.relationship == "principal"), None)
        a = current.get(h.pk)
        documented = principal is not None and assess_items(by_person.get(principal.pk, [])).well_documented
        out.append(
            Candidate(
                key=h.reference,
                people=max(len(members), 1),
                organisation=h.organisation.slug,
                stage=h.stage,
                pathways=_pathways(a.result) if a else frozenset(),
                detained=any(getattr(getattr(p, "us_record", None), "detained", False) for p in members),
                emergency=urgency.get(h.pk, a.urgency_level if a else "") == "emergency",
                well_documented=documented,
                assessed=a is not None,
                risk=a.risk_score if a else 0.0,
                vulnerability=a.vulnerability_score if a else 0.0,
                urgency=a.urgency_score if a else 0.0,
            )
        )
    return out
