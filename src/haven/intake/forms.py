from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.accounts.models import Organisation

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (XLSX or CSV)"))
    date_order = forms.ChoiceField(
        label=_("Dates like 03/04/1990 are"),
        choices=[
            ("auto", _("Not known: flag them")),
            ("dmy", _("Day first (Russian)")),
            ("mdy", _("Month first (US)")),
        ],
        initial="auto",
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name"), required=False
    )

    def __init__(self, *args: Any, choose_organisation: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not choose_organisation:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].required = True

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 20 MB: import it with haven import-cases.")
            )
        if not upload.name.lower().endswith((".xlsx", ".csv", ".txt")):
            raise forms.ValidationError(_("Give an .xlsx or a .csv file."))
        return upload


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=[("xlsx", "XLSX"), ("csv", "CSV")], initial="xlsx")
    language = forms.ChoiceField(choices=[("en", "English"), ("ru", "Русский")], initial="en")
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), required=False)
