"""The one write path for evidence: every change, and every view or download, goes through here.

Each function checks the actor's permission, writes inside one transaction and records the audit entry
in that same transaction. The audit entries whose ``target`` is an item's UUID are its chain of custody:
adding, capturing, viewing, downloading, verifying, making a working copy and exporting.
"""

from haven.evidence.actions.copies import clean_copy_store
from haven.evidence.actions.custody import evidence_viewed, file_downloaded, item_custody, picture_shown
from haven.evidence.actions.items import evidence_add, evidence_update, working_copy_create
from haven.evidence.actions.reading import document_text_record, fact_decide
from haven.evidence.actions.review import can_verify, evidence_send_back, evidence_verify, may_review

__all__ = [
    "can_verify",
    "clean_copy_store",
    "document_text_record",
    "evidence_add",
    "evidence_send_back",
    "evidence_update",
    "evidence_verify",
    "evidence_viewed",
    "fact_decide",
    "file_downloaded",
    "item_custody",
    "may_review",
    "picture_shown",
    "working_copy_create",
]
