"""Reading a rules file and refusing a wrong one with an error that says where and what.

Checked: every key is known (a misspelt key is an error, not a silently ignored one); every fact has an
internal source, a confidence mark and at least one public citation that the file defines; dates are
dates; tags are the evidence locker's tags; provisions, designations and registries that are referred to
exist; a provision marked U carries no penalty, so it
cannot be counted; levels and weights are in order.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from haven_core.assessment import vocabulary as v
from haven_core.assessment.reading import RulesError, Table
from haven_core.assessment.rules import (
    Aggravated,
    Basis,
    CategoryRules,
    Citation,
    Designation,
    Exposure,
    Mobilisation,
    PathwayRules,
    Penalty,
    Provision,
    Reach,
    Registry,
    RuleSet,
    Signal,
    Text,
    UrgencyRules,
    Vulnerability,
    Weights,
)
from haven_core.dates import PartialDate, PartialDateError

RULES_DIR = Path(__file__).resolve().parent / "rules"
DEFAULT_RULES = RULES_DIR / "russia-2026-11.toml"
_VERSION = re.compile(r"^[a-z0-9][a-z0-9.\-]{2,59}$")
URGENCY_POINTS = frozenset(
    {"removal_emergency", "removal_overdue", "detained_final_order", "removal_urgent", "final_order"}
    | {"detained", "hearing_soon"}
)
DESIGNATION_KINDS = frozenset({"extremist", "undesirable", "foreign_agent"})


def load_rules(path: Path | str = DEFAULT_RULES) -> RuleSet:
    """Read and check the rules file at ``path``."""
    data = Path(path).read_bytes()
    return parse_rules(data, origin=str(path))


def parse_rules(data: bytes, *, origin: str = "rules") -> RuleSet:
    """Read and check a rules file's bytes; :class:`RulesError` names the first problem found."""
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(f"{origin}: not a TOML file: {exc}") from None
    try:
        return _rule_set(Table(document, ""), hashlib.sha256(data).hexdigest())
    except RulesError as exc:
        raise RulesError(f"{origin}: {exc}") from None


def _rule_set(doc: Table, digest: str) -> RuleSet:
    head = doc.table("rules")
    version = head.string("version")
    if not _VERSION.match(version):
        raise head.fail("version", "use lower-case letters, digits, dots and dashes, e.g. russia-2026-11.1")
    title, based_on = head.need_text("title"), head.string("based_on")
    head.done()
    citations = _citations(doc.table("citations"))
    provisions = _provisions(doc)
    levels, vulnerability = doc.table("levels"), doc.table("vulnerability")
    rules = RuleSet(
        version=version,
        title=title,
        based_on=based_on,
        digest=digest,
        weights=_weights(doc.table("weights")),
        risk_levels=_levels(levels, "risk", v.RISK_LEVELS),
        vulnerability_levels=_levels(levels, "vulnerability", v.VULNERABILITY_LEVELS),
        provisions=provisions,
        exposures=tuple(_exposure(t, provisions) for t in doc.tables("exposures", "tags")),
        designations=_designations(doc, provisions),
        registries=_registries(doc, provisions),
        signals=_signals(doc),
        reach=_reach(doc.table("reach")),
        mobilisation=_mobilisation(doc.table("mobilisation")),
        minor_below=vulnerability.need_whole("minor_below"),
        elderly_from=vulnerability.need_whole("elderly_from"),
        vulnerabilities=_vulnerabilities(doc),
        urgency=_urgency(doc.table("urgency")),
        categories=_categories(doc.table("categories")),
        pathways=_pathways(doc.table("pathways")),
        citations=citations,
    )
    for basis in rules.bases():
        if unknown := [c for c in basis.cite if c not in citations]:
            raise RulesError(f"{basis.source}: cites {unknown}, which [citations] does not define")
        if not basis.cite and basis.kind == "domain":
            raise RulesError(f"{basis.source}: a fact needs at least one public citation (cite = [...])")
    known_designations = {d.id for d in rules.designations}
    for registry in rules.registries:
        if registry.designation and registry.designation not in known_designations:
            raise RulesError(f"registries ({registry.id}).designation: unknown {registry.designation!r}")
    for table in (levels, vulnerability, doc):
        table.done()
    return rules


