"""A person as the identity matcher sees them: every spelling of the name and the birth date. Screening
against the registries, duplicates at intake and duplicates across organisations all read people so."""

from __future__ import annotations

from haven.cases.models import Person
from haven_core.matching import NameRecord

# Only the columns screening reads: loading a whole person would decrypt every sensitive field.
NAME_COLUMNS = (
    "id", "public_id", "household_id", "surname_cyrillic", "given_name_cyrillic", "patronymic_cyrillic",
    "surname_latin", "given_name_latin", "other_spellings", "former_names", "birth_date",
)  # fmt: skip


def person_record(person: Person, source: str = "caseload") -> NameRecord:
    """The matcher's view of one of our people: every spelling of the name and the birth date."""
    birth = person.birth
    names = list(person.all_spellings())
    if person.surname_latin and person.given_name_latin:
        names.append(f"{person.surname_latin.upper()}, {person.given_name_latin}")  # as US records write
    return NameRecord(
        id=str(person.pk),
        names=tuple(dict.fromkeys(names)),
        birth=birth.iso() if birth else None,
        source=source,
    )
