from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.cases.models.choice_labels import ChoiceLabels
from haven.security.fields import SensitiveTextField

# The relatives and statuses that make a Safe Third Country Agreement exception (../shared/DOMAIN.md §5).
RELATIVE_CHOICES = [
    ("spouse", _("Spouse or common-law partner")),
    ("child", _("Child")),
    ("parent", _("Parent")),
    ("legal_guardian", _("Legal guardian")),
    ("sibling", _("Sibling")),
    ("grandparent", _("Grandparent")),
    ("grandchild", _("Grandchild")),
    ("aunt_uncle", _("Aunt or uncle")),
    ("niece_nephew", _("Niece or nephew")),
    ("other", _("Other relative or friend")),
]

CANADIAN_STATUS_CHOICES = [
    ("citizen", _("Canadian citizen")),
    ("permanent_resident", _("Permanent resident")),
    ("protected_person", _("Protected person")),
    ("accepted_claimant", _("Accepted refugee claimant")),
    ("work_permit", _("Adult with a work permit")),
    ("study_permit", _("Adult with a study permit")),
    ("claim_referred", _("Adult whose claim was referred to the IRB")),
    ("removal_stayed", _("Removal stayed on humanitarian grounds")),
    ("visitor", _("Visitor")),
    ("other", _("Other or unknown")),
]

PERMIT_CHOICES = [
    ("visitor_visa", _("Visitor visa")),
    ("work_permit", _("Work permit")),
    ("study_permit", _("Study permit")),
    ("trp", _("Temporary resident permit")),
    ("pr_visa", _("Permanent resident visa")),
    ("other", _("Other")),
]


class CanadaRelative(ChoiceLabels, models.Model):
    """A relative of the person who lives in Canada, with their Canadian status."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey("cases.Person", on_delete=models.CASCADE, related_name="canada_relatives")
    full_name = SensitiveTextField(_("name"))
    relationship = models.CharField(_("relationship"), max_length=20, choices=RELATIVE_CHOICES)
    canadian_status = models.CharField(_("status in Canada"), max_length=30, choices=CANADIAN_STATUS_CHOICES)
    city = models.CharField(_("city"), max_length=100, blank=True)
    notes = SensitiveTextField(_("notes"))

    class Meta:
        verbose_name = _("relative in Canada")
        verbose_name_plural = _("relatives in Canada")

    def __str__(self) -> str:
        return f"{self.get_relationship_display()} ({self.get_canadian_status_display()})"


class CanadaPermit(ChoiceLabels, models.Model):
    """A Canadian visa or permit the person holds or held."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey("cases.Person", on_delete=models.CASCADE, related_name="canada_permits")
    kind = models.CharField(_("kind"), max_length=20, choices=PERMIT_CHOICES)
    number = SensitiveTextField(_("document number"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("Canadian visa or permit")
        verbose_name_plural = _("Canadian visas and permits")

    def __str__(self) -> str:
        return str(self.get_kind_display())
