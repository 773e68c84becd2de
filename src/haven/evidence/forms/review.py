"""The review queue's two decisions: verify (one click, with a note already written) or send back."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.cases.forms.base import HavenForm


class QueueVerifyForm(HavenForm):
    note = forms.CharField(
        label=_("What you checked"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept with the verdict. Change it if you checked more than the file and its claims."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault(
            "note", _("Checked the file against its claims (what it shows, dates, reach): they match.")
        )
        kwargs.setdefault("prefix", "verify")
        super().__init__(*args, **kwargs)


class SendBackForm(HavenForm):
    reason = forms.CharField(
        label=_("What must be corrected"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The person who added it sees this, corrects the item, and it comes back here."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "back")
        super().__init__(*args, **kwargs)
