from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.cases.models.choice_labels import ChoiceLabels
from haven.security.fields import SensitiveTextField
from haven_core.bundles import leaving

ROLE_CHOICES = [
    ("original", _("Original file")),
    ("capture_warc", _("Web capture (WARC)")),
    ("capture_screenshot", _("Screenshot of the page")),
    ("capture_text", _("Text extracted from the page")),
    ("capture_wacz", _("Web capture for replay (WACZ)")),
    ("capture_pdf", _("The page printed as PDF")),
    ("capture_media", _("Image or video the page loaded")),
    ("capture_log", _("Log of the page's requests")),
    ("working", _("Working copy")),
    # Made by Haven from the item's original, without its metadata: what leaves Haven in its place.
    ("searchable_pdf", _("Searchable PDF (working copy, without metadata)")),
    ("clean_copy", _("Copy without metadata (working copy)")),
]
CLEAN_ROLES = leaving.CLEAN_ROLES  # the roles of the copies Haven makes without metadata


class StoredBlob(models.Model):
    """Bytes stored once, named by their SHA-256, encrypted on disk, never modified.

    The file lives under ``HAVEN_FILES_DIR`` at a path derived from the hash and is sealed with
    ``haven.security.codec.encrypt_bytes`` (context: that relative path). The hash is of the plaintext,
    so anyone holding a copy can check it against the manifest.
    """

    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField()
    media_type = models.CharField(max_length=100)  # sniffed from the bytes, never taken from the name
    stored_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.sha256[:12]}… ({self.media_type}, {self.size} bytes)"


class ItemFile(ChoiceLabels, models.Model):
    """A file of an evidence item, in a role: the original upload, or parts of a web capture."""

    item = models.ForeignKey("evidence.EvidenceItem", on_delete=models.CASCADE, related_name="files")
    blob = models.ForeignKey(StoredBlob, on_delete=models.PROTECT, related_name="uses")
    role = models.CharField(max_length=30, choices=ROLE_CHOICES)
    filename = SensitiveTextField(_("file name"))  # as uploaded; names can identify people
    captured_at = models.DateTimeField(auto_now_add=True)
    # For a copy Haven made without metadata (CLEAN_ROLES): the file it was made from.
    derived_from = models.ForeignKey(
        StoredBlob, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "blob", "role"], name="one_file_per_role")]

    def __str__(self) -> str:
        return f"{self.get_role_display()} of item {self.item_id}"


class TrustedTimestamp(models.Model):
    """An RFC 3161 timestamp token over a blob's SHA-256, from a timestamp authority."""

    blob = models.ForeignKey(StoredBlob, on_delete=models.CASCADE, related_name="timestamps")
    authority = models.CharField(max_length=200)  # the TSA's URL or name
    token = models.BinaryField()  # the DER TimeStampToken as the authority returned it
    generated_at = models.DateTimeField()  # genTime from the token

    def __str__(self) -> str:
        return f"timestamp of {self.blob_id} by {self.authority} at {self.generated_at:%Y-%m-%d %H:%M}"
