"""Codes of a referral record in the reader's words (call under ``translation.override``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from haven.accounts.models import Membership
from haven.assessment import wording
from haven.assessment.display import FLAGS, level_label
from haven.assessment.models import DIMENSION_CHOICES
from haven.cases.models.immigration import US_STATUS_CHOICES
from haven.cases.models.person import RELATIONSHIP_CHOICES, SEX_CHOICES
from haven.evidence.models.files import ROLE_CHOICES
from haven.evidence.models.items import DERIVATION_CHOICES, KIND_CHOICES, STATUS_CHOICES
from haven.evidence.models.review import VERDICT_CHOICES

# Names of the fields a profile can hold back, for the "withheld" list (names only, never values).
FIELD_LABELS = {
    "reference": gettext_lazy("reference"),
    "organisation": gettext_lazy("organisation"),
    "assessment": gettext_lazy("assessment"),
    "pathways": gettext_lazy("pathway notes"),
    "sign_offs": gettext_lazy("reviewer sign-offs"),
    "selection": gettext_lazy("selection reason"),
    "relationship": gettext_lazy("relationship"),
    "name_latin": gettext_lazy("name (Latin)"),
    "name_cyrillic": gettext_lazy("name (Cyrillic)"),
    "birth_date": gettext_lazy("date of birth"),
    "sex": gettext_lazy("sex"),
    "citizenship": gettext_lazy("citizenship"),
    "a_number": gettext_lazy("A-number"),
    "us_status": gettext_lazy("US status"),
    "court": gettext_lazy("immigration court"),
    "next_hearing_date": gettext_lazy("next hearing"),
    "removal_order_date": gettext_lazy("removal order date"),
    "removal_scheduled_date": gettext_lazy("scheduled removal date"),
    "detained": gettext_lazy("detention"),
    "detention_facility": gettext_lazy("detention facility"),
    "address": gettext_lazy("address"),
    "phone": gettext_lazy("phone"),
    "email": gettext_lazy("email"),
    "vulnerabilities": gettext_lazy("vulnerabilities"),
    "evidence": gettext_lazy("evidence"),
}

_WITHHELD = re.compile(r"^(household|person (\d+)): (\w+)$")


def choice(choices: list[tuple[str, object]] | list[tuple[str, str]], code: str) -> str:
    return str(dict(choices).get(code, code)) if code else ""


def relationship(code: str) -> str:
    return choice(RELATIONSHIP_CHOICES, code)


def sex(code: str) -> str:
    return choice(SEX_CHOICES, code)


def us_status(code: str) -> str:
    return choice(US_STATUS_CHOICES, code)


def evidence_kind(code: str) -> str:
    return choice(KIND_CHOICES, code)


def review_status(code: str) -> str:
    return choice(STATUS_CHOICES, code)


def verdict(code: str) -> str:
    return choice(VERDICT_CHOICES, code)


def file_role(code: str) -> str:
    return choice(ROLE_CHOICES, code)


def derivation(code: str) -> str:
    return choice(DERIVATION_CHOICES, code)


def staff_role(code: str) -> str:
    return choice(Membership.ROLE_CHOICES, code) or _("reviewer")


def vulnerability(code: str) -> str:
    return str(FLAGS.get(code, code))


def dimension(code: str) -> str:
    return choice(DIMENSION_CHOICES, code)


def pathway(code: str) -> str:
    return str(wording.PATHWAYS.get(code, code))


def label(what: str, code: str) -> str:
    """The batch list's labeller: (what, code) -> words."""
    if what == "us_status":
        return us_status(code)
    if what == "level":
        return level_label(code) if code else ""
    if what == "pathway":
        return pathway(code)
    return code


def withheld(entry: str) -> str:
    """ "person 2: address" -> "Person 2: address", worded; the entry names a field, never its value."""
    found = _WITHHELD.match(entry)
    if not found:
        return entry
    field = str(FIELD_LABELS.get(found.group(3), found.group(3)))
    if found.group(2):
        return _("Person %(n)s: %(field)s") % {"n": found.group(2), "field": field}
    return _("Household: %(field)s") % {"field": field}


# Languages an evidence item's original may be in, named for the dossier's reader.
LANGUAGE_NAMES = {
    "ru": pgettext_lazy("language in a sentence", "Russian"),
    "en": pgettext_lazy("language in a sentence", "English"),
    "fr": pgettext_lazy("language in a sentence", "French"),
    "uk": pgettext_lazy("language in a sentence", "Ukrainian"),
    "be": pgettext_lazy("language in a sentence", "Belarusian"),
    "de": pgettext_lazy("language in a sentence", "German"),
    "es": pgettext_lazy("language in a sentence", "Spanish"),
}

# Who a dossier is prepared for, by field profile, in the reader's words (never the profile's code).
AUDIENCES = {
    "officer": gettext_lazy("immigration officials (addresses and contact details are withheld)"),
    "sponsor": gettext_lazy("sponsors (with addresses and contact details)"),
}


def language_name(code: str) -> str:
    """``ru`` -> "Russian" in the dossier's language; an unknown code as written, upper-cased."""
    code = (code or "").strip().lower()
    return str(LANGUAGE_NAMES.get(code.partition("-")[0], code.upper()))


def audience(profile_name: str) -> str:
    return str(AUDIENCES.get(profile_name, _("a recipient that receives only the fields agreed with it")))


def evidence_title(item: Mapping[str, Any], language: str) -> tuple[str, str, str | None]:
    """An item's title and summary in ``language``, and, when the title is the untranslated original, the
    name of its language ("" when it is not recorded; None when the title is in ``language`` already or
    translated)."""
    translations = item.get("translations") or {}
    summary = str(translations.get(f"summary_{language}", ""))
    translated = translations.get(f"title_{language}")
    if translated:
        return str(translated), summary, None
    original = str(item.get("title") or "")
    written_in = (item.get("language") or "").strip().lower().partition("-")[0]
    if written_in == language:
        return original, summary, None
    return original, summary, language_name(written_in) if written_in else ""


def put_forward(reason: str) -> str:
    """How a referred household was chosen, in the recipient's words: no optimiser's ranks, scores or
    shares of its total (those stay on the coordinator's pages)."""
    if reason == "pinned_in":
        return _("The coalition's coordinator put this household forward ahead of the priority order.")
    return _(
        "The coalition put this household forward within the places available, most urgent and most at "
        "risk first."
    )
