"""The documentation score of people, from their evidence rows, worded in the reader's language.

The scoring itself is :mod:`haven_core.evidence.documentation_score`; this module loads the criteria from
``settings.HAVEN_DOCUMENTATION_CRITERIA_FILE``, turns evidence rows into the facts it needs, and words
its reasons with gettext.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from haven.evidence.models import EvidenceItem
from haven.evidence.models.items import KIND_CHOICES
from haven_core.evidence.documentation_score import Criteria, Documentation, ItemFacts, Reason, assess


@cache
def _criteria_from(path: str, mtime: float) -> Criteria:
    return Criteria.from_toml(Path(path).read_text(encoding="utf-8"))


def criteria() -> Criteria:
    """The configured criteria (re-read when the file changes)."""
    path = Path(settings.HAVEN_DOCUMENTATION_CRITERIA_FILE)
    return _criteria_from(str(path), path.stat().st_mtime)


def item_facts(item: EvidenceItem) -> ItemFacts:
    """What the score needs of an item whose ``tags`` and ``files`` (with blobs) are prefetched."""
    dates = tuple(sorted(t.activity_date for t in item.tags.all() if t.activity_date))
    if not dates:
        dates = tuple(d for d in (item.published_on, item.registry_listed_on) if d)
    originals = [f.blob.sha256 for f in item.files.all() if f.role == "original"]
    return ItemFacts(
        key=str(item.public_id),
        kind=item.kind,
        status=item.status,
        is_working_copy=item.original_id is not None,
        source_url=item.source_url,
        author=item.author,
        file_sha256=originals[0] if originals else "",
        dates=dates,
        tags=frozenset(t.tag for t in item.tags.all()),
    )


def assess_items(items: Iterable[EvidenceItem]) -> Documentation:
    return assess([item_facts(i) for i in items], criteria())


CONTRIBUTION_LABELS = {
    "verified_items": lambda: _("Independent verified items"),
    "distinct_sources": lambda: _("Distinct sources"),
    "period": lambda: _("Period covered"),
    "official": lambda: _("Official corroboration"),
}


def contribution_label(name: str) -> str:
    return str(CONTRIBUTION_LABELS[name]())


def source_label(key: str) -> str:
    """A source as the score names it: a site, an author, or (``kind:…``) the kind of evidence."""
    if key.startswith("kind:"):
        return str(dict(KIND_CHOICES).get(key.removeprefix("kind:"), key)).lower()
    return key


def _official_what(kinds: Iterable[str]) -> str:
    words = {"document": _("an official Russian document"), "registry": _("a registry listing")}
    return _(" and ").join(words[k] for k in kinds)


def reason_text(reason: Reason) -> str:
    """``reason`` in the active language."""
    v: dict[str, Any] = dict(reason.values)
    code = reason.code
    if code == "items_met":
        return (
            ngettext(
                "%(count)d independent verified item (%(needed)d needed)",
                "%(count)d independent verified items (%(needed)d needed)",
                v["count"],
            )
            % v
        )
    if code == "items_short":
        return _("%(count)d of %(needed)d independent verified items needed") % v
    if code == "items_with_bonus":
        return (
            _(
                "%(count)d independent verified items, counted as %(counted)d with official corroboration "
                "(%(needed)d needed)"
            )
            % v
        )
    if code == "items_with_bonus_short":
        return (
            _(
                "%(count)d independent verified items, counted as %(counted)d with official corroboration; "
                "%(needed)d needed"
            )
            % v
        )
    if code in ("sources_met", "sources_short"):
        shown = ", ".join(source_label(key) for key in v["keys"])
        v |= {"sources": shown, "listed": f" ({shown})" if shown else ""}
    if code == "sources_met":
        return _("%(count)d distinct sources: %(sources)s (%(needed)d needed)") % v
    if code == "sources_short":
        return _("%(count)d of %(needed)d distinct sources needed%(listed)s") % v
    if code == "period_met":
        # The dates as the page writes every other date in the reader's language (06.03.2026 in Russian).
        v |= {
            k: formats.date_format(dt.date.fromisoformat(v[k]), "SHORT_DATE_FORMAT")
            for k in ("first", "last")
        }
        return _("activity documented over %(days)d days, from %(first)s to %(last)s (%(needed)d needed)") % v
    if code == "period_short":
        return _("activity documented over %(days)d of %(needed)d days needed") % v
    if code == "period_none":
        return _("no dated verified activity")
    if code == "official_found":
        return _("corroborated by %(what)s") % {"what": _official_what(v["kinds"])}
    if code == "official_missing":
        return _("no verified official Russian document or registry listing")
    if code == "official_required":
        return _("no verified official Russian document or registry listing, which is required")
    if code == "well_documented":
        return _("Well documented: every criterion is met.")
    if code == "not_well_documented":
        missing = ", ".join(contribution_label(n).lower() for n in v["names"])
        return _("Not yet well documented: %(missing)s not met.") % {"missing": missing}
    excluded = {
        "excluded_unreviewed": _("not yet verified"),
        "excluded_disputed": _("disputed"),
        "excluded_retracted": _("retracted"),
        "excluded_working_copy": _("a working copy of another item"),
        "excluded_duplicate": _("the same evidence as another counted item"),
    }
    return str(excluded[code])


def criteria_lines(rules: Criteria) -> list[str]:
    """The criteria as sentences, for the household page."""
    lines = [
        _("at least %(n)d independent verified items") % {"n": rules.min_verified_items},
        _("from at least %(n)d distinct sources") % {"n": rules.min_distinct_sources},
        _("covering at least %(n)d days of activity") % {"n": rules.min_period_days},
    ]
    if rules.official_bonus_items:
        lines.append(
            _("a verified court document or registry listing counts as %(n)d extra item")
            % {"n": rules.official_bonus_items}
        )
    if rules.require_official:
        lines.append(_("corroboration by an official Russian document or registry listing is required"))
    return [str(line) for line in lines]
