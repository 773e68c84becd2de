"""French in the rules file: every shipped text has it, written as French typography wants, with the same
facts; a rules file without French still loads and reads as English in French; stored assessments keep it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given

from haven_core.assessment import DEFAULT_RULES, HouseholdFacts, RulesError, assess, parse_rules, summary
from haven_core.assessment.rules import Text
from haven_core.assessment.serialise import from_json, to_data, to_json
from tests.support.assessment import FAST, TODAY, household, households, item, person, rules

TEXT = DEFAULT_RULES.read_text(encoding="utf-8")
NBSP = "\u00a0"
FRENCH = re.compile(r', fr = "(?:[^"\\]|\\.)*"')
NUMBERS = re.compile(r"\d+(?:[.\-–]\d+)*")


def without_french(text: str) -> str:
    return FRENCH.sub("", text)


def test_every_text_of_the_shipped_rules_is_in_french() -> None:
    texts = list(rules().texts())
    # Every inline text of the file is one of texts(): the check below cannot miss one.
    data = "\n".join(line for line in TEXT.splitlines() if not line.lstrip().startswith("#"))
    assert len(texts) == data.count(" en = ") == data.count(", fr = ") == 124
    missing = [t.en for t in texts if not t.fr.strip()]
    assert missing == []


def test_the_french_follows_french_typography() -> None:
    for text in rules().texts():
        fr = text.fr
        assert fr.count("«") == fr.count("»"), fr
        assert all(fr[i + 1] == NBSP for i, c in enumerate(fr) if c == "«"), fr
        assert all(fr[i - 1] == NBSP for i, c in enumerate(fr) if c == "»"), fr
        assert all(fr[i - 1] == NBSP for i, c in enumerate(fr) if c == ":" and i), fr
        assert '"' not in fr and "'" not in fr, fr  # quotes are « », apostrophes ’


def test_a_translation_keeps_every_number_date_and_article_of_the_english() -> None:
    for text in rules().texts():
        assert sorted(NUMBERS.findall(text.fr)) == sorted(NUMBERS.findall(text.en)), (text.en, text.fr)
        for name in ("DOMAIN.md", "Haven", "The Moscow Times", "255-FZ", "FBK", "Rosfinmonitoring"):
            assert (name in text.fr) == (name in text.en), (name, text.fr)


def test_law_titles_name_the_russian_codes_in_french() -> None:
    provisions = rules().provisions
    assert provisions["CC 207.3"].title.in_language("fr").startswith(f"Code pénal (CP) art. 207.3{NBSP}:")
    assert (
        provisions["AC 20.3.3"]
        .title.in_language("fr")
        .startswith(f"Code des infractions administratives (CoAP) art. 20.3.3{NBSP}:")
    )
    assert all(
        p.title.fr.startswith(("Code pénal (CP) art. ", "Code des infractions administratives (CoAP) art. "))
        for p in provisions.values()
    )


LANGUAGES = [("fr", "f"), ("fr-ca", "f"), ("fr_CA", "f"), ("FR", "f"), ("ru", "r"), ("ru-ru", "r")]
LANGUAGES += [("en", "e"), ("en-ca", "e"), ("de", "e"), ("", "e")]


@pytest.mark.parametrize(("language", "expected"), LANGUAGES)
def test_a_text_in_a_language_falls_back_to_english(language: str, expected: str) -> None:
    assert Text("e", "r", "f").in_language(language) == expected
    assert Text("e", "r").in_language(language) == ("r" if expected == "r" else "e")
    assert Text("e", "r").has(language) == (expected != "f" and language[:2].lower() in ("en", "ru"))
    assert Text("e", "r", "f").get(language) == expected  # the older name keeps working


def test_a_rules_file_without_french_loads_and_reads_as_english_in_french() -> None:
    plain = without_french(TEXT)
    assert " fr = " not in plain
    loaded = parse_rules(plain.encode("utf-8"))
    title = loaded.provisions["CC 207.3"].title
    assert title.fr == ""
    assert (
        title.in_language("fr")
        == title.en
        == 'CC 207.3: "knowingly false information" about the armed forces'
    )
    assert title.in_language("ru") == "ст. 207.3 УК: «заведомо ложная информация» об армии"
    # Only the texts changed: every rule, weight and fact reads the same, the digest says the file differs.
    shipped = rules()
    assert loaded.provisions["CC 207.3"].penalties == shipped.provisions["CC 207.3"].penalties
    assert loaded.weights == shipped.weights and loaded.version == shipped.version
    assert [(t.en, t.ru) for t in loaded.texts()] == [(t.en, t.ru) for t in shipped.texts()]
    assert loaded.digest != shipped.digest


def test_an_empty_french_text_is_refused() -> None:
    text = TEXT.replace(', fr = "Code pénal (CP) art. 275', ', fr = " ", old = "', 1)
    assert text != TEXT
    with pytest.raises(RulesError, match=r"provisions\[5\] \(CC 275\)\.title\.fr: expected non-empty text"):
        parse_rules(text.encode("utf-8"), origin="test.toml")


def test_rules_without_french_find_the_french_of_the_same_text_in_rules_that_have_it() -> None:
    plain = parse_rules(without_french(TEXT).encode("utf-8"))
    shipped = rules()
    old = plain.vulnerabilities["detained"].name
    assert shipped.as_given(old).in_language("fr") == f"En détention liée à l{chr(0x2019)}immigration"
    changed = Text("In detention somewhere", old.ru)
    assert shipped.as_given(changed) is changed  # a text the rules do not give stays as it is


def test_stored_assessments_keep_the_french_and_read_older_ones_without_it() -> None:
    post = item("e1", "public_antiwar_statement", on=dt.date(2022, 6, 1))
    result = assess(household(person(evidence=(post,))), rules(), dt.date(2026, 11, 24))
    stored = to_json(result)
    assert from_json(stored) == result
    label = result.risk.contributions[0].label
    assert label is not None and label.fr and label.fr in stored
    older = stored.replace(f',"{label.fr}"', "")  # as stored before the rules had French
    assert label.fr not in older
    read = from_json(older).risk.contributions[0].label
    assert read == Text(label.en, label.ru) and read.in_language("fr") == label.en


@FAST
@given(households())
def test_the_french_moves_no_score_only_the_digest(facts: HouseholdFacts) -> None:
    """Adding French changed the file's digest, so stored assessments read as computed under other
    rules; reassessed, every household keeps its levels and scores: only texts and the digest differ."""
    before = assess(facts, _ENGLISH_AND_RUSSIAN, TODAY)
    after = assess(facts, rules(), TODAY)
    assert summary(after) == summary(before)
    assert after.rules_digest != before.rules_digest
    assert _english(to_data(after)) == _english(to_data(before))


_ENGLISH_AND_RUSSIAN = parse_rules(without_french(TEXT).encode("utf-8"))


def _english(data: Any) -> Any:
    """A stored result without its French texts and its rules digest."""
    if isinstance(data, dict):
        return {k: v[:2] if k in ("l", "d") else _english(v) for k, v in data.items() if k != "rules"}
    if isinstance(data, list):
        return [_english(v) for v in data]
    return data
