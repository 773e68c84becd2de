"""The labels of evidence items, tags, files, reviews and referral decisions read as Django would show
them, in the reader's language, while only the label shown is translated (haven.cases ChoiceLabels)."""

from __future__ import annotations

from django.db.models import Model
from django.utils import translation

from haven.evidence.models import EvidenceItem, EvidenceTag, ItemFile, Verification
from haven.referral.models import ReferralEntry


def _django_label(instance: Model, name: str) -> object:
    return Model._get_FIELD_display(instance, instance._meta.get_field(name))  # type: ignore[attr-defined]


def test_each_choice_reads_as_django_would_show_it() -> None:
    fields = [
        (EvidenceItem, "kind"),
        (EvidenceItem, "status"),
        (EvidenceItem, "derivation"),
        (EvidenceTag, "tag"),
        (ItemFile, "role"),
        (Verification, "verdict"),
        (ReferralEntry, "decision"),
    ]
    for language in ("en", "ru"):
        with translation.override(language):
            for model, name in fields:
                field = model._meta.get_field(name)
                assert field.choices, (model, name)
                for value, _label in field.flatchoices:
                    instance = model(**{field.attname: value})
                    assert getattr(instance, f"get_{name}_display")() == _django_label(instance, name)


def test_a_value_outside_the_choices_reads_as_itself() -> None:
    assert EvidenceItem(kind="pamphlet").get_kind_display() == "pamphlet"
