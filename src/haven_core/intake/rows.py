"""Checking one row of a caseload table: its cells read into a person's fields, each problem a
:class:`RowError` with the spreadsheet's row number, the column and a plain message.

:class:`RowChecker` gives the same answer for a row at every pass over the file, so the checked report
(:mod:`haven_core.intake.report`) keeps only what it needs to decide and reads the people again when
they are written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from haven_core.anumber import ANumberError, normalise_a_number
from haven_core.intake.columns import BY_KEY, match_headers
from haven_core.intake.dates import DateOrder, DateProblem, column_orders, parse_date, parse_partial_date
from haven_core.intake.files import Table
from haven_core.intake.messages import say

# Accepted spellings of each choice column: column key → {lower-case text → stored code}. Haven's shell
# adds the codes and the labels of the models' choice lists in English and Russian to these.
Choices = Mapping[str, Mapping[str, str]]

CHOICE_ALIASES: dict[str, dict[str, str]] = {
    "relationship": {
        "заявитель": "principal", "основной заявитель": "principal", "applicant": "principal",
        "супруг": "spouse", "супруга": "spouse", "муж": "spouse", "жена": "spouse", "partner": "spouse",
        "сын": "child", "дочь": "child", "ребенок": "child", "ребёнок": "child",
        "мать": "parent", "отец": "parent", "брат": "sibling", "сестра": "sibling", "другое": "other",
    },
    "sex": {"f": "F", "m": "M", "x": "X", "ж": "F", "м": "M", "female": "F", "male": "M",
            "женский": "F", "мужской": "M", "жен": "F", "муж": "M"},
}  # fmt: skip

MAX_ID = 100  # the length of Household.external_id and Person.external_id
_YES = frozenset({"yes", "y", "true", "1", "x", "+", "да", "д"})
_NO = frozenset({"no", "n", "false", "0", "-", "нет", "н"})

PERSON_KEYS = (
    "relationship", "relationship_detail", "surname_cyrillic", "given_name_cyrillic", "patronymic_cyrillic",
    "surname_latin", "given_name_latin", "other_spellings", "former_names", "sex", "birth_date",
    "place_of_birth", "citizenships", "languages", "phone", "email", "address", "serious_medical",
    "disability", "pregnancy", "lgbtq", "elderly", "minor", "survivor_of_violence", "vulnerability_notes",
)  # fmt: skip
US_KEYS = {
    "a_number": "a_number", "us_status": "status", "detained": "detained", "court": "court",
    "next_hearing_date": "next_hearing_date", "removal_order_date": "removal_order_date",
    "removal_scheduled_date": "removal_scheduled_date", "detention_facility": "detention_facility",
    "attorney_of_record": "attorney_of_record",
}  # fmt: skip
CANADA_KEYS = {
    "canada_relative_name": "full_name", "canada_relative_relationship": "relationship",
    "canada_relative_status": "canadian_status", "canada_relative_city": "city",
}  # fmt: skip


@dataclass(frozen=True)
class RowError:
    row: int
    column: str  # the column's key, or "" for a problem of the whole row or file
    code: str  # a problem of haven_core.intake.messages
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return say(self.code, self.params)

    def message_in(self, language: str) -> str:
        return say(self.code, self.params, language)

    def describe(self, language: str = "en") -> str:
        """``row 3, Date of birth: …`` (or ``строка 3, Дата рождения: …``), as a report prints it."""
        russian = language.startswith("ru")
        where = (
            (f"строка {self.row}" if russian else f"row {self.row}")
            if self.row
            else ("файл" if russian else "file")
        )
        column = BY_KEY.get(self.column)
        header = f", {column.ru if russian else column.en}" if column else ""
        return f"{where}{header}: {self.message_in(language)}"

    def __str__(self) -> str:
        return self.describe()


@dataclass
class IntakePerson:
    """A person of the file in full, as the import writes them (read again from the file when needed)."""

    row: int
    external_id: str
    fields: dict[str, Any]  # Person fields, as the model stores them
    us_record: dict[str, Any] | None = None  # USRecord fields, or None when no US column is filled
    canada_relative: dict[str, Any] | None = None


@dataclass
class IntakeHousehold:
    """A household of the file in full, with all its people, as the import writes it."""

    external_id: str
    row: int  # its first row
    notes: str = ""
    people: list[IntakePerson] = field(default_factory=list)
    valid: bool = True


class Row:
    """One row's cells by column key, handing each of its errors to ``report``."""

    def __init__(self, number: int, cells: dict[str, str], report: Callable[[RowError], None]) -> None:
        self.number, self.cells, self.report = number, cells, report
        self.failed = False

    def text(self, key: str) -> str:
        return self.cells.get(key, "").strip()

    def fail(self, key: str, code: str, **params: object) -> None:
        self.failed = True
        self.report(RowError(self.number, key, code, params))


