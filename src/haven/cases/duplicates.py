"""Who in the caseload the person about to be saved may already be: the candidates for the matcher.

Names are encrypted, so candidates come from the blind name index (``PersonNameKey``) that the case
list searches, not from reading everyone: a person holding the keys of at least two words of the new
name (surname and given name, in any script or transliteration) is a candidate. Only the candidates'
names are decrypted, in memory, and the identity matcher decides (``haven_core.intake.duplicates``).
The people searched are those the actor may see: their organisation's, or the whole coalition's for a
coalition-wide role; another organisation's person is explained without their names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _

from haven.accounts.access import visible_households
from haven.accounts.actor import Actor
from haven.cases.models import Person, PersonNameKey
from haven.cases.names import NAME_COLUMNS, person_record
from haven.errors import HavenError
from haven.security.sensitive import index_values
from haven_core.intake.duplicates import Existing, LikelyMatch, likely_matches, must_confirm
from haven_core.matching import NameRecord
from haven_core.names.keys import token_keys, tokens

CANDIDATES = 200  # the most people whose names are read for one check
QUERY_FIELDS = (
    "surname_cyrillic", "given_name_cyrillic", "patronymic_cyrillic", "surname_latin", "given_name_latin",
    "other_spellings", "former_names", "birth_date",
)  # fmt: skip


class LikelyDuplicate(HavenError):
    """The person is likely already in the caseload, and nobody said this is a different person."""

    def __init__(self, matches: list[LikelyMatch]) -> None:
        households = ", ".join(dict.fromkeys(m.household for m in matches))
        super().__init__(
            _("This person is likely already in Haven: %(households)s.") % {"households": households}
        )
        self.matches = matches


def query_record(fields: Mapping[str, Any]) -> NameRecord:
    """The matcher's view of a person not yet saved, from the fields a form or a file gives."""
    return person_record(Person(**{k: fields.get(k) or "" for k in QUERY_FIELDS}), source="intake")


def candidate_ids(actor: Actor, record: NameRecord) -> list[int]:
    """The people the actor may see whose indexed name shares at least two words with ``record``."""
    words = {frozenset(keys) for name in record.names for t in tokens(name) if (keys := token_keys(t))}
    if not words:
        return []
    values = sorted({value for keys in words for key in keys for value in index_values(key)})
    needed = min(2, len(words))
    rows = (
        PersonNameKey.objects.filter(key__in=values, person__household__in=visible_households(actor))
        .values("person_id")
        .annotate(words=Count("key", distinct=True))
        .filter(words__gte=needed)
        .order_by("-words", "person_id")
    )
    return [row["person_id"] for row in rows[:CANDIDATES]]


def find_likely_matches(
    *, actor: Actor, organisation_id: int, fields: Mapping[str, Any]
) -> list[LikelyMatch]:
    """The people ``actor`` may see who are likely the person ``fields`` describe, best first.

    ``organisation_id`` is where the person is being saved: people of other organisations (seen only by
    a coalition-wide actor) are explained without their names.
    """
    record = query_record(fields)
    ids = candidate_ids(actor, record)
    if not ids:
        return []
    people = (
        Person.objects.filter(pk__in=ids)
        .select_related("household")
        .only(*NAME_COLUMNS, "household__reference", "household__organisation_id")
    )
    existing = [
        Existing(person_record(p), p.household.reference, p.household.organisation_id == organisation_id)
        for p in people
    ]
    return likely_matches(record, existing)


def check_duplicates(
    *, actor: Actor, organisation_id: int, fields: Mapping[str, Any], different_person: bool
) -> list[LikelyMatch]:
    """The likely matches, or :class:`LikelyDuplicate` when there are some and the actor did not say
    this is a different person. Called by the case actions before they save."""
    matches = find_likely_matches(actor=actor, organisation_id=organisation_id, fields=fields)
    if must_confirm(matches, different_person=different_person):
        raise LikelyDuplicate(matches)
    return matches


def override_detail(matches: list[LikelyMatch]) -> dict[str, Any]:
    """What the audit entry of "this is a different person" keeps: the households and scores the
    person was shown, never names."""
    return {
        "matches": [
            {"household": m.household, "decision": m.decision, "score": round(m.score, 2)} for m in matches
        ]
    }
