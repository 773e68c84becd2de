"""How well a person's anti-war activity is documented, and why: an explainable score.

The coalition's proposal concerns people "whose anti-war activities are well documented". A sceptical
official asks: how many pieces of evidence has someone other than the person who collected them checked,
are they independent of each other, from how many sources, over what period, and does an official
Russian document or registry listing corroborate them? :func:`assess` answers with named contributions,
each with the reason it is or is not met, and a ``well_documented`` verdict against :class:`Criteria`.

What counts: only *verified* items. Disputed, retracted and not yet reviewed items do not count, and
neither do working copies (a redaction or translation is the same evidence again). Two items with the
same source URL, or the same original file, are one piece of evidence.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any
from urllib.parse import urlsplit

OFFICIAL_KINDS = frozenset({"court_document", "registry_listing"})
OFFICIAL_TAGS = frozenset({"open_criminal_case", "arrest_in_absentia", "wanted_listing", "registry_listing"})


@dataclass(frozen=True)
class Criteria:
    """When a person counts as well documented. Kept as data (``documentation.toml``), not in code."""

    min_verified_items: int = 3
    min_distinct_sources: int = 2
    min_period_days: int = 180
    # A verified court document or registry listing counts as this many extra items towards the minimum.
    official_bonus_items: int = 1
    require_official: bool = False
    # Weights of the derived 0–100 score; each contribution earns its weight in proportion to the need met.
    weight_items: int = 40
    weight_sources: int = 25
    weight_period: int = 20
    weight_official: int = 15
    source: str = ""  # who adopted these criteria, and when

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Criteria:
        known = {f.name: f.type for f in fields(cls)}
        unknown = set(data) - set(known)
        if unknown:
            raise ValueError(f"unknown documentation criteria: {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for name, value in data.items():
            expected = bool if known[name] == "bool" else str if known[name] == "str" else int
            if type(value) is not expected:
                raise ValueError(f"documentation criterion {name} must be {expected.__name__}")
            if isinstance(value, int) and not isinstance(value, bool) and value < 0:
                raise ValueError(f"documentation criterion {name} must not be negative")
            values[name] = value
        return cls(**values)

    @classmethod
    def from_toml(cls, text: str) -> Criteria:
        return cls.from_mapping(tomllib.loads(text).get("criteria", {}))


@dataclass(frozen=True)
class ItemFacts:
    """What the score needs to know of one evidence item (no names, no texts)."""

    key: str
    kind: str
    status: str  # unreviewed, verified, disputed, retracted
    is_working_copy: bool = False
    source_url: str = ""
    author: str = ""
    file_sha256: str = ""  # of its original file, if any
    dates: tuple[dt.date, ...] = ()  # activity dates, else publication or listing date
    tags: frozenset[str] = frozenset()

    @property
    def official(self) -> bool:
        return self.kind in OFFICIAL_KINDS or bool(self.tags & OFFICIAL_TAGS)

    @property
    def source(self) -> str:
        """Where the item came from: the site of its URL, else its author, else its kind."""
        host = site_of(self.source_url)
        if host:
            return host
        if self.author.strip():
            return self.author.strip().casefold()
        return f"kind:{self.kind}"

    @property
    def evidence_key(self) -> str:
        """Items with equal keys are the same piece of evidence."""
        if self.source_url.strip():
            return "url:" + normalised_url(self.source_url)
        if self.file_sha256:
            return "file:" + self.file_sha256
        return "item:" + self.key


@dataclass(frozen=True)
class Reason:
    """A sentence as a code and its values, so that the web layer can word it in the reader's language."""

    code: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        return REASONS_EN[self.code].format(**self.values)


@dataclass(frozen=True)
class Contribution:
    name: str  # verified_items, distinct_sources, period, official
    value: int
    needed: int | None  # None: not required, it only adds
    met: bool
    points: float
    weight: int
    reason: Reason


@dataclass(frozen=True)
class Exclusion:
    key: str
    reason: Reason


@dataclass(frozen=True)
class Documentation:
    criteria: Criteria
    contributions: tuple[Contribution, ...]
    counted: tuple[str, ...]  # keys of the items that count
    excluded: tuple[Exclusion, ...]
    well_documented: bool
    verdict: Reason

    @property
    def score(self) -> int:
        return round(sum(c.points for c in self.contributions))

    def contribution(self, name: str) -> Contribution:
        return next(c for c in self.contributions if c.name == name)

    def explain(self) -> list[str]:
        """The verdict and each contribution's reason, in English (for commands and tests)."""
        lines = [self.verdict.english(), *(f"- {c.reason.english()}" for c in self.contributions)]
        return lines + [f"- not counted: {e.key}: {e.reason.english()}" for e in self.excluded]


REASONS_EN = {
    "items_met": "{count} independent verified items ({needed} needed)",
    "items_short": "{count} of {needed} independent verified items needed",
    "items_with_bonus": "{count} independent verified items, counted as {counted} with official "
    "corroboration ({needed} needed)",
    "items_with_bonus_short": "{count} independent verified items, counted as {counted} with official "
    "corroboration; {needed} needed",
    "sources_met": "{count} distinct sources: {sources} ({needed} needed)",
    "sources_short": "{count} of {needed} distinct sources needed{listed}",
    "period_met": "activity documented over {days} days, from {first} to {last} ({needed} needed)",
    "period_short": "activity documented over {days} of {needed} days needed",
    "period_none": "no dated verified activity",
    "official_found": "corroborated by {what}",
    "official_missing": "no verified official Russian document or registry listing",
    "official_required": "no verified official Russian document or registry listing, which is required",
    "well_documented": "well documented: every criterion is met",
    "not_well_documented": "not yet well documented: {missing} not met",
    "excluded_unreviewed": "not yet verified",
    "excluded_disputed": "disputed",
    "excluded_retracted": "retracted",
    "excluded_working_copy": "a working copy of another item",
    "excluded_duplicate": "the same evidence as another counted item",
}


