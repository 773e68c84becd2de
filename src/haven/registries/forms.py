"""The one form of the review pages: a decision and an optional note."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.cases.forms.base import DateField


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


MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # the Ministry's whole export is under 1 MB


class RegistryFileForm(forms.Form):
    """A registry file to import: its preview is made first, in the background."""

    file = forms.FileField(label=_("Registry file"), help_text=_("XLSX, CSV or a saved list page (HTML)."))
    registry = forms.SlugField(
        label=_("Registry"),
        required=False,
        max_length=40,
        help_text=_("Only for a generic CSV: the registry's short name, e.g. interpol-red."),
    )
    taken_on = DateField(
        label=_("Snapshot date"),
        required=False,
        help_text=_("Only for files that do not state their date."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 50 MB: import it with haven registry-import.")
            )
        return upload
