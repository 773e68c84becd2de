"""A-numbers: A plus 8 or 9 digits, stored as 9 (EOIR pads with a leading zero)."""

import pytest

from haven_core.anumber import ANumberError, format_a_number, normalise_a_number


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("A123456789", "123456789"),
        ("a12345678", "012345678"),
        ("A 123-456-789", "123456789"),
        ("123.456.789", "123456789"),
        ("12345678", "012345678"),
    ],
)
def test_valid_forms(text: str, digits: str) -> None:
    assert normalise_a_number(text) == digits


@pytest.mark.parametrize("text", ["", "A1234567", "A1234567890", "B123456789", "A12345678X"])
def test_invalid_forms_are_refused(text: str) -> None:
    with pytest.raises(ANumberError, match="8 or 9 digits"):
        normalise_a_number(text)


def test_display_form() -> None:
    assert format_a_number("012345678") == "A012-345-678"
