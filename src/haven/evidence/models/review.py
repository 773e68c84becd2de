from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.cases.models.choice_labels import ChoiceLabels
from haven.security.fields import SensitiveTextField

VERDICT_CHOICES = [
    ("verified", _("Verified")),
    ("disputed", _("Disputed")),
    ("retracted", _("Retracted")),
]
# Besides a verdict, a reviewer may send an item back to the person who added it, with the reason: what
# it claims (tags, dates, reach) does not match its file yet. It returns to the queue once corrected.
SENT_BACK = "sent_back"
OUTCOME_CHOICES = [*VERDICT_CHOICES, (SENT_BACK, _("Sent back for correction"))]


class Verification(ChoiceLabels, models.Model):
    """A second person's verdict on an item, or its sending back. The newest one is the item's status.

    Two-person rule: the reviewer is never the person who added the item (enforced by the action).
    """

    item = models.ForeignKey("evidence.EvidenceItem", on_delete=models.CASCADE, related_name="verifications")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    verdict = models.CharField(_("verdict"), max_length=20, choices=OUTCOME_CHOICES)
    note = SensitiveTextField(_("note"))
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} by {self.reviewer_id}"
