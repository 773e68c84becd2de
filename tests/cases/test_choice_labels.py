"""A chosen value's label is the one Django would show, in the reader's language, while only that label
is translated."""

from __future__ import annotations

from django.db.models import Model
from django.utils import translation

from haven.cases.models import CanadaRelative, Household, Person, TimelineEvent, USRecord


def _django_label(instance: Model, name: str) -> object:
    return Model._get_FIELD_display(instance, instance._meta.get_field(name))  # type: ignore[attr-defined]


def test_each_choice_reads_as_django_would_show_it() -> None:
    cases = [
        (Person, "relationship"),
        (Person, "sex"),
        (Household, "stage"),
        (TimelineEvent, "kind"),
        (USRecord, "status"),
        (CanadaRelative, "canadian_status"),
    ]
    for language in ("en", "ru"):
        with translation.override(language):
            for model, name in cases:
                field = model._meta.get_field(name)
                assert field.choices, (model, name)
                for value, _label in field.flatchoices:
                    instance = model(**{field.attname: value})
                    shown = getattr(instance, f"get_{name}_display")()
                    assert shown == _django_label(instance, name)


def test_a_value_outside_the_choices_reads_as_itself() -> None:
    assert Person(relationship="cousin").get_relationship_display() == "cousin"
    assert Person(relationship=None).get_relationship_display() is None
