"""What Haven read in a scanned document or a photo, and the facts it proposes from that text.

The text and everything quoted from it are encrypted like the item's own description: a protocol names
the person, their address and what they said. A proposal is never a fact until a reviewer confirms it;
a confirmed one becomes one of the item's tags (``EvidenceTag``), with the document's date.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.security.fields import SensitiveDateField, SensitiveTextField

FIELD_CHOICES = [
    ("kind", _("Kind of document")),
    ("article", _("Article cited")),
    ("date", _("Date")),
    ("authority", _("Court or authority")),
]
PROPOSED, CONFIRMED, REJECTED = "proposed", "confirmed", "rejected"
STATE_CHOICES = [
    (PROPOSED, _("Proposed")),
    (CONFIRMED, _("Confirmed")),
    (REJECTED, _("Rejected")),
]


class DocumentText(models.Model):
    """The text read from the item's original file (one per item; a new reading replaces it)."""

    item = models.OneToOneField("evidence.EvidenceItem", on_delete=models.CASCADE, related_name="reading")
    text = SensitiveTextField(_("text read from the document"))
    sha256 = models.CharField(_("SHA-256 of the file read"), max_length=64)
    pages = models.PositiveIntegerField(default=1)
    read_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("document text")

    def __str__(self) -> str:
        return f"text of item {self.item_id}"


class FactProposal(models.Model):
    """A fact read from the document's text, for a reviewer to confirm or reject."""

    item = models.ForeignKey("evidence.EvidenceItem", on_delete=models.CASCADE, related_name="proposals")
    field = models.CharField(_("what"), max_length=20, choices=FIELD_CHOICES)
    value = SensitiveTextField(_("value"))
    excerpt = SensitiveTextField(_("the words it was read from"))
    tag = models.CharField(_("tag it would become"), max_length=40, blank=True)
    rule = models.CharField(_("assessment rule it feeds"), max_length=60, blank=True)
    activity_date = SensitiveDateField(_("date of the activity"))
    state = models.CharField(max_length=10, choices=STATE_CHOICES, default=PROPOSED, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("proposed fact")

    def __str__(self) -> str:
        return f"{self.field} proposed for item {self.item_id} ({self.state})"
