"""Checking a caseload table row by row and grouping its rows into households.

Every problem is a :class:`RowError` with the spreadsheet's row number, the column and a plain message.
A household with any invalid row is invalid as a whole: importing "only the valid rows" imports the
households all of whose rows are valid, never half a family.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
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
    row: int
    external_id: str
    fields: dict[str, Any]  # Person fields, as the model stores them
    us_record: dict[str, Any] | None = None  # USRecord fields, or None when no US column is filled
    canada_relative: dict[str, Any] | None = None


@dataclass
class IntakeHousehold:
    external_id: str
    row: int  # its first row
    notes: str = ""
    people: list[IntakePerson] = field(default_factory=list)
    valid: bool = True


@dataclass
class IntakeReport:
    households: list[IntakeHousehold] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    unknown_headers: list[str] = field(default_factory=list)
    rows: int = 0
    columns: frozenset[str] = frozenset()  # the keys of the columns the file has

    def given(self, key: str) -> bool:
        """Whether the file has the column: a column it lacks leaves Haven's value as it is."""
        return key in self.columns

    @property
    def valid_households(self) -> list[IntakeHousehold]:
        return [h for h in self.households if h.valid]

    @property
    def invalid_households(self) -> list[IntakeHousehold]:
        return [h for h in self.households if not h.valid]


class _Row:
    """One row's cells by column key, collecting the row's errors."""

    def __init__(self, number: int, cells: dict[str, str], errors: list[RowError]) -> None:
        self.number, self.cells, self.errors = number, cells, errors
        self.failed = False

    def text(self, key: str) -> str:
        return self.cells.get(key, "").strip()

    def fail(self, key: str, code: str, **params: object) -> None:
        self.failed = True
        self.errors.append(RowError(self.number, key, code, params))


class _Checker:
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

    def choice(self, row: _Row, key: str) -> str:
        text = row.text(key)
        if not text:
            return ""
        code = self.choices.get(key, {}).get(text.lower())
        if code is None:
            allowed = sorted(set(self.choices.get(key, {}).values()))
            row.fail(key, "choice", value=text, allowed=", ".join(allowed))
            return ""
        return code

    def flag(self, row: _Row, key: str) -> bool | None:
        text = row.text(key).lower()
        if not text:
            return None
        if text in _YES or text in _NO:
            return text in _YES
        row.fail(key, "flag", value=row.text(key))
        return None

    def date(self, row: _Row, key: str) -> dt.date | None:
        text = row.text(key)
        if not text:
            return None
        try:
            return parse_date(text, self.order, self.hints.get(key, DateOrder.AUTO))
        except DateProblem as exc:
            row.fail(key, exc.code, **exc.params)
            return None

    def person(self, row: _Row) -> dict[str, Any]:
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

    def us_record(self, row: _Row) -> dict[str, Any] | None:
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

    def canada_relative(self, row: _Row) -> dict[str, Any] | None:
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


def validate(table: Table, choices: Choices, order: DateOrder = DateOrder.AUTO) -> IntakeReport:
    """Check every row of ``table`` and group the rows into households by their Household ID."""
    checker = _Checker(table, choices, order)
    report = IntakeReport(unknown_headers=checker.unknown, columns=frozenset(checker.positions.values()))
    for header in checker.repeated:
        report.errors.append(RowError(1, "", "column_twice", {"header": header}))
    if "household_id" not in checker.positions.values():
        report.errors.append(RowError(1, "household_id", "no_household_column"))
        return report
    households: dict[str, IntakeHousehold] = {}
    person_rows: dict[tuple[str, str], int] = {}
    for number, values in table.rows:
        report.rows += 1
        row = _Row(number, checker.cells(values), report.errors)
        household_id = row.text("household_id")
        if not household_id:
            row.fail("household_id", "no_household_id")
            continue
        if len(household_id) > MAX_ID or len(row.text("person_id")) > MAX_ID:
            row.fail("household_id", "id_too_long", limit=MAX_ID)
            continue
        household = households.get(household_id)
        if household is None:
            household = households[household_id] = IntakeHousehold(
                household_id, number, notes=row.text("household_notes")
            )
        person = IntakePerson(number, "", checker.person(row), checker.us_record(row),
                              checker.canada_relative(row))  # fmt: skip
        person.external_id = row.text("person_id") or f"{household_id}/{len(household.people) + 1}"
        if not row.text("relationship"):
            person.fields["relationship"] = "other" if household.people else "principal"
        if (first := person_rows.setdefault((household_id, person.external_id), number)) != number:
            row.fail("person_id", "person_twice", value=person.external_id, first=first, again=number)
        if person.fields["relationship"] == "principal" and any(
            p.fields["relationship"] == "principal" for p in household.people
        ):
            row.fail("relationship", "second_principal")
        household.people.append(person)
        household.valid = household.valid and not row.failed
    for household in households.values():
        if household.people and not any(p.fields["relationship"] == "principal" for p in household.people):
            household.valid = False
            report.errors.append(RowError(household.row, "relationship", "no_principal"))
    report.households = list(households.values())
    if any(e.row == 1 for e in report.errors):
        for household in report.households:
            household.valid = False
    return report
