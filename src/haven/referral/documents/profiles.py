"""Which field profiles a referral can use: the built-in ones, and more from a JSON file named by the
``HAVEN_REFERRAL_PROFILES`` setting (or environment variable)."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings

from haven_core.referral.profile import PROFILES, FieldProfile, read_profiles

__all__ = ["PROFILES", "profile_named", "profiles"]


def profiles() -> dict[str, FieldProfile]:
    """The built-in profiles, with those of the configured file added (or replacing same-named ones)."""
    path = getattr(settings, "HAVEN_REFERRAL_PROFILES", "") or os.environ.get("HAVEN_REFERRAL_PROFILES", "")
    if not path:
        return dict(PROFILES)
    return read_profiles(Path(path).read_text(encoding="utf-8"))


def profile_named(name: str) -> FieldProfile:
    known = profiles()
    if name not in known:
        raise KeyError(f"no field profile {name!r}; known: {', '.join(sorted(known))}")
    return known[name]
