"""Row validation: every problem with its row number; households grouped; nothing half-imported."""

from haven_core.intake import DateOrder, Table, validate
from tests.support.intake import CHOICES

HEADERS = ["ID семьи", "Родство", "Фамилия", "Имя", "Пол", "Дата рождения", "A-номер", "Статус в США",
           "Следующее заседание", "Инвалидность"]  # fmt: skip


def table(*rows: list[str]) -> Table:
    return Table(HEADERS, [(n, list(r)) for n, r in enumerate(rows, start=2)])


def test_a_household_of_several_people_with_their_fields():
    report = validate(
        table(
            [
                "F-1",
                "",
                "Иванова",
                "Анна",
                "Ж",
                "12.03.1984",
                "A 012-345-678",
                "removal_proceedings",
                "2026-06-01",
                "да",
            ],
            ["F-1", "сын", "Иванов", "Пётр", "M", "2015", "", "", "", "нет"],
        ),
        CHOICES,
    )
    assert report.errors == []
    [checked] = report.households
    assert [(p.row, p.external_id, p.principal) for p in checked.people] == [
        (2, "F-1/1", True),
        (3, "F-1/2", False),
    ]
    [household] = report.read(report.households)  # the people in full, read again from the table
    principal, son = household.people
    assert principal.fields["relationship"] == "principal"
    assert principal.fields["sex"] == "F"
    assert principal.fields["birth_date"] == "1984-03-12"
    assert principal.fields["disability"] is True
    assert principal.us_record is not None and principal.us_record["a_number"] == "012345678"
    assert str(principal.us_record["next_hearing_date"]) == "2026-06-01"
    assert son.fields["relationship"] == "child" and son.fields["disability"] is False
    assert son.us_record is None
    assert [p.external_id for p in household.people] == ["F-1/1", "F-1/2"]


def test_a_malformed_row_is_reported_with_its_row_number_and_spoils_its_household_only():
    report = validate(
        table(
            ["F-1", "", "Иванова", "Анна", "Q", "31.02.1984", "A12", "", "", "maybe"],
            ["F-2", "", "Петров", "Олег", "M", "", "", "", "", ""],
        ),
        CHOICES,
    )
    messages = {(e.row, e.column) for e in report.errors}
    assert messages == {(2, "sex"), (2, "birth_date"), (2, "a_number"), (2, "us_status"), (2, "disability")}
    [a_number] = [e for e in report.errors if e.column == "a_number"]
    assert str(a_number).startswith("row 2, A-number: An A-number is the letter A")
    assert [h.external_id for h in report.valid_households] == ["F-2"]
    assert [h.external_id for h in report.invalid_households] == ["F-1"]


def test_ambiguous_dates_are_flagged_unless_the_order_is_given():
    rows = [["F-1", "", "Иванова", "Анна", "", "03/04/1984", "", "", "", ""]]
    [error] = validate(table(*rows), CHOICES).errors
    assert (error.row, error.column) == (2, "birth_date") and "ambiguous" in error.message
    report = validate(table(*rows), CHOICES, DateOrder.DMY)
    [(_, person)] = report.people()
    assert report.errors == [] and person.fields["birth_date"] == "1984-04-03"


def test_two_principals_no_principal_and_no_name():
    report = validate(
        table(
            ["F-1", "principal", "А", "", "", "", "", "", "", ""],
            ["F-1", "principal", "Б", "", "", "", "", "", "", ""],
            ["F-2", "child", "В", "", "", "", "", "", "", ""],
            ["F-3", "", "", "", "", "", "", "", "", ""],
            ["", "", "Г", "", "", "", "", "", "", ""],
        ),
        CHOICES,
    )
    found = {(e.row, e.column) for e in report.errors}
    assert found == {(3, "relationship"), (4, "relationship"), (5, ""), (6, "household_id")}
    assert report.valid_households == []


def test_a_file_without_household_ids_is_refused_as_a_whole():
    report = validate(Table(["Фамилия"], [(2, ["Иванова"])]), CHOICES)
    assert [(e.row, e.column) for e in report.errors] == [(1, "household_id")]
    assert report.households == []


def test_overlong_ids_are_refused():
    report = validate(Table(["ID семьи", "Фамилия"], [(2, ["F" * 101, "Иванова"])]), CHOICES)
    assert [(e.row, e.column) for e in report.errors] == [(2, "household_id")]


def test_every_problem_reads_in_english_and_russian():
    report = validate(table(["F-1", "", "Иванова", "Анна", "", "03/04/1984", "A12", "", "", ""]), CHOICES)
    by_column = {e.column: e for e in report.errors}
    assert by_column["birth_date"].message.startswith("'03/04/1984' is ambiguous: 3 April or 4 March?")
    assert (
        by_column["birth_date"]
        .message_in("ru")
        .startswith("«03/04/1984» можно прочитать двояко: 3.04 или 4.03")
    )
    assert by_column["a_number"].message_in("ru").startswith("A-номер — это буква A")
    assert (
        by_column["us_status"].message_in("ru")
        == "Укажите статус в США, если заполнен любой из столбцов о США."
    )


def test_every_message_has_both_languages_with_the_same_values():
    import string

    from haven_core.intake.messages import MESSAGES

    for code, (english, russian) in MESSAGES.items():
        names = {f for _, f, _, _ in string.Formatter().parse(english) if f}
        names -= {"first_month", "second_month"}
        assert names == {f.split("!")[0] for _, f, _, _ in string.Formatter().parse(russian) if f}, code
