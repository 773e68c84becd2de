"""The one form of the review pages: a decision and an optional note."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("confirm", _("Confirm")), ("reject", _("Reject")), ("undo", _("Undo"))]
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why you decided so, for whoever looks at this next. Kept encrypted."),
    )
