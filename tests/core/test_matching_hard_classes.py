"""The classes a screening once missed are found, as review at least, and say why; their namesakes
are not matched. Each pair is a listed person of the Ministry of Justice register written as some
paper writes them."""

import re

import pytest

from haven_core.matching import Matcher, NameRecord, compare
from haven_core.matching.features import FEATURES
from haven_core.matching.name_parts import readings

MURATOV = NameRecord("muratov", ("Муратов Дмитрий Андреевич",), "1961-10-29")
KARA_MURZA = NameRecord("kara-murza", ("Кара-Мурза Владимир Владимирович",), "1981-09-07")
GUDKOV = NameRecord("gudkov", ("Гудков Геннадий Владимирович",), "1956-10-17")
KHODORKOVSKY = NameRecord("khodorkovsky", ("Ходорковский Михаил Борисович",), "1963-06-26")
SHENDEROVICH = NameRecord("shenderovich", ("Шендерович Виктор Анатольевич",), "1958-08-15")
PUTIN = NameRecord("putin", ("Путин Владимир Владимирович",), "1952-10-07")
KURNOSOVA = NameRecord("kurnosova", ("Курносова Ольга Владимировна",), "1965-04-06")
TSVETKOVA = NameRecord("tsvetkova", ("Цветкова Юлия Владимировна",), "1993-05-26")
REGISTRY = [MURATOV, KARA_MURZA, GUDKOV, KHODORKOVSKY, SHENDEROVICH, PUTIN, KURNOSOVA, TSVETKOVA]


def _q(name: str, birth: str | None = None) -> NameRecord:
    return NameRecord("q", (name,), birth)


FOUND = [
    # one letter dropped, and two neighbours swapped, with no birth date
    ("Dmitry Muratv", None, MURATOV, "surnames differ by one letter (Muratv ~ Муратов)"),
    ("Dmitry Mruatov", None, MURATOV, "two neighbouring letters of the surname swapped (Mruatov ~ Муратов)"),
    ("Dmitry Muratvo", "1961-10-29", MURATOV, "two neighbouring letters of the surname swapped"),
    (
        "Dmirty Muratov",
        None,
        MURATOV,
        "two neighbouring letters of the given name swapped (Dmirty ~ Дмитрий)",
    ),
    ("Mariya Chitsyakova", None, NameRecord("c", ("Чистякова Мария Игоревна",), "1990"), "swapped"),
    # double surnames joined, split and halved; a married name joined to the maiden name
    ("Vladimir Karamurza", None, KARA_MURZA, "double surname written as one word or as two"),
    ("Vladimir Murza", None, KARA_MURZA, "one part of a double surname equal (Murza = Кара-Мурза)"),
    ("Olga Kurnosova-Petrova", None, KURNOSOVA, "one part of a double surname equal"),
    # a generational suffix or a title is set aside and said so
    ("KARA-MURZA, VLADIMIR JR.", None, KARA_MURZA, "left out as not part of the name: JR."),
    ("Кара-Мурза Владимир Владимирович мл.", None, KARA_MURZA, "left out as not part of the name: мл."),
    ("Dr. Olga Kurnosova", None, KURNOSOVA, "left out as not part of the name: Dr."),
    # other transliteration families
    ("Hennadiy Hudkov", None, GUDKOV, "surname equal after transliteration (Hudkov = Гудков)"),
    ("Michail Chodorkowski", None, KHODORKOVSKY, "(Chodorkowski = Ходорковский)"),
    ("Wiktor Szenderowicz", None, SHENDEROVICH, "(Szenderowicz = Шендерович)"),
    ("Viktor Šenderovič", None, SHENDEROVICH, "(Šenderovič = Шендерович)"),
    ("Vladimir Poutine", None, PUTIN, "(Poutine = Путин)"),
    # a Western paper drops the feminine ending
    ("Yuliya Tsvetkov", None, TSVETKOVA, "surname in the other gender's form (Tsvetkov / Цветкова)"),
    # an initial with a birth date, even the year only
    ("D. Muratov", "1961", MURATOV, "given name's initial agrees (D. / Дмитрий)"),
    ("MURATOV, D.", "1961-10-29", MURATOV, "given name's initial agrees"),
]


@pytest.mark.parametrize(("name", "birth", "entry", "reason"), FOUND, ids=[f[0] for f in FOUND])
def test_each_class_is_found_among_the_candidates_and_says_why(name, birth, entry, reason):
    candidates = Matcher(list(dict.fromkeys([*REGISTRY, entry]))).candidates(_q(name, birth))
    assert [c.entry_id for c in candidates] == [entry.id], name
    found = compare(_q(name, birth), entry)
    assert found is not None, name
    assert any(reason in r for r in found.reasons), found.explain()


def test_a_typo_with_the_rest_agreeing_and_the_birth_date_is_a_match_only_with_the_patronymic():
    assert compare(_q("MURATV, DMITRY", "1961-10-29"), MURATOV).decision == "review"
    assert compare(_q("Муратв Дмитрий Андреевич", "1961-10-29"), MURATOV).decision == "match"


NOT_FOUND = [
    ("Sergei Muratv", None),  # a letter off and another given name
    ("K. Muratov", "1961-10-29"),  # another initial
    ("D. Muratov", None),  # an initial and no birth date: too little
    ("Sergei Murza", None),  # half of a double surname, another given name
    ("Dmitry Muratv", "1975-02-01"),  # a letter off and another birth year
]


@pytest.mark.parametrize(("name", "birth"), NOT_FOUND, ids=[n[0] for n in NOT_FOUND])
def test_their_namesakes_are_not_even_offered(name, birth):
    assert Matcher(REGISTRY).candidates(_q(name, birth)) == []


def test_a_suffix_alone_is_somebodys_name_after_all():
    assert [t.text for t in readings("Junior")[0].surname] == ["Junior"]
    assert [t.text for t in readings("Ivanov Junior")[0].surname] == ["Ivanov"]


def test_every_reason_reads_in_russian_too():
    for feature in FEATURES.values():
        assert re.search("[а-яё]", feature.says_ru), feature.name
        assert set(re.findall(r"\{\w\}", feature.says)) == set(re.findall(r"\{\w\}", feature.says_ru)), (
            feature.name
        )
    found = compare(_q("Vladimir Karamurza"), KARA_MURZA)
    assert found.reasons_ru[0] == "двойная фамилия написана слитно или раздельно (Karamurza = Кара-Мурза)"
    assert len(found.reasons_ru) == len(found.reasons)
