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
latest verification of any of them, together with the criteria, therefore tells when a stored verdict
(:class:`~haven.dashboard.models.DocumentationVerdict`) still holds; only principals whose fingerprint
moved are scored again. The latest verification of the verified originals alone is enough: an item
that joins them does so by a verification newer than any read before (verifications are numbered in
the order they are written), one that leaves them changes their number unless another joins, and one
edited and verified again has a newer verification; items that are not verified originals do not
count, so their verdicts need not be read.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from haven.cases.models import Person
from haven.dashboard.models import DocumentationVerdict
from haven.evidence.documentation_facts import criteria
from haven.evidence.models import EvidenceItem, EvidenceTag, ItemFile
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


# Each principal's verified originals counted and summed, the latest verification of any of them (each
# item's newest, kept on the item: EvidenceItem.last_verification) and their stored verdict, side by
# side: one pass over one index of the verified originals, never over all the evidence or its verdicts.
# ``{counted}`` is one row per principal: ``person_id``, ``n`` (null when none), ``ids`` and ``last``.
_STATE = """
SELECT e.person_id AS person_id, e.n AS n,
  CASE WHEN e.n IS NULL THEN NULL ELSE
    %s || ':' || CAST(e.n AS TEXT) || ':' || CAST(e.ids AS TEXT) || ':' || CAST(COALESCE(e.last, 0) AS TEXT)
  END AS fp,
  d.fingerprint AS stored, d.well_documented AS well
FROM ({counted}) e
LEFT JOIN dashboard_documentationverdict d ON d.person_id = e.person_id
"""
# Every principal (a coordinator's dashboard): the verified originals grouped whole, then matched.
_EVERYONE = """
SELECT p.id AS person_id, g.n AS n, g.ids AS ids, g.last AS last FROM cases_person p
LEFT JOIN (
  SELECT i.person_id, COUNT(i.id) AS n, SUM(i.id) AS ids, MAX(i.last_verification_id) AS last
  FROM evidence_evidenceitem i WHERE i.status = 'verified' AND i.original_id IS NULL GROUP BY i.person_id
) g ON g.person_id = p.id
WHERE p.relationship = 'principal'
"""
# Some principals (an organisation's dashboard; ``{principals}``, the SQL of their ids, Django-compiled
# and parametrised): only their verified originals, reached from them.
_SOME = """
SELECT p.id AS person_id, NULLIF(COUNT(i.id), 0) AS n, SUM(i.id) AS ids, MAX(i.last_verification_id) AS last
FROM ({principals}) p
LEFT JOIN evidence_evidenceitem i ON i.person_id = p.id AND i.status = 'verified' AND i.original_id IS NULL
GROUP BY p.id
"""
# A principal needs work when they could be well documented and their stored verdict is missing or was
# computed from other evidence or criteria (``stale``: scored again), or when the verdict says well
# documented but they no longer have the minimum (``demoted``: never scored again).
_STALE = "(n >= %s AND (stored IS NULL OR stored <> fp))"
_DEMOTED = "(well AND (n IS NULL OR n < %s))"


def _state_sql(principals: QuerySet[Any], digest: str, *, everyone: bool) -> tuple[str, list[Any]]:
    sql, params = principals.order_by().values_list("id").query.sql_with_params()
    if everyone:  # the evidence of every principal: no list of ids to check it against
        return _STATE.format(counted=_EVERYONE), [digest]
    return _STATE.format(counted=_SOME.format(principals=sql)), [digest, *params]


def _cursor_rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _tally(principals: QuerySet[Any], digest: str, least: int, *, everyone: bool) -> tuple[int, ...]:
    """The principals, those with any verified original, those whose stored verdict still holds and says
    well documented, and those who need work (:data:`_STALE`, :data:`_DEMOTED`), in one query."""
    state, params = _state_sql(principals, digest, everyone=everyone)
    counts = (
        "SELECT COUNT(*), COUNT(n), SUM(CASE WHEN n >= %s AND stored = fp AND well THEN 1 ELSE 0 END),"  # noqa: S608
        f" SUM(CASE WHEN {_STALE} OR {_DEMOTED} THEN 1 ELSE 0 END) FROM ({state}) s"
    )  # Django-compiled and constant SQL, parametrised
    (row,) = _cursor_rows(counts, [least, least, least, *params])
    total, documented, well, work = row
    return int(total), int(documented or 0), int(well or 0), int(work or 0)


def _work(
    principals: QuerySet[Any], digest: str, least: int, *, everyone: bool
) -> tuple[dict[int, str], list[int]]:
    """The principals to score again (with their fingerprint) and those to demote."""
    state, params = _state_sql(principals, digest, everyone=everyone)
    rows = _cursor_rows(
        f"SELECT person_id, fp, {_STALE} FROM ({state}) s WHERE {_STALE} OR {_DEMOTED}",  # noqa: S608
        [least, *params, least, least],
    )
    stale = {pk: fp for pk, fp, is_stale in rows if is_stale}
    return stale, [pk for pk, _, is_stale in rows if not is_stale]


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
    principals, everyone = _principals(scope), _everyone(scope)
    rules = criteria()
    digest = hashlib.sha256(repr(rules).encode()).hexdigest()[:16]
    least = max(rules.min_verified_items - rules.official_bonus_items, 1)
    total, documented, well, work = _tally(principals, digest, least, everyone=everyone)
    if work:
        candidates, demoted = _work(principals, digest, least, everyone=everyone)
        for chunk in _chunks(demoted):
            DocumentationVerdict.objects.filter(person_id__in=chunk).update(
                well_documented=False, fingerprint=""
            )
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
        well += total - documented
    return Coverage(principals=total, well_documented=well)


def _principals(scope: QuerySet[Any]) -> QuerySet[Any]:
    """The principal applicants of the households in ``scope``; every one of them when ``scope`` is every
    household (a coordinator's), without asking the database to check it."""
    principals = Person.objects.filter(relationship="principal")
    return principals if _everyone(scope) else principals.filter(household__in=scope.values("pk"))


def _everyone(scope: QuerySet[Any]) -> bool:
    return not scope.query.has_filters() and not scope.query.is_sliced


def documented_households(scope: QuerySet[Any], *, well: bool) -> QuerySet[Any]:
    """The households of ``scope`` whose principal applicant is well documented (or, with ``well``
    false, is not): the lists behind the dashboard's documentation bars, which count the same.

    The stored verdicts are brought up to date first (:func:`documentation_coverage`), after which a
    principal is well documented exactly when a stored verdict says so."""
    documentation_coverage(scope)
    principals = _principals(scope)
    if assess([], criteria()).well_documented:  # criteria that ask for nothing: every principal is
        documented = principals
    else:
        verdicts = DocumentationVerdict.objects.filter(person__in=principals, well_documented=True)
        documented = principals.filter(pk__in=verdicts.values("person_id"))
    if well:
        return scope.filter(pk__in=documented.values("household_id"))
    undocumented = principals.exclude(pk__in=documented.values("pk"))
    return scope.filter(pk__in=undocumented.values("household_id"))
