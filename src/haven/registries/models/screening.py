"""What Haven found about its own people: registry hits and identities across organisations.

These rows are about the caseload and are as sensitive as it is. A hit links one of our people to a
public registry entry, and the entry names them, so the link itself (``entry_ref``) is encrypted, as
are the reasons (they quote names) and the reviewer's note. What stays in clear is that a person has a
hit, its score and its review status; for identity links, that two people of two organisations were
proposed as one, and the decision.
"""

from __future__ import annotations

import json
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.security.fields import SensitiveTextField

DECISION_CHOICES = [("match", _("Match")), ("review", _("Review"))]
HIT_STATUS_CHOICES = [
    ("open", _("To review")),
    ("confirmed", _("Confirmed")),
    ("rejected", _("Rejected")),
    ("withdrawn", _("No longer a candidate")),
]
LINK_STATUS_CHOICES = [
    ("proposed", _("To review")),
    ("linked", _("Same person")),
    ("rejected", _("Not the same person")),
]


class ReasonsMixin(models.Model):
    reasons_text = SensitiveTextField(_("reasons"))  # a JSON list of sentences; they quote names

    class Meta:
        abstract = True

    @property
    def reasons(self) -> list[str]:
        return list(json.loads(self.reasons_text)) if self.reasons_text else []

    @reasons.setter
    def reasons(self, value: list[str] | tuple[str, ...]) -> None:
        self.reasons_text = json.dumps(list(value), ensure_ascii=False)


class ScreeningHit(ReasonsMixin):
    """A registry entry that may be one of our people, waiting for (or after) a reviewer's decision."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey("cases.Person", on_delete=models.CASCADE, related_name="registry_hits")
    entry_ref = SensitiveTextField()  # the Entry's public_id, encrypted: the entry names the person
    score = models.FloatField(_("score"))
    decision = models.CharField(_("matcher's decision"), max_length=10, choices=DECISION_CHOICES)
    status = models.CharField(
        _("status"), max_length=10, choices=HIT_STATUS_CHOICES, default="open", db_index=True
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = SensitiveTextField(_("note"))
    reviewed_at = models.DateTimeField(null=True, blank=True)
    found_at = models.DateTimeField(auto_now_add=True)
    evidence = models.ForeignKey(
        "evidence.EvidenceItem", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-score", "id"]
        verbose_name = _("registry hit")
        verbose_name_plural = _("registry hits")

    def __str__(self) -> str:
        return f"registry hit {self.public_id}"


class IdentityLink(ReasonsMixin):
    """Two people of two organisations' households who may be one person; linked once confirmed.

    ``person_a`` has the lower primary key. Each organisation's record stays as it is: the link only
    says they are the same person. People linked directly or through others form one identity.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person_a = models.ForeignKey("cases.Person", on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey("cases.Person", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(_("score"))
    decision = models.CharField(_("matcher's decision"), max_length=10, choices=DECISION_CHOICES)
    status = models.CharField(
        _("status"), max_length=10, choices=LINK_STATUS_CHOICES, default="proposed", db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = SensitiveTextField(_("note"))
    found_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "id"]
        verbose_name = _("identity link")
        verbose_name_plural = _("identity links")
        constraints = [
            models.UniqueConstraint(fields=["person_a", "person_b"], name="one_link_per_pair"),
            models.CheckConstraint(
                condition=models.Q(person_a__lt=models.F("person_b")), name="link_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"identity link {self.public_id}"
