"""The downloadable template and the column reference of ``docs/import-format.md``, made from
:data:`~haven_core.intake.columns.COLUMNS` so that neither can drift from what the importer reads."""

from __future__ import annotations

from haven_core.intake.columns import COLUMNS, header_row
from haven_core.intake.files import write_xlsx

_EXAMPLE = {
    "household_id": "F-0001",
    "relationship": "principal",
    "surname_cyrillic": "Иванова",
    "given_name_cyrillic": "Анна",
    "patronymic_cyrillic": "Сергеевна",
    "surname_latin": "IVANOVA",
    "given_name_latin": "ANNA",
    "sex": "F",
    "birth_date": "12.03.1984",
    "citizenships": "RU",
    "languages": "ru, en",
    "a_number": "A012345678",
    "us_status": "removal_proceedings",
    "court": "New York - Broadway",
    "next_hearing_date": "2026-06-01",
}
_EXAMPLE_CHILD = {
    "household_id": "F-0001",
    "relationship": "child",
    "surname_cyrillic": "Иванов",
    "given_name_cyrillic": "Пётр",
    "sex": "M",
    "birth_date": "2015",
}
# The same family as a Russian-speaking caseworker would type it: choices by their Russian names (the
# importer reads them, as it reads Haven's Russian labels) and dates as Russian writes them.
_IN_RUSSIAN = {
    "principal": "основной заявитель",
    "child": "сын",
    "F": "Ж",
    "M": "М",
    "removal_proceedings": "Идёт процедура депортации",
    "2026-06-01": "01.06.2026",
}
_SECTIONS = {"household": "Household", "person": "Person", "us": "US record", "canada": "Ties to Canada"}


def template_xlsx(language: str) -> bytes:
    """An XLSX with the headers in ``"en"`` or ``"ru"`` and two example rows of one family, written in
    that language."""
    rows = [[example.get(c.key, "") for c in COLUMNS] for example in (_EXAMPLE, _EXAMPLE_CHILD)]
    if language == "ru":
        rows = [[_IN_RUSSIAN.get(cell, cell) for cell in row] for row in rows]
    return write_xlsx(header_row(language), rows, sheet="Haven")


def column_reference() -> str:
    """The Markdown table of every column, as ``docs/import-format.md`` shows it."""
    lines = ["| Column (English) | Column (Russian) | Part | What goes in it |", "| --- | --- | --- | --- |"]
    for column in COLUMNS:
        lines.append(f"| {column.en} | {column.ru} | {_SECTIONS[column.section]} | {column.help_en} |")
    return "\n".join(lines) + "\n"
