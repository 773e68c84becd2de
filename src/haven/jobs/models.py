"""A long job someone asked for: what it is, who asked, how far it got, why it failed, what it made.

The queue itself is django-tasks' database backend (``django_tasks_db``): its rows say which worker
claimed which task. A :class:`Job` is Haven's own record beside it, the one the pages show: a state in
the users' words, progress, an error written for the page, and the files the job made (stored sealed
under ``HAVEN_FILES_DIR/jobs/<id>/``, see :mod:`haven.jobs.files`).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.security.fields import SensitiveTextField


class SealedParams(SensitiveTextField):
    """A JSON object sealed like any sensitive value (what a job needs: a key, a URL, a form's fields)."""

    _pyi_private_set_type: dict[str, Any]  # type: ignore[assignment]
    _pyi_private_get_type: dict[str, Any]  # type: ignore[assignment]

    def to_text(self, value: Any) -> str | None:
        return None if not value else json.dumps(value, sort_keys=True)

    def from_text(self, text: str | None) -> Any:
        return json.loads(text) if text else {}

    def to_python(self, value: Any) -> Any:
        return value if isinstance(value, dict) else self.from_text(value or None)


class Job(models.Model):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    STATES = [(QUEUED, _("Waiting")), (RUNNING, _("Running")), (DONE, _("Done")), (FAILED, _("Failed"))]
    FINISHED = (DONE, FAILED)

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=40)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What the job works on, as a page can link to it (a batch's id, a household's reference): no names.
    subject = models.CharField(max_length=80, blank=True, db_index=True)
    # What the job needs to run (an age key, a URL, a form's fields): sealed, as they may be sensitive.
    params = SealedParams(default=dict)
    state = models.CharField(max_length=10, choices=STATES, default=QUEUED, db_index=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    message = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)  # for the page: why it failed, in words, never a traceback
    result = models.JSONField(default=dict, blank=True)  # counts and the names of the files it made
    attempts = models.PositiveSmallIntegerField(default=0)
    max_attempts = models.PositiveSmallIntegerField(default=3)
    task_id = models.CharField(max_length=64, blank=True)  # the queue's row (django_tasks_db)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["kind", "subject", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.public_id} ({self.state})"

    @property
    def label(self) -> Any:
        from haven.jobs.kinds import label

        return label(self.kind)

    @property
    def finished(self) -> bool:
        return self.state in self.FINISHED

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, 100 * self.done // self.total)
