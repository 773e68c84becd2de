"""Properties of the assessment over generated households (Hypothesis).

Evidence only ever adds risk; a retracted item leaves no trace; an unreviewed item counts less than the
same item verified; a removal date brought closer raises the priority; the same inputs and rules give
the same assessment; facts DOMAIN.md marks U never count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from haven_core.assessment import (
    EvidenceFact,
    HouseholdFacts,
    PersonFacts,
    USRecordFacts,
    assess,
    from_json,
    to_json,
)
from haven_core.assessment.rules import RuleSet
from haven_core.assessment.urgency import most_urgent_key, rank
from haven_core.assessment.vocabulary import RISK_LEVELS
from tests.support.assessment import FAST, TODAY, evidence_items, households, people, rules


def with_item(household: HouseholdFacts, index: int, extra: EvidenceFact) -> HouseholdFacts:
    members = list(household.people)
    target = members[index % len(members)]
    members[index % len(members)] = replace(target, evidence=(*target.evidence, extra))
    return HouseholdFacts(tuple(members))


def risk_key(household: HouseholdFacts) -> tuple[float, int]:
    risk = assess(household, rules(), TODAY).risk
    return risk.total, RISK_LEVELS.index(risk.level)


@FAST
@given(households(), st.integers(0, 3), evidence_items(status=st.just("verified")))
def test_adding_verified_evidence_never_lowers_risk(
    household: HouseholdFacts, index: int, extra: EvidenceFact
) -> None:
    before, after = risk_key(household), risk_key(with_item(household, index, extra))
    assert after[0] >= before[0] and after[1] >= before[1]


@FAST
@given(households(), st.integers(0, 3), evidence_items(status=st.sampled_from(["verified", "unreviewed"])))
def test_retracting_an_item_removes_its_contributions(
    household: HouseholdFacts, index: int, extra: EvidenceFact
) -> None:
    retracted = assess(with_item(household, index, replace(extra, status="retracted")), rules(), TODAY)
    without = assess(household, rules(), TODAY)
    for member in retracted.people:
        assert all(extra.id not in c.evidence for c in member.risk.contributions)
    assert [p.risk for p in retracted.people] == [p.risk for p in without.people]


@FAST
@given(people("principal"), evidence_items(status=st.just("verified")))
def test_an_unreviewed_item_counts_less_than_the_same_item_verified(
    someone: PersonFacts, extra: EvidenceFact
) -> None:
    alone = replace(someone, evidence=())
    verified = assess(HouseholdFacts((replace(alone, evidence=(extra,)),)), rules(), TODAY).risk
    unreviewed = assess(
        HouseholdFacts((replace(alone, evidence=(replace(extra, status="unreviewed"),)),)), rules(), TODAY
    ).risk
    assert unreviewed.total <= verified.total
    if any(c.value > 0 and extra.id in c.evidence for c in verified.contributions):
        assert unreviewed.total < verified.total


@FAST
@given(households(), st.integers(0, 3))
def test_moving_a_removal_from_30_days_to_5_days_raises_the_priority(
    household: HouseholdFacts, index: int
) -> None:
    def removal_in(days: int) -> HouseholdFacts:
        members = list(household.people)
        target = members[index % len(members)]
        record = target.us_record or USRecordFacts(status="removal_proceedings")
        scheduled = replace(record, status="final_order" if record.status == "removed" else record.status)
        scheduled = replace(scheduled, removal_scheduled_date=TODAY + dt.timedelta(days=days))
        members[index % len(members)] = replace(target, us_record=scheduled)
        return HouseholdFacts(tuple(members))

    far, near = assess(removal_in(30), rules(), TODAY), assess(removal_in(5), rules(), TODAY)
    person = household.people[index % len(household.people)].id
    far_person, near_person = far.member(person), near.member(person)
    assert far_person is not None and near_person is not None
    assert rank(near_person.urgency.level) >= rank(far_person.urgency.level)
    assert near_person.urgency.total > far_person.urgency.total
    assert near.urgency.level == "emergency"
    assert most_urgent_key(near.urgency) >= most_urgent_key(far.urgency)


@FAST
@given(households())
def test_the_same_inputs_and_rules_give_the_same_assessment(household: HouseholdFacts) -> None:
    first, second = assess(household, rules(), TODAY), assess(household, rules(), TODAY)
    assert first == second
    assert to_json(first) == to_json(second)
    assert from_json(to_json(first)) == first


def without_unverified(ruleset: RuleSet) -> RuleSet:
    """The same rules with every provision DOMAIN.md marks U taken out."""
    settled = {k: p for k, p in ruleset.provisions.items() if not p.basis.unverified}
    return replace(
        ruleset,
        provisions=settled,
        exposures=tuple(
            replace(e, provisions=tuple(p for p in e.provisions if p in settled)) for e in ruleset.exposures
        ),
        registries=tuple(
            replace(r, provisions=tuple(p for p in r.provisions if p in settled)) for r in ruleset.registries
        ),
    )


@FAST
@given(households())
def test_unverified_facts_never_count(household: HouseholdFacts) -> None:
    result = assess(household, rules(), TODAY)
    for member in result.people:
        for score in (member.risk, member.vulnerability, member.urgency):
            for contribution in score.contributions:
                if contribution.basis.confidence == "U":
                    assert contribution.value == 0 and not contribution.counted
    stripped = assess(household, without_unverified(rules()), TODAY)
    assert [p.risk.total for p in stripped.people] == [p.risk.total for p in result.people]
    assert stripped.risk.level == result.risk.level
