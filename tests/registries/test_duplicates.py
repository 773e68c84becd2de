"""Duplicates across organisations: the demo's resubmitted families are proposed to the coordinator."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.models import Person
from haven.demo.generator import coalition_organisations, iter_households
from haven.demo.loader import demo_organisations, load_households
from haven.demo.models import SyntheticIdentity
from haven.registries.actions import link_confirm, link_reject, link_undo
from haven.registries.duplicates import find_duplicates, same_people, same_person
from haven.registries.errors import ScreeningError
from haven.registries.models import IdentityLink
from tests.support.demo import built_once, reading_files_of
from tests.support.personas import client_for, make_user
from tests.support.registries import registry_objects

HOUSEHOLDS = 120


@pytest.fixture(scope="module")
def coalition(
    django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[set[tuple[int, int]], Path]]:
    """A small demo coalition, written once for this module's tests (tests/support/demo.py): the true
    cross-organisation pairs from the generator's ground truth, and the folder of its evidence files."""
    files = tmp_path_factory.mktemp("duplicates-files")
    with built_once(django_db_blocker, files):
        organisations = demo_organisations(coalition_organisations(3))
        load_households(
            iter_households(7, HOUSEHOLDS, dt.date(2025, 9, 1), 3),
            organisations=organisations,
            owners=[None] * 3,
        )
        people: dict[str, list[tuple[int, int]]] = defaultdict(list)
        rows = SyntheticIdentity.objects.values_list(
            "identity", "person_id", "person__household__organisation"
        )
        for identity, person, organisation in rows:
            people[identity].append((person, organisation))
        yield (
            {
                (min(a, b), max(a, b))
                for records in people.values()
                for a, org_a in records
                for b, org_b in records
                if a != b and org_a != org_b
            },
            files,
        )


@pytest.fixture
def seeded(coalition: tuple[set[tuple[int, int]], Path], db: Any, settings: Any) -> set[tuple[int, int]]:
    """The coalition's true pairs; what a test links, confirms or rejects is undone after it."""
    pairs, files = coalition
    reading_files_of(settings, files)
    return pairs


def test_resubmitted_households_are_proposed(seeded: set[tuple[int, int]]) -> None:
    assert len(seeded) >= 5, "the generator should resubmit some households"
    counts = find_duplicates(actor=Actor.system(), stream=io.StringIO())
    proposed = set(IdentityLink.objects.values_list("person_a", "person_b"))
    assert counts.proposed == len(proposed)
    found = seeded & proposed
    assert len(found) / len(seeded) >= 0.95, f"found {len(found)} of {len(seeded)} resubmitted people"
    organisations = dict(Person.objects.values_list("pk", "household__organisation"))
    assert all(organisations[a] != organisations[b] for a, b in proposed)  # never within one organisation
    link = IdentityLink.objects.get(person_a=min(found)[0], person_b=min(found)[1])
    assert link.reasons and link.status == "proposed"
    assert AuditEntry.objects.get(action="identity.search").detail["proposed"] == counts.proposed


def test_confirming_links_and_undo_unlinks(seeded: set[tuple[int, int]], coordinator: Any) -> None:
    find_duplicates(actor=Actor.system(), stream=io.StringIO())
    link = IdentityLink.objects.filter(
        person_a__in=[a for a, _b in seeded], person_b__in=[b for _a, b in seeded]
    ).first()
    assert link is not None
    before = {
        p.pk: (p.household_id, p.surname_latin, p.given_name_latin) for p in (link.person_a, link.person_b)
    }
    actor = Actor.for_user(coordinator)
    link_confirm(actor=actor, link=link, note="Same A-number on both files")
    assert same_person(link.person_a) == [link.person_b]
    after = {
        p.pk: (p.household_id, p.surname_latin, p.given_name_latin)
        for p in Person.objects.filter(pk__in=before)
    }
    assert after == before  # each organisation's record is untouched
    find_duplicates(actor=Actor.system(), stream=io.StringIO())
    link.refresh_from_db()
    assert link.status == "linked"  # a new search keeps the decision
    link_undo(actor=actor, link=link)
    link.refresh_from_db()
    assert link.status == "proposed" and same_person(link.person_a) == []
    actions = list(
        AuditEntry.objects.filter(target=str(link.public_id)).order_by("seq").values_list("action", flat=True)
    )
    assert actions == ["identity.link", "identity.undo"]


def test_only_the_coordinator_decides(
    seeded: set[tuple[int, int]], caseworker_a: Any, reviewer_a: Any
) -> None:
    find_duplicates(actor=Actor.system(), stream=io.StringIO())
    link = IdentityLink.objects.first()
    assert link is not None
    for user in (caseworker_a, reviewer_a):
        with pytest.raises(ScreeningError):
            link_confirm(actor=Actor.for_user(user), link=link)
        assert client_for(user).get("/registries/duplicates/").status_code == 403
        # A link's own address is not found for them, as another organisation's household is not.
        assert (
            client_for(user)
            .post(f"/registries/duplicates/{link.public_id}/", {"decision": "confirm"})
            .status_code
            == 404
        )
    link.refresh_from_db()
    assert link.status == "proposed"
    refused = AuditEntry.objects.filter(action="access.refused").values_list("actor", "detail")
    assert sorted(refused) == [(caseworker_a.pk, {"kind": "link"}), (reviewer_a.pk, {"kind": "link"})]


