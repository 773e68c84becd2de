"""The checked report stays small whatever the file's size: the first problems and a count of the rest,
each household's ids and rows, and the people read again from the file when they are written, checked
to be the rows that were checked."""

from __future__ import annotations

import pytest

from haven_core.intake import DateOrder, Table, validate
from haven_core.intake.duplicates import RowDuplicate, UpdateTarget, resolve_duplicates
from haven_core.tables import FileProblem
from tests.support.intake import CHOICES

HEADERS = ["ID семьи", "ID человека", "Родство", "Фамилия", "Имя", "Пол", "Заметки о семье"]


def test_only_the_first_problems_are_kept_by_row_and_the_rest_counted() -> None:
    rows = [(n, [f"F-{n}", "", "", "Иванова", "Анна", "?", ""]) for n in range(2, 52)]
    report = validate(Table(HEADERS, rows), CHOICES, DateOrder.AUTO, errors_kept=10)
    assert [e.row for e in report.errors] == list(range(2, 12))
    assert (report.errors_left_out, report.error_count) == (40, 50)
    assert report.valid_households == []  # every bad row still spoils its household, kept or counted


def test_a_problem_added_again_by_a_later_check_is_kept_once() -> None:
    report = validate(Table(HEADERS, [(2, ["F-1", "", "", "Иванова", "Анна", "", ""])]), CHOICES)
    duplicate = RowDuplicate(2, "F-1", (), {})
    resolve_duplicates(report, [duplicate], {})
    resolve_duplicates(report, [duplicate], {})
    assert [(e.row, e.code) for e in report.errors] == [(2, "likely_duplicate")]


def test_households_are_read_again_whole_in_the_order_they_end_with_the_ids_the_checks_gave() -> None:
    table = Table(
        HEADERS,
        [
            (2, ["A", "a1", "", "Иванова", "Анна", "Ж", "семья A"]),
            (3, ["B", "b1", "", "Петров", "Олег", "М", "семья B"]),
            (4, ["A", "a2", "сын", "Иванов", "Пётр", "М", ""]),
            (5, ["C", "c1", "", "Орлова", "", "?", ""]),
        ],
    )
    report = validate(table, CHOICES)
    targets = {"H-2026-00001": UpdateTarget("F-7", "F-7/1")}
    resolve_duplicates(report, [RowDuplicate(3, "B", (), targets)], {3: "H-2026-00001"})
    read = list(report.read(report.valid_households))
    assert [(h.external_id, h.row, h.notes) for h in read] == [("F-7", 3, "семья B"), ("A", 2, "семья A")]
    assert [p.external_id for p in read[0].people] == ["F-7/1"]
    assert [(p.row, p.fields["given_name_cyrillic"]) for p in read[1].people] == [(2, "Анна"), (4, "Пётр")]
    assert [p.row for _, p in report.people()] == [2, 3, 4, 5]  # every household's people, valid or not


def test_a_row_that_changed_since_it_was_checked_stops_the_reading() -> None:
    rows = [
        (2, ["A", "a1", "", "Иванова", "Анна", "", ""]),
        (3, ["A", "a2", "сын", "Иванов", "Пётр", "", ""]),
    ]
    report = validate(Table(HEADERS, rows), CHOICES)
    rows[1] = (3, ["A", "a2", "сын", "Иванов", "Павел", "", ""])
    with pytest.raises(FileProblem) as raised:
        list(report.read(report.households))
    assert raised.value.code == "changed" and raised.value.row == 3
    rows.pop()
    with pytest.raises(FileProblem):  # a household whose last row is gone is never half-read
        list(report.read(report.households))
