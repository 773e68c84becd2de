"""The audit trail in the admin: for reading only, since any change would break its hash chain."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from haven.audit.models import AuditEntry


@admin.register(AuditEntry)
# Generic in django-stubs only (Django's class takes no subscript at runtime): hence the ignore.
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("seq", "at", "actor", "action_label", "action", "household_ref", "target", "ip")
    list_filter = ("action",)
    list_select_related = ("actor",)
    search_fields = ("household_ref", "action", "target", "actor__username")
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
