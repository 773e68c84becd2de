"""The documented column set: one row per person, kept as data.

Each column has a key (the field it fills), its header in English and in Russian, the kind of value it
holds and further spellings of its header that spreadsheets in the wild use. Headers are matched without
regard to case, spaces, punctuation or ``ё``. ``docs/import-format.md`` and the downloadable templates
are made from this same table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Kind = Literal["id", "text", "lines", "choice", "flag", "birth_date", "date", "a_number"]
Section = Literal["household", "person", "us", "canada"]


@dataclass(frozen=True)
class Column:
    key: str
    en: str
    ru: str
    kind: Kind
    section: Section
    help_en: str = ""
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("household_id", "Household ID", "ID семьи", "id", "household",
           "Your organisation's own id of the family; rows with the same id are one household. Required.",
           ("household", "family id", "семья", "номер семьи", "id домохозяйства")),
    Column("person_id", "Person ID", "ID человека", "id", "person",
           "Your own id of the person; if empty, the person's place in the household is used.",
           ("person", "номер человека")),
    Column("relationship", "Relationship", "Родство", "choice", "person",
           "principal, spouse, child, parent, sibling, other; empty means principal for the household's "
           "first row and other after it.",
           ("relation", "role", "степень родства", "кем приходится")),
    Column("relationship_detail", "Relationship, in words", "Родство, словами", "text", "person"),
    Column("surname_cyrillic", "Surname (Cyrillic)", "Фамилия", "text", "person", "",
           ("фамилия (кириллицей)", "surname cyrillic")),
    Column("given_name_cyrillic", "Given name (Cyrillic)", "Имя", "text", "person", "",
           ("имя (кириллицей)", "given name cyrillic")),
    Column("patronymic_cyrillic", "Patronymic (Cyrillic)", "Отчество", "text", "person", "",
           ("patronymic",)),
    Column("surname_latin", "Surname (passport Latin)", "Фамилия (латиницей)", "text", "person", "",
           ("surname", "last name", "family name", "фамилия латиницей", "фамилия в паспорте")),
    Column("given_name_latin", "Given names (passport Latin)", "Имя (латиницей)", "text", "person", "",
           ("given names", "given name", "first name", "имя латиницей", "имя в паспорте")),
    Column("other_spellings", "Other spellings", "Другие написания", "lines", "person",
           "Separate several with a semicolon.", ("aliases", "варианты написания")),
    Column("former_names", "Former names", "Прежние имена", "lines", "person",
           "Separate several with a semicolon.", ("прежние фамилии",)),
    Column("sex", "Sex", "Пол", "choice", "person", "F, M or X (Ж, М).", ("gender",)),
    Column("birth_date", "Date of birth", "Дата рождения", "birth_date", "person",
           "DD.MM.YYYY, MM/DD/YYYY, YYYY-MM-DD; MM.YYYY or YYYY when only partly known.",
           ("birth date", "dob", "д.р.", "др")),
    Column("place_of_birth", "Place of birth", "Место рождения", "text", "person"),
    Column("citizenships", "Citizenships", "Гражданство", "text", "person", "E.g. RU, UA.",
           ("citizenship", "гражданства")),
    Column("languages", "Languages", "Языки", "text", "person", "", ("language", "язык")),
    Column("phone", "Phone", "Телефон", "text", "person"),
    Column("email", "Email", "Эл. почта", "text", "person", "", ("e-mail", "электронная почта")),
    Column("address", "Address", "Адрес", "text", "person"),
    Column("serious_medical", "Serious medical condition", "Серьёзное заболевание", "flag", "person",
           "yes / no / empty (да / нет)."),
    Column("disability", "Disability", "Инвалидность", "flag", "person"),
    Column("pregnancy", "Pregnancy", "Беременность", "flag", "person"),
    Column("lgbtq", "LGBTQ+", "ЛГБТК+", "flag", "person", "", ("lgbt", "лгбт")),
    Column("elderly", "Elderly", "Пожилой возраст", "flag", "person"),
    Column("minor", "Minor", "Несовершеннолетний", "flag", "person"),
    Column("survivor_of_violence", "Survivor of violence or torture", "Пережил насилие или пытки", "flag",
           "person"),
    Column("vulnerability_notes", "Vulnerability notes", "Заметки об уязвимости", "text", "person"),
    Column("a_number", "A-number", "A-номер", "a_number", "us", "A followed by 8 or 9 digits.",
           ("a number", "alien number", "а-номер", "номер a")),
    Column("us_status", "US status", "Статус в США", "choice", "us",
           "asylum_pending, removal_proceedings, final_order, detained, released, protection_granted, "
           "removed (or the label shown in Haven). Required when any US column is filled.",
           ("status", "статус")),
    Column("detained", "Detained", "Под стражей", "flag", "us", "yes / no.", ("в детеншене",)),
    Column("court", "Immigration court", "Иммиграционный суд", "text", "us", "", ("court", "суд")),
    Column("next_hearing_date", "Next hearing", "Следующее заседание", "date", "us", "",
           ("hearing date", "дата заседания")),
    Column("removal_order_date", "Removal order date", "Дата приказа о депортации", "date", "us"),
    Column("removal_scheduled_date", "Scheduled removal date", "Дата депортации", "date", "us"),
    Column("detention_facility", "Detention facility", "Место содержания", "text", "us", "",
           ("детеншен",)),
    Column("attorney_of_record", "Attorney of record", "Адвокат", "text", "us", "", ("attorney",)),
    Column("canada_relative_name", "Relative in Canada", "Родственник в Канаде", "text", "canada",
           "One relative in Canada per person row; add more in Haven."),
    Column("canada_relative_relationship", "Relative in Canada: relationship",
           "Родственник в Канаде: родство", "choice", "canada",
           "spouse, child, parent, legal_guardian, sibling, grandparent, grandchild, aunt_uncle, "
           "niece_nephew, other."),
    Column("canada_relative_status", "Relative in Canada: status", "Родственник в Канаде: статус", "choice",
           "canada", "citizen, permanent_resident, protected_person, …, other."),
    Column("canada_relative_city", "Relative in Canada: city", "Родственник в Канаде: город", "text",
           "canada"),
    Column("household_notes", "Household notes", "Заметки о семье", "text", "household",
           "Read from the household's first row.", ("notes", "заметки")),
)  # fmt: skip

BY_KEY = {column.key: column for column in COLUMNS}

_NOISE = re.compile(r"[\s\-_.,:;()/*]+")


def normalise_header(text: str) -> str:
    """The form headers are compared in: lower case, ``ё`` as ``е``, no spaces or punctuation."""
    return _NOISE.sub("", (text or "").strip().lower().replace("ё", "е"))


_ALIASES: dict[str, str] = {}
for _column in COLUMNS:
    for _name in (_column.key, _column.en, _column.ru, *_column.aliases):
        _ALIASES.setdefault(normalise_header(_name), _column.key)


def match_headers(headers: Sequence[str]) -> tuple[dict[int, str], list[str], list[str]]:
    """Map header positions to column keys.

    Returns ``(positions, unknown, repeated)``: the known columns by position, the headers Haven does
    not know (ignored, and reported), and the columns given twice (an error: which one is meant?).
    """
    positions: dict[int, str] = {}
    unknown: list[str] = []
    repeated: list[str] = []
    for index, header in enumerate(headers):
        if not (header or "").strip():
            continue
        key = _ALIASES.get(normalise_header(header))
        if key is None:
            unknown.append(header)
        elif key in positions.values():
            repeated.append(header)
        else:
            positions[index] = key
    return positions, unknown, repeated


def header_row(language: str) -> list[str]:
    """The template's headers in ``"en"`` or ``"ru"``."""
    return [column.ru if language == "ru" else column.en for column in COLUMNS]