def site_of(url: str) -> str:
    """The host of ``url`` without ``www.``, lower-cased; empty when there is none."""
    text = url.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    if any(c.isspace() for c in host):
        return ""
    return host.removeprefix("www.")


def normalised_url(url: str) -> str:
    """The URL with scheme, ``www.``, trailing slash and fragment dropped, for telling items apart."""
    text = url.strip()
    parts = urlsplit(text if "://" in text else "//" + text)
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{site_of(text)}{path}{query}"


def assess(items: Iterable[ItemFacts], criteria: Criteria) -> Documentation:
    """Score a person's evidence against ``criteria``, explaining every contribution and exclusion."""
    counted, excluded = _independent(items)
    official = [i for i in counted if i.official]
    bonus = criteria.official_bonus_items if official else 0
    contributions = (
        _items(len(counted), bonus, criteria),
        _sources(counted, criteria),
        _period(counted, criteria),
        _official(official, criteria),
    )
    missing = [c.name for c in contributions if not c.met]
    well = not missing
    verdict = (
        Reason("well_documented")
        if well
        else Reason("not_well_documented", {"missing": ", ".join(missing), "names": tuple(missing)})
    )
    return Documentation(
        criteria=criteria,
        contributions=contributions,
        counted=tuple(i.key for i in counted),
        excluded=tuple(excluded),
        well_documented=well,
        verdict=verdict,
    )


def _independent(items: Iterable[ItemFacts]) -> tuple[list[ItemFacts], list[Exclusion]]:
    counted: list[ItemFacts] = []
    excluded: list[Exclusion] = []
    seen: set[str] = set()
    for item in sorted(items, key=lambda i: (min(i.dates, default=dt.date.max), i.key)):
        if item.is_working_copy:
            excluded.append(Exclusion(item.key, Reason("excluded_working_copy")))
        elif item.status != "verified":
            code = item.status if item.status in ("disputed", "retracted") else "unreviewed"
            excluded.append(Exclusion(item.key, Reason(f"excluded_{code}")))
        elif item.evidence_key in seen:
            excluded.append(Exclusion(item.key, Reason("excluded_duplicate")))
        else:
            seen.add(item.evidence_key)
            counted.append(item)
    return counted, excluded


def _share(value: int, needed: int) -> float:
    return 1.0 if needed <= 0 else min(value / needed, 1.0)


def _items(count: int, bonus: int, criteria: Criteria) -> Contribution:
    needed, total = criteria.min_verified_items, count + bonus
    met = total >= needed
    values = {"count": count, "counted": total, "needed": needed}
    if bonus:
        code = "items_with_bonus" if met else "items_with_bonus_short"
    else:
        code = "items_met" if met else "items_short"
    points = criteria.weight_items * _share(total, needed)
    return Contribution(
        "verified_items", total, needed, met, points, criteria.weight_items, Reason(code, values)
    )


def _sources(counted: list[ItemFacts], criteria: Criteria) -> Contribution:
    sources = sorted({i.source for i in counted})
    needed = criteria.min_distinct_sources
    met = len(sources) >= needed
    shown = ", ".join(s.removeprefix("kind:") for s in sources)
    values = {
        "count": len(sources),
        "needed": needed,
        "sources": shown,
        "listed": f" ({shown})" if shown else "",
        "keys": tuple(sources),
    }
    reason = Reason("sources_met" if met else "sources_short", values)
    points = criteria.weight_sources * _share(len(sources), needed)
    return Contribution(
        "distinct_sources", len(sources), needed, met, points, criteria.weight_sources, reason
    )


def _period(counted: list[ItemFacts], criteria: Criteria) -> Contribution:
    dates = sorted(d for i in counted for d in i.dates)
    needed = criteria.min_period_days
    days = (dates[-1] - dates[0]).days if dates else 0
    met = days >= needed and (bool(dates) or needed == 0)
    if not dates:
        reason = Reason("period_none", {"needed": needed})
    else:
        values = {
            "days": days,
            "needed": needed,
            "first": dates[0].isoformat(),
            "last": dates[-1].isoformat(),
        }
        reason = Reason("period_met" if met else "period_short", values)
    points = criteria.weight_period * (_share(days, needed) if dates else 0.0)
    return Contribution("period", days, needed, met, points, criteria.weight_period, reason)


def _official(official: list[ItemFacts], criteria: Criteria) -> Contribution:
    if official:
        kinds = tuple(sorted({_official_kind(i) for i in official}))
        what = " and ".join(OFFICIAL_WHAT_EN[k] for k in kinds)
        reason = Reason("official_found", {"what": what, "kinds": kinds})
    else:
        reason = Reason("official_required" if criteria.require_official else "official_missing")
    met = bool(official) or not criteria.require_official
    needed = 1 if criteria.require_official else None
    points = float(criteria.weight_official) if official else 0.0
    return Contribution("official", len(official), needed, met, points, criteria.weight_official, reason)


OFFICIAL_WHAT_EN = {"document": "an official Russian document", "registry": "a registry listing"}


def _official_kind(item: ItemFacts) -> str:
    if item.kind == "registry_listing" or "registry_listing" in item.tags:
        return "registry"
    return "document"
