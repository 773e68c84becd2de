"""A small fictional registry list for the demo, so that registry hits await its reviewers.

Real registry files cannot ship with Haven, and without a registry the reviewers' hits page and home
section would stay empty. The demo writes a generic registry CSV naming a few of its own synthetic people
as another list would spell them (the passport's Latin of an older transliteration, the Cyrillic with
"ё" written "е", the name in capitals), and imports it through the ordinary import
(:func:`haven.registries.importing.registry_import`, with its audit entry); ``haven screen`` then finds
the hits. The list is titled as demonstration data, fictional, never as a state registry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from haven.accounts.actor import Actor
from haven.cases.models import Person
from haven.registries.importing import ImportResult, registry_import
from haven.registries.models import Registry
from haven_core.names import System, transliterate
from haven_core.spreadsheets import csv_bytes

SLUG = "demonstration-fictional"
TITLE = "Demonstration list — fictional"
FILE_NAME = "demonstration-list-fictional.csv"
PER_ORGANISATION = 2
AT_MOST = 8


def listed_people() -> list[Person]:
    """A few principal applicants of the demo, two an organisation at most, in a stable order."""
    chosen: list[Person] = []
    taken: dict[int, int] = {}
    principals = (
        Person.objects.filter(relationship="principal")
        .select_related("household")
        .order_by("household__organisation_id", "id")
    )
    for person in principals.iterator(chunk_size=200):
        organisation = person.household.organisation_id
        if taken.get(organisation, 0) >= PER_ORGANISATION or not person.surname_cyrillic:
            continue
        taken[organisation] = taken.get(organisation, 0) + 1
        chosen.append(person)
        if len(chosen) >= AT_MOST:
            break
    return chosen


def _spellings(person: Person, index: int) -> tuple[str, str]:
    """The name as the fictional list writes it, and its other spellings (aliases)."""
    surname, given = person.surname_cyrillic, person.given_name_cyrillic
    patronymic = person.patronymic_cyrillic
    cyrillic = (
        " ".join(part for part in (surname, given, patronymic) if part).replace("ё", "е").replace("Ё", "Е")
    )
    old_latin = f"{transliterate(surname, System.MVD_310)} {transliterate(given, System.MVD_310)}".upper()
    if index % 2:
        return old_latin, cyrillic
    return cyrillic, old_latin


def demonstration_csv(people: Sequence[Person], listed_on: dt.date) -> bytes:
    """The fictional list as Haven's generic registry CSV (written, like every CSV, by one module)."""
    rows: list[list[str]] = [["reference", "name", "kind", "aliases", "birth_date", "listed_on", "note"]]
    for index, person in enumerate(people, start=1):
        name, alias = _spellings(person, index)
        birth = person.birth.iso() if person.birth else ""
        note = "Demonstration data: fictional entry"
        rows.append([f"DEMO-{index:03d}", name, "individual", alias, birth, listed_on.isoformat(), note])
    return csv_bytes(rows, bom=False)


def import_demonstration_list(*, actor: Actor, today: dt.date) -> ImportResult | None:
    """Import the fictional list once, as any registry file is imported; ``None`` without people."""
    people = listed_people()
    if not people or Registry.objects.filter(slug=SLUG).exists():
        return None
    with transaction.atomic():  # the list's title is written with its first snapshot, or not at all
        Registry.objects.create(slug=SLUG, title=TITLE)
        return registry_import(
            actor=actor,
            data=demonstration_csv(people, today),
            file_name=FILE_NAME,
            registry=SLUG,
            taken_on=today,
        )