_URL = re.compile(r"^https?://[^\s]+$")
_CITATION_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _citations(t: Table) -> dict[str, Citation]:
    """The public sources facts cite, by id: what a dossier or a page shows, never the internal source."""
    citations: dict[str, Citation] = {}
    for citation_id in list(t.data):
        c = t.table(citation_id)
        confidence = c.string("confidence")
        if confidence not in v.CONFIDENCES:
            raise c.fail("confidence", f"expected one of {sorted(v.CONFIDENCES)}")
        url, date = c.string("url", required=False), c.string("date", required=False)
        if url and not _URL.match(url):
            raise c.fail("url", "expected an http(s) address")
        if date and not _CITATION_DATE.match(date):
            raise c.fail("date", "expected YYYY, YYYY-MM or YYYY-MM-DD")
        citations[citation_id] = Citation(
            id=citation_id,
            title=c.need_text("title"),
            detail=c.text("detail", required=False),
            url=url,
            date=date,
            confidence=confidence,
        )
        c.done()
    t.done()
    return citations


def _weights(t: Table) -> Weights:
    weights = Weights(
        verified=t.number("verified", at_most=1),
        unreviewed=t.number("unreviewed", at_most=1),
        before_designation=t.number("before_designation", at_most=1),
        before_in_force=t.number("before_in_force", at_most=1),
        life_imprisonment_points=t.number("life_imprisonment_points"),
        fine_only_points=t.number("fine_only_points"),
    )
    if weights.unreviewed > weights.verified:
        raise t.fail("unreviewed", "an unreviewed item cannot count more than a verified one")
    t.done()
    return weights


