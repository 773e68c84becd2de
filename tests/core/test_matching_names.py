"""Names are read the way every list writes them: any script, any order, with or without patronymic."""

import pytest

from haven_core.matching import parse_registry_name
from haven_core.matching.name_parts import readings, record_readings, token


def _roles(name: str) -> list[tuple[str, str, str]]:
    return [
        (
            "-".join(t.text for t in r.surname),
            " ".join(t.text for t in r.given),
            r.patronymic.text if r.patronymic else "",
        )
        for r in readings(name)
    ]


@pytest.mark.parametrize(
    ("name", "roles"),
    [
        ("Котова Юлия Сергеевна", ("Котова", "Юлия", "Сергеевна")),
        ("Юлия Сергеевна Котова", ("Котова", "Юлия", "Сергеевна")),
        ("KOTOVA, IULIIA", ("KOTOVA", "IULIIA", "")),
        ("KOTOVA, IULIIA SERGEEVNA", ("KOTOVA", "IULIIA", "SERGEEVNA")),
        ("Yulia Kotova", ("Kotova", "Yulia", "")),
        ("Kotova Yulia", ("Kotova", "Yulia", "")),
        ("Аскеров Ровшан Энвер оглы", ("Аскеров", "Ровшан", "Энвер")),
        ("Иманова Тамилла Вагиф кызы", ("Иманова", "Тамилла", "Вагиф")),
        ("Рабинович Анна Сергеевна", ("Рабинович", "Анна", "Сергеевна")),  # a surname ending in -вич
        ("Anna Sergeevna Rabinovich", ("Rabinovich", "Anna", "Sergeevna")),
        ("Соколова-Лебедева Анна Ивановна", ("Соколова-Лебедева", "Анна", "Ивановна")),
        ("RIMSKY KORSAKOV, NIKOLAI", ("RIMSKY-KORSAKOV", "NIKOLAI", "")),
        ("Vladimir Kara Murza", ("Kara-Murza", "Vladimir", "")),
        ("KARA MURZA VLADIMIR", ("KARA-MURZA", "VLADIMIR", "")),
    ],
)
def test_roles_are_read_from_order_comma_patronymic_and_the_given_name_table(name, roles):
    assert _roles(name)[0] == roles


def test_an_order_the_table_cannot_tell_keeps_both_readings():
    assert sorted(_roles("Izida Chania")) == [("Chania", "Izida", ""), ("Izida", "Chania", "")]


def test_a_former_surname_is_read_with_the_given_name_of_the_full_name():
    found = [(r.surname[0].text, r.given[0].text) for _, r in record_readings(("Котова Юлия", "Петрова"))]
    assert ("Петрова", "Юлия") in found


@pytest.mark.parametrize(
    ("a", "b"),
    [("Котова", "Kotov"), ("Островская", "Ostrovsky"), ("Толстая", "Tolstoy"), ("Горбачёва", "Gorbatchev")],
)
def test_surname_gender_forms_share_a_stem(a, b):
    assert token(a).stem == token(b).stem
    assert token(a).ending_sex == "F" and token(b).ending_sex == "M"


def test_passport_spellings_of_every_era_share_a_fine_key():
    for spellings in (
        ["Рачинский", "RATCHINSKII", "Rachinsky", "Rachinskii"],
        ["Шендерович", "CHENDEROVITCH", "Shenderovich"],
        ["Счастливая", "STCHASTLIVAIA", "Schastlivaya"],
        ["Чхартишвили", "TCHKHARTICHVILI", "Chkhartishvili"],
        ["Саргылана", "SARGUYLANA", "Sargylana"],
        ["Юлия", "IOULIIA", "Yuliya", "Iuliia", "Yulia", "Julia"],
    ):
        reference = token(spellings[0]).fine
        for spelling in spellings[1:]:
            assert reference & token(spelling).fine, f"{spelling} does not meet {spellings[0]}"


def test_fine_keys_keep_apart_names_the_search_keys_merge():
    assert not token("Яна").fine & token("Anna").fine
    assert token("Яна").coarse & token("Anna").coarse


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ('Чхартишвили Григорий Шалвович "Борис Акунин"', ("Чхартишвили Григорий Шалвович", "Борис Акунин")),
        ("Кирия Ксения Дмитриевна (Туркова)", ("Кирия Ксения Дмитриевна", "Туркова Ксения Дмитриевна")),
        ("Горалик Линор-Джулия (Горалик Юлия Борисовна)", ("Горалик Линор-Джулия", "Горалик Юлия Борисовна")),
        ("Бортник Егор (Игорь) Михайлович", ("Бортник Егор Михайлович", "Бортник Игорь Михайлович")),
        ("МИРЗОЕВ ЗАУР ИСА ОГЛЫ, (МИРЗОЕВ ЗАУР ИСА)", ("МИРЗОЕВ ЗАУР ИСА ОГЛЫ", "МИРЗОЕВ ЗАУР ИСА")),
        ("КОЛОБОВ ИВАН АНДРЕЕВИЧ*", ("КОЛОБОВ ИВАН АНДРЕЕВИЧ",)),
        ("Солонин Марк Семенович", ("Солонин Марк Семенович",)),
    ],
)
def test_registry_names_give_every_spelling_to_match_on(written, names):
    assert parse_registry_name(written).names == names


def test_registry_marks_and_pseudonym_lists_are_kept_apart():
    assert parse_registry_name("КОЛОБОВ ИВАН АНДРЕЕВИЧ*").marked
    assert parse_registry_name('Иордатий Дмитрий Николаевич "Наум Блик, Dry Ice"').pseudonyms == (
        "Наум Блик",
        "Dry Ice",
    )


def test_the_given_name_table_is_not_read_through_other_families():
    from haven_core.matching.given_names import forms_of

    assert all(short for _, short in forms_of("Chania"))  # no full name: not Хана through German "ch" for х
    assert forms_of("Mikhail") and forms_of("Михаил") == forms_of("Mikhail")
