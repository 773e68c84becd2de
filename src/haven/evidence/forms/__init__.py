"""Forms of the evidence pages. They validate input; the actions in :mod:`haven.evidence.actions` write."""

from haven.evidence.forms.items import CaptureForm, EvidenceForm, UploadForm, VerifyForm, WorkingCopyForm
from haven.evidence.forms.review import QueueVerifyForm, SendBackForm
from haven.evidence.forms.upload import UploadedBytes, UploadField

__all__ = [
    "CaptureForm",
    "EvidenceForm",
    "QueueVerifyForm",
    "SendBackForm",
    "UploadField",
    "UploadForm",
    "UploadedBytes",
    "VerifyForm",
    "WorkingCopyForm",
]
