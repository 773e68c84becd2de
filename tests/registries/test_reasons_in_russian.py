"""The matcher's stored English reasons are shown in the reader's language, names quoted as written."""

from __future__ import annotations

from django.utils import translation

from haven.cases.matcher_words import SAYS, reason_in_language
from haven_core.matching.features import FEATURES
from haven_core.matching.records import NameRecord
from haven_core.matching.scoring import compare


def test_every_feature_of_the_matcher_has_words_in_haven() -> None:
    assert set(SAYS) == set(FEATURES)
    for name, feature in FEATURES.items():
        with translation.override("en"):
            assert str(SAYS[name]) == feature.says  # the same sentence the matcher stores


def test_a_real_comparison_reads_in_russian_with_its_names_unchanged() -> None:
    query = NameRecord("q", ("KOTOVA, IULIIA",), "1988-03-12")
    candidate = compare(query, NameRecord("e", ("Котова Юлия Сергеевна",), "1988-03-12"))
    assert candidate is not None
    with translation.override("ru"):
        russian = [reason_in_language(r) for r in candidate.reasons]
    assert russian == [
        "фамилия совпадает после транслитерации (KOTOVA = Котова)",
        "имя IULIIA = Юлия",
        "дата рождения совпадает (12.03.1988)",  # dated as the page dates everything
    ]
    with translation.override("en"):
        assert [reason_in_language(r) for r in candidate.reasons] == list(candidate.reasons)


def test_a_sentence_no_feature_wrote_is_shown_as_stored() -> None:
    with translation.override("ru"):
        assert reason_in_language("an older matcher's words") == "an older matcher's words"