class RowChecker:
    """Reads a table's rows into people: the same answers for a row at every pass over the file."""

    def __init__(self, table: Table, choices: Choices, order: DateOrder) -> None:
        self.choices = {
            key: {**{k.lower(): v for k, v in choices.get(key, {}).items()}, **CHOICE_ALIASES.get(key, {})}
            for key in {*choices, *CHOICE_ALIASES}
        }
        self.order = order
        self.positions, self.unknown, self.repeated = match_headers(table.headers)
        by_key = {key: index for index, key in self.positions.items()}
        dated = {
            key: by_key[key]
            for key, column in BY_KEY.items()
            if column.kind in ("date", "birth_date") and key in by_key
        }
        self.hints = column_orders(table.rows, dated) if dated else {}

    def cells(self, values: list[str]) -> dict[str, str]:
        return {key: values[i] for i, key in self.positions.items() if i < len(values)}

    def choice(self, row: Row, key: str) -> str:
        text = row.text(key)
        if not text:
            return ""
        code = self.choices.get(key, {}).get(text.lower())
        if code is None:
            allowed = sorted(set(self.choices.get(key, {}).values()))
            row.fail(key, "choice", value=text, allowed=", ".join(allowed))
            return ""
        return code

    def flag(self, row: Row, key: str) -> bool | None:
        text = row.text(key).lower()
        if not text:
            return None
        if text in _YES or text in _NO:
            return text in _YES
        row.fail(key, "flag", value=row.text(key))
        return None

    def date(self, row: Row, key: str) -> dt.date | None:
        text = row.text(key)
        if not text:
            return None
        try:
            return parse_date(text, self.order, self.hints.get(key, DateOrder.AUTO))
        except DateProblem as exc:
            row.fail(key, exc.code, **exc.params)
            return None

    def person(self, row: Row) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key in PERSON_KEYS:
            kind = BY_KEY[key].kind
            if kind == "choice":
                values[key] = self.choice(row, key)
            elif kind == "flag":
                values[key] = self.flag(row, key)
            elif kind == "lines":
                values[key] = "\n".join(p.strip() for p in row.text(key).split(";") if p.strip())
            elif kind == "birth_date":
                values[key] = ""
                if text := row.text(key):
                    try:
                        values[key] = parse_partial_date(
                            text, self.order, self.hints.get(key, DateOrder.AUTO)
                        ).iso()
                    except DateProblem as exc:
                        row.fail(key, exc.code, **exc.params)
            else:
                values[key] = row.text(key)
        if not any(values[k] for k in ("surname_cyrillic", "given_name_cyrillic", "surname_latin",
                                       "given_name_latin")):  # fmt: skip
            row.fail("", "no_name")
        return values

    def us_record(self, row: Row) -> dict[str, Any] | None:
        if not any(row.text(key) for key in US_KEYS):
            return None
        record: dict[str, Any] = {}
        for key, name in US_KEYS.items():
            kind = BY_KEY[key].kind
            if kind == "date":
                record[name] = self.date(row, key)
            elif kind == "choice":
                record[name] = self.choice(row, key)
            elif kind == "flag":
                record[name] = bool(self.flag(row, key))
            elif kind == "a_number":
                record[name] = ""
                if text := row.text(key):
                    try:
                        record[name] = normalise_a_number(text)
                    except ANumberError:
                        row.fail(key, "a_number")
            else:
                record[name] = row.text(key)
        if not row.text("us_status"):
            row.fail("us_status", "us_status")
        return record

    def canada_relative(self, row: Row) -> dict[str, Any] | None:
        if not any(row.text(key) for key in CANADA_KEYS):
            return None
        relative = {
            "full_name": row.text("canada_relative_name"),
            "relationship": self.choice(row, "canada_relative_relationship"),
            "canadian_status": self.choice(row, "canada_relative_status") or "other",
            "city": row.text("canada_relative_city"),
        }
        for key in ("canada_relative_name", "canada_relative_relationship"):
            if not row.text(key):
                row.fail(key, "canada_relative")
        return relative

    def intake_person(self, row: Row, household_id: str, position: int) -> IntakePerson:
        """The person of ``row``, the ``position``-th (from 0) of household ``household_id`` in the file:
        a person without an id is known by their place, and without a relationship is the principal
        applicant when first in the household, "other" after."""
        person = IntakePerson(
            row.number, "", self.person(row), self.us_record(row), self.canada_relative(row)
        )
        person.external_id = row.text("person_id") or f"{household_id}/{position + 1}"
        if not row.text("relationship"):
            person.fields["relationship"] = "other" if position else "principal"
        return person
