"""Documentation coverage: how many principal applicants are well documented, by the evidence
documentation score itself (the facts of :func:`haven.evidence.documentation_facts.item_facts` scored by
:func:`haven_core.evidence.documentation_score.assess` under the configured criteria), fast enough for a
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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, QuerySet, Sum

from haven.cases.models import Person
from haven.dashboard.models import DocumentationVerdict
from haven.evidence.documentation_facts import criteria
from haven.evidence.models import EvidenceItem, EvidenceTag, ItemFile, Verification
from haven_core.evidence.documentation_score import Criteria, ItemFacts, assess

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


def facts_of(person_ids: list[int]) -> dict[int, list[ItemFacts]]:
    """The :class:`ItemFacts` of each person's verified originals, equal to those
    :func:`haven.evidence.documentation_facts.item_facts` makes (tested), but read as plain rows: model
    instances with their prefetched tags and files cost most of the time of scoring a whole coalition."""
    found: dict[int, list[ItemFacts]] = defaultdict(list)
    columns = ("id", "person_id", "public_id", "kind", "source_url", "author", "published_on")
    for chunk in _chunks(person_ids):
        items = list(
            _verified().filter(person_id__in=chunk).order_by("id").values_list(*columns, "registry_listed_on")
        )
        ids = [row[0] for row in items]
        tags: dict[int, list[tuple[str, Any]]] = defaultdict(list)
        originals: dict[int, str] = {}
        for id_chunk in _chunks(ids):
            for item_id, tag, day in EvidenceTag.objects.filter(item_id__in=id_chunk).values_list(
                "item_id", "tag", "activity_date"
            ):
                tags[item_id].append((tag, day))
            rows = (
                ItemFile.objects.filter(item_id__in=id_chunk, role="original")
                .order_by("-id")
                .values_list("item_id", "blob__sha256")
            )
            originals.update(rows)  # the first original of each item is written last
        for pk, person_id, public_id, kind, source_url, author, published_on, listed_on in items:
            dates = tuple(sorted(day for _, day in tags[pk] if day))
            if not dates:
                dates = tuple(d for d in (published_on, listed_on) if d)
            found[person_id].append(
                ItemFacts(
                    key=str(public_id),
                    kind=kind,
                    status="verified",
                    is_working_copy=False,
                    source_url=source_url,
                    author=author,
                    file_sha256=originals.get(pk, ""),
                    dates=dates,
                    tags=frozenset(tag for tag, _ in tags[pk]),
                )
            )
    return found


def _score(person_ids: list[int], rules: Criteria, progress: Callable[[int], None]) -> dict[int, bool]:
    """The verdict of each person, computed from their verified originals."""
    out: dict[int, bool] = {}
    for start in range(0, len(person_ids), 10 * _CHUNK):
        part = person_ids[start : start + 10 * _CHUNK]
        facts = facts_of(part)
        out.update((pk, assess(facts.get(pk, []), rules).well_documented) for pk in part)
        progress(len(part))
    return out


def documentation_coverage(
    scope: QuerySet[Any], *, progress: Callable[[int], None] = lambda scored: None
) -> Coverage:
    """Principal applicants of the households in ``scope``, and how many of them are well documented.

    ``progress`` is told how many principals were scored each time a part of them is."""
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
    demoted = []  # stored as well documented, but now below the minimum: never scored again
    for pk, fingerprint, well_documented in stored:
        if candidates.get(pk) == fingerprint:
            well += well_documented
            del candidates[pk]
        elif well_documented and pk not in candidates:
            demoted.append(pk)
    for chunk in _chunks(demoted):
        DocumentationVerdict.objects.filter(person_id__in=chunk).update(well_documented=False, fingerprint="")
    stale = list(candidates)  # no verdict yet, or one computed from other evidence or criteria
    fresh = _score(stale, rules, progress)
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
    if assess([], rules).well_documented:  # criteria that ask for nothing: the undocumented count too
        well += total - len(fingerprints)
    return Coverage(principals=total, well_documented=well)


def documented_households(scope: QuerySet[Any], *, well: bool) -> QuerySet[Any]:
    """The households of ``scope`` whose principal applicant is well documented (or, with ``well``
    false, is not): the lists behind the dashboard's documentation bars, which count the same.

    The stored verdicts are brought up to date first (:func:`documentation_coverage`), after which a
    principal is well documented exactly when a stored verdict says so."""
    documentation_coverage(scope)
    principals = Person.objects.filter(household__in=scope.values("pk"), relationship="principal")
    if assess([], criteria()).well_documented:  # criteria that ask for nothing: every principal is
        documented = principals
    else:
        verdicts = DocumentationVerdict.objects.filter(person__in=principals, well_documented=True)
        documented = principals.filter(pk__in=verdicts.values("person_id"))
    if well:
        return scope.filter(pk__in=documented.values("household_id"))
    undocumented = principals.exclude(pk__in=documented.values("pk"))
    return scope.filter(pk__in=undocumented.values("household_id"))
