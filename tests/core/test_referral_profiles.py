"""The built-in field profiles and profiles read from a file: an officer gets no way to reach the family,
a sponsor does; nothing a person keeps private goes to either."""

from __future__ import annotations

import json

import pytest

from haven_core.referral.profile import (
    OFFICER,
    PERSON_FIELDS,
    PRIVATE_FIELDS,
    PROFILES,
    SPONSOR,
    minimise,
    read_profiles,
)

PERSON = {
    "relationship": "principal",
    "name_latin": "SHCHERBAKOV, DMITRII",
    "name_cyrillic": "Щербаков Дмитрий",
    "a_number": "A212-345-678",
    "address": "4 Grant St, Erie PA",
    "phone": "+1 814 555 0101",
    "email": "d@example.org",
    "detention_facility": "Moshannon Valley",
    "detained": True,
}
RECORD = {"reference": "H-7KQ3M9XD2A", "assessment": {"levels": {}}, "people": [PERSON]}


def test_the_built_in_profiles_are_the_officer_and_the_sponsor() -> None:
    assert PROFILES == {"officer": OFFICER, "sponsor": SPONSOR}


def test_the_sponsor_can_reach_the_family_and_the_officer_cannot() -> None:
    officer = minimise(RECORD, OFFICER)
    sponsor = minimise(RECORD, SPONSOR)
    for contact in ("address", "phone", "email", "detention_facility"):
        assert contact not in officer.record["people"][0]
        assert f"person 1: {contact}" in officer.withheld
        assert sponsor.record["people"][0][contact] == PERSON[contact]
    assert sponsor.withheld == ()
    assert officer.record["people"][0]["a_number"] == "A212-345-678"
    assert SPONSOR.person > OFFICER.person and SPONSOR.household == OFFICER.household


def test_private_fields_stay_out_under_every_profile() -> None:
    record = {**RECORD, "people": [{**PERSON, "private": ["name_cyrillic", "phone"]}]}
    for profile in PROFILES.values():
        out = minimise(record, profile)
        assert "name_cyrillic" not in out.record["people"][0]
        assert "phone" not in out.record["people"][0]
        assert "Щербаков" not in repr(out)


def test_profiles_read_from_json_add_to_the_built_in_ones() -> None:
    text = json.dumps({"legal_aid": {"household": ["reference"], "person": ["name_latin", "address"]}})
    profiles = read_profiles(text)
    assert set(profiles) == {"officer", "sponsor", "legal_aid"}
    out = minimise(RECORD, profiles["legal_aid"])
    assert out.record == {
        "reference": "H-7KQ3M9XD2A",
        "people": [{"name_latin": "SHCHERBAKOV, DMITRII", "address": "4 Grant St, Erie PA"}],
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "JSON object"),
        ('{"x": ["reference"]}', "must be an object"),
        ('{"x": {"person": "address"}}', "list of field names"),
        ('{"x": {"people": ["address"]}}', "unknown sections"),
    ],
)
def test_a_malformed_profile_file_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_profiles(text)


def test_a_person_can_keep_private_any_field_a_profile_could_let_out_but_their_relationship() -> None:
    assert set(PRIVATE_FIELDS) == set(PERSON_FIELDS) - {"relationship"}
    assert set(PERSON_FIELDS) >= OFFICER.person | SPONSOR.person
