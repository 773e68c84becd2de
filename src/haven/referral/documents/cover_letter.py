"""The cover letter of a referral batch: who it is for, what is in it, how to check it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from haven.cases.models import Household
from haven.referral.documents import words
from haven.referral.documents.dossier import LANGUAGES, canadian
from haven.referral.documents.pdf import write_pdf
from haven_core.referral.formatting import display_date
from haven_core.referral.profile import FieldProfile


def cover_letter_pdf(
    *,
    language: str,
    batch_reference: str,
    recipient: str,
    created_on: dt.date,
    households: Sequence[Household],
    people_count: int,
    profile: FieldProfile,
) -> bytes:
    if language not in LANGUAGES:
        raise ValueError(f"a cover letter is written in English or French, not {language!r}")
    with translation.override(canadian(language)):
        context = {
            "language": language,
            "batch_reference": batch_reference,
            "recipient": recipient,
            "created_on": display_date(created_on, language),
            "households": [h.reference for h in households],
            "household_count": len(households),
            "people_count": people_count,
            "audience": words.audience(profile.name),
            "shared": sorted(str(words.FIELD_LABELS.get(f, f)) for f in profile.person),
        }
        html = render_to_string("referral/pdf/cover_letter.html", context)
        title = _("Referral batch %(reference)s: cover letter") % {"reference": batch_reference}
    return write_pdf(html, title=title, language=language)
