"""The errors of the evidence locker. Views turn them into messages or form errors, never into 500s."""

from __future__ import annotations

from haven.cases.errors import CaseError


class EvidenceError(CaseError):
    """Base of every evidence error (a :class:`~haven.cases.errors.CaseError`, so views handle it alike)."""


class NotAllowed(EvidenceError):
    """The actor may not do this to this evidence (e.g. verify an item they added themselves)."""


class InvalidEvidence(EvidenceError):
    """The change breaks a rule of the locker (e.g. a working copy of a working copy, a bad verdict)."""


class BlobIntegrityError(EvidenceError):
    """A stored file is missing, cannot be decrypted, or no longer has the SHA-256 it was stored under."""
