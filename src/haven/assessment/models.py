"""Stored assessments and reviewers' overrides of their levels.

The computed result (contributions, notes, the facts they name) is stored encrypted as JSON; the levels
and scores selection sorts and filters on are plain indexed columns beside it. One assessment per
household is ``current``; earlier ones are kept, so that a change of the rules can show what moved.
"""

from __future__ import annotations

import base64
import uuid
import zlib
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.security.fields import SensitiveTextField

RISK_CHOICES = [
    ("low", _("Low")),
    ("moderate", _("Moderate")),
    ("high", _("High")),
    ("very_high", _("Very high")),
]
VULNERABILITY_CHOICES = [("low", _("Low")), ("moderate", _("Moderate")), ("high", _("High"))]
URGENCY_CHOICES = [("normal", _("Normal")), ("urgent", _("Urgent")), ("emergency", _("Emergency"))]
DIMENSION_CHOICES = [
    ("risk", _("Persecution risk")),
    ("vulnerability", _("Vulnerability")),
    ("urgency", _("Urgency")),
]
LEVEL_CHOICES = {"risk": RISK_CHOICES, "vulnerability": VULNERABILITY_CHOICES, "urgency": URGENCY_CHOICES}


class SealedJSONField(SensitiveTextField):
    """JSON text compressed, then encrypted like every sensitive value.

    A stored result is about 6 KB of JSON that repeats itself (labels, sources); compressed first, a
    hundred thousand of them take less than half the room and the time to write. Text stored before
    compression (no ``z:`` prefix) still reads back.
    """

    def to_text(self, value: Any) -> str | None:
        if value in (None, ""):
            return None
        packed = zlib.compress(str(value).encode("utf-8"), 1)
        return "z:" + base64.b64encode(packed).decode("ascii")

    def from_text(self, text: str | None) -> str:
        if text is None:
            return ""
        if text.startswith("z:"):
            return zlib.decompress(base64.b64decode(text[2:])).decode("utf-8")
        return text


class Assessment(models.Model):
    household = models.ForeignKey("cases.Household", on_delete=models.CASCADE, related_name="assessments")
    rules_version = models.CharField(_("rules version"), max_length=60)
    rules_digest = models.CharField(max_length=64)
    # Keyed hashes (the codec's blind index) of the facts read and of the result: equal hashes under the
    # same rules mean nothing moved. Keyed, so that low-entropy facts cannot be guessed from them.
    inputs_hash = models.CharField(max_length=128)
    result_hash = models.CharField(max_length=128)
    result = SealedJSONField(_("computed assessment"))
    assessed_on = models.DateField(_("assessed on"))
    computed_at = models.DateTimeField(_("computed at"))
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    current = models.BooleanField(default=True)
    risk_level = models.CharField(_("persecution risk"), max_length=20, choices=RISK_CHOICES, db_index=True)
    risk_score = models.FloatField(_("risk score"), db_index=True)
    vulnerability_level = models.CharField(
        _("vulnerability"), max_length=20, choices=VULNERABILITY_CHOICES, db_index=True
    )
    vulnerability_score = models.FloatField(_("vulnerability score"), db_index=True)
    urgency_level = models.CharField(_("urgency"), max_length=20, choices=URGENCY_CHOICES, db_index=True)
    urgency_score = models.FloatField(_("urgency score"), db_index=True)
    urgency_date = models.DateField(_("date that drives the urgency"), null=True, blank=True)

    class Meta:
        ordering = ["-computed_at", "-id"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["household"], condition=models.Q(current=True), name="one_current_assessment"
            )
        ]
        indexes = [
            # The dashboard counts the current assessments of some households per urgency and risk level
            # from this index alone, rather than from the assessments' rows.
            models.Index(
                fields=["household", "urgency_level", "risk_level"],
                condition=models.Q(current=True),
                name="assessment_current_levels",
            ),
            models.Index(fields=["current", "risk_score"], name="assessment_current_risk"),
            models.Index(fields=["current", "vulnerability_score"], name="assessment_current_vuln"),
            models.Index(fields=["current", "urgency_score"], name="assessment_current_urgency"),
        ]

    def __str__(self) -> str:
        return f"assessment {self.pk} of household {self.household_id} ({self.rules_version})"


class AssessmentOverride(models.Model):
    """A reviewer's level for one dimension, with why. The latest per dimension wins; an empty level
    withdraws an earlier override. Never edited or deleted: each change is a new row."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(
        "cases.Household", on_delete=models.CASCADE, related_name="assessment_overrides"
    )
    assessment = models.ForeignKey(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="overrides"
    )
    dimension = models.CharField(_("what"), max_length=20, choices=DIMENSION_CHOICES)
    computed_level = models.CharField(_("computed level"), max_length=20)
    level = models.CharField(_("level"), max_length=20, blank=True)
    justification = SensitiveTextField(_("justification"))
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("assessment override")
        verbose_name_plural = _("assessment overrides")

    def __str__(self) -> str:
        return f"{self.dimension} override of household {self.household_id}"
