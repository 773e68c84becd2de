"""Saved selection runs: what was asked, from what, and what came out, so that a run can be repeated.

The inputs snapshot holds only what selection reads (household references, sizes, organisations,
flags and scores: see :class:`haven_core.selection.Candidate`) — no names, no facts of a case. It is
still sealed like every sensitive value: the list of who was put forward is itself sensitive.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.assessment.models import SealedJSONField


class SelectionRun(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    quota = models.PositiveIntegerField(_("quota (places)"))
    parameters = models.JSONField(_("parameters"))  # quota, weights, filters, limits, pins (with reasons)
    rules_version = models.CharField(_("rules version"), max_length=60, blank=True)
    inputs = SealedJSONField(_("inputs snapshot"))  # JSON list of candidates
    results = SealedJSONField(_("results"))  # JSON: outcomes, totals, greedy, what-if
    households_selected = models.PositiveIntegerField(default=0)
    people_selected = models.PositiveIntegerField(default=0)
    total_priority = models.FloatField(default=0)
    greedy_priority = models.FloatField(default=0)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Selected households the approver left out because they could not be referred at approval:
    # [{"reference": "H-…", "missing": [{"gap": …, "fixed_by": …, "detail": {…}}]}], and why.
    excluded = models.JSONField(default=list, blank=True)
    exclusion_reason = models.TextField(_("reason for leaving households out"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("selection run")
        verbose_name_plural = _("selection runs")

    def __str__(self) -> str:
        return f"selection run {self.public_id} (quota {self.quota})"

    @property
    def approved(self) -> bool:
        return self.approved_at is not None
