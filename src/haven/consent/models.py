"""Each adult's informed consent to share their record with a referral's recipient.

A consent is given by one person, on a date, for one or both kinds of recipient (government officials,
private sponsors), and recorded by the caseworker who took it. It is never deleted: a person who
changes their mind withdraws it, and the withdrawal (its date, who recorded it, why) is kept on the
same row. A household can be referred to a kind of recipient only while every adult in it has a
consent in force for that kind (``haven_core.referral.readiness``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.security.fields import SensitiveTextField
from haven_core.referral.readiness import Scope


class Consent(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey("cases.Household", on_delete=models.CASCADE, related_name="consents")
    # A person removed from the household (a mistaken entry) leaves their consent in its history.
    person = models.ForeignKey("cases.Person", on_delete=models.SET_NULL, null=True, related_name="consents")
    officials = models.BooleanField(_("government officials"), default=False)
    sponsors = models.BooleanField(_("private sponsors"), default=False)
    given_on = models.DateField(_("date consent was given"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_on = models.DateField(_("date consent was withdrawn"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawal_reason = SensitiveTextField(_("reason for withdrawing"))

    class Meta:
        ordering = ["household_id", "person_id", "-given_on", "-id"]
        verbose_name = _("consent to referral")
        verbose_name_plural = _("consents to referral")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(officials=True) | models.Q(sponsors=True), name="consent_has_a_scope"
            )
        ]

    def __str__(self) -> str:
        return f"consent {self.public_id}"

    @property
    def in_force(self) -> bool:
        return self.withdrawn_at is None

    @property
    def scopes(self) -> frozenset[Scope]:
        return frozenset(
            s for s, given in ((Scope.OFFICIALS, self.officials), (Scope.SPONSORS, self.sponsors)) if given
        )
