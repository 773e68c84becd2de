"""The scoring table: every piece of evidence the matcher weighs, with its weight and its words.

Weights are log-odds points: the evidence of a pair is summed, and the score is the logistic of the
sum less :data:`OFFSET`, so that a score of 0.5 means "as likely the same person as not". The
weights were set by reasoning about how often each coincidence happens between two different people,
then checked against the labelled pairs of :mod:`haven.demo.matching_evaluation.evaluation`
(docs/matching.md gives the figures).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Feature:
    """A named piece of evidence: its weight, and how it reads ({q} the query's, {e} the entry's words)
    in English (``says``) and in Russian (``says_ru``)."""

    name: str
    weight: float
    says: str
    says_ru: str


FEATURES: dict[str, Feature] = {
    f.name: f
    for f in (
        Feature("surname_same", 4.0, "surname equal ({q} = {e})", "фамилия совпадает ({q} = {e})"),
        Feature("surname_translit", 4.0, "surname equal after transliteration ({q} = {e})",
                "фамилия совпадает с учётом транслитерации ({q} = {e})"),
        Feature("surname_joined", 4.0, "double surname written as one word or as two ({q} = {e})",
                "двойная фамилия написана слитно или раздельно ({q} = {e})"),
        Feature("surname_part", 3.5, "one part of a double surname equal ({q} = {e})",
                "совпадает одна часть двойной фамилии ({q} = {e})"),
        Feature("surname_one_letter", 3.2, "surnames differ by one letter ({q} ~ {e})",
                "фамилии различаются одной буквой ({q} ~ {e})"),
        Feature("surname_letters_swapped", 3.2, "two neighbouring letters of the surname swapped ({q} ~ {e})",
                "в фамилии переставлены две соседние буквы ({q} ~ {e})"),
        Feature("surname_alike", 2.5, "surnames alike but for letters transliteration confuses ({q} ~ {e})",
                "фамилии похожи, различаются буквами, которые путает транслитерация ({q} ~ {e})"),
        Feature("surname_other_form", 3.2, "surname in the other gender's form ({q} / {e})",
                "фамилия в форме другого пола ({q} / {e})"),
        Feature("surname_differs", -4.0, "surname differs ({q} / {e})", "фамилия другая ({q} / {e})"),
        Feature("given_same", 3.0, "given name equal ({q} = {e})", "имя совпадает ({q} = {e})"),
        Feature("given_translit", 3.0, "given name {q} = {e}", "имя {q} = {e}"),
        Feature("given_form", 3.0, "given name {q} = {e} (forms of one name)",
                "имя {q} = {e} (формы одного имени)"),
        Feature("given_short", 2.5, "given name {q} = {e} (a short form)", "имя {q} = {e} (краткая форма)"),
        Feature("given_one_letter", 2.2, "given names differ by one letter ({q} ~ {e})",
                "имена различаются одной буквой ({q} ~ {e})"),
        Feature("given_letters_swapped", 2.2,
                "two neighbouring letters of the given name swapped ({q} ~ {e})",
                "в имени переставлены две соседние буквы ({q} ~ {e})"),
        Feature("given_initial", 1.7, "given name's initial agrees ({q} / {e})",
                "инициал имени совпадает ({q} / {e})"),
        Feature("given_alike", 1.5, "given names alike ({q} ~ {e})", "имена похожи ({q} ~ {e})"),
        Feature("given_differs", -3.5, "given name differs ({q} / {e})", "имя другое ({q} / {e})"),
        Feature("given_missing", 0.0, "no given name on one side", "с одной стороны нет имени"),
        Feature("patronymic_equal", 2.0, "patronymic equal ({q} = {e})", "отчество совпадает ({q} = {e})"),
        Feature("patronymic_as_middle_name", 2.0, "patronymic written as a middle name ({q} = {e})",
                "отчество записано как второе имя ({q} = {e})"),
        Feature("patronymic_alike", 1.0, "patronymics alike ({q} ~ {e})", "отчества похожи ({q} ~ {e})"),
        Feature("patronymic_initial", 0.5, "patronymic's initial agrees ({q} / {e})",
                "инициал отчества совпадает ({q} / {e})"),
        Feature("patronymic_differs", -3.0, "patronymic differs ({q} / {e})", "отчество другое ({q} / {e})"),
        Feature("sex_differs", -6.0, "a man and a woman ({q} / {e})", "мужчина и женщина ({q} / {e})"),
        Feature("other_name", 0.0, "found under the entry's other name {e}",
                "найдено по другому имени записи {e}"),
        Feature("set_aside", 0.0, "left out as not part of the name: {q}",
                "не считается частью имени: {q}"),
        Feature("birth_equal", 3.0, "birth date equal ({q})", "дата рождения совпадает ({q})"),
        Feature("birth_month", 1.5, "birth year and month equal, the day unknown on one side ({q} / {e})",
                "год и месяц рождения совпадают, день с одной стороны неизвестен ({q} / {e})"),
        Feature("birth_year", 0.5, "birth year equal, the rest unknown on one side ({q} / {e})",
                "год рождения совпадает, остальное с одной стороны неизвестно ({q} / {e})"),
        Feature("birth_swapped", 1.5, "birth year equal, day and month swapped ({q} / {e})",
                "год рождения совпадает, день и месяц переставлены ({q} / {e})"),
        Feature("birth_differs", -4.0, "birth date differs within the same year ({q} / {e})",
                "дата рождения другая в том же году ({q} / {e})"),
        Feature("birth_year_differs", -6.0, "birth year differs ({q} / {e})",
                "год рождения другой ({q} / {e})"),
        Feature("birth_missing", 0.0, "no birth date to compare", "нет даты рождения для сравнения"),
    )
}  # fmt: skip

OFFSET = 7.5  # the evidence at which a pair is as likely the same person as not
MATCH_AT = 0.9  # a score from which the matcher says "match"
REVIEW_AT = 0.2  # a score from which a human should look; below, the pair is dropped


@dataclass(frozen=True)
class Evidence:
    """One feature observed on a pair, with the words it was observed on."""

    feature: str
    query: str = ""
    entry: str = ""

    @property
    def weight(self) -> float:
        return FEATURES[self.feature].weight

    def __str__(self) -> str:
        return FEATURES[self.feature].says.format(q=self.query, e=self.entry)

    def russian(self) -> str:
        """The same reason in Russian."""
        return FEATURES[self.feature].says_ru.format(q=self.query, e=self.entry)


def total_for(score: float) -> float:
    """The sum of weights at which a pair reaches ``score``: the inverse of :func:`score_of`.

    >>> round(total_for(score_of(9.25)), 6)
    9.25
    """
    return OFFSET + math.log(score / (1.0 - score))


# The most the names of a pair can add up to (surname, given name and patronymic at their best): a pair
# whose birth dates take it below review even then need not be scored at all.
NAME_CEILING = sum(
    max(f.weight for f in FEATURES.values() if f.name.startswith(part))
    for part in ("surname_", "given_", "patronymic_")
)


def beyond_review(birth_weight: float) -> bool:
    """True when no agreement of names can bring a pair with this birth evidence up to review."""
    return NAME_CEILING + birth_weight < total_for(REVIEW_AT)


def score_of(total: float) -> float:
    """The calibrated score of a sum of weights.

    >>> round(score_of(OFFSET), 2), score_of(OFFSET + 3) > MATCH_AT
    (0.5, True)
    """
    return 1.0 / (1.0 + math.exp(OFFSET - total))
