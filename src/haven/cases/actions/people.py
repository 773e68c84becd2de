"""Adding, editing and removing the people in a household."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.cases.actions.permission_and_audit import (
    apply_fields,
    audit,
    ensure_can_edit,
    screen_after_commit,
    touch,
)
from haven.cases.duplicates import LikelyMatch, check_duplicates, override_detail
from haven.cases.models import Household, Person, PersonNameKey
from haven.errors import InvalidChange
from haven.security.sensitive import index_value
from haven_core.matching.search_keys import person_search_keys
from haven_core.names import prefix_keys

PERSON_FIELDS = (
    "relationship", "relationship_detail", "surname_cyrillic", "given_name_cyrillic", "patronymic_cyrillic",
    "surname_latin", "given_name_latin", "other_spellings", "former_names", "sex", "birth_date",
    "place_of_birth", "citizenships", "languages", "phone", "email", "address", "serious_medical",
    "disability", "pregnancy", "lgbtq", "elderly", "minor", "survivor_of_violence", "vulnerability_notes",
    "keep_private",
)  # fmt: skip
NAME_FIELDS = frozenset(
    {"surname_cyrillic", "given_name_cyrillic", "patronymic_cyrillic", "surname_latin", "given_name_latin",
     "other_spellings", "former_names"}
)  # fmt: skip


def audit_override(
    actor: Actor, household: Household, person: Person, on: str, matches: list[LikelyMatch]
) -> None:
    """The ``household.duplicate_override`` entry of an ``on`` action that saved ``person`` despite its
    likely ``matches``, naming the households shown; no entry when there were none."""
    if matches:
        audit(
            actor,
            "household.duplicate_override",
            household,
            target=str(person.public_id),
            on=on,
            **override_detail(matches),
        )


def person_keys(person: Person) -> set[str]:
    """The search-index values (keyed hashes) of every spelling of ``person``'s name, read as the
    matcher reads it (:func:`haven_core.matching.search_keys.person_search_keys`), and the prefix keys
    (the initial, and every prefix of three letters or more) that partial-name search finds."""
    keys = person_search_keys(*person.all_spellings())
    return {index_value(key) for key in keys | prefix_keys(keys)}


def index_names(people: Iterable[Person]) -> None:
    """Add the keys of the current spellings of ``people`` (saved, not yet indexed) to the name index."""
    PersonNameKey.objects.bulk_create(
        (PersonNameKey(person=person, key=k) for person in people for k in sorted(person_keys(person))),
        batch_size=1000,
    )


def reindex_names(person: Person) -> None:
    """Replace the person's rows in the name index with the keys of their current spellings."""
    PersonNameKey.objects.filter(person=person).delete()
    index_names([person])


def check_principal(household: Household, person: Person) -> None:
    if person.relationship == "principal":
        others = household.people.filter(relationship="principal").exclude(pk=person.pk)
        if others.exists():
            raise InvalidChange(_("This household already has a principal applicant."))


def person_add(
    *, actor: Actor, household: Household, fields: Mapping[str, Any], different_person: bool = False
) -> Person:
    """Add a family member to the household.

    As when opening a household, a likely duplicate of someone the actor can see is refused
    (:class:`LikelyDuplicate`) unless ``different_person``; saving anyway is audited as
    ``household.duplicate_override``.
    """
    ensure_can_edit(actor, household)
    person = Person(household=household)
    apply_fields(person, fields, PERSON_FIELDS)
    if not person.relationship:
        raise InvalidChange(_("Say how this person is related to the principal applicant."))
    check_principal(household, person)
    matches = check_duplicates(
        actor=actor,
        organisation_id=household.organisation_id,
        fields=fields,
        different_person=different_person,
    )
    with transaction.atomic():
        person.save()
        reindex_names(person)
        touch(household, actor)
        audit(actor, "person.add", household, target=str(person.public_id), relationship=person.relationship)
        audit_override(actor, household, person, "person.add", matches)
        screen_after_commit(actor=actor, person_id=person.pk)  # against the registries, once saved
    return person


def person_update(*, actor: Actor, person: Person, fields: Mapping[str, Any]) -> list[str]:
    """Change a person's details; the name index follows any change of spelling."""
    household = person.household
    ensure_can_edit(actor, household)
    with transaction.atomic():
        changed = apply_fields(person, fields, PERSON_FIELDS)
        check_principal(household, person)
        if changed:
            person.save()
            if NAME_FIELDS.intersection(changed):
                reindex_names(person)
            if NAME_FIELDS.union({"birth_date"}).intersection(changed):
                screen_after_commit(actor=actor, person_id=person.pk)
            touch(household, actor)
            audit(actor, "person.update", household, target=str(person.public_id), fields=changed)
    return changed


def person_delete(*, actor: Actor, person: Person) -> None:
    """Remove a family member. The principal applicant cannot be removed."""
    household = person.household
    ensure_can_edit(actor, household)
    if person.relationship == "principal":
        raise InvalidChange(_("The principal applicant cannot be removed; close the household instead."))
    if person.events.exists():  # removing them would remove their part of the household's history
        raise InvalidChange(
            _(
                "This person has events on the household's timeline and stays in its history; "
                "withdraw a mistaken event instead."
            )
        )
    with transaction.atomic():
        target = str(person.public_id)
        person.delete()
        touch(household, actor)
        audit(actor, "person.delete", household, target=target)
