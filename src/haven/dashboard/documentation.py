"""Documentation coverage: how many principal applicants are well documented, by the evidence
documentation score itself (:func:`haven.evidence.documentation.assess_items`), fast enough for a
dashboard over a hundred thousand households.

Only verified originals count towards that score: unreviewed, disputed and retracted items and working
copies change nothing. So a principal with fewer verified originals than the criteria's minimum (less
the bonus an official item may add) cannot be well documented, and for the others the verdict depends
on their verified originals alone. Those cannot change unnoticed: editing an item sends it back to
review (``evidence_update``), files are never replaced, and every verdict is a new ``Verification``
row. The fingerprint of a principal's verified originals, their number, the sum of their ids and the
latest verification of any of the principal's items, together with the criteria, therefore tells when
a stored verdict (:class:`~haven.dashboard.models.DocumentationVerdict`) still holds; only principals
whose fingerprint moved are scored again.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, QuerySet, Sum

from haven.cases.models import Person
from haven.dashboard.models import DocumentationVerdict
from haven.evidence.documentation import assess_items, criteria
from haven.evidence.models import EvidenceItem, Verification

_CHUNK = 900  # ids per query, well under any database's limit on parameters


@dataclass(frozen=True)
class Coverage:
    principals: int
    well_documented: int


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[start : start + _CHUNK] for start in range(0, len(ids), _CHUNK)]


def _verified() -> QuerySet[Any]:
    return EvidenceItem.objects.filter(status="verified", original__isnull=True)


def _fingerprints(principals: QuerySet[Any], rules_digest: str) -> dict[int, str]:
    """The fingerprint of each principal's verified originals, for those who have any."""
    sums = (
        _verified()
        .filter(person__in=principals)
        .order_by()
        .values_list("person_id")
        .annotate(n=Count("id"), ids=Sum("id"))
    )
    latest = dict(
        Verification.objects.filter(item__person__in=principals)
        .order_by()
        .values_list("item__person_id")
        .annotate(last=Max("id"))
    )
    return {pk: f"{rules_digest}:{n}:{ids}:{latest.get(pk, 0)}" for pk, n, ids in sums}


def _score(person_ids: list[int]) -> dict[int, bool]:
    """The verdict of each person, computed from their verified originals."""
    out: dict[int, bool] = {}
    for chunk in _chunks(person_ids):
        items: dict[int, list[EvidenceItem]] = defaultdict(list)
        for item in _verified().filter(person_id__in=chunk).prefetch_related("tags", "files__blob"):
            items[item.person_id].append(item)
        out.update((pk, assess_items(items[pk]).well_documented) for pk in chunk)
    return out


def documentation_coverage(scope: QuerySet[Any]) -> Coverage:
    """Principal applicants of the households in ``scope``, and how many of them are well documented."""
    principals = Person.objects.filter(household__in=scope.values("pk"), relationship="principal")
    total = principals.count()
    rules = criteria()
    digest = hashlib.sha256(repr(rules).encode()).hexdigest()[:16]
    least = max(rules.min_verified_items - rules.official_bonus_items, 1)
    fingerprints = _fingerprints(principals, digest)
    candidates = {pk: fp for pk, fp in fingerprints.items() if int(fp.split(":")[1]) >= least}
    stored = DocumentationVerdict.objects.filter(person__in=principals).values_list(
        "person_id", "fingerprint", "well_documented"
    )
    well = 0
    for pk, fingerprint, well_documented in stored:
        if candidates.get(pk) == fingerprint:
            well += well_documented
            del candidates[pk]
    stale = list(candidates)  # no verdict yet, or one computed from other evidence or criteria
    fresh = _score(stale)
    if fresh:
        DocumentationVerdict.objects.bulk_create(
            [
                DocumentationVerdict(person_id=pk, fingerprint=candidates[pk], well_documented=fresh[pk])
                for pk in stale
            ],
            batch_size=500,
            update_conflicts=True,
            unique_fields=["person"],
            update_fields=["fingerprint", "well_documented", "computed_at"],
        )
    well += sum(fresh.values())
    if assess_items([]).well_documented:  # criteria that ask for nothing: the undocumented count too
        well += total - len(fingerprints)
    return Coverage(principals=total, well_documented=well)
