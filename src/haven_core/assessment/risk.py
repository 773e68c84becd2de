"""Persecution risk of one person: the provisions their documented activity exposes them to, and
aggravating signals (registry listings, criminal cases, wanted listings, reach, mobilisation age).

Each provision counts once per person, at its strongest trigger; every triggering item is listed. An
item counts by its review status (``weights.verified`` / ``weights.unreviewed``); disputed and retracted
items never reach this module. Conduct before a designation's date, or before a provision came into
force, is weighed by ``weights.before_designation`` / ``weights.before_in_force``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from haven_core.assessment.facts import EvidenceFact, PersonFacts
from haven_core.assessment.result import Contribution, Note, Score, total_of
from haven_core.assessment.rules import (
    Basis,
    Exposure,
    Penalty,
    Provision,
    RuleSet,
    Text,
    level_for,
    on_or_after,
)
from haven_core.assessment.vocabulary import NOT_YET_REVIEWED, REGISTRY_KIND, UNVERIFIED, VERIFIED

_STRENGTH = {UNVERIFIED: 0, "M": 1, "H/M": 2, "H": 3}


def weakest(*bases: Basis) -> Basis:
    """The basis with the lowest confidence: a conclusion is as sure as its least sure fact. It cites the
    public sources of every fact it rests on (the article first, then what made the conduct reach it)."""
    weak = min(bases, key=lambda b: _STRENGTH[b.confidence])
    return replace(weak, cite=tuple(dict.fromkeys(c for b in bases for c in b.cite)))


def status_weight(status: str, rules: RuleSet) -> float:
    if status == VERIFIED:
        return rules.weights.verified
    if status in NOT_YET_REVIEWED:
        return rules.weights.unreviewed
    return 0.0  # disputed and retracted items count nothing


def counted_items(evidence: Iterable[EvidenceFact], rules: RuleSet) -> tuple[EvidenceFact, ...]:
    return tuple(item for item in evidence if status_weight(item.status, rules) > 0)


def _status_notes(item: EvidenceFact, rules: RuleSet) -> tuple[Note, ...]:
    weight = status_weight(item.status, rules)
    return () if weight >= 1 else (Note.of("status_weight", status=item.status, percent=round(weight * 100)),)


def penalty_points(penalty: Penalty | None, rules: RuleSet) -> float:
    if penalty is None:
        return 0.0
    if penalty.life:
        return rules.weights.life_imprisonment_points
    if penalty.years is not None:
        return float(penalty.years)
    return rules.weights.fine_only_points


@dataclass(frozen=True)
class _Trigger:
    points: float
    item: str
    notes: tuple[Note, ...]
    basis: Basis


def _exposure_trigger(
    provision: Provision,
    exposure: Exposure | None,
    item: EvidenceFact,
    tag: str,
    day: dt.date | None,
    rules: RuleSet,
    factor: float,
    notes: tuple[Note, ...],
) -> _Trigger:
    """How much one tagged activity exposes the person to ``provision``, and why."""
    notes = (*notes, Note.of("shown_by", tag=tag, date=day.isoformat() if day else None))
    basis = provision.basis if exposure is None else weakest(provision.basis, exposure.basis)
    if provision.before_in_force(day) and provision.in_force is not None:
        factor *= rules.weights.before_in_force
        percent = round(rules.weights.before_in_force * 100)
        notes += (Note.of("before_in_force", in_force=provision.in_force.iso(), percent=percent),)
    if exposure and exposure.since and day and not on_or_after(day, exposure.since):
        factor *= rules.weights.before_in_force
        percent = round(rules.weights.before_in_force * 100)
        notes += (Note.of("before_practice", since=exposure.since.iso(), percent=percent),)
    designation = rules.designation_for(tag, provision.id)
    if designation is not None:
        basis = weakest(basis, designation.basis)
        params = {"designation": designation.id, "kind": designation.kind, "since": designation.date.iso()}
        if day is None:
            notes += (Note.of("designation_date_unknown", **params),)
        elif on_or_after(day, designation.date):
            notes += (Note.of("after_designation", **params),)
        else:
            factor *= rules.weights.before_designation
            percent = round(rules.weights.before_designation * 100)
            notes += (Note.of("before_designation", percent=percent, **params),)
    penalty = provision.penalty_on(day)
    points = round(penalty_points(penalty, rules) * factor, 2) if provision.settled else 0.0
    if penalty is not None:
        notes += (_penalty_note(penalty, day),)
    return _Trigger(points=points, item=item.id, notes=notes, basis=basis)


def _penalty_note(penalty: Penalty, day: dt.date | None) -> Note:
    return Note.of(
        "penalty",
        part=penalty.part,
        years=penalty.years,
        life="yes" if penalty.life else None,
        fine_rub=penalty.fine_rub,
        on=day.isoformat() if day else "today",
    )


def _repeat_priors(
    exposure: Exposure, items: tuple[EvidenceFact, ...]
) -> list[tuple[EvidenceFact, dt.date | None]]:
    return [(i, i.date_of(t)) for i in items for t in i.tags if t.tag == exposure.after_tag]


def _exposure_triggers(
    person: PersonFacts, items: tuple[EvidenceFact, ...], rules: RuleSet
) -> Iterator[tuple[Exposure, str, _Trigger]]:
    for exposure in rules.exposures:
        priors = _repeat_priors(exposure, items) if exposure.after_tag else []
        if exposure.after_tag and not priors:
            continue
        for item in items:
            for tag in item.tags:
                if tag.tag not in exposure.tags:
                    continue
                day = item.date_of(tag)
                base = status_weight(item.status, rules)
                for provision_id in exposure.provisions:
                    provision = rules.provisions[provision_id]
                    options = [(base, _status_notes(item, rules))]
                    if exposure.after_tag:
                        options = list(_repeat_options(exposure, item, day, priors, rules))
                    for factor, notes in options:
                        trigger = _exposure_trigger(
                            provision, exposure, item, tag.tag, day, rules, factor, notes
                        )
                        yield exposure, provision_id, trigger


def _repeat_options(
    exposure: Exposure,
    item: EvidenceFact,
    day: dt.date | None,
    priors: list[tuple[EvidenceFact, dt.date | None]],
    rules: RuleSet,
) -> Iterator[tuple[float, tuple[Note, ...]]]:
    """Each prior penalty that makes this activity a repeat: within ``within_days`` after it, or undated."""
    assert exposure.within_days is not None
    for prior, prior_day in priors:
        if prior.id == item.id:
            continue
        factor = min(status_weight(item.status, rules), status_weight(prior.status, rules))
        notes = _status_notes(item, rules) + _status_notes(prior, rules)
        if day is None or prior_day is None:
            yield factor, (*notes, Note.of("repeat_dates_unknown", prior=prior.id))
        elif 0 <= (day - prior_day).days <= exposure.within_days:
            yield factor, (*notes, Note.of("repeat_within", prior=prior.id, penalty_on=prior_day.isoformat()))


def _registry_triggers(items: tuple[EvidenceFact, ...], rules: RuleSet) -> Iterator[tuple[str, _Trigger]]:
    for item in items:
        if item.kind != REGISTRY_KIND and not any(t.tag == "registry_listing" for t in item.tags):
            continue
        registry = rules.registry_for(item.registry)
        day = item.registry_listed_on
        for provision_id in registry.provisions:
            provision = rules.provisions[provision_id]
            notes = (*_status_notes(item, rules), Note.of("listed", registry=registry.id, date=day))
            if registry.designation:
                designation = rules.designation(registry.designation)
                notes += (Note.of("duties_since", designation=designation.id, since=designation.date.iso()),)
            factor = status_weight(item.status, rules)
            trigger = _exposure_trigger(provision, None, item, "registry_listing", day, rules, factor, notes)
            yield provision_id, replace(trigger, basis=weakest(trigger.basis, registry.basis))


def exposures(person: PersonFacts, items: tuple[EvidenceFact, ...], rules: RuleSet) -> list[Contribution]:
    """One contribution per provision the person is exposed to, at its strongest trigger."""
    found: dict[str, list[_Trigger]] = {}
    notes_of: dict[str, Exposure] = {}
    heaviest_groups: list[tuple[str, ...]] = []
    for exposure, provision_id, trigger in _exposure_triggers(person, items, rules):
        found.setdefault(provision_id, []).append(trigger)
        notes_of.setdefault(provision_id, exposure)
        if exposure.heaviest_only and exposure.provisions not in heaviest_groups:
            heaviest_groups.append(exposure.provisions)
    for provision_id, trigger in _registry_triggers(items, rules):
        found.setdefault(provision_id, []).append(trigger)
    contributions = {
        pid: _contribution(rules.provisions[pid], ts, notes_of.get(pid)) for pid, ts in found.items()
    }
    for group in heaviest_groups:
        present = [contributions[pid] for pid in group if pid in contributions]
        if len(present) > 1:
            heaviest = max(present, key=lambda c: c.points)
            for other in present:
                if other is not heaviest and other.counted:
                    note = Note.of("not_added_heaviest", heaviest=heaviest.subject)
                    contributions[other.subject] = replace(other, counted=False, notes=(*other.notes, note))
    order = list(rules.provisions)
    return [contributions[pid] for pid in sorted(contributions, key=order.index)]


def _contribution(provision: Provision, triggers: list[_Trigger], exposure: Exposure | None) -> Contribution:
    best = max(triggers, key=lambda t: t.points)  # the first of equals: stable for the same inputs
    notes = best.notes
    if not provision.settled:
        notes = (*notes, Note.of("unverified_provision"))
    evidence = tuple(dict.fromkeys(t.item for t in triggers))
    return Contribution(
        key=f"exposure:{provision.id}",
        points=best.points,
        basis=best.basis,
        label=provision.title,
        detail=exposure.note if exposure else None,
        evidence=evidence,
        notes=notes,
        counted=provision.settled,
    )


def signals(items: tuple[EvidenceFact, ...], rules: RuleSet, today: dt.date) -> list[Contribution]:
    """Aggravating signals shown by tags, and registry listings; each counted once at its best item."""
    found: list[Contribution] = []
    for signal in rules.signals:
        hits = [(status_weight(i.status, rules), i, t) for i in items for t in i.tags if t.tag == signal.tag]
        if not hits:
            continue
        factor, item, tag = max(hits, key=lambda h: h[0])
        day = item.date_of(tag)
        notes = (*_status_notes(item, rules), Note.of("shown_by", tag=signal.tag, date=day))
        if signal.tag == "prior_ac_20_3_3" and day is not None and (day - today).days + 365 >= 0:
            notes += (Note.of("repeat_window_until", until=(day + dt.timedelta(days=365)).isoformat()),)
        evidence = tuple(dict.fromkeys(i.id for _, i, _ in hits))
        found.append(
            _signal(f"signal:{signal.id}", signal.points * factor, signal.basis, signal.name, evidence, notes)
        )
    registries: dict[str, list[EvidenceFact]] = {}
    for item in items:
        if item.kind == REGISTRY_KIND or any(t.tag == "registry_listing" for t in item.tags):
            registries.setdefault(rules.registry_for(item.registry).id, []).append(item)
    for registry in rules.registries:
        if listed := registries.get(registry.id):
            best = max(listed, key=lambda i: status_weight(i.status, rules))
            notes = (
                *_status_notes(best, rules),
                Note.of("listed", registry=registry.id, date=best.registry_listed_on),
            )
            points = registry.points * status_weight(best.status, rules)
            evidence = tuple(i.id for i in listed)
            contribution = _signal(
                f"registry:{registry.id}", points, registry.basis, registry.name, evidence, notes
            )
            found.append(replace(contribution, detail=registry.note))
    return found


def _signal(
    key: str, points: float, basis: Basis, label: Text, evidence: tuple[str, ...], notes: tuple[Note, ...]
) -> Contribution:
    return Contribution(
        key=key, points=round(points, 2), basis=basis, label=label, evidence=evidence, notes=notes
    )


def reach(items: tuple[EvidenceFact, ...], rules: RuleSet) -> list[Contribution]:
    rule = rules.reach
    wide = [
        i
        for i in items
        if any(t.tag in rule.tags for t in i.tags)
        and ((i.followers or 0) >= rule.min_followers or (i.views or 0) >= rule.min_views)
    ]
    if not wide:
        return []
    best = max(wide, key=lambda i: (status_weight(i.status, rules), i.followers or 0, i.views or 0))
    notes = (*_status_notes(best, rules), Note.of("reach", followers=best.followers, views=best.views))
    points = round(rule.points * status_weight(best.status, rules), 2)
    evidence = tuple(i.id for i in wide)
    return [Contribution("signal:reach", points, rule.basis, rule.name, evidence=evidence, notes=notes)]


def mobilisation(person: PersonFacts, rules: RuleSet, today: dt.date) -> list[Contribution]:
    rule = rules.mobilisation
    age = person.age_on(today)
    if person.sex != rule.sex or age is None or not rule.min_age <= age <= rule.max_age:
        return []
    notes = (Note.of("age_in_range", age=age, low=rule.min_age, high=rule.max_age),)
    return [
        Contribution("signal:mobilisation", rule.points, rule.basis, rule.name, rule.assumption, notes=notes)
    ]


def person_risk(person: PersonFacts, rules: RuleSet, today: dt.date) -> Score:
    items = counted_items(person.evidence, rules)
    contributions = (
        *exposures(person, items, rules),
        *signals(items, rules, today),
        *reach(items, rules),
        *mobilisation(person, rules, today),
    )
    return Score(level=level_for(total_of(contributions), rules.risk_levels), contributions=contributions)
