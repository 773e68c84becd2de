from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.cases.models.choice_labels import ChoiceLabels
from haven.security.fields import SensitiveDateField, SensitiveTextField

KIND_CHOICES = [
    ("social_post", _("Social-media post")),
    ("article", _("Article or interview")),
    ("video", _("Video")),
    ("photo", _("Photo")),
    ("court_document", _("Court or police document")),
    ("registry_listing", _("Registry listing")),
    ("membership_record", _("Membership or donation record")),
    ("witness_statement", _("Witness statement")),
    ("other", _("Other")),
]

# What an item shows: the tags the assessment reads (see ../shared/DOMAIN.md §2).
TAG_CHOICES = [
    ("public_antiwar_statement", _("Public anti-war statement")),
    ("protest_participation", _("Protest participation")),
    ("donation_ukraine", _("Donation to Ukraine-related causes")),
    ("fbk_work", _("Work with Navalny's organisations (FBK)")),
    ("undesirable_media_journalism", _('Journalism for an "undesirable" or "foreign agent" outlet')),
    ("lgbtq_activism", _("LGBTQ+ activism")),
    ("military_refusal", _("Refusal of military service or desertion")),
    ("prior_ac_20_3_3", _("Prior administrative penalty (AC 20.3.3)")),
    ("open_criminal_case", _("Open criminal case")),
    ("arrest_in_absentia", _("Arrest in absentia")),
    ("wanted_listing", _("Wanted listing")),
    ("registry_listing", _("Registry listing")),
]

STATUS_CHOICES = [
    ("unreviewed", _("Not yet reviewed")),
    ("verified", _("Verified")),
    ("disputed", _("Disputed")),
    ("retracted", _("Retracted")),
    ("sent_back", _("Sent back for correction")),
]

DERIVATION_CHOICES = [
    ("redaction", _("Redaction")),
    ("crop", _("Crop")),
    ("translation", _("Translation")),
    ("other", _("Other working copy")),
]


class EvidenceItem(ChoiceLabels, models.Model):
    """One piece of evidence about one person: a post, an article, a court notice, a registry listing…

    An original is never modified. A working copy (a redaction, crop or translation) is an item of its
    own whose ``original`` points at the item it was made from.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey("cases.Person", on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("kind"), max_length=30, choices=KIND_CHOICES)
    title = SensitiveTextField(_("title"))
    description = SensitiveTextField(_("what it shows"))
    source_url = SensitiveTextField(_("source URL"))
    author = SensitiveTextField(_("author or account"))
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=20, blank=True)
    followers = models.PositiveIntegerField(_("followers"), null=True, blank=True)
    views = models.PositiveIntegerField(_("views"), null=True, blank=True)
    # For registry listings (kind "registry_listing"): which registry, its own reference, the date listed.
    # Encrypted: together with the public registry, a reference or a listing date names the person.
    registry = SensitiveTextField(_("registry"))
    registry_reference = SensitiveTextField(_("registry reference"))
    registry_listed_on = SensitiveDateField(_("date listed"))
    # Optional translations for referral dossiers read in Canada (English and French). Encrypted like the
    # title and description they translate; a dossier without one shows the original, marked with its
    # language.
    title_en = SensitiveTextField(_("title in English"))
    title_fr = SensitiveTextField(_("title in French"))
    summary_en = SensitiveTextField(_("summary in English"))
    summary_fr = SensitiveTextField(_("summary in French"))

    # RESTRICT: an original cannot be deleted while it has working copies, unless they go with it (when
    # the person is removed, or a demo is reset).
    original = models.ForeignKey(
        "self", on_delete=models.RESTRICT, null=True, blank=True, related_name="working_copies"
    )
    derivation = models.CharField(
        _("working copy of the original"), max_length=20, choices=DERIVATION_CHOICES, blank=True
    )
    status = models.CharField(
        _("review"), max_length=20, choices=STATUS_CHOICES, default="unreviewed", db_index=True
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    # The newest verdict on the item (set with it by haven.evidence.actions.review): the dashboard's
    # documentation coverage tells a principal's evidence has been reviewed again from the items alone.
    last_verification = models.ForeignKey(
        "evidence.Verification",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        db_index=False,
    )

    class Meta:
        ordering = ["-added_at", "-id"]
        verbose_name = _("evidence item")
        verbose_name_plural = _("evidence items")
        # The dashboard's documentation coverage counts each principal's verified originals and reads
        # their latest verdict from this index alone, never from the items' wide rows.
        indexes = [
            models.Index(
                fields=["person", "id", "last_verification"],
                condition=models.Q(status="verified", original__isnull=True),
                name="evidence_verified_originals",
            ),
            models.Index(fields=["id", "person"], name="evidence_item_person"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.public_id}"


class EvidenceTag(ChoiceLabels, models.Model):
    """Something the item shows, with the date of the activity (and, for posts, its reach and language)."""

    item = models.ForeignKey(EvidenceItem, on_delete=models.CASCADE, related_name="tags")
    tag = models.CharField(_("shows"), max_length=40, choices=TAG_CHOICES, db_index=True)
    activity_date = models.DateField(_("date of the activity"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "tag"], name="one_tag_per_item")]

    def __str__(self) -> str:
        return f"{self.get_tag_display()} ({self.activity_date or '?'})"
