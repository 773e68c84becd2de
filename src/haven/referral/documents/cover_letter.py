"""The cover letter of a referral batch: who it is for, what is in it, how to check it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from haven.cases.models import Household
from haven.referral.documents import words
from haven.referral.documents.dossier import LANGUAGES, canadian
from haven.referral.documents.pdf import write_pdf
from haven.referral.documents.typeset import running
from haven_core.referral.formatting import display_date
from haven_core.referral.profile import FieldProfile


def letter_document(
    *,
    batch_reference: str,
    recipient: str,
    created_on: str,
    households: Sequence[str],
    people_count: int,
    audience: str,
    shared: Sequence[str],
) -> dict[str, Any]:
    """The JSON document the letter's Typst template lays out, worded in the active language."""
    count = len(households)
    referred = ngettext(
        "We refer %(households)s household (%(people)s people in all) for your consideration for "
        "resettlement in Canada.",
        "We refer %(households)s households (%(people)s people in all) for your consideration for "
        "resettlement in Canada.",
        count,
    ) % {"households": count, "people": people_count}
    chosen = _(
        "Each household was selected by the coalition's coordinator from the assessed and documented "
        "cases, with the most vulnerable and the most urgent first; families are referred whole."
    )
    prepared = _(
        "These dossiers are prepared for %(audience)s. Only the fields your role needs left Haven: "
    ) % {"audience": audience}
    private = _(
        "Anything a person asked to keep private stayed in Haven. Each dossier lists by name the fields "
        "that were held back."
    )
    return {
        "running": running(batch_reference, _("Cover letter")),
        "letterhead": _(
            "Coalition for the safe resettlement of Russian anti-war refugees from the United States"
        ),
        "date": created_on,
        "to": f"{_('To:')} {recipient}",
        "heading": _("Referral batch %(reference)s") % {"reference": batch_reference},
        "referred": f"{referred} {chosen}",
        "holds": _("The package holds:"),
        "contents": [
            _("this letter, in English and French;"),
            _(
                "a dossier per household, in English and French: identity and family, US immigration "
                "status and deadlines, evidence with the SHA-256 hash of every file and its review, the "
                "assessment with its legal basis and sources, pathway notes and reviewer sign-offs;"
            ),
            _("the list of households (households.xlsx and households.csv);"),
            _("a manifest of every file's SHA-256 hash, signed with Haven's key."),
        ],
        "shared": f"{prepared}{', '.join(shared)}. {private}",
        "check": _("How to check the package"),
        "steps": [
            _(
                "Decrypt it with your age key: age -d -i key.txt package.age > package.tar, then tar -xf "
                "package.tar."
            ),
            _(
                "Check the signature of MANIFEST.json (MANIFEST.json.sig) against Haven's published public "
                "key."
            ),
            _("Check every file against its hash in MANIFEST.json, e.g. with sha256sum."),
        ],
        "decision": _(
            "Please record your decision for each household (accepted, refused, more information needed) in "
            "Haven, or reply to the coalition's liaison quoting the household's reference."
        ),
        "listed": _("Households in this batch"),
        "households": "  ".join(households),
        "warning": _(
            "This package holds protected information about people at risk of persecution. Keep it encrypted "
            "at rest and share it only with those who decide on or support these referrals."
        ),
    }


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
        document = letter_document(
            batch_reference=batch_reference,
            recipient=recipient,
            created_on=display_date(created_on, language),
            households=[h.reference for h in households],
            people_count=people_count,
            audience=words.audience(profile.name),
            shared=sorted(str(words.FIELD_LABELS.get(f, f)) for f in profile.person),
        )
        title = _("Referral batch %(reference)s: cover letter") % {"reference": batch_reference}
    return write_pdf("cover_letter", document, title=title, language=language)
