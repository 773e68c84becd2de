"""The coalition ``haven seed`` writes, with its ground truth, its demo logins and one audit entry; seeding
again is refused and ``--reset`` replaces it. Written once for all the tests of this module (see
tests/support/demo.py): each starts from it, and what one changes is undone after it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError
from django.db.models import F

from haven.accounts.models import Membership, Organisation
from haven.audit.models import AuditEntry
from haven.cases.models import Household, Person, PersonNameKey, TimelineEvent, USRecord
from haven.demo.generator import generate
from haven.demo.models import SyntheticIdentity
from haven.demo.users import DEMO_PASSWORD
from haven.security.sensitive import index_value, index_values
from haven_core.names import query_keys
from tests.support.demo import SEED, TODAY, built_once, seed, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[str]:
    """What ``haven seed`` (50 households) printed; the coalition is in the database for each test."""
    with built_once(django_db_blocker, tmp_path_factory.mktemp("seeded-files")):
        yield seed()


def test_seed_writes_the_generated_coalition(seeded: str) -> None:
    output = seeded
    expected = generate(SEED, 50, TODAY)
    people = [p for h in expected.households for p in h.people]
    assert "Seeded 50 households" in output
    assert Household.objects.count() == 50
    assert Person.objects.count() == len(people)
    assert sorted(SyntheticIdentity.objects.values_list("identity", flat=True)) == sorted(
        p.identity for p in people
    )
    assert USRecord.objects.count() == sum(1 for p in people if p.us_record)
    assert TimelineEvent.objects.count() == sum(len(h.events) for h in expected.households)
    assert list(Organisation.objects.order_by("slug").values_list("slug", flat=True)) == [
        "exodus", "opendoor", "pacific", "passage", "sanctuary",
    ]  # fmt: skip
    principal = Person.objects.filter(relationship="principal").select_related("household__owner").first()
    assert principal is not None and principal.surname_cyrillic  # stored encrypted, read back as text


def test_resubmitted_families_share_an_identity_across_organisations(seeded: str) -> None:
    shared = {}
    for row in SyntheticIdentity.objects.values("identity", "person__household__organisation"):
        shared.setdefault(row["identity"], set()).add(row["person__household__organisation"])
    twice = [orgs for orgs in shared.values() if len(orgs) > 1]
    assert twice and all(len(orgs) == 2 for orgs in twice)


def test_every_person_is_in_the_name_index_and_a_numbers_are_indexed(seeded: str) -> None:
    assert not Person.objects.filter(name_keys__isnull=True).exists()
    records = USRecord.objects.exclude(a_number="")
    assert records.exists()
    assert all(r.a_number_key == index_value(r.a_number) and len(r.a_number) == 9 for r in records)


def test_every_us_record_is_in_its_persons_household(seeded: str) -> None:
    assert USRecord.objects.exists()
    assert not USRecord.objects.exclude(household_id=F("person__household_id")).exists()


def test_a_cyrillic_name_is_found_from_its_latin_spelling(seeded: str) -> None:
    people = Person.objects.filter(relationship="principal")
    checked = 0
    for person in people:
        if not person.surname_cyrillic or not person.surname_latin:
            continue
        found = None
        for keys in query_keys(f"{person.given_name_latin} {person.surname_latin}"):
            stored = [value for key in keys for value in index_values(key)]
            matches = set(PersonNameKey.objects.filter(key__in=stored).values_list("person_id", flat=True))
            found = matches if found is None else found & matches
        assert found and person.pk in found, person.display_name
        checked += 1
    assert checked >= 40


def test_one_audit_entry_records_the_whole_seeding(seeded: str) -> None:
    entries = AuditEntry.objects.all()
    assert [e.action for e in entries] == ["demo.seed"]
    detail = entries[0].detail
    assert detail["households"] == 50 and detail["people"] == Person.objects.count()
    assert detail["seed"] == SEED and detail["today"] == TODAY.isoformat()


def test_demo_logins_are_created_with_their_roles(seeded: str) -> None:
    roles = {
        m.user.username: (m.role, m.organisation and m.organisation.slug) for m in Membership.objects.all()
    }
    assert roles["caseworker1"] == ("caseworker", "exodus")
    assert roles["reviewer5"] == ("reviewer", "sanctuary")
    assert roles["coordinator"] == ("coordinator", None)
    assert roles["liaison"] == ("liaison", None)
    assert roles["admin"] == ("admin", None)
    assert len(roles) == 14  # two coordinators: one selects, the other approves
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(DEMO_PASSWORD)
    assert get_user_model().objects.get(username="reviewer3").check_password(DEMO_PASSWORD)
    for household in Household.objects.select_related("owner__membership"):
        assert household.owner.membership.organisation_id == household.organisation_id
        assert household.owner.membership.role == "caseworker"


def test_seeding_again_is_refused_and_changes_nothing(seeded: str) -> None:
    before = snapshot()
    with pytest.raises(CommandError, match="already has 50 households"):
        seed()
    assert snapshot() == before


def test_reset_replaces_the_demo_data(seeded: str) -> None:
    seed("--reset", households=30)
    assert Household.objects.count() == 30
    assert SyntheticIdentity.objects.count() == Person.objects.count()
    assert get_user_model().objects.count() == 14
    assert AuditEntry.objects.filter(action="demo.seed").count() == 2
    assert AuditEntry.objects.first().detail["deleted_households"] == 50
