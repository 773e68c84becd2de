"""The scoring table: every piece of evidence the matcher weighs, with its weight and its words.

Weights are log-odds points: the evidence of a pair is summed, and the score is the logistic of the
sum less :data:`OFFSET`, so that a score of 0.5 means "as likely the same person as not". The
weights were set by reasoning about how often each coincidence happens between two different people,
then checked against the labelled pairs of :mod:`haven_core.matching.evaluation`
(docs/matching.md gives the figures).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Feature:
    """A named piece of evidence: its weight, and how it reads ({q} the query's, {e} the entry's words)."""

    name: str
    weight: float
    says: str


FEATURES: dict[str, Feature] = {
    f.name: f
    for f in (
        Feature("surname_same", 4.0, "surname equal ({q} = {e})"),
        Feature("surname_translit", 4.0, "surname equal after transliteration ({q} = {e})"),
        Feature("surname_part", 3.0, "one part of a double surname equal ({q} = {e})"),
        Feature("surname_alike", 2.5, "surnames alike but for letters transliteration confuses ({q} ~ {e})"),
        Feature("surname_one_letter", 2.0, "surnames differ by one letter ({q} ~ {e})"),
        Feature("surname_other_form", 1.5, "surname in the other gender's form ({q} / {e})"),
        Feature("surname_differs", -4.0, "surname differs ({q} / {e})"),
        Feature("given_same", 3.0, "given name equal ({q} = {e})"),
        Feature("given_translit", 3.0, "given name {q} = {e}"),
        Feature("given_form", 3.0, "given name {q} = {e} (forms of one name)"),
        Feature("given_short", 2.5, "given name {q} = {e} (a short form)"),
        Feature("given_alike", 1.5, "given names alike ({q} ~ {e})"),
        Feature("given_one_letter", 0.5, "given names differ by one letter ({q} ~ {e})"),
        Feature("given_initial", 0.5, "given name's initial agrees ({q} / {e})"),
        Feature("given_differs", -3.5, "given name differs ({q} / {e})"),
        Feature("given_missing", 0.0, "no given name on one side"),
        Feature("patronymic_equal", 2.0, "patronymic equal ({q} = {e})"),
        Feature("patronymic_as_middle_name", 2.0, "patronymic written as a middle name ({q} = {e})"),
        Feature("patronymic_alike", 1.0, "patronymics alike ({q} ~ {e})"),
        Feature("patronymic_initial", 0.5, "patronymic's initial agrees ({q} / {e})"),
        Feature("patronymic_differs", -3.0, "patronymic differs ({q} / {e})"),
        Feature("sex_differs", -6.0, "a man and a woman ({q} / {e})"),
        Feature("other_name", 0.0, "found under the entry's other name {e}"),
        Feature("birth_equal", 3.0, "birth date equal ({q})"),
        Feature("birth_month", 1.5, "birth year and month equal, the day unknown on one side ({q} / {e})"),
        Feature("birth_year", 0.5, "birth year equal, the rest unknown on one side ({q} / {e})"),
        Feature("birth_swapped", 1.5, "birth year equal, day and month swapped ({q} / {e})"),
        Feature("birth_differs", -4.0, "birth date differs within the same year ({q} / {e})"),
        Feature("birth_year_differs", -6.0, "birth year differs ({q} / {e})"),
        Feature("birth_missing", 0.0, "no birth date to compare"),
    )
}

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
