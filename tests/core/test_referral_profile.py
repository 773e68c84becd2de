"""A field profile lets out only what the recipient needs; what a person keeps private stays in Haven."""

from __future__ import annotations

import pytest

from haven_core.referral.profile import OFFICER, FieldProfile, minimise

RECORD = {
    "reference": "H-7KQ3M9XD2A",
    "notes": "переехали к сестре",
    "people": [
        {
            "relationship": "principal",
            "name_latin": "KOTOVA Iuliia",
            "birth_date": "1988-04-12",
            "address": "12 Elm St, Buffalo NY",
            "detained": False,
        },
        {
            "relationship": "spouse",
            "name_latin": "KOTOV Ivan",
            "birth_date": "1985-01-02",
            "us_status": "pending",
            "private": ["us_status"],
        },
    ],
}


def test_the_officer_profile_keeps_identity_and_status_but_no_address_or_notes() -> None:
    out = minimise(RECORD, OFFICER)
    assert out.record == {
        "reference": "H-7KQ3M9XD2A",
        "people": [
            {
                "relationship": "principal",
                "name_latin": "KOTOVA Iuliia",
                "birth_date": "1988-04-12",
                "detained": False,
            },
            {"relationship": "spouse", "name_latin": "KOTOV Ivan", "birth_date": "1985-01-02"},
        ],
    }
    # What stayed behind is named, never quoted.
    assert out.withheld == ("household: notes", "person 1: address", "person 2: us_status")
    assert "Elm" not in repr(out.withheld)


def test_a_profile_that_asks_for_addresses_gets_them_but_never_private_fields() -> None:
    profile = FieldProfile.from_mapping(
        "sah", {"household": ["reference"], "person": ["address", "us_status"]}
    )
    out = minimise(RECORD, profile)
    assert out.record["people"] == [{"address": "12 Elm St, Buffalo NY"}, {}]


def test_a_profile_with_an_unknown_section_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown sections"):
        FieldProfile.from_mapping("bad", {"people": ["name"]})
