"""The errors of the registries app; commands and views turn them into plain messages."""

from haven.errors import HavenError


class RegistryImportError(Exception):
    """A registry file cannot be imported; the message says why and, for a bad row, which row."""


class ScreeningError(HavenError):
    """A review of a hit or an identity link cannot be made (already decided, not allowed)."""
