"""Citizenships are recorded as codes ("RU, UA") and read as countries in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from haven.cases.countries import citizenship_names


@pytest.mark.parametrize(
    ("language", "names"),
    [("en", "Russia, Ukraine"), ("fr", "Russie, Ukraine"), ("ru", "Россия, Украина")],
)
def test_codes_are_named_in_the_reader_s_language(language: str, names: str) -> None:
    with translation.override(language):
        assert citizenship_names("RU, UA") == names
        assert citizenship_names("ru ua") == names  # as the assessment reads them: any separator, any case


def test_the_citizenships_haven_sees_each_have_a_name() -> None:
    with translation.override("fr"):
        assert citizenship_names("BY; KZ; US; CA; GE; AM; IL; DE") == (
            "Biélorussie, Kazakhstan, États-Unis, Canada, Géorgie, Arménie, Israël, Allemagne"
        )
    with translation.override("ru"):
        assert citizenship_names(["GE", "US"]) == "Грузия, США"  # Georgia the country, not the state


def test_what_haven_cannot_name_is_shown_as_recorded() -> None:
    with translation.override("en"):
        assert citizenship_names("RU, XK") == "Russia, XK"  # a code without a name: the code
        assert citizenship_names("Russian Federation") == "Russian Federation"  # words: as typed
        assert citizenship_names("") == "" and citizenship_names(None) == ""
