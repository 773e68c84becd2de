"""Which rules file Haven assesses with: ``settings.HAVEN_ASSESSMENT_RULES`` if set, else the one shipped
in ``haven_core/assessment/rules``. Read once per change of the file, and checked on reading."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings

from haven_core.assessment import DEFAULT_RULES, RuleSet, load_rules


def rules_path() -> Path:
    return Path(getattr(settings, "HAVEN_ASSESSMENT_RULES", "") or DEFAULT_RULES)


@cache
def _read(path: str, modified: int) -> RuleSet:
    return load_rules(path)


def current_rules(path: Path | None = None) -> RuleSet:
    """The rules in force (or those at ``path``); a changed file is read again, a wrong one refused."""
    path = path or rules_path()
    return _read(str(path), path.stat().st_mtime_ns)
