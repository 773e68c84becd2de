"""Forms of the referral pages: a new batch (coordinator), a decision (liaison)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from haven.referral.actions import DECISIONS
from haven.referral.documents.profiles import profiles
from haven.referral.models import ReferralEntry
from haven.selection.models import SelectionRun
from haven_core.roles import Role

PROFILE_LABELS = {
    "officer": _("Government officer: no addresses or contact details"),
    "sponsor": _("Sponsorship agreement holder: with addresses and contact details"),
}


class RunChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(
            _("%(date)s — quota %(quota)s, %(households)s households, %(people)s people")
            % {
                "date": obj.approved_at.date().isoformat(),
                "quota": obj.quota,
                "households": obj.households_selected,
                "people": obj.people_selected,
            }
        )


class LiaisonChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.get_username())


class BatchForm(forms.Form):
    run = RunChoice(
        label=_("Approved selection"),
        queryset=SelectionRun.objects.filter(approved_at__isnull=False).order_by("-approved_at"),
    )
    recipient = LiaisonChoice(
        label=_("Recipient (liaison)"),
        queryset=get_user_model()
        .objects.filter(membership__role=Role.LIAISON.value, is_active=True)
        .order_by("username"),
    )
    profile = forms.ChoiceField(
        label=_("What leaves Haven (field profile)"),
        help_text=_("Whatever a family member asked to keep private stays out whichever profile you choose."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = [(name, PROFILE_LABELS.get(name, name)) for name in profiles()]
        liaisons = list(self.fields["recipient"].queryset[:2])
        if len(liaisons) == 1 and not self.initial.get("recipient"):
            self.initial["recipient"] = liaisons[0].pk  # the only liaison there is: nothing to choose


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(c, label) for c, label in ReferralEntry.DECISION_CHOICES if c in DECISIONS],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Seen by the organisation that looks after the household. Needed for more information."),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this household withdrawn from the batch?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "The liaison sees this reason; the household goes back to shortlisted, with it on its timeline."
        ),
    )


class PackageForm(forms.Form):
    """The recipient's age public key, for a package made in the background (coordinator)."""

    recipient_key = forms.CharField(
        label=_("Recipient's age public key"),
        max_length=200,
        help_text=_("One line starting with age1, as age-keygen printed it for the recipient."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "size": 70}),
    )

    def clean_recipient_key(self) -> str:
        from haven.errors import HavenError
        from haven.referral.actions import check_recipient

        try:
            return check_recipient(self.cleaned_data["recipient_key"])
        except HavenError as exc:
            raise forms.ValidationError(str(exc)) from exc


class AnswerForm(forms.Form):
    """The organisation's answer to the liaison's request for more information."""

    answer = forms.CharField(
        label=_("Your answer to the liaison"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The liaison reads it with the batch. A new document goes in as evidence of the person it "
            "concerns, and is verified like any other."
        ),
    )
