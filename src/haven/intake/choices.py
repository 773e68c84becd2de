"""The accepted values of the choice columns, from the models' own choice lists: each code, and its
label in English and in Russian, so that a file may say ``detained``, ``Detained`` or ``Под стражей``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import translation

from haven.cases.models.canada import CANADIAN_STATUS_CHOICES, RELATIVE_CHOICES
from haven.cases.models.immigration import US_STATUS_CHOICES
from haven.cases.models.person import RELATIONSHIP_CHOICES, SEX_CHOICES

_LISTS: dict[str, Sequence[tuple[str, Any]]] = {
    "relationship": RELATIONSHIP_CHOICES,
    "sex": SEX_CHOICES,
    "us_status": US_STATUS_CHOICES,
    "canada_relative_relationship": RELATIVE_CHOICES,
    "canada_relative_status": CANADIAN_STATUS_CHOICES,
}


def import_choices() -> dict[str, dict[str, str]]:
    accepted: dict[str, dict[str, str]] = {key: {} for key in _LISTS}
    for language in ("en", "ru"):
        with translation.override(language):
            for key, choices in _LISTS.items():
                for code, label in choices:
                    accepted[key].setdefault(str(label).strip().lower(), code)
    for key, choices in _LISTS.items():
        for code, _label in choices:
            accepted[key][code.lower()] = code
    return accepted
