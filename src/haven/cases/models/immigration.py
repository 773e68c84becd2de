from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.cases.models.choice_labels import ChoiceLabels
from haven.security.fields import SensitiveTextField
from haven_core.anumber import format_a_number

US_STATUS_CHOICES = [
    ("asylum_pending", _("Affirmative asylum pending")),
    ("removal_proceedings", _("In removal proceedings")),
    ("final_order", _("Final order of removal")),
    ("detained", _("Detained")),
    ("released", _("Released on parole / alternatives to detention")),
    ("protection_granted", _("Withholding or CAT granted")),
    ("removed", _("Removed")),
]


class USRecord(ChoiceLabels, models.Model):
    """Where a person stands in the US immigration system."""

    person = models.OneToOneField("cases.Person", on_delete=models.CASCADE, related_name="us_record")
    a_number = SensitiveTextField(_("A-number"))
    a_number_key = models.CharField(max_length=128, blank=True, db_index=True)
    status = models.CharField(_("US status"), max_length=30, choices=US_STATUS_CHOICES, db_index=True)
    detained = models.BooleanField(_("currently detained"), default=False, db_index=True)
    court = models.CharField(_("immigration court"), max_length=120, blank=True)
    next_hearing_date = models.DateField(_("next hearing"), null=True, blank=True, db_index=True)
    removal_order_date = models.DateField(_("removal order date"), null=True, blank=True)
    removal_scheduled_date = models.DateField(
        _("scheduled removal date"), null=True, blank=True, db_index=True
    )
    detention_facility = models.CharField(_("detention facility"), max_length=160, blank=True)
    attorney_of_record = models.CharField(_("attorney of record"), max_length=160, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("US immigration record")
        verbose_name_plural = _("US immigration records")
        # The radar counts a window's hearings and removals per day and detention, and reads whose they
        # are, from these indexes alone (index-only scans) rather than from the records' wide rows.
        indexes = [
            models.Index(
                fields=["next_hearing_date", "detained", "person"], name="usrecord_hearing_detained"
            ),
            models.Index(
                fields=["removal_scheduled_date", "detained", "person"], name="usrecord_removal_detained"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()}"

    @property
    def a_number_display(self) -> str:
        return format_a_number(self.a_number) if self.a_number else ""

    def days_to_removal(self, today: dt.date | None = None) -> int | None:
        if not self.removal_scheduled_date:
            return None
        return (self.removal_scheduled_date - (today or dt.date.today())).days
