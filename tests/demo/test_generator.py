"""The synthetic coalition generator: deterministic, realistic, and true to its own ground truth."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from haven.demo.generator import (
    SyntheticCoalition,
    SyntheticHousehold,
    SyntheticPerson,
    generate,
    passport_system,
)
from haven.demo.generator.names_data import ORIGINS, feminine
from haven_core.dates import PartialDate
from haven_core.names import System, transliterate
from haven_core.pipeline import Stage

TODAY = dt.date(2026, 3, 15)
MALE_NAMES = {name.cyrillic: name for origin in ORIGINS for name in origin.male}


@pytest.fixture(scope="module")
def coalition() -> SyntheticCoalition:
    return generate(seed=11, households=1000, today=TODAY)


def originals(coalition: SyntheticCoalition) -> list[SyntheticHousehold]:
    return [h for h in coalition.households if not h.resubmission_of]


def resubmissions(coalition: SyntheticCoalition) -> list[SyntheticHousehold]:
    return [h for h in coalition.households if h.resubmission_of]


def name_fields(p: SyntheticPerson) -> tuple[str, ...]:
    return (
        p.surname_cyrillic,
        p.given_name_cyrillic,
        p.patronymic_cyrillic,
        p.surname_latin,
        p.given_name_latin,
    )


def test_the_same_seed_gives_the_same_coalition() -> None:
    assert generate(seed=5, households=200, today=TODAY) == generate(seed=5, households=200, today=TODAY)


def test_another_seed_gives_another_coalition() -> None:
    first = generate(seed=5, households=200, today=TODAY)
    second = generate(seed=6, households=200, today=TODAY)
    assert [h.principal.surname_cyrillic for h in first.households] != [
        h.principal.surname_cyrillic for h in second.households
    ]


def test_size_of_the_coalition(coalition: SyntheticCoalition) -> None:
    assert len(coalition.households) == 1000
    assert sum(len(h.people) for h in coalition.households) >= 1800
    assert [o.slug for o in coalition.organisations] == [
        "exodus",
        "pacific",
        "passage",
        "opendoor",
        "sanctuary",
    ]
    assert {h.organisation for h in coalition.households} == set(range(5))


def test_every_household_has_one_principal_first(coalition: SyntheticCoalition) -> None:
    for household in coalition.households:
        relationships = [p.relationship for p in household.people]
        assert relationships[0] == "principal"
        assert relationships.count("principal") == 1


def test_identities_are_unique_except_for_resubmissions(coalition: SyntheticCoalition) -> None:
    first = [p.identity for h in originals(coalition) for p in h.people]
    assert len(first) == len(set(first))
    again = [p.identity for h in resubmissions(coalition) for p in h.people]
    assert again and set(again) <= set(first)


def test_resubmissions_come_from_another_organisation_spelled_differently(
    coalition: SyntheticCoalition,
) -> None:
    by_key = {h.key: h for h in coalition.households}
    twice = resubmissions(coalition)
    assert 30 <= len(twice) <= 50  # about 4 %
    for household in twice:
        original = by_key[household.resubmission_of]
        assert household.organisation != original.organisation
        assert household.principal.identity == original.principal.identity

        assert name_fields(household.principal) != name_fields(original.principal)
    assert len(set(by_key[h.resubmission_of].key for h in twice)) == len(twice)  # twice, not three times


def test_resubmissions_vary_the_way_organisations_do(coalition: SyntheticCoalition) -> None:
    by_identity = {p.identity: p for h in originals(coalition) for p in h.people}
    seen: Counter[str] = Counter()
    for household in resubmissions(coalition):
        for again in household.people:
            first = by_identity[again.identity]
            seen["no patronymic"] += bool(first.patronymic_cyrillic and not again.patronymic_cyrillic)
            seen["swapped"] += again.surname_latin == first.given_name_latin and bool(first.surname_latin)
            seen["partial birth"] += len(again.birth_date) < len(first.birth_date)
            seen["press in latin"] += again.surname_latin != again.surname_latin.upper()
            seen["other system"] += again.passport_system not in (None, first.passport_system)
    assert all(seen[kind] > 0 for kind in ("no patronymic", "swapped", "partial birth", "press in latin")), (
        seen
    )


def test_passport_spelling_follows_the_system_of_its_year(coalition: SyntheticCoalition) -> None:
    people = [p for h in originals(coalition) for p in h.people if p.passport_year]
    for person in people:
        system = passport_system(person.passport_year or 0)
        assert person.passport_system is system
        assert person.surname_latin == transliterate(person.surname_cyrillic, system).upper()
        assert person.given_name_latin == transliterate(person.given_name_cyrillic, system).upper()
    eras = Counter(p.passport_system for p in people)
    assert set(eras) == {System.MVD_310, System.MVD_782, System.GOST_52535, System.ICAO_9303}
    assert eras[System.ICAO_9303] > len(people) / 2


def test_an_old_passport_has_french_spellings(coalition: SyntheticCoalition) -> None:
    old = [p for h in originals(coalition) for p in h.people if p.passport_system is System.MVD_310]
    assert all((p.passport_year or 9999) < 2006 for p in old)
    with_u = [p for p in old if "у" in p.surname_cyrillic.lower()]
    assert with_u and all("OU" in p.surname_latin for p in with_u)
    assert any(re.search("OU|TCH|GUE|GUI|J", p.given_name_latin) for p in old)


def test_passport_eras() -> None:
    assert passport_system(2005) is System.MVD_310
    assert passport_system(2006) is System.MVD_782
    assert passport_system(2010) is System.GOST_52535
    assert passport_system(2013) is System.ICAO_9303


def test_names_are_russian_with_a_few_others(coalition: SyntheticCoalition) -> None:
    people = [p for h in originals(coalition) for p in h.people]
    assert all(re.fullmatch(r"[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?", p.surname_cyrillic) for p in people)
    assert any("-" in p.surname_cyrillic for p in people)
    assert any(p.patronymic_cyrillic.endswith(" оглы") for p in people)
    assert any(p.patronymic_cyrillic.endswith(" кызы") for p in people)
    assert any(p.other_spellings for p in people)
    press = {line.split()[0] for p in people for line in p.other_spellings}
    assert {"Yulia", "Alexei", "Dmitry"} & press


def test_children_take_their_fathers_name(coalition: SyntheticCoalition) -> None:
    checked = 0
    for household in originals(coalition):
        fathers = [p for p in household.people if p.sex == "M" and p.relationship in ("principal", "spouse")]
        if not fathers:
            continue
        father = MALE_NAMES[fathers[0].given_name_cyrillic]
        for child in (p for p in household.people if p.relationship == "child"):
            expected = father.patronymic_male if child.sex == "M" else father.patronymic_female
            assert child.patronymic_cyrillic == expected
            male_surname = fathers[0].surname_cyrillic
            assert child.surname_cyrillic == (male_surname if child.sex == "M" else feminine(male_surname))
            checked += 1
    assert checked > 300


def test_wives_mostly_share_the_family_surname(coalition: SyntheticCoalition) -> None:
    couples = [
        h.people[:2]
        for h in originals(coalition)
        if len(h.people) > 1 and h.people[1].relationship == "spouse"
    ]
    shared = sum(
        feminine(husband.surname_cyrillic) == wife.surname_cyrillic
        for husband, wife in (sorted(c, key=lambda p: p.sex, reverse=True) for c in couples)
    )
    assert 0.6 < shared / len(couples) < 0.9


def test_birth_dates_are_sometimes_partial(coalition: SyntheticCoalition) -> None:
    precisions = Counter(
        PartialDate.parse(p.birth_date).precision for h in coalition.households for p in h.people
    )
    assert precisions["day"] > 0.8 * sum(precisions.values())
    assert precisions["year"] > 0 and precisions["month"] > 0


def test_us_dates_are_relative_to_today(coalition: SyntheticCoalition) -> None:
    records = [p.us_record for h in coalition.households for p in h.people if p.us_record]
    statuses = Counter(r.status for r in records)
    assert set(statuses) == {"asylum_pending", "removal_proceedings", "final_order", "detained", "released",
                             "protection_granted", "removed"}  # fmt: skip
    scheduled = [r.removal_scheduled_date for r in records if r.removal_scheduled_date]
    assert all(day > TODAY for day in scheduled)
    assert any(day <= TODAY + dt.timedelta(days=7) for day in scheduled)
    assert all(r.next_hearing_date > TODAY for r in records if r.next_hearing_date)
    assert all(r.removal_order_date < TODAY for r in records if r.removal_order_date)
    assert all(r.next_hearing_date and r.court for r in records if r.status == "removal_proceedings")
    assert all(r.detained and r.detention_facility for r in records if r.status == "detained")
    assert any(r.detained for r in records if r.status == "final_order")
    assert not any(r.detained for r in records if r.status == "removed")


def test_dates_move_with_today() -> None:
    later = TODAY + dt.timedelta(days=400)
    coalition = generate(seed=11, households=300, today=later)
    scheduled = [p.us_record.removal_scheduled_date for h in coalition.households for p in h.people
                 if p.us_record and p.us_record.removal_scheduled_date]  # fmt: skip
    assert scheduled and min(scheduled) > later


def test_a_numbers_are_nine_digits_and_unique(coalition: SyntheticCoalition) -> None:
    numbers = [p.us_record.a_number for h in originals(coalition) for p in h.people if p.us_record]
    known = [n for n in numbers if n]
    assert all(re.fullmatch(r"\d{9}", n) for n in known)
    assert len(known) == len(set(known))
    assert any(n.startswith("0") for n in known)  # 8-digit numbers padded with a zero
    assert len(known) < len(numbers)  # a few not yet known to the caseworker


def test_timelines_agree_with_the_us_records(coalition: SyntheticCoalition) -> None:
    for household in coalition.households:
        entered = [e.date for e in household.events if e.kind == "entered_us"]
        assert len(entered) == 1
        assert all(entered[0] <= e.date <= TODAY for e in household.events)
        principal = household.principal.us_record
        assert principal is not None
        orders = [e.date for e in household.events if e.kind == "order_issued"]
        if principal.status in ("final_order", "removed"):
            assert orders == [principal.removal_order_date]
        if principal.removal_scheduled_date:
            assert any(e.kind == "removal_scheduled" for e in household.events)


def test_stages_spread_along_the_pipeline(coalition: SyntheticCoalition) -> None:
    stages = Counter(h.stage for h in coalition.households)
    early = stages[Stage.INTAKE] + stages[Stage.DOCUMENTING] + stages[Stage.READY_FOR_REVIEW]
    assert early > 0.6 * len(coalition.households)
    assert 0 < stages[Stage.CLOSED] < 0.15 * len(coalition.households)
    assert stages[Stage.REFERRED] > 0 and stages[Stage.RESETTLED] > 0
    for household in coalition.households:
        assert bool(household.closed_reason) == (household.stage is Stage.CLOSED)


def test_a_minority_have_ties_to_canada(coalition: SyntheticCoalition) -> None:
    tied = [h for h in originals(coalition) if any(p.canada_relatives or p.canada_permits for p in h.people)]
    assert 0.1 < len(tied) / len(originals(coalition)) < 0.22
    relatives = [r for h in tied for p in h.people for r in p.canada_relatives]
    assert {"citizen", "permanent_resident"} <= {r.canadian_status for r in relatives}
    assert any(p.canada_permits for h in tied for p in h.people)


def test_vulnerabilities_are_a_minority(coalition: SyntheticCoalition) -> None:
    people = [p for h in coalition.households for p in h.people]
    for fact in ("serious_medical", "disability", "pregnancy", "lgbtq", "survivor_of_violence"):
        marked = sum(getattr(p, fact) is True for p in people)
        assert 0 < marked < 0.15 * len(people), fact
    assert not any(p.pregnancy for p in people if p.sex == "M")
