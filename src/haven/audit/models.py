"""The audit trail: who did what, when and from where. Never holds a sensitive value itself.

Entries form a hash chain: each row's ``hash`` covers its own content and the previous row's hash,
and :class:`ChainHead` remembers the newest link, so altering, deleting or truncating rows is detected
by ``haven audit-verify`` (see :mod:`haven.audit.chain`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from haven.audit.catalogue import action_label


class AppendOnlyError(Exception):
    """Something tried to change or remove an audit entry through Haven."""


class AuditEntry(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=60, db_index=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, on_delete=models.PROTECT, related_name="+"
    )
    household_ref = models.CharField(max_length=20, blank=True, db_index=True)
    target = models.CharField(max_length=120, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["-seq"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"#{self.seq} {self.at:%Y-%m-%d %H:%M} {self.action} {self.household_ref or self.target}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Entries are written once: Haven never updates one (the chain would show it if anyone did)."""
        if not self._state.adding:
            raise AppendOnlyError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit entries cannot be deleted.")

    @property
    def action_label(self) -> str:
        """What the entry records, in the reader's language (:class:`haven.audit.catalogue.AuditAction`)."""
        return action_label(self.action)


class ChainHead(models.Model):
    """A single row holding the newest link of the chain; writers lock it to append one at a time."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"audit chain head #{self.last_seq}"


class StagedEntry(models.Model):
    """An audit entry of a read (a household page opened, an API call), written without waiting for the
    chain's lock, so readers never queue behind each other or behind a writer.

    ``digest`` covers its content. The next writer to lock the chain (or ``haven audit-seal``) folds the
    staged entries into the chain in the order they were written, as ordinary :class:`AuditEntry` rows,
    and removes them from here; ``haven audit-verify`` counts those still waiting and names any whose
    content no longer matches its digest.
    """

    at = models.DateTimeField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=60)
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, on_delete=models.PROTECT, related_name="+"
    )
    household_ref = models.CharField(max_length=20, blank=True)
    target = models.CharField(max_length=120, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "staged audit entries"

    def __str__(self) -> str:
        return f"staged {self.at:%Y-%m-%d %H:%M} {self.action} {self.household_ref or self.target}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Staged audit entries leave only by being sealed into the chain.")
