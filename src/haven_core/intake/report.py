"""The checked caseload file: what the import decides with, kept small, and the people read again.

A caseload of 100,000 rows held as parsed people (every field of every person, and every problem of
every row) took over half a gigabyte. The report keeps instead what deciding needs: for each household
its ids, first row and whether it is valid, and for each person their row, their id, whether they are
the principal applicant and a checksum of their row; and the first :data:`ERRORS_KEPT` problems, by
row, with a count of the rest. The people themselves are read again from the file, one row at a time,
when they are looked for among Haven's people (:meth:`IntakeReport.people`) and when they are written
(:meth:`IntakeReport.read`, each household whole once its last row is read), and checked again the
same way. Nothing of the file's content is written anywhere else on the way (no temporary file holds a
person's data in clear).

All or nothing still: a household with any invalid row is invalid as a whole, and a row that reads
differently the second time (the file changed while it was imported) stops the import with
``FileProblem("changed")`` instead of writing what was never checked.
"""

from __future__ import annotations

import bisect
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from haven_core.intake.dates import DateOrder
from haven_core.intake.files import Table
from haven_core.intake.rows import MAX_ID, Choices, IntakeHousehold, IntakePerson, Row, RowChecker, RowError
from haven_core.tables import FileProblem

ERRORS_KEPT = 1000  # the problems a report holds; beyond them it counts


@dataclass(slots=True)
class PersonRow:
    """A person of the checked file, as the report keeps them."""

    row: int
    external_id: str  # the id the import finds them by (the file's, or Haven's after "update that household")
    principal: bool = False
    checksum: int = 0  # of the row's cells: the row must read the same when it is written


@dataclass(slots=True)
class CheckedHousehold:
    """A household of the checked file: its people by row, and whether it may be imported."""

    external_id: str  # the id the import finds it by (the file's, or Haven's after "update that household")
    row: int  # its first row
    people: list[PersonRow] = field(default_factory=list)
    valid: bool = True
    file_id: str = ""  # its Household ID as the file gives it (``external_id`` unless that changed)

    def __post_init__(self) -> None:
        self.file_id = self.file_id or self.external_id


@dataclass
class IntakeReport:
    households: list[CheckedHousehold] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)  # the first ERRORS_KEPT problems, by row
    unknown_headers: list[str] = field(default_factory=list)
    rows: int = 0
    columns: frozenset[str] = frozenset()  # the keys of the columns the file has
    errors_left_out: int = 0  # the problems found beyond those kept
    errors_kept: int = ERRORS_KEPT
    source: _Source | None = field(default=None, repr=False, compare=False)
    _once: set[tuple[int, str, str]] = field(default_factory=set, repr=False, compare=False)

    def given(self, key: str) -> bool:
        """Whether the file has the column: a column it lacks leaves Haven's value as it is."""
        return key in self.columns

    @property
    def error_count(self) -> int:
        return len(self.errors) + self.errors_left_out

    def add_error(self, error: RowError, *, once: bool = False) -> None:
        """Keep ``error`` among the first problems by row, or count it; ``once``: unless it was added
        before (a check that may run again adds nothing the second time)."""
        if once:
            key = (error.row, error.column, error.code)
            if key in self._once:
                return
            self._once.add(key)
        bisect.insort_right(self.errors, error, key=lambda e: e.row)
        if len(self.errors) > self.errors_kept:
            self.errors.pop()
            self.errors_left_out += 1

    @property
    def valid_households(self) -> list[CheckedHousehold]:
        return [h for h in self.households if h.valid]

    @property
    def invalid_households(self) -> list[CheckedHousehold]:
        return [h for h in self.households if not h.valid]

    def people(self) -> Iterator[tuple[CheckedHousehold, IntakePerson]]:
        """Every person of the file's households in full, read again from the file in its order."""
        for household, _position, person, _notes in self._read(None):
            yield household, person

    def read(self, households: Iterable[CheckedHousehold]) -> Iterator[IntakeHousehold]:
        """``households`` in full, read again from the file: each when its last row is read (so in the
        order of their last rows), under the ids the report gives it and its people."""
        wanted = {h.file_id for h in households}
        pending: dict[str, IntakeHousehold] = {}
        for household, position, person, notes in self._read(set(wanted)):
            whole = pending.get(household.file_id)
            if whole is None:
                whole = pending[household.file_id] = IntakeHousehold(
                    household.external_id, household.row, notes=notes, valid=household.valid
                )
            whole.people.append(person)
            if position == len(household.people) - 1:
                wanted.discard(household.file_id)
                yield pending.pop(household.file_id)
        if wanted:
            raise FileProblem("changed", row=min(h.row for h in self.households if h.file_id in wanted))

    def _read(self, wanted: set[str] | None) -> Iterator[tuple[CheckedHousehold, int, IntakePerson, str]]:
        """The people of the ``wanted`` households (by file id; None: all) with their place in it."""
        if self.source is None:
            return
        table, checker = self.source.table, self.source.checker
        by_file_id = {h.file_id: h for h in self.households}
        read: dict[str, int] = {}  # household → how many of its people were read
        for number, values in table.rows:
            row = Row(number, checker.cells(values), _ignore)
            household = by_file_id.get(row.text("household_id"))
            position = read.get(household.file_id, 0) if household else 0
            if household is None or position >= len(household.people):
                continue
            expected = household.people[position]
            if expected.row != number:
                continue  # a row the check set aside (no id, or one too long)
            read[household.file_id] = position + 1
            if wanted is not None and household.file_id not in wanted:
                continue
            if _checksum(values) != expected.checksum:
                raise FileProblem("changed", row=number)
            person = checker.intake_person(row, household.file_id, position)
            person.external_id = expected.external_id
            yield household, position, person, row.text("household_notes") if position == 0 else ""


