"""The case list's filter behind the dashboard's referral-outcome bars (registered from
:class:`~haven.referral.apps.ReferralConfig`): households with a referral entry of that decision."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from haven.cases.list_filters import ListFilter, register
from haven.referral.models import ReferralEntry


def _describe(value: str) -> str | None:
    labels = {key: str(label) for key, label in ReferralEntry.DECISION_CHOICES}
    return labels.get(value)


def _decided(households: QuerySet[Any], value: str) -> QuerySet[Any]:
    return households.filter(pk__in=ReferralEntry.objects.filter(decision=value).values("household_id"))


def register_filters() -> None:
    register(ListFilter("decision", gettext_lazy("Referral decision"), _describe, _decided))
