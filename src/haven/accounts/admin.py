"""Organisations and accounts in the admin, for reading.

Roles, organisations of users, passwords, the staff and superuser flags and the active state change only
on Haven's Users page, through the audited actions of :mod:`haven.accounts.actions`: Membership and User
are read-only here, and Django's Group admin is unregistered (Haven grants nothing through groups).
Organisations may be added and renamed here; each save is an audited action too.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.http import HttpRequest

from haven.accounts.access import actor_of
from haven.accounts.actions import organisation_save
from haven.accounts.models import Membership, Organisation


# Generic in django-stubs only (Django's class takes no subscript at runtime): hence the ignore.
class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# Generic in django-stubs only (Django's class takes no subscript at runtime): hence the ignore.
@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "slug", "created_at")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # households, members and the audit trail refer to it

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        organisation_save(actor=actor_of(request), organisation=obj, changed=list(form.changed_data))


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ("user", "role", "organisation")
    list_filter = ("role", "organisation")
    list_select_related = ("user", "organisation")
    search_fields = ("user__username", "user__first_name", "user__last_name")


User = get_user_model()
for model in (User, Group):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(User)
class UserAdmin(ReadOnlyAdmin):
    list_display = ("username", "first_name", "last_name", "email", "is_active", "is_staff", "last_login")
    list_filter = ("is_active", "is_staff")
    search_fields = ("username", "first_name", "last_name", "email")
    fields = (
        "username",
        "first_name",
        "last_name",
        "email",
        "is_active",
        "is_staff",
        "is_superuser",
        "last_login",
        "date_joined",
    )