@dataclass(frozen=True)
class _Source:
    """Where the report reads its people again: the table, and the checker that read it."""

    table: Table
    checker: RowChecker


def _ignore(_error: RowError) -> None:
    """Problems found again when a row is read a second time: the report has them already."""


def _checksum(values: list[str]) -> int:
    return zlib.crc32("\x1f".join(values).encode("utf-8", "surrogatepass"))


def validate(
    table: Table, choices: Choices, order: DateOrder = DateOrder.AUTO, *, errors_kept: int = ERRORS_KEPT
) -> IntakeReport:
    """Check every row of ``table`` and group the rows into households by their Household ID.

    ``table.rows`` is read here (twice when the file has date columns) and again each time the report's
    people are read: a list, or a file read again at each pass (:func:`haven_core.intake.files.open_table`).
    """
    checker = RowChecker(table, choices, order)
    report = IntakeReport(
        unknown_headers=checker.unknown,
        columns=frozenset(checker.positions.values()),
        errors_kept=errors_kept,
        source=_Source(table, checker),
    )
    for header in checker.repeated:
        report.add_error(RowError(1, "", "column_twice", {"header": header}))
    if "household_id" not in checker.positions.values():
        report.add_error(RowError(1, "household_id", "no_household_column"))
        return report
    households: dict[str, CheckedHousehold] = {}
    person_rows: dict[tuple[str, str], int] = {}
    for number, values in table.rows:
        report.rows += 1
        row = Row(number, checker.cells(values), report.add_error)
        household_id = row.text("household_id")
        if not household_id:
            row.fail("household_id", "no_household_id")
            continue
        if len(household_id) > MAX_ID or len(row.text("person_id")) > MAX_ID:
            row.fail("household_id", "id_too_long", limit=MAX_ID)
            continue
        household = households.get(household_id)
        if household is None:
            household = households[household_id] = CheckedHousehold(household_id, number)
        person = checker.intake_person(row, household_id, len(household.people))
        if (first := person_rows.setdefault((household_id, person.external_id), number)) != number:
            row.fail("person_id", "person_twice", value=person.external_id, first=first, again=number)
        principal = person.fields["relationship"] == "principal"
        if principal and any(p.principal for p in household.people):
            row.fail("relationship", "second_principal")
        household.people.append(PersonRow(number, person.external_id, principal, _checksum(values)))
        household.valid = household.valid and not row.failed
    for household in households.values():
        if household.people and not any(p.principal for p in household.people):
            household.valid = False
            report.add_error(RowError(household.row, "relationship", "no_principal"))
    report.households = list(households.values())
    if report.errors and report.errors[0].row == 1:  # a problem of the header spoils every household
        for household in report.households:
            household.valid = False
    return report
