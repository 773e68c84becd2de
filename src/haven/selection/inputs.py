"""What selection reads from the database: one :class:`Candidate` per household, no names.

Assessed: the household has a current assessment (its scores are the plain columns; a reviewer's
latest urgency override decides the emergency flag). Well documented: the principal applicant, by the
evidence documentation score. Detained: anyone in the household is currently detained. Pathways: the
Canadian routes the assessment says plausibly apply. Ready: whether it can be referred now, by
:func:`haven_core.referral.readiness.readiness` (status, assessment, evidence, every adult's consent,
no other referral open).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from haven.assessment.models import Assessment, AssessmentOverride
from haven.cases.models import Household, Person
from haven.consent.models import Consent
from haven.consent.queries import adult
from haven.evidence.documentation_facts import assess_items
from haven.evidence.models import EvidenceItem, ItemFile
from haven_core.pipeline import Stage
from haven_core.referral.readiness import Adult, Facts, Readiness, Scope, readiness
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


_PERSON_COLUMNS = (
    "id", "public_id", "household_id", "relationship", "birth_date", "minor",
    "us_record__id", "us_record__person_id", "us_record__detained",
)  # fmt: skip
_EVIDENCE_COLUMNS = (
    "id", "public_id", "person_id", "kind", "status", "original_id", "source_url", "author",
    "published_on", "registry_listed_on",
)  # fmt: skip


def _scopes(person: Person) -> frozenset[Scope]:
    """The recipients a person's consents in force allow (annotated by :func:`read_households`)."""
    # Annotations of read_households' queryset, which the stubs cannot see on the model.
    given = ((Scope.OFFICIALS, person.to_officials), (Scope.SPONSORS, person.to_sponsors))  # type: ignore[attr-defined]
    return frozenset(scope for scope, yes in given if yes)


def emergency_references() -> list[str]:
    """The households that may be in emergency now (one query): their current assessment says so, or a
    reviewer once set their urgency to emergency. :func:`read_households` then tells which are, by the
    latest override."""
    assessed = Assessment.objects.filter(household=OuterRef("pk"), current=True, urgency_level="emergency")
    overridden = AssessmentOverride.objects.filter(
        household=OuterRef("pk"), dimension="urgency", level="emergency"
    )
    rows = Household.objects.filter(Q(Exists(assessed)) | Q(Exists(overridden)))
    return list(rows.order_by("reference").values_list("reference", flat=True))


def household_facts(
    household: Household,
    members: Sequence[Person],
    *,
    assessed: bool,
    principal_items: Sequence[EvidenceItem],
    scopes: Callable[[Person], frozenset[Scope]],
    today: dt.date,
) -> Facts:
    """What readiness needs of ``household``, from what was read of it already: its people
    (``members``), whether it has a current assessment, its principal applicant's evidence (with tags
    and files) and each person's consents in force (``scopes``)."""
    principal = next((p for p in members if p.relationship == "principal"), None)
    own = list(principal_items) if principal is not None else []
    return Facts(
        reference=household.reference,
        stage=household.stage,
        assessed=assessed,
        well_documented=principal is not None and assess_items(own).well_documented,
        unverified_evidence=sum(1 for i in own if i.status == "unreviewed" and i.original_id is None),
        adults=tuple(Adult(str(p.pk), scopes(p)) for p in members if adult(p, today)),
        # A referral batch moves its households to "referred" until the liaison decides or the
        # coordinator takes them back: that status is the open referral.
        open_referral=household.stage == Stage.REFERRED.value,
    )


@dataclass(frozen=True)
class ReadHousehold:
    """One household as read for selection and readiness."""

    household: Household
    candidate: Candidate
    facts: Facts


def read_households(
    references: Iterable[str] | None = None, scope: Scope = Scope.OFFICIALS
) -> list[ReadHousehold]:
    """Every household (or those of ``references``), with what selection and readiness need, in a
    fixed number of queries."""
    # Only what selection and readiness read: every other column of a person is encrypted, and
    # decrypting a thousand households' names for nothing would take seconds.
    in_force = Consent.objects.filter(person=OuterRef("pk"), withdrawn_at__isnull=True)
    people = (
        Person.objects.select_related("us_record")
        .only(*_PERSON_COLUMNS)
        .annotate(
            to_officials=Exists(in_force.filter(officials=True)),
            to_sponsors=Exists(in_force.filter(sponsors=True)),
        )
    )
    rows = Household.objects.select_related("organisation").prefetch_related(
        Prefetch("people", queryset=people)
    )
    if references is not None:
        rows = rows.filter(reference__in=list(references))
    households = list(rows.order_by("reference"))
    ids = [h.pk for h in households]
    current = {a.household_id: a for a in Assessment.objects.filter(household_id__in=ids, current=True)}
    urgency = _urgency_overrides(ids)
    items = EvidenceItem.objects.filter(person__household_id__in=ids, person__relationship="principal")
    by_person: dict[int, list[EvidenceItem]] = defaultdict(list)
    files = Prefetch("files", queryset=ItemFile.objects.select_related("blob"))
    for item in items.prefetch_related("tags", files):
        by_person[item.person_id].append(item)
    today = timezone.localdate()
    out = []
    for h in households:
        members = list(h.people.all())
        principal = next((p for p in members if p.relationship == "principal"), None)
        a = current.get(h.pk)
        own = by_person.get(principal.pk, []) if principal is not None else []
        facts = household_facts(
            h, members, assessed=a is not None, principal_items=own, scopes=_scopes, today=today
        )
        documented = facts.well_documented
        verdict = readiness(facts, scope)
        candidate = Candidate(
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
            ready=verdict.ready,
            not_ready=verdict.codes,
        )
        out.append(ReadHousehold(h, candidate, facts))
    return out


def candidates(scope: Scope = Scope.OFFICIALS) -> list[Candidate]:
    return [row.candidate for row in read_households(scope=scope)]


def readiness_of(
    references: Iterable[str] | None = None, scope: Scope = Scope.OFFICIALS
) -> dict[str, Readiness]:
    """Whether each household (or those of ``references``) can be referred to ``scope`` now, and why not."""
    return {
        row.household.reference: readiness(row.facts, scope) for row in read_households(references, scope)
    }
