"""The caseload in Django's admin: read-only, and lists that show no sensitive value.

Households change only through the case pages, whose actions keep the name index and the audit trail
right; the admin is for administrators to look things up. Lists show plain columns only: a person's
``__str__`` is their name, so rows are named by UUID and household reference instead.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from haven.cases.models import CanadaPermit, CanadaRelative, Household, Person, TimelineEvent, USRecord


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.display(description=_("household"), ordering="person__household__reference")
def person_household(obj: Any) -> str:
    return str(obj.person.household.reference)


@admin.register(Household)
class HouseholdAdmin(ReadOnlyAdmin):
    list_display = ("reference", "organisation", "stage", "owner", "updated_at")
    list_filter = ("stage", "organisation")
    list_select_related = ("organisation", "owner")
    search_fields = ("reference",)
    date_hierarchy = "updated_at"


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ("public_id", "household", "relationship", "sex", "created_at")
    list_filter = ("relationship",)
    list_select_related = ("household",)
    search_fields = ("household__reference", "=public_id")


@admin.register(USRecord)
class USRecordAdmin(ReadOnlyAdmin):
    list_display = (person_household, "status", "detained", "next_hearing_date", "removal_scheduled_date")
    list_filter = ("status", "detained")
    list_select_related = ("person__household",)
    search_fields = ("person__household__reference",)


@admin.register(CanadaRelative)
class CanadaRelativeAdmin(ReadOnlyAdmin):
    list_display = ("public_id", person_household, "relationship", "canadian_status", "city")
    list_filter = ("relationship", "canadian_status")
    list_select_related = ("person__household",)
    search_fields = ("person__household__reference",)


@admin.register(CanadaPermit)
class CanadaPermitAdmin(ReadOnlyAdmin):
    list_display = ("public_id", person_household, "kind", "valid_until")
    list_filter = ("kind",)
    list_select_related = ("person__household",)
    search_fields = ("person__household__reference",)


@admin.register(TimelineEvent)
class TimelineEventAdmin(ReadOnlyAdmin):
    list_display = ("public_id", "household", "date", "kind", "created_by", "system", "withdrawn_at")
    list_filter = ("kind", "system")
    list_select_related = ("household", "created_by")
    search_fields = ("household__reference",)
    date_hierarchy = "date"