def _levels(parent: Table, name: str, known: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    t = parent.table(name)
    if set(t.data) != set(known):
        raise t.fail("", f"expected exactly the levels {list(known)}")
    values = [(level, t.number(level)) for level in known]
    if values[0][1] != 0:
        raise t.fail(known[0], "the lowest level must start at 0")
    if any(a[1] >= b[1] for a, b in itertools.pairwise(values)):
        raise t.fail("", f"scores must rise with the level: {values}")
    t.done()
    return tuple(reversed(values))


def _provisions(doc: Table) -> dict[str, Provision]:
    provisions: dict[str, Provision] = {}
    for t in doc.tables("provisions"):
        provision_id = t.string("id")
        if provision_id in provisions:
            raise t.fail("id", "defined twice")
        basis = t.basis()
        penalties = tuple(_penalty(p) for p in t.tables("penalties", "part")) if "penalties" in t.data else ()
        t.seen.add("penalties")
        if basis.unverified and penalties:
            raise t.fail("penalties", "a provision marked U must not carry penalties: it is never counted")
        if not basis.unverified and not penalties:
            raise t.fail("penalties", "missing: give the maximum penalty, or mark the provision U")
        aggravated = tuple(
            Aggravated(part=a.string("part"), years=a.need_whole("years"), text=a.words())
            for a in (t.tables("aggravated", "part") if "aggravated" in t.data else ())
        )
        t.seen.add("aggravated")
        provisions[provision_id] = Provision(
            id=provision_id,
            title=t.need_text("title"),
            targets=t.need_text("targets"),
            basis=basis,
            in_force=t.date("in_force"),
            in_force_note=t.text("in_force_note", required=False),
            amended=tuple(_dates(t, "amended")),
            penalties=penalties,
            aggravated=aggravated,
            unverified=tuple(_texts(t, "unverified")),
        )
        t.done()
    return provisions


def _dates(t: Table, key: str) -> Iterator[PartialDate]:
    for text in t.strs(key, required=False):
        try:
            yield PartialDate.parse(text)
        except PartialDateError as exc:
            raise t.fail(key, f"not a date: {exc}") from None


def _texts(t: Table, key: str) -> Iterator[Text]:
    for item in t.tables(key, "en") if key in t.data else ():
        yield item.words()
        item.done()
    t.seen.add(key)


def _penalty(t: Table) -> Penalty:
    penalty = Penalty(
        part=t.string("part"),
        years=t.whole("years", required=False),
        life=t.flag("life"),
        fine_rub=t.whole("fine_rub", required=False),
        start=t.date("from"),
        until=t.date("until"),
    )
    if sum((penalty.years is not None, penalty.life, penalty.fine_rub is not None)) != 1:
        raise t.fail("", "give exactly one of years, life = true or fine_rub")
    if penalty.start and penalty.until and not penalty.start < penalty.until:
        raise t.fail("until", "must come after from")
    t.done()
    return penalty


def _known_provisions(t: Table, key: str, provisions: Mapping[str, Provision]) -> tuple[str, ...]:
    return t.strs(key, known=frozenset(provisions))


def _exposure(t: Table, provisions: Mapping[str, Provision]) -> Exposure:
    count = t.string("count")
    if count not in ("each", "heaviest"):
        raise t.fail("count", "expected 'each' or 'heaviest'")
    after_tag = t.string("after_tag", required=False) or None
    if after_tag is not None and after_tag not in v.EVIDENCE_TAGS:
        raise t.fail("after_tag", f"unknown tag {after_tag!r}")
    within_days = t.whole("within_days", required=False)
    if (after_tag is None) != (within_days is None):
        raise t.fail("within_days", "after_tag and within_days go together")
    exposure = Exposure(
        tags=t.strs("tags", known=v.EVIDENCE_TAGS),
        provisions=_known_provisions(t, "provisions", provisions),
        basis=(
            t.basis()
            if "confidence" in t.data
            else Basis(t.string("source"), "H", kind="haven", cite=t.strs("cite", required=False))
        ),
        heaviest_only=count == "heaviest",
        after_tag=after_tag,
        within_days=within_days,
        since=t.date("since"),
        note=t.text("note", required=False),
    )
    t.done()
    return exposure


def _designations(doc: Table, provisions: Mapping[str, Provision]) -> tuple[Designation, ...]:
    designations = []
    for t in doc.tables("designations"):
        kind = t.string("kind")
        if kind not in DESIGNATION_KINDS:
            raise t.fail("kind", f"expected one of {sorted(DESIGNATION_KINDS)}")
        date = t.date("date", required=True)
        assert date is not None
        designations.append(
            Designation(
                id=t.string("id"),
                name=t.need_text("name"),
                kind=kind,
                date=date,
                basis=t.basis(),
                provisions=_known_provisions(t, "provisions", provisions),
                tags=t.strs("tags", known=v.EVIDENCE_TAGS),
                by=t.string("by", required=False),
            )
        )
        t.done()
    _unique(designations, "designations")
    return tuple(designations)


def _registries(doc: Table, provisions: Mapping[str, Provision]) -> tuple[Registry, ...]:
    registries = []
    for t in doc.tables("registries"):
        registries.append(
            Registry(
                id=t.string("id"),
                name=t.need_text("name"),
                match=tuple(word.casefold() for word in t.strs("match")),
                points=t.number("points"),
                basis=t.basis(),
                provisions=t.strs("provisions", known=frozenset(provisions), required=False),
                designation=t.string("designation", required=False) or None,
                note=t.text("note", required=False),
            )
        )
        t.done()
    _unique(registries, "registries")
    if sum(1 for r in registries if not r.match) != 1:
        raise RulesError("registries: exactly one registry must have an empty match list (the catch-all)")
    return tuple(registries)


def _signals(doc: Table) -> tuple[Signal, ...]:
    signals = []
    for t in doc.tables("signals"):
        tag = t.string("tag")
        if tag not in v.EVIDENCE_TAGS:
            raise t.fail("tag", f"unknown tag {tag!r}; known: {sorted(v.EVIDENCE_TAGS)}")
        signals.append(Signal(t.string("id"), tag, t.need_text("name"), t.number("points"), t.basis()))
        t.done()
    _unique(signals, "signals")
    return tuple(signals)


def _reach(t: Table) -> Reach:
    reach = Reach(
        tags=t.strs("tags", known=v.EVIDENCE_TAGS),
        min_followers=t.need_whole("min_followers"),
        min_views=t.need_whole("min_views"),
        points=t.number("points"),
        name=t.need_text("name"),
        basis=t.basis(),
    )
    t.done()
    return reach


def _mobilisation(t: Table) -> Mobilisation:
    mobilisation = Mobilisation(
        sex=t.string("sex"),
        min_age=t.need_whole("min_age"),
        max_age=t.need_whole("max_age"),
        points=t.number("points"),
        name=t.need_text("name"),
        basis=t.basis(),
        assumption=t.need_text("assumption"),
    )
    if mobilisation.min_age > mobilisation.max_age:
        raise t.fail("max_age", "must not be below min_age")
    t.done()
    return mobilisation


def _vulnerabilities(doc: Table) -> dict[str, Vulnerability]:
    known = v.PERSON_FLAGS | v.DERIVED_VULNERABILITIES
    found: dict[str, Vulnerability] = {}
    for t in doc.tables("vulnerabilities"):
        vulnerability_id = t.string("id")
        if vulnerability_id not in known:
            raise t.fail("id", f"unknown vulnerability; known: {sorted(known)}")
        if vulnerability_id in found:
            raise t.fail("id", "defined twice")
        found[vulnerability_id] = Vulnerability(
            vulnerability_id, t.need_text("name"), t.number("points"), t.basis(), t.flag("household")
        )
        t.done()
    return found


def _urgency(t: Table) -> UrgencyRules:
    points_table = t.table("points")
    if set(points_table.data) != URGENCY_POINTS:
        raise points_table.fail("", f"expected exactly {sorted(URGENCY_POINTS)}")
    points = {key: points_table.number(key) for key in sorted(URGENCY_POINTS)}
    urgency = UrgencyRules(
        emergency_within_days=t.need_whole("emergency_within_days"),
        urgent_within_days=t.need_whole("urgent_within_days"),
        hearing_within_days=t.need_whole("hearing_within_days"),
        points=points,
        emergency_basis=t.basis("emergency_"),
        urgent_basis=t.basis("urgent_"),
        urgent_note=t.need_text("urgent_note"),
    )
    if urgency.urgent_within_days <= urgency.emergency_within_days:
        raise t.fail("urgent_within_days", "must be longer than emergency_within_days")
    t.done()
    return urgency


def _categories(t: Table) -> CategoryRules:
    order = t.strs("order", known=frozenset(v.UNHCR_CATEGORIES))
    if sorted(order) != sorted(v.UNHCR_CATEGORIES):
        raise t.fail("order", f"list every category once: {list(v.UNHCR_CATEGORIES)}")
    minimum = t.string("legal_protection_min_risk")
    if minimum not in v.RISK_LEVELS:
        raise t.fail("legal_protection_min_risk", f"expected one of {list(v.RISK_LEVELS)}")
    categories = CategoryRules(order=order, legal_protection_min_risk=minimum, basis=t.basis())
    t.done()
    return categories


def _pathways(t: Table) -> PathwayRules:
    def source(prefix: str, confidence: str) -> Basis:
        return Basis(t.string(f"{prefix}_source"), confidence, cite=t.strs(f"{prefix}_cite"))

    pathways = PathwayRules(
        stca_relationships=frozenset(t.strs("stca_relationships", known=v.CANADA_RELATIONSHIPS)),
        stca_statuses=frozenset(t.strs("stca_statuses", known=v.CANADIAN_STATUSES)),
        stca_adult_statuses=frozenset(t.strs("stca_adult_statuses", known=v.CANADIAN_STATUSES)),
        family_unity_relationships=frozenset(
            t.strs("family_unity_relationships", known=v.CANADA_RELATIONSHIPS)
        ),
        stca=Basis(t.string("stca_source"), t.string("stca_confidence"), cite=t.strs("stca_cite")),
        sponsorship=source("sponsorship", "H"),
        public_policy=source("public_policy", "H"),
        discretionary=source("discretionary", "M"),
        refused_sponsorship=source("refused_sponsorship", v.UNVERIFIED),
    )
    t.done()
    return pathways


def _unique(items: list[Any], where: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise RulesError(f"{where}: {item.id!r} defined twice")
        seen.add(item.id)
