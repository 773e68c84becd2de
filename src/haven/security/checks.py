"""``haven check`` reports on the encryption keys: usable, and not readable by other users."""

from __future__ import annotations

import stat
from typing import Any

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from haven.security import keys


def key_checks(**kwargs: Any) -> list[checks.CheckMessage]:
    source = keys.source()
    if source.rotatable and not source.path.exists() and not source.production:
        return []  # generated on first use (the demo, a laptop)
    try:
        keys.sealer()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="haven.security.E001")]
    if source.rotatable and source.path.exists():
        mode = stat.S_IMODE(source.path.stat().st_mode)
        if mode & 0o077:
            return [
                checks.Warning(
                    f"The key file {source.path} can be read by other users (mode {mode:o}).",
                    hint=f"chmod 600 {source.path}",
                    id="haven.security.W001",
                )
            ]
    return []


def register() -> None:
    checks.register(key_checks, checks.Tags.security)
