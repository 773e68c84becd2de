"""What Haven has already told whom, so that an alert is sent once and a run can be repeated.

One row per recipient and thing announced: a deadline in one of its windows, a household's move into
emergency priority, a registry hit. The key names the thing by public ids and codes only (a deadline's
kind, person id and date); a deadline whose date changes gets a new key, and so is announced again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.security.fields import SensitiveTextField

KIND_CHOICES = [
    ("deadline", _("Deadline")),
    ("emergency", _("Emergency priority")),
    ("registry", _("Registry hit")),
]


class AlertSent(models.Model):
    household = models.ForeignKey("cases.Household", on_delete=models.CASCADE, related_name="alerts_sent")
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES)
    key = models.CharField(_("what was announced"), max_length=200)
    window = models.PositiveSmallIntegerField(_("window (days)"), default=0)  # 0 where there is none
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("alert sent")
        verbose_name_plural = _("alerts sent")
        constraints = [
            models.UniqueConstraint(
                fields=["household", "key", "window", "recipient"], name="alert_sent_once"
            )
        ]
        indexes = [models.Index(fields=["household", "key"], name="alert_sent_lookup")]

    def __str__(self) -> str:
        return f"{self.kind} alert {self.key} ({self.window} days) to user {self.recipient_id}"


class OutboxEmail(models.Model):
    """An alert email waiting to be sent, or sent: written in the transaction that records the alert,
    sent once that transaction has committed (:mod:`haven.alerts.outbox`), so no email leaves while the
    audit chain is locked and none leaves for an alert that was rolled back. A row whose sending failed
    stays unsent; ``haven send-alerts`` tries it again. The address, subject and body are encrypted."""

    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    address = SensitiveTextField(_("address"))
    subject = SensitiveTextField(_("subject"))
    body = SensitiveTextField(_("body"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=200, blank=True)  # the error's kind only

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        indexes = [models.Index(fields=["sent_at"], name="outbox_unsent")]

    def __str__(self) -> str:
        state = "sent" if self.sent_at else f"waiting ({self.attempts} attempts)"
        return f"{self.kind} email #{self.pk} to user {self.recipient_id}: {state}"
