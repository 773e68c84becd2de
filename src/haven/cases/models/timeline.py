from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.cases.models.choice_labels import ChoiceLabels
from haven.security.fields import SensitiveTextField

EVENT_CHOICES = [
    ("entered_us", _("Entered the United States")),
    ("asylum_filed", _("Asylum application filed")),
    ("hearing_scheduled", _("Hearing scheduled")),
    ("hearing_held", _("Hearing held")),
    ("detained", _("Detained")),
    ("released", _("Released")),
    ("order_issued", _("Removal order issued")),
    ("appeal_filed", _("Appeal filed")),
    ("removal_scheduled", _("Removal scheduled")),
    ("removed", _("Removed")),
    ("protection_granted", _("Protection granted")),
    ("status_changed", _("Case status changed")),
    ("other", _("Other")),
]

# Kinds Haven writes itself and never offers in a form or the API: a move along the pipeline.
SYSTEM_KINDS = frozenset({"status_changed"})
MANUAL_CHOICES = [(code, label) for code, label in EVENT_CHOICES if code not in SYSTEM_KINDS]


class TimelineEvent(ChoiceLabels, models.Model):
    """A dated event in a household's history."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey("cases.Household", on_delete=models.CASCADE, related_name="events")
    person = models.ForeignKey(
        "cases.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("person"),
    )
    date = models.DateField(_("date"), db_index=True)
    kind = models.CharField(_("event"), max_length=30, choices=EVENT_CHOICES)
    note = SensitiveTextField(_("note"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Written by Haven itself (a stage move, a referral, a liaison's decision): never withdrawn or edited.
    system = models.BooleanField(_("written by Haven"), default=False, editable=False)
    # A person's own event, withdrawn with a reason: it stays on the timeline, struck through. The note
    # stays as it was (encrypted, in ``note``); the reason is sensitive text too.
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_reason = SensitiveTextField(_("reason for withdrawing"), editable=False)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            # The dashboard's outcomes per month (events of two kinds since a date, not withdrawn, counted
            # by household) read from the index alone, instead of every event of every household.
            models.Index(
                fields=["kind", "date", "household"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="timeline_kind_date_in_force",
            ),
            # The radar's dated events in a window (a person's own, not withdrawn), counted per day and
            # read with whose they are, from the index alone.
            models.Index(
                fields=["date", "household", "person", "kind"],
                condition=models.Q(system=False, withdrawn_at__isnull=True),
                name="timeline_dated_in_force",
            ),
        ]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None
