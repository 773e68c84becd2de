"""A person's details: names in both scripts, birth date, contact and vulnerability facts."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from haven.cases.forms.base import HavenModelForm, PartialDateInput, field_of
from haven.cases.models import Household, Person
from haven.cases.models.person import SEX_CHOICES, VULNERABILITY_FIELDS
from haven_core.dates import PartialDate, PartialDateError
from haven_core.referral.profile import PRIVATE_FIELDS

NAME_FIELDS = ("surname_cyrillic", "given_name_cyrillic", "surname_latin", "given_name_latin")
_LINE = forms.TextInput
_LINES = forms.Textarea(attrs={"rows": 2})


# What a person can keep out of referrals (haven_core.referral.profile.PRIVATE_FIELDS), in the referral
# dossier's own words for those fields.
_PRIVATE_LABELS = {
    "name_latin": _("name (Latin)"),
    "name_cyrillic": _("name (Cyrillic)"),
    "birth_date": _("date of birth"),
    "sex": _("sex"),
    "citizenship": _("citizenship"),
    "address": _("address"),
    "phone": _("phone"),
    "email": _("email"),
    "a_number": _("A-number"),
    "us_status": _("US status"),
    "court": _("immigration court"),
    "next_hearing_date": _("next hearing"),
    "removal_order_date": _("removal order date"),
    "removal_scheduled_date": _("scheduled removal date"),
    "detained": _("detention"),
    "detention_facility": _("detention facility"),
    "vulnerabilities": _("vulnerabilities"),
    "evidence": _("evidence"),
}
PRIVATE_CHOICES = [(name, _PRIVATE_LABELS[name]) for name in PRIVATE_FIELDS]


class PersonForm(HavenModelForm):
    email = forms.EmailField(label=_("email"), required=False)
    keep_private = forms.MultipleChoiceField(
        label=_("kept out of referrals"),
        help_text=_("What this person asked to keep out of any referral package, whoever receives it."),
        choices=PRIVATE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    fieldsets = [
        (_("Place in the household"), ["relationship", "relationship_detail"]),
        (
            _("Names"),
            [*NAME_FIELDS[:2], "patronymic_cyrillic", *NAME_FIELDS[2:], "other_spellings", "former_names"],
        ),
        (_("Birth and citizenship"), ["sex", "birth_date", "place_of_birth", "citizenships", "languages"]),
        (_("Contact"), ["phone", "email", "address"]),
        (_("Vulnerability (sensitive)"), [*VULNERABILITY_FIELDS, "vulnerability_notes"]),
        (_("Referrals"), ["keep_private"]),
    ]

    class Meta:
        model = Person
        fields = [
            "relationship", "relationship_detail", "surname_cyrillic", "given_name_cyrillic",
            "patronymic_cyrillic", "surname_latin", "given_name_latin", "other_spellings", "former_names",
            "sex", "birth_date", "place_of_birth", "citizenships", "languages", "phone", "email", "address",
            *VULNERABILITY_FIELDS, "vulnerability_notes", "keep_private",
        ]  # fmt: skip
        widgets = {
            **{name: _LINE for name in ("surname_cyrillic", "given_name_cyrillic", "patronymic_cyrillic",
                                        "surname_latin", "given_name_latin", "place_of_birth",
                                        "phone")},
            "birth_date": PartialDateInput,
            "other_spellings": _LINES,
            "former_names": _LINES,
            "address": _LINES,
            "vulnerability_notes": _LINES,
        }  # fmt: skip

    def __init__(
        self, *args: Any, household: Household | None = None, person: Person | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if "sex" in self.fields:  # the empty choice says what it means, not "---------"
            field_of(self, "sex", forms.ChoiceField).choices = [
                ("", pgettext_lazy("sex", "Not recorded")),
                *SEX_CHOICES,
            ]
        if "relationship" in self.fields and household is not None:
            relationship = field_of(self, "relationship", forms.ChoiceField)
            others = household.people.filter(relationship="principal")
            if person is not None:
                others = others.exclude(pk=person.pk)
            if others.exists():  # a household has one principal applicant
                # Django keeps the choices as a list of pairs; the stubs type the getter as everything the
                # setter accepts (a callable, a mapping...).
                offered: list[tuple[str, Any]] = list(relationship.choices)  # type: ignore[arg-type]
                relationship.choices = [c for c in offered if c[0] != "principal"]

    @classmethod
    def initial_from(cls, instance: Any) -> dict[str, Any]:
        initial = super().initial_from(instance)
        if "keep_private" in initial:
            initial["keep_private"] = instance.private_fields
        return initial

    def clean_keep_private(self) -> str:
        return "\n".join(self.cleaned_data.get("keep_private") or [])

    def clean_birth_date(self) -> str:
        text = self.cleaned_data.get("birth_date", "").strip()
        if not text:
            return ""
        try:
            birth = PartialDate.parse(text, slashes=True)
        except PartialDateError:
            raise forms.ValidationError(
                _(
                    "Write the date as YYYY, YYYY-MM, YYYY-MM-DD, DD.MM.YYYY or MM/DD/YYYY (American), "
                    "for example 1988-04-12, 12.04.1988 or 04/12/1988."
                ),
                code="invalid",
            ) from None
        if birth.earliest() > timezone.localdate():
            raise forms.ValidationError(_("The date of birth cannot be in the future."), code="future")
        return birth.iso()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any((data.get(name) or "").strip() for name in NAME_FIELDS):
            raise forms.ValidationError(
                _("Give at least one name: a surname or given name in Cyrillic or in Latin letters."),
                code="no_name",
            )
        return data


class PrincipalForm(PersonForm):
    """The principal applicant's details when a household is opened."""

    fieldsets = PersonForm.fieldsets[1:]

    class Meta(PersonForm.Meta):
        fields = [f for f in PersonForm.Meta.fields if not f.startswith("relationship")]
