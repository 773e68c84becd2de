"""The label of a field's chosen value, translating that label alone.

Django's ``get_FOO_display()`` builds a dictionary of every choice of the field on each call, which
hashes, and so translates, every label; a household page asks for a hundred labels of fields with up
to a dozen choices, several hundred translations for nothing. The label shown is the same.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Field
from django.utils.encoding import force_str


class ChoiceLabels:
    """Mixed into a model before ``models.Model``: its ``get_FOO_display()`` looks up one label."""

    def _get_FIELD_display(self, field: Field[Any, Any]) -> Any:
        value = getattr(self, field.attname)
        for choice, label in field.flatchoices:
            if choice == value:
                return force_str(label, strings_only=True)
        return force_str(value, strings_only=True)
