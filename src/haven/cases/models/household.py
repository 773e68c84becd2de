from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.cases.models.choice_labels import ChoiceLabels
from haven.security.fields import SensitiveTextField
from haven_core.pipeline import Stage

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U


def new_reference() -> str:
    """A non-guessable public reference such as ``H-7KQ3M9XD2A`` (50 random bits)."""
    return "H-" + "".join(secrets.choice(_ALPHABET) for _ in range(10))


STAGE_CHOICES = [
    (Stage.INTAKE.value, _("Intake")),
    (Stage.DOCUMENTING.value, _("Documenting")),
    (Stage.READY_FOR_REVIEW.value, _("Ready for review")),
    (Stage.ASSESSED.value, _("Assessed")),
    (Stage.SHORTLISTED.value, _("Shortlisted")),
    (Stage.REFERRED.value, _("Referred")),
    (Stage.DECISION_RECEIVED.value, _("Decision received")),
    (Stage.RESETTLED.value, _("Resettled")),
    (Stage.CLOSED.value, _("Closed")),
]


class Household(ChoiceLabels, models.Model):
    """The unit that moves together: a principal applicant and the family who must move with them."""

    reference = models.CharField(
        _("reference"), max_length=16, unique=True, default=new_reference, editable=False
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="households",
        verbose_name=_("organisation"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_households",
        verbose_name=_("case owner"),
    )
    stage = models.CharField(
        _("status"), max_length=20, choices=STAGE_CHOICES, default=Stage.INTAKE.value, db_index=True
    )
    closed_reason = SensitiveTextField(_("reason for closing"))  # free text: why a case ended can endanger
    notes = SensitiveTextField(_("notes"))
    # The organisation's own id of the family, from its spreadsheets: re-importing a file updates the
    # household with the same id rather than adding another (haven.intake). Not a name: not encrypted.
    external_id = models.CharField(_("your id"), max_length=100, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("household")
        verbose_name_plural = _("households")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "external_id"],
                condition=~models.Q(external_id=""),
                name="unique_household_external_id",
            )
        ]
        # The radar orders deadlines by their household's reference, and an organisation's radar and
        # dashboard find its households, and the dashboard counts them per stage, from these indexes
        # alone (the stage carried in the second: PostgreSQL's covering index, a plain one elsewhere).
        indexes = [
            models.Index(fields=["id", "reference"], name="household_id_reference"),
            models.Index(
                fields=["organisation", "id"], include=["stage"], name="household_organisation_stage"
            ),
            # The closed and resettled households, which the radar's data-quality count leaves out.
            models.Index(fields=["stage", "id"], name="household_stage_ids"),
            # The case list's default order, most recently changed first, for one organisation and for
            # the coalition: a page is then read off the index instead of sorting every household.
            models.Index(fields=["organisation", "-updated_at", "-id"], name="household_org_recent"),
            models.Index(fields=["-updated_at", "-id"], name="household_recent"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def stage_enum(self) -> Stage:
        return Stage(self.stage)

    @property
    def principal(self) -> Any:
        """The principal applicant (a Person), or None while the household is being set up."""
        return next((p for p in self.people.all() if p.relationship == "principal"), None)
