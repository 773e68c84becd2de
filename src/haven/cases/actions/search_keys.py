"""Rebuilding the name search keys of the whole caseload after the way names are read has changed.

The keys are derived from the names (:func:`haven.cases.actions.people.person_keys`) and stored as keyed
hashes; when Haven learns to read more spellings (another transliteration family, a double surname
written joined, a suffix left out), the stored keys must be computed again for search to find them.
Each batch of people is rewritten in its own transaction, so the search keeps working meanwhile: a
person is found under the old keys until their batch commits, and under the new ones afterwards.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db.models import QuerySet

from haven.accounts.actor import Actor
from haven.audit.record import audit_record
from haven.cases.actions.people import NAME_FIELDS, person_keys
from haven.cases.models import Person, PersonNameKey
from haven.security.columns import in_batch_transaction, pk_batches
from haven.security.reporting import Reporter

WHAT = "rebuilding name search keys"


def _rebuild(batch: QuerySet[Any]) -> tuple[int, int]:
    people = list(batch.select_for_update().only("pk", *NAME_FIELDS))
    rows = [PersonNameKey(person=p, key=k) for p in people for k in sorted(person_keys(p))]
    PersonNameKey.objects.filter(person__in=people).delete()
    PersonNameKey.objects.bulk_create(rows)
    return len(people), len(rows)


def name_keys_rebuild(*, actor: Actor, batch_size: int = 500, reporter: Reporter | None = None) -> int:
    """Compute the search keys of every person again and replace the stored ones; return how many people.

    Progress goes to ``reporter`` after each batch; one audit entry records the run (how many people and
    keys, never a name).
    """
    reporter = reporter or Reporter()
    people = Person.objects.all()
    total, done, keys = people.count(), 0, 0
    reporter.batch(WHAT, 0, total)
    for batch in pk_batches(people, batch_size):
        rebuilt, rows = in_batch_transaction(partial(_rebuild, batch))
        done, keys = done + rebuilt, keys + rows
        reporter.batch(WHAT, done, total)
    audit_record(
        actor=actor.user,
        action="caseload.reindex_names",
        ip=actor.ip,
        detail={"people": done, "keys": keys},
    )
    return done
