"""The duplicate check at import compares with Haven's people only the file's people whose name keys
someone in Haven shares: for the others the blind index already says nobody is like them, so a first
import of strangers costs one index lookup, not one comparison per person."""

from __future__ import annotations

from typing import Any
from unittest import mock

from haven.accounts.actor import Actor
from haven.intake.choices import import_choices
from haven.intake.duplicates import file_check
from haven_core.intake import DateOrder, read_table, validate
from haven_core.intake.duplicates import Caseload

HEAD = "ID семьи;Родство;Фамилия;Имя;Отчество;Дата рождения\n"
FILE = HEAD + (
    "K-1;;Котова;Юлия;Сергеевна;12.04.1988\n"  # household_a's principal again, under a new id
    "K-2;;Орлова;Вера;;1990\n"  # strangers: no name key in Haven
    "K-3;;Щербаков;Дмитрий;Ильич;1979\n"
    "K-4;;Лебедев;Артём;;1981\n"
)


def test_only_people_sharing_a_name_key_with_haven_are_compared(household_a: Any, caseworker_a: Any) -> None:
    report = validate(read_table(FILE.encode("cp1251"), "f.csv"), import_choices(), DateOrder.AUTO)
    with mock.patch.object(Caseload, "matches", autospec=True, side_effect=Caseload.matches) as compared:
        check = file_check(
            actor=Actor.for_user(caseworker_a), organisation=household_a.organisation, report=report
        )
    assert [call.args[1].names[0] for call in compared.call_args_list] == ["Котова Юлия Сергеевна"]
    assert [d.row for d in check.blocking] == [2]  # Юлия is still held back as a likely duplicate
