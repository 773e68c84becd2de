"""Registry snapshots (public, in clear) and what screening found about our people (sensitive)."""

from haven.registries.models.registry import Appearance, Change, Entry, Registry, Snapshot
from haven.registries.models.screening import IdentityLink, ScreeningHit

__all__ = ["Appearance", "Change", "Entry", "IdentityLink", "Registry", "ScreeningHit", "Snapshot"]
