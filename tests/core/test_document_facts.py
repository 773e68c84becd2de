"""Facts proposed from a Russian document's text: the articles it cites in the ways Russian documents
and OCR write them, its kind, its dates and the court or authority it names, each with the tag and the
assessment rule it would feed. No OCR here: the texts are given."""

from __future__ import annotations

import datetime as dt

import pytest

from haven_core.assessment import DEFAULT_RULES, load_rules
from haven_core.evidence.document_facts import (
    Article,
    cited_provisions,
    find_articles,
    find_authorities,
    find_dates,
    find_kinds,
    propose,
)

KNOWN = frozenset(load_rules(DEFAULT_RULES).provisions)


@pytest.mark.parametrize(
    ("text", "article"),
    [
        ("по ч. 1 ст. 20.3.3 КоАП РФ", Article("AC", "20.3.3", "1")),
        ("предусмотренного ст. 207.3 УК РФ", Article("CC", "207.3")),
        (
            "статьи 20.3.3 Кодекса Российской Федерации об административных правонарушениях",
            Article("AC", "20.3.3"),
        ),
        ("по п. «д» ч. 2 ст. 207.3 УК", Article("CC", "207.3", "2", "д")),
        (
            "пунктом «д» части 2 статьи 207.3 Уголовного кодекса Российской Федерации",
            Article("CC", "207.3", "2", "д"),
        ),
        ("частью 1 статьёй 20.3.3 КоАП", Article("AC", "20.3.3", "1")),
        # OCR noise: a Cyrillic З for 3, spaces around the dots, a comma for a dot, no space after "ст."
        ("ч. 1 ст. 20.3.З КоАП РФ", Article("AC", "20.3.3", "1")),
        ("ч.1 ст.20. 3. 3 КоАП РФ", Article("AC", "20.3.3", "1")),
        ("ст. 207,3 УК РФ", Article("CC", "207.3")),
        ("ст. 2О7.3 УК РФ", Article("CC", "207.3")),
    ],
)
def test_an_article_is_found_however_it_is_written(text: str, article: Article) -> None:
    assert [found for found, _excerpt in find_articles(text)] == [article]


def test_a_list_of_articles_gives_each_with_the_code_named_after_it() -> None:
    found = cited_provisions("Руководствуясь статьями 29.9, 29.10 и 29.11 КоАП РФ, судья")
    assert found == {"AC 29.9", "AC 29.10", "AC 29.11"}


@pytest.mark.parametrize(
    "text",
    [
        "в соответствии со ст. 188 УПК РФ",  # criminal procedure, not the Criminal Code
        "ст. 307, 308 и 309 УПК РФ",
        "ст. 51 Конституции РФ",
        "дом 20, кв. 3",
        "статья 12",
        "пост. 20.3.3 КоАП в канале",  # "ст" inside a word is not an article
    ],
)
def test_no_article_is_invented(text: str) -> None:
    assert cited_provisions(text, KNOWN) == set()


def test_a_number_without_its_code_is_kept_only_when_the_rules_know_it_in_one_code() -> None:
    assert cited_provisions("по ст. 20.3.3 за пост") == set()
    assert cited_provisions("по ст. 20.3.3 за пост", KNOWN) == {"AC 20.3.3"}
    assert cited_provisions("по ст. 207.3 за пост", KNOWN) == {"CC 207.3"}


def test_dates_written_in_words_and_in_figures() -> None:
    text = "«12» марта 2022 г. … явиться 05.04.2023 … 31.02.2023 … 1 мая 2024 года"
    assert [day for day, _excerpt in find_dates(text)] == [
        dt.date(2022, 3, 12),
        dt.date(2023, 4, 5),
        dt.date(2024, 5, 1),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ПРОТОКОЛ № 123 об административном правонарушении", "protocol"),
        ("ПОВЕСТКА о вызове на допрос", "summons"),
        ("ОБВИНИТЕЛЬНОЕ ЗАКЛЮЧЕНИЕ по уголовному делу", "indictment"),
        ("Разыскивается МВД России. Объявлен в федеральный розыск", "wanted_notice"),
        ("ПОСТАНОВЛЕНИЕ Судья Мещанского районного суда … ПОСТАНОВИЛ: признать виновной", "court_decision"),
        ("ПОСТАНОВЛЕНИЕ о заочном аресте", "arrest_in_absentia"),
    ],
)
def test_the_kind_of_document_comes_first(text: str, kind: str) -> None:
    assert find_kinds(text)[0][0] == kind


def test_courts_police_and_investigators_are_named() -> None:
    text = (
        "Мещанский районный суд г. Москвы\n"
        "Главное следственное управление Следственного комитета Российской Федерации по г. Москве\n"
        "ОМВД России по Тверскому району г. Москвы\n"
    )
    names = [name for name, _excerpt in find_authorities(text)]
    assert names[0] == "Мещанский районный суд г. Москвы"
    assert any(name.startswith("Главное следственное управление Следственного комитета") for name in names)
    assert "ОМВД России по Тверскому району г. Москвы" in names


