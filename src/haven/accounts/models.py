"""Coalition members and the people who work in Haven."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

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
