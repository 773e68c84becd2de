"""The errors of the evidence locker. Views turn them into messages or form errors, never into 500s.
A refusal is :class:`haven.errors.NotAllowed`, as everywhere in Haven."""

from __future__ import annotations

from haven.errors import HavenError


class EvidenceError(HavenError):
    """Base of every evidence error."""


class InvalidEvidence(EvidenceError):
    """The change breaks a rule of the locker (e.g. a working copy of a working copy, a bad verdict)."""


class BlobIntegrityError(EvidenceError):
    """A stored file is missing, cannot be decrypted, or no longer has the SHA-256 it was stored under."""


class ScansUnread(EvidenceError):
    """An export would leave out scans whose reading (and so their copy without metadata) is still to come."""