PROTOCOL = """ПРОТОКОЛ № 7712 об административном правонарушении
12 марта 2022 г.  г. Москва
ОМВД России по Мещанскому району г. Москвы
гражданка Иванова А. С. совершила правонарушение, предусмотренное ч. 1 ст. 20.3.3 КоАП РФ.
Права, предусмотренные ст. 25.1 КоАП РФ, разъяснены."""


def test_a_protocol_proposes_its_article_with_the_tag_and_rule_it_feeds_dated_by_the_document() -> None:
    proposals = propose(PROTOCOL, KNOWN)
    articles = {p.value: p for p in proposals if p.field == "article"}
    main = articles["ч. 1 ст. 20.3.3 КоАП РФ"]
    assert (main.tag, main.rule, main.activity_date) == (
        "prior_ac_20_3_3",
        "prior_ac_20_3_3",
        dt.date(2022, 3, 12),
    )
    rights = articles["ст. 25.1 КоАП РФ"]  # the rights read to the person feed no rule
    assert (rights.tag, rights.activity_date) == ("", None)
    assert [p.value for p in proposals if p.field == "kind"] == ["protocol"]
    assert [p.value for p in proposals if p.field == "date"] == ["2022-03-12"]
    assert "ОМВД России по Мещанскому району г. Москвы" in [
        p.value for p in proposals if p.field == "authority"
    ]
    assert "20.3.3" in main.excerpt


def test_a_criminal_article_the_rules_know_proposes_an_open_criminal_case() -> None:
    proposals = propose("обвиняемого в совершении преступления, предусмотренного ч. 1 ст. 207.3 УК РФ", KNOWN)
    assert [(p.value, p.tag) for p in proposals if p.field == "article"] == [
        ("ч. 1 ст. 207.3 УК РФ", "open_criminal_case")
    ]


def test_an_order_of_arrest_in_absentia_proposes_both_the_arrest_and_the_wanted_listing() -> None:
    text = (
        "ПОСТАНОВЛЕНИЕ о заочном аресте\n5 апреля 2023 г.\nизбрать меру пресечения в виде заключения "
        "под стражу. Обвиняемый объявлен в межгосударственный розыск."
    )
    tags = [(p.value, p.tag, p.activity_date) for p in propose(text, KNOWN) if p.field == "kind"]
    assert ("arrest_in_absentia", "arrest_in_absentia", dt.date(2023, 4, 5)) in tags
    assert ("wanted_notice", "wanted_listing", dt.date(2023, 4, 5)) in tags


def test_every_proposed_tag_is_an_evidence_tag_and_a_signal_of_the_rules() -> None:
    rules = load_rules(DEFAULT_RULES)
    signal_tags = {signal.tag for signal in rules.signals}
    text = (
        PROTOCOL
        + "\nп. «д» ч. 2 ст. 207.3 УК РФ. Объявлен в розыск. Обвинительное заключение. Заочный арест."
    )
    tagged = [p for p in propose(text, KNOWN) if p.tag]
    assert {p.tag for p in tagged} == {
        "prior_ac_20_3_3",
        "open_criminal_case",
        "wanted_listing",
        "arrest_in_absentia",
    }
    assert all(p.tag in signal_tags and p.rule == p.tag for p in tagged)


@pytest.mark.parametrize(
    ("text", "provisions"),
    [  # as Tesseract read the synthetic scans of bench/ocr.py
        ("ч. 1 ст. 20.3.3 КодП РФ", {"AC 20.3.3"}),
        ("частью 1 статьи 20. 3.3 Кодекса Российской рии\n06 административных", {"AC 20.3.3"}),
        ("Руководствуясь статьями 29; 9, 29.10 KoAIL P®, судья", {"AC 29.9", "AC 29.10"}),
        ("предусмотренного ч.1 ст: 20:3.3 Кодн РФ", {"AC 20.3.3"}),
        ("п. «д» ч. 2 ст. 207.3 YK РФ", {"CC 207.3"}),
        ("Руководствуясь статьями 29.9, 29.10 КодАП РФ", {"AC 29.9", "AC 29.10"}),
        ("предусмотренного :\ny. 1ст..207.3 VK PO, к следователю", {"CC 207.3"}),
        ("Руководствуясь:статьями 29.9, 29. ‚10 КодП.РФ; судья", {"AC 29.9", "AC 29.10"}),
        ("в соответствии CO.CT.. 28.2. Коди РФ", {"AC 28.2"}),
        ("ч. Тст. 20.3.3.КоАП РФ", {"AC 20.3.3"}),
        ("предусмотренные cr. 25.1 KoATI РФ", {"AC 25.1"}),
        ("“gy, 1 ст. 207-3 VK РФ, к следователю", {"CC 207.3"}),
        ("ч. 1 ст. 20,3.3 КоАИРФ;и назначить", {"AC 20.3.3"}),
    ],
)
def test_the_code_is_recognised_through_ocr_noise(text: str, provisions: set[str]) -> None:
    assert cited_provisions(text) == provisions
