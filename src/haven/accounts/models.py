"""Coalition members and the people who work in Haven."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haven.security.fields import SensitiveTextField
from haven_core.roles import Role


class Organisation(models.Model):
    """A member organisation of the coalition; every household belongs to exactly one."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name"), max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's role in Haven and, for organisation roles, the organisation they work for."""

    ROLE_CHOICES = [
        (Role.CASEWORKER.value, _("Caseworker")),
        (Role.REVIEWER.value, _("Reviewer")),
        (Role.COORDINATOR.value, _("Coordinator")),
        (Role.LIAISON.value, _("Liaison")),
        (Role.ADMIN.value, _("Administrator")),
    ]

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="members"
    )
    role = models.CharField(_("role"), max_length=20, choices=ROLE_CHOICES)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                name="organisation_roles_have_an_organisation",
                condition=~models.Q(role__in=["caseworker", "reviewer"])
                | models.Q(organisation__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"

    @property
    def role_enum(self) -> Role:
        return Role(self.role)


class TOTPDevice(models.Model):
    """A user's authenticator app (RFC 6238 time-based one-time passwords)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="totp_device"
    )
    secret = SensitiveTextField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(default=0)  # a code is accepted once: no replay
    # Set when an administrator reset a lost second factor: the user must set up a new one at next
    # sign-in, whatever their role (someone who chose a second factor keeps having one).
    required = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"authenticator of user {self.user_id}"


class LoginFailure(models.Model):
    """A failed login, kept for throttling. ``username_key`` is a hash, not the name typed."""

    username_key = models.CharField(max_length=64, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"failed login at {self.at:%Y-%m-%d %H:%M}"


class RecoveryCode(models.Model):
    """A one-time code that stands in for the authenticator when the phone is lost.

    Only a keyed hash of the code is kept (:mod:`haven.accounts.recovery`): the codes are shown once,
    when they are made, and each is spent by its first use.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"recovery code of user {self.user_id}"
