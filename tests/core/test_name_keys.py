"""Every spelling of a Russian name reduces to the same search key, in either script."""

import pytest

from haven_core.names import name_keys, query_keys, tokens
from haven_core.names.keys import token_keys

SAME_NAME = [
    ["Юлия", "Iuliia", "Yuliya", "Iouliia", "Yulia", "Julia", "IULIIA"],
    ["Сергей", "Serguei", "Sergey", "Sergei"],
    ["Щербакова", "Chtcherbakova", "Shcherbakova", "Scherbakova"],
    ["Цветкова", "Tcvetkova", "Tsvetkova"],
    ["Алексей", "Aleksei", "Aleksey", "Alexei", "Alexey"],
    ["Евгений", "Yevgeny", "Evgeny", "Evgenii", "Evguenii"],
    ["Дмитрий", "Dmitry", "Dmitri", "Dmitrii", "Dmitriy"],
    ["Журавлёв", "Журавлев", "Zhuravlev", "Jouravlev", "Zhuravlyov"],
    ["Мария", "Maria", "Mariya", "Mariia"],
    ["Навальная", "Navalnaya", "Navalnaia"],
    ["Ксения", "Kseniya", "Xenia", "Ksenia"],
    # the other transliteration families: Ukrainian, German, Czech and Polish, French
    ["Гудков", "Hudkov"],
    ["Геннадий", "Hennadiy"],
    ["Ходорковский", "Chodorkowski"],
    ["Чайковский", "Tschaikowski", "Čajkovskij", "Czajkowski"],
    ["Шостакович", "Szostakowicz", "Šostakovič"],
    ["Лукашенко", "Łukashenko"],
    ["Цветаева", "Zwetajewa"],
    ["Путин", "Poutine"],
    ["Романов", "Romanoff"],
    ["Кац", "Kaz"],
    ["Зеленский", "Зеленський"],
]


@pytest.mark.parametrize("spellings", SAME_NAME, ids=lambda s: s[0])
def test_spellings_of_one_name_share_a_key(spellings: list[str]) -> None:
    reference = token_keys(spellings[0])
    for spelling in spellings[1:]:
        assert reference & token_keys(spelling), f"{spelling} does not meet {spellings[0]}"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Котова", "Котов"), ("Юлия", "Юрий"), ("Иванов", "Смирнов"), ("Murza", "Муза"), ("Kazin", "Кацин")],
)
def test_different_names_do_not_meet(a: str, b: str) -> None:
    assert not token_keys(a) & token_keys(b)


def test_hyphenated_surnames_are_found_by_each_part_and_whole() -> None:
    keys = name_keys("Римский-Корсаков Николай")
    assert token_keys("Korsakov") <= keys
    assert token_keys("Rimsky") <= keys
    assert token_keys("RimskiiKorsakov") & keys


def test_tokens_split_on_punctuation_and_order_does_not_matter() -> None:
    assert tokens("KOTOVA, IULIIA") == ["KOTOVA", "IULIIA"]
    assert name_keys("KOTOVA, IULIIA") == name_keys("Iuliia Kotova") == name_keys("Котова Юлия")


def test_query_keys_give_one_set_per_token() -> None:
    keys = query_keys("Yulia  Kotova")
    assert len(keys) == 2
    assert keys[0] & name_keys("Юлия")
    assert keys[1] & name_keys("Котова")


def test_empty_and_numeric_queries_have_no_keys() -> None:
    assert query_keys("") == []
    assert query_keys("12345 --") == []


def test_suffixes_and_titles_give_no_key_and_a_split_double_surname_meets_the_joined_one() -> None:
    assert name_keys("Dr. Vladimir Kara-Murza Jr.") == name_keys("Кара-Мурза Владимир")
    assert query_keys("Muratov мл.") == query_keys("Муратов")
    kara, murza = query_keys("Kara Murza")
    assert kara & name_keys("Карамурза") and murza & name_keys("Карамурза")
