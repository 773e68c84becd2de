"""The evidence locker: items that document a person's anti-war activity, their files and their review."""

from haven.evidence.models.files import ItemFile, StoredBlob, TrustedTimestamp
from haven.evidence.models.items import EvidenceItem, EvidenceTag
from haven.evidence.models.reading import DocumentText, FactProposal
from haven.evidence.models.review import Verification

__all__ = [
    "DocumentText",
    "EvidenceItem",
    "EvidenceTag",
    "FactProposal",
    "ItemFile",
    "StoredBlob",
    "TrustedTimestamp",
    "Verification",
]
