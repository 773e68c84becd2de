"""Referral batches: the households of an approved selection put forward to one liaison, and their
decisions.

A batch is made from an approved :class:`~haven.selection.models.SelectionRun`; each household the run
selected becomes an entry, with the rank and reason the run gave it. The liaison the batch is addressed to
records a decision per entry; the decision's note is free text and is kept encrypted like every note.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.cases.models.choice_labels import ChoiceLabels
from haven.security.fields import SensitiveTextField


class ReferralBatch(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("reference"), max_length=20, unique=True)  # R-2026-0001
    run = models.ForeignKey(
        "selection.SelectionRun", on_delete=models.PROTECT, related_name="referral_batches"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="referral_batches",
        verbose_name=_("recipient"),
    )
    profile = models.CharField(_("field profile"), max_length=40)
    # Households of the run that were not put in the batch: [{"reference": "H-…", "reason": "code"}].
    skipped = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    exported_count = models.PositiveIntegerField(default=0)
    exported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("referral batch")
        verbose_name_plural = _("referral batches")

    def __str__(self) -> str:
        return self.reference


class ReferralEntry(ChoiceLabels, models.Model):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    MORE_INFORMATION = "more_information"
    WITHDRAWN = "withdrawn"  # taken out of the batch by the coordinator, with a reason, before a decision
    DECISION_CHOICES = [
        (PENDING, _("Awaiting decision")),
        (ACCEPTED, _("Accepted")),
        (REFUSED, _("Refused")),
        (MORE_INFORMATION, _("More information needed")),
        (WITHDRAWN, _("Withdrawn from the batch")),
    ]
    OPEN = (PENDING, MORE_INFORMATION)  # a household in an entry like these is still under referral
    FINAL = (ACCEPTED, REFUSED)

    batch = models.ForeignKey(ReferralBatch, on_delete=models.CASCADE, related_name="entries")
    household = models.ForeignKey(
        "cases.Household", on_delete=models.PROTECT, related_name="referral_entries"
    )
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    people = models.PositiveIntegerField(_("people"), default=1)
    priority = models.FloatField(_("priority"), default=0)
    reason = models.CharField(_("reason"), max_length=40, blank=True)  # the run's reason code
    reason_detail = models.JSONField(default=dict, blank=True)  # numbers only (order, value, share)
    # The run's whole outcome for the household (codes and numbers: value, contributions, rank), kept
    # so that its dossier need not read the run's results, which hold every household considered.
    outcome = models.JSONField(default=dict, blank=True)
    decision = models.CharField(
        _("decision"), max_length=20, choices=DECISION_CHOICES, default=PENDING, db_index=True
    )
    decision_note = SensitiveTextField(_("note"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["rank", "id"]
        verbose_name = _("referred household")
        verbose_name_plural = _("referred households")
        constraints = [
            models.UniqueConstraint(fields=["batch", "household"], name="one_entry_per_household_in_a_batch")
        ]

    def __str__(self) -> str:
        return f"{self.batch_id}:{self.household_id}"

    @property
    def is_open(self) -> bool:
        return self.decision in self.OPEN


class InformationRequest(models.Model):
    """The liaison's "more information needed" on a referred household, and the organisation's answer.

    Opened by the decision, answered by a caseworker of the household's organisation (a reply; new
    evidence goes through the evidence pages and their verification), closed when the liaison decides
    again or the household leaves the batch. Question and answer are sensitive text. A request is never
    deleted: a closed one stays on the entry as it was.
    """

    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"
    STATUS_CHOICES = [
        (OPEN, _("Awaiting an answer")),
        (ANSWERED, _("Answered")),
        (CLOSED, _("Closed")),
    ]

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    entry = models.ForeignKey(ReferralEntry, on_delete=models.PROTECT, related_name="information_requests")
    status = models.CharField(_("status"), max_length=20, choices=STATUS_CHOICES, default=OPEN, db_index=True)
    question = SensitiveTextField(_("question"))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(auto_now_add=True)
    answer = SensitiveTextField(_("answer"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-asked_at", "-id"]
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")

    def __str__(self) -> str:
        return f"{self.entry_id}:{self.status}"

    @property
    def household(self) -> Any:
        return self.entry.household
