"""The matcher keeps its entries packed: each read back exactly as given, and a few hundred bytes each
however many there are (a caseload file of 100,000 people is checked against itself so)."""

from __future__ import annotations

import gc
import itertools
import tracemalloc
from collections.abc import Iterator

from haven_core.matching import Matcher, NameRecord
from haven_core.matching.caches import forget_records
from haven_core.matching.name_parts import record_readings, token
from haven_core.matching.packed import PackedRecords
from haven_core.matching.profiles import profile

SURNAMES = [
    "Котова",
    "Иванов",
    "Муратов",
    "Кара-Мурза",
    "Смирнова",
    "Ахмедов",
    "Ли",
    "Tumanova",
    "Петрова",
    "Орлов",
    "Кузнецова",
    "Мамедова",
    "Цой",
    "Ким",
    "Соколов",
    "Chistyakova",
]
GIVEN = [
    "Юлия",
    "Дмитрий",
    "Владимир",
    "Анна",
    "Тамилла",
    "Ekaterina",
    "Сергей",
    "Ю.",
    "Олег",
    "Мария",
    "Заур",
    "Ирина",
    "Павел",
    "Наталья",
    "Виктор",
    "Elena",
]
PATRONYMICS = ["Сергеевна", "Андреевич", "Вагиф кызы", "", "Петровна", "Иванович", "Олегович",
               "Викторовна", "Павлович", "Дмитриевна"]  # fmt: skip


def _people(count: int) -> Iterator[NameRecord]:
    """``count`` people as a file gives them, one at a time: 2,560 different names, some with a second
    spelling, birth dates whole, partial or missing."""
    words = itertools.cycle(itertools.product(SURNAMES, GIVEN, PATRONYMICS))
    for n in range(count):
        surname, given, patronymic = next(words)
        names = (" ".join(filter(None, (surname, given, patronymic))),)
        if n % 7 == 0:
            names += (f"{surname.upper()}, {given}",)
        birth = None if n % 5 == 0 else f"{1940 + n % 60}-{1 + n % 12:02d}"
        yield NameRecord(
            str(n + 2), names, birth and birth + ("" if n % 3 else f"-{1 + n % 28:02d}"), "import"
        )


def test_packed_records_read_back_exactly_as_they_were_given() -> None:
    people = [*_people(500), NameRecord("x", ("Ли",), None, "caseload")]
    packed = PackedRecords()
    for person in people:
        packed.append(person)
    assert len(packed) == 501
    assert [packed[i] for i in range(501)] == people


def test_the_matcher_gives_back_its_entries_in_their_order() -> None:
    people = list(_people(300))
    matcher = Matcher(people)
    assert [matcher.entry(i) for i in range(len(matcher))] == people


def _held_by_matcher(count: int) -> int:
    """The bytes a matcher over ``count`` people given one at a time holds (its own, not the caches of
    words it warms)."""
    Matcher(_people(count))  # the caches of words and names, warmed alike for the measure below
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        matcher = Matcher(_people(count))
        held = tracemalloc.get_traced_memory()[0] - before
        del matcher
    finally:
        tracemalloc.stop()
    return held


def test_a_matcher_holds_a_few_hundred_bytes_per_entry_and_no_objects_for_them() -> None:
    per_entry = (_held_by_matcher(8000) - _held_by_matcher(3000)) / 5000
    assert per_entry < 300, per_entry


def test_after_a_large_check_the_records_worked_out_are_let_go_and_the_words_kept() -> None:
    Matcher(_people(50)).candidates(NameRecord("q", ("Yulia Kotova",), "1988"))
    assert profile.cache_info().currsize and token.cache_info().currsize
    forget_records()
    assert (profile.cache_info().currsize, record_readings.cache_info().currsize) == (0, 0)
    assert token.cache_info().currsize  # words are bounded by the language, not by the people
