"""Passport transliteration systems write Russian names the way each era's passports did."""

import pytest

from haven_core.names import System, transliterate


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        (System.MVD_310, "Iouliia Sergueevna"),
        (System.MVD_782, "Yuliya Sergeevna"),
        (System.GOST_52535, "Iuliia Sergeevna"),
        (System.ICAO_9303, "Iuliia Sergeevna"),
        (System.PRESS, "Yuliya Sergeyevna"),
    ],
)
def test_given_name_and_patronymic_in_each_system(system: System, expected: str) -> None:
    # MVD 310 writes г before е as "gu" (French reading), so the patronymic keeps the hard g.
    assert transliterate("Юлия Сергеевна", system) == expected


def test_french_style_passport_spellings_from_domain_reference() -> None:
    assert transliterate("Сергей", System.MVD_310) == "Serguei"
    assert transliterate("Щербакова", System.MVD_310) == "Chtcherbakova"
    assert transliterate("Журавлёв", System.MVD_310) == "Jouravlev"


def test_gost_writes_ts_as_tc() -> None:
    assert transliterate("Цветкова", System.GOST_52535) == "Tcvetkova"
    assert transliterate("Цветкова", System.ICAO_9303) == "Tsvetkova"


def test_mvd_782_and_icao_differ_on_short_i() -> None:
    assert transliterate("Алексей", System.MVD_782) == "Aleksey"
    assert transliterate("Алексей", System.ICAO_9303) == "Aleksei"


def test_icao_writes_hard_sign_as_ie() -> None:
    assert transliterate("Подъячев", System.ICAO_9303) == "Podieiachev"


def test_press_endings_are_written_once() -> None:
    assert transliterate("Дмитрий", System.PRESS) == "Dmitry"
    assert transliterate("Евгений", System.PRESS) == "Yevgeny"
    assert transliterate("Красный", System.PRESS) == "Krasny"


def test_capitals_follow_the_source() -> None:
    assert transliterate("ЮЛИЯ КОТОВА", System.ICAO_9303) == "IULIIA KOTOVA"
    assert transliterate("Щука", System.ICAO_9303) == "Shchuka"


def test_text_that_is_not_cyrillic_is_kept() -> None:
    assert transliterate("Kotova (Котова), 1988", System.ICAO_9303) == "Kotova (Kotova), 1988"
