from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models.functions import Trim
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from haven.cases.models.choice_labels import ChoiceLabels
from haven.security.fields import SensitiveTextField
from haven_core.anumber import format_a_number

if TYPE_CHECKING:
    from haven.cases.models.person import Person

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
    """Where a person stands in the US immigration system.

    ``household`` is the person's own, kept on the record (a person never moves household: see
    :meth:`of`) so that the radar counts an organisation's deadlines and data-quality gaps from the
    records and their indexes alone, without reaching every record's person."""

    person = models.OneToOneField("cases.Person", on_delete=models.CASCADE, related_name="us_record")
    household = models.ForeignKey(
        "cases.Household", on_delete=models.CASCADE, related_name="us_records", editable=False
    )
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
        # The radar counts a window's hearings and removals per day and detention, for any scope of
        # households, and reads whose they are, from these indexes alone (index-only scans) rather than
        # from the records' wide rows or their people.
        indexes = [
            models.Index(
                fields=["next_hearing_date", "detained", "household", "person"],
                name="usrecord_hearing_household",
            ),
            models.Index(
                fields=["removal_scheduled_date", "detained", "household", "person"],
                name="usrecord_removal_household",
            ),
            # The records with a data-quality gap that no date tells (haven_core.data_quality.RULES), by
            # household: the radar counts them from these small indexes alone.
            models.Index(
                fields=["household", "person"],
                condition=models.Q(Exact(Trim("detention_facility"), ""), detained=True),
                name="usrecord_detained_no_facility",
            ),
            models.Index(
                fields=["household", "person"],
                condition=models.Q(status="final_order", removal_scheduled_date__isnull=True),
                name="usrecord_final_order_no_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()}"

    @classmethod
    def of(cls, person: Person, **fields: Any) -> USRecord:
        """A new (unsaved) record of ``person``, in the person's household: the one way a record is made,
        so its household is always its person's (people are added to a household and never moved)."""
        return cls(person=person, household_id=person.household_id, **fields)

    @property
    def a_number_display(self) -> str:
        return format_a_number(self.a_number) if self.a_number else ""

    def days_to_removal(self, today: dt.date | None = None) -> int | None:
        if not self.removal_scheduled_date:
            return None
        return (self.removal_scheduled_date - (today or dt.date.today())).days
