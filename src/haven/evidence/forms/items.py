"""Describing an item of evidence, uploading it or capturing a page, working copies and verdicts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.cases.forms.base import DateField, DateInput, HavenForm, HavenModelForm
from haven.evidence.forms.upload import UploadField
from haven.evidence.models import EvidenceItem
from haven.evidence.models.items import DERIVATION_CHOICES, TAG_CHOICES
from haven.evidence.models.review import VERDICT_CHOICES

DESCRIBED = ["kind", "title", "description"]
SOURCE = ["source_url", "author", "published_on", "language", "followers", "views"]
REGISTRY = ["registry", "registry_reference", "registry_listed_on"]
TRANSLATED = ["title_en", "summary_en", "title_fr", "summary_fr"]


def tag_field(code: str) -> str:
    return f"tag_{code}"


def tag_date_field(code: str) -> str:
    return f"tag_{code}_date"


TAG_FIELDS = [name for code, _label in TAG_CHOICES for name in (tag_field(code), tag_date_field(code))]


class EvidenceForm(HavenModelForm):
    """An item's description, source and what it shows (each tag with the date of the activity)."""

    fieldsets = [
        (_("The evidence"), DESCRIBED),
        (_("What it shows"), TAG_FIELDS),
        (_("Source and reach"), SOURCE),
        (_("Registry listing"), REGISTRY),
        (_("Translations for referral dossiers (optional)"), TRANSLATED),
    ]

    class Meta:
        model = EvidenceItem
        fields = [*DESCRIBED, *SOURCE, *REGISTRY, *TRANSLATED]
        widgets = {
            "title_en": forms.TextInput,
            "title_fr": forms.TextInput,
            "summary_en": forms.Textarea(attrs={"rows": 2}),
            "summary_fr": forms.Textarea(attrs={"rows": 2}),
            "title": forms.TextInput,
            "description": forms.Textarea(attrs={"rows": 3}),
            "source_url": forms.URLInput,
            "author": forms.TextInput,
            "published_on": DateInput,
            "registry_listed_on": DateInput,
        }
        labels = {"description": _("description")}
        help_texts = {
            "followers": _("For posts: the account's followers when it was captured."),
            "views": _("For posts and videos: views when it was captured."),
            "language": _("For example ru, en, uk."),
            "title_en": _(
                "Dossiers for Canada show it instead of the original title; without it, the "
                "original is shown marked with its language."
            ),
        }

    def __init__(self, *args: Any, item: EvidenceItem | None = None, **kwargs: Any) -> None:
        if item is not None:
            kwargs.setdefault("initial", {}).update(self.initial_from_item(item))
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True
        for code, label in TAG_CHOICES:
            self.fields[tag_field(code)] = forms.BooleanField(label=label, required=False)
            self.fields[tag_date_field(code)] = DateField(label=_("date of the activity"), required=False)

    @classmethod
    def initial_from_item(cls, item: EvidenceItem) -> dict[str, Any]:
        initial = cls.initial_from(item)
        for tag in item.tags.all():
            initial[tag_field(tag.tag)] = True
            initial[tag_date_field(tag.tag)] = tag.activity_date
        return initial

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for code, _label in TAG_CHOICES:
            if cleaned.get(tag_date_field(code)) and not cleaned.get(tag_field(code)):
                self.add_error(tag_field(code), _("Tick this if the item shows it, or clear its date."))
        return cleaned

    def item_fields(self) -> dict[str, Any]:
        """The cleaned values as the evidence actions take them: item fields and ``tags``."""
        data = self.cleaned_data
        values: dict[str, Any] = {name: data.get(name) for name in self._meta.fields or []}
        for name in (
            "title",
            "description",
            "source_url",
            "author",
            "language",
            "registry",
            "registry_reference",
            *TRANSLATED,
        ):
            values[name] = values.get(name) or ""
        tags: list[tuple[str, dt.date | None]] = [
            (code, data.get(tag_date_field(code)))
            for code, _label in TAG_CHOICES
            if data.get(tag_field(code))
        ]
        values["tags"] = tags
        return values


class UploadForm(EvidenceForm):
    upload = UploadField(label=_("file"), required=False)

    fieldsets = [(_("File"), ["upload"]), *EvidenceForm.fieldsets]


class CaptureForm(EvidenceForm):
    """Haven fetches the page itself; the source URL is the page to capture."""

    fieldsets = [
        (_("The evidence"), ["source_url", *DESCRIBED]),
        (_("What it shows"), TAG_FIELDS),
        (_("Source and reach"), [n for n in SOURCE if n != "source_url"]),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source_url"].required = True
        self.fields["source_url"].label = _("address of the page to capture")
        self.fields["title"].required = False
        for name in REGISTRY:
            del self.fields[name]


class WorkingCopyForm(HavenForm):
    derivation = forms.ChoiceField(label=_("kind of working copy"), choices=DERIVATION_CHOICES)
    upload = UploadField(label=_("file"))
    title = forms.CharField(
        label=_("title"), required=False, help_text=_("Leave empty to use the original's.")
    )
    description = forms.CharField(
        label=_("what was changed"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    language = forms.CharField(label=_("language"), required=False, max_length=20)


class VerifyForm(HavenForm):
    verdict = forms.ChoiceField(label=_("verdict"), choices=VERDICT_CHOICES, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What you checked (the original source, a registry, the court's site…), or why you dispute or "
            "retract it."
        ),
    )
