"""Writing the synthetic coalition (``haven.demo.generator``) to the database, in bulk.

Seeding a hundred thousand households through the case actions would take hours and leave hundreds of
thousands of audit entries that say nothing. So ``haven seed`` is one bulk action instead: rows go in
by ``bulk_create`` in batches (with each adult's consent to referral once the case has gone to review),
the name-search index and the A-number index are computed exactly as the
case actions compute them (``person_keys``, ``index_value``), and the command writes one audit entry
for the whole seeding. Each person's ground-truth identity is kept in ``SyntheticIdentity``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from haven.accounts.models import Organisation
from haven.cases.actions.people import person_keys
from haven.cases.models import (
    CanadaPermit,
    CanadaRelative,
    Household,
    Person,
    PersonNameKey,
    TimelineEvent,
    USRecord,
)
from haven.cases.models.timeline import SYSTEM_KINDS
from haven.consent.models import Consent
from haven.demo.evidence import EvidenceWriter
from haven.demo.generator import (
    SyntheticHousehold,
    SyntheticOrganisation,
    SyntheticPerson,
    coalition_organisations,
)
from haven.demo.models import SyntheticIdentity
from haven.progress import Progress
from haven.security.sensitive import index_value
from haven_core.pipeline import Stage
from haven_core.referral.readiness import is_adult

HOUSEHOLDS_PER_BATCH = 500
# Rows per INSERT. Django lowers it further where the database needs it (SQLite allows 999 variables).
ROWS_PER_INSERT = 1000

# Person fields copied as they are; the name lists are joined one per line.
_PERSON_FIELDS = (
    "relationship", "relationship_detail", "sex", "surname_cyrillic", "given_name_cyrillic",
    "patronymic_cyrillic", "surname_latin", "given_name_latin", "birth_date", "place_of_birth",
    "citizenships", "languages", "phone", "email", "address", "serious_medical", "disability", "pregnancy",
    "lgbtq", "survivor_of_violence", "vulnerability_notes",
)  # fmt: skip


@dataclass
class SeedCounts:
    """How many rows of each kind a seeding wrote: the detail of its audit entry."""

    households: int = 0
    resubmitted_households: int = 0
    people: int = 0
    us_records: int = 0
    canada_relatives: int = 0
    canada_permits: int = 0
    timeline_events: int = 0
    name_keys: int = 0
    evidence_items: int = 0
    evidence_files: int = 0
    evidence_verdicts: int = 0
    consents: int = 0


def demo_organisations(synthetic: Sequence[SyntheticOrganisation]) -> list[Organisation]:
    """The demo's organisations, created where missing, in the generator's order."""
    return [Organisation.objects.get_or_create(slug=o.slug, defaults={"name": o.name})[0] for o in synthetic]


def existing_demo_organisations() -> list[Organisation]:
    """Every demo organisation this database holds, however many a previous seeding made."""
    by_slug = {o.slug: o for o in Organisation.objects.all()}
    return [by_slug[o.slug] for o in coalition_organisations(len(by_slug)) if o.slug in by_slug]


def delete_households(organisations: Sequence[Organisation]) -> int:
    """Delete the households of ``organisations`` with everything in them; return how many.

    Only primary keys are loaded: reading whole rows would decrypt every sensitive field for nothing.
    """
    households = Household.objects.filter(organisation__in=organisations)
    count = households.count()
    households.only("pk").delete()
    return count


def load_households(
    households: Iterable[SyntheticHousehold],
    *,
    organisations: Sequence[Organisation],
    owners: Sequence[Any],
    reviewers: Sequence[Any] | None = None,
    progress: Progress | None = None,
) -> SeedCounts:
    """Write ``households`` in batches; ``organisations``, ``owners`` (who add evidence) and
    ``reviewers`` (who verify it; without them the evidence is left unreviewed) are indexed by
    organisation."""
    counts = SeedCounts()
    evidence = EvidenceWriter(owners, reviewers or [None] * len(organisations))
    for batch in _batches(households, HOUSEHOLDS_PER_BATCH):
        members = _write(batch, organisations, owners, counts)
        evidence.write(batch, members)
        if progress is not None:
            progress.advance(len(batch))
    counts.evidence_items, counts.evidence_files = evidence.items, evidence.files
    counts.evidence_verdicts = evidence.verifications
    return counts


def _batches(items: Iterable[SyntheticHousehold], size: int) -> Iterator[list[SyntheticHousehold]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _person(household: Household, synthetic: SyntheticPerson) -> Person:
    values = {name: getattr(synthetic, name) for name in _PERSON_FIELDS}
    return Person(
        household=household,
        other_spellings="\n".join(synthetic.other_spellings),
        former_names="\n".join(synthetic.former_names),
        **values,
    )


# A family's adults consent to referral while their case is documented, before it goes to review: from
# "ready for review" on, every adult of a demo household has (to officials and to sponsors).
_CONSENTED = frozenset(
    s.value for s in (Stage.READY_FOR_REVIEW, Stage.ASSESSED, Stage.SHORTLISTED, Stage.REFERRED,
                      Stage.DECISION_RECEIVED, Stage.RESETTLED)
)  # fmt: skip


def _consent_date(h: SyntheticHousehold) -> dt.date:
    """The day the household went to review (its consent was taken then), else its latest event."""
    moves = [e.date for e in h.events if e.kind == "status_changed" and e.note.endswith("ready_for_review")]
    dates = moves or [e.date for e in h.events]
    return min(moves) if moves else (max(dates) if dates else dt.date.today())


def _a_number_key(a_number: str) -> str:
    return index_value(a_number) if a_number else ""


def _write(
    batch: list[SyntheticHousehold],
    organisations: Sequence[Organisation],
    owners: Sequence[Any],
    counts: SeedCounts,
) -> list[list[Person]]:
    households = [
        Household(
            organisation=organisations[h.organisation],
            owner=owners[h.organisation],
            stage=h.stage.value,
            closed_reason=h.closed_reason,
            notes=h.notes,
        )
        for h in batch
    ]
    Household.objects.bulk_create(households, batch_size=ROWS_PER_INSERT)
    members = [
        [_person(household, p) for p in h.people] for household, h in zip(households, batch, strict=True)
    ]
    pairs = [
        (person, synthetic)
        for people, h in zip(members, batch, strict=True)
        for person, synthetic in zip(people, h.people, strict=True)
    ]
    Person.objects.bulk_create([person for person, _ in pairs], batch_size=ROWS_PER_INSERT)

    keys = [
        PersonNameKey(person=person, key=key) for person, _ in pairs for key in sorted(person_keys(person))
    ]
    identities = [SyntheticIdentity(person=person, identity=s.identity) for person, s in pairs]
    records = [
        USRecord.of(person, a_number_key=_a_number_key(s.us_record.a_number), **asdict(s.us_record))
        for person, s in pairs
        if s.us_record
    ]
    relatives = [
        CanadaRelative(person=person, **asdict(r)) for person, s in pairs for r in s.canada_relatives
    ]
    permits = [CanadaPermit(person=person, **asdict(p)) for person, s in pairs for p in s.canada_permits]
    events = [
        TimelineEvent(
            household=household,
            person=None if e.person is None else people[e.person],
            date=e.date,
            kind=e.kind,
            note=e.note,
            system=e.kind in SYSTEM_KINDS,  # the seed's stage moves, as Haven writes them
        )
        for household, people, h in zip(households, members, batch, strict=True)
        for e in h.events
    ]
    consents = [
        Consent(
            household=household,
            person=person,
            officials=True,
            sponsors=True,
            given_on=_consent_date(h),
            recorded_by=owners[h.organisation],
        )
        for household, people, h in zip(households, members, batch, strict=True)
        if h.stage.value in _CONSENTED and owners[h.organisation] is not None
        for person, synthetic in zip(people, h.people, strict=True)
        if is_adult(
            birth_date=synthetic.birth_date,
            relationship=synthetic.relationship,
            minor_flag=None,
            today=dt.date.today(),
        )
    ]
    Consent.objects.bulk_create(consents, batch_size=ROWS_PER_INSERT)
    counts.consents += len(consents)
    PersonNameKey.objects.bulk_create(keys, batch_size=ROWS_PER_INSERT)
    SyntheticIdentity.objects.bulk_create(identities, batch_size=ROWS_PER_INSERT)
    USRecord.objects.bulk_create(records, batch_size=ROWS_PER_INSERT)
    CanadaRelative.objects.bulk_create(relatives, batch_size=ROWS_PER_INSERT)
    CanadaPermit.objects.bulk_create(permits, batch_size=ROWS_PER_INSERT)
    TimelineEvent.objects.bulk_create(events, batch_size=ROWS_PER_INSERT)

    counts.households += len(households)
    counts.resubmitted_households += sum(1 for h in batch if h.resubmission_of)
    counts.people += len(pairs)
    counts.us_records += len(records)
    counts.canada_relatives += len(relatives)
    counts.canada_permits += len(permits)
    counts.timeline_events += len(events)
    counts.name_keys += len(keys)
    return members