def test_asking_for_a_link_is_refused_as_not_found_and_audited_naming_the_side_not_yours(
    household_a: Any, caseworker_a: Any, liaison: Any, coordinator: Any
) -> None:
    cache.clear()  # a fresh minute of refusals
    link_id = registry_objects(household_a.principal)["link"]  # household A's principal and another's
    link = IdentityLink.objects.select_related("person_a__household", "person_b__household").get(
        public_id=link_id
    )
    other = next(p.household for p in (link.person_a, link.person_b) if p.household != household_a)
    url = f"/registries/duplicates/{link_id}/"
    for _ in range(3):
        assert client_for(caseworker_a).get(url, REMOTE_ADDR="203.0.113.5").status_code == 404
    (entry,) = AuditEntry.objects.filter(action="access.refused")
    assert (entry.actor, entry.ip, entry.detail) == (caseworker_a, "203.0.113.5", {"kind": "link"})
    assert entry.household_ref == other.reference  # not the side the caseworker may see anyway
    # A liaison is stopped at the door of every caseload page, before any lookup, as for a household.
    assert client_for(liaison).get(url).status_code == 403
    assert client_for(coordinator).get(url).status_code == 200
    cache.clear()  # a new minute
    assert client_for(caseworker_a).get(f"/registries/duplicates/{uuid.uuid4()}/").status_code == 404
    assert AuditEntry.objects.filter(action="access.refused").count() == 1  # nothing there, nothing recorded


def test_the_coordinator_sees_both_records_side_by_side(
    seeded: set[tuple[int, int]], coordinator: Any
) -> None:
    client = client_for(coordinator)
    client.post("/registries/duplicates/")
    link = IdentityLink.objects.select_related(
        "person_a__household__organisation", "person_b__household__organisation"
    ).first()
    assert link is not None
    page = client.get(f"/registries/duplicates/{link.public_id}/").content.decode()
    for person in (link.person_a, link.person_b):
        assert person.household.reference in page and person.household.organisation.name in page
    assert all(reason in page for reason in link.reasons)
    client.post(f"/registries/duplicates/{link.public_id}/", {"decision": "reject"})
    link.refresh_from_db()
    assert link.status == "rejected"
    with pytest.raises(ScreeningError):
        link_reject(actor=Actor.for_user(coordinator), link=link)
    views = AuditEntry.objects.filter(action="household.view", actor=coordinator)
    assert {link.person_a.household.reference, link.person_b.household.reference} <= set(
        views.values_list("household_ref", flat=True)
    )


def test_haven_screen_proposes_duplicates_too(seeded: set[tuple[int, int]], capsys: Any) -> None:
    from django.core.management import call_command

    call_command("screen")
    out = capsys.readouterr().out
    assert "No registry has been imported yet" in out
    assert f"{IdentityLink.objects.count()} waiting for the coordinator" in out
    assert IdentityLink.objects.count() >= len(seeded)


def test_only_the_coordinator_sees_the_other_record_on_the_household_page(
    seeded: set[tuple[int, int]], coordinator: Any, caseworker_a: Any
) -> None:
    find_duplicates(actor=Actor.system(), stream=io.StringIO())
    link = IdentityLink.objects.select_related("person_a__household", "person_b__household").first()
    assert link is not None
    link_confirm(actor=Actor.for_user(coordinator), link=link)
    url = f"/cases/{link.person_a.household.reference}/"
    page = client_for(coordinator).get(url).content.decode()
    assert 'id="same-person"' in page and link.person_b.household.reference in page
    caseworker = make_user("cara", "caseworker", link.person_a.household.organisation)
    page = client_for(caseworker).get(url).content.decode()
    assert 'id="same-person"' not in page and link.person_b.household.reference not in page


def test_a_households_links_read_at_once_are_those_read_one_by_one(
    seeded: set[tuple[int, int]], coordinator: Any
) -> None:
    find_duplicates(actor=Actor.system(), stream=io.StringIO())
    for link in IdentityLink.objects.all()[:3]:
        link_confirm(actor=Actor.for_user(coordinator), link=link, note="Same A-number on both files")
    linked = [link.person_a_id for link in IdentityLink.objects.filter(status="linked")]
    people = list(Person.objects.filter(pk__in=linked)) + list(Person.objects.exclude(pk__in=linked)[:5])
    one_by_one = {p.pk: same_person(p) for p in people if same_person(p)}
    assert len(one_by_one) == 3 and same_people([p.pk for p in people]) == one_by_one
