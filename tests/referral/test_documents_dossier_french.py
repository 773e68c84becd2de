"""A French dossier's assessment in French: law titles, what counts and notes come from the rules file's
French, also for an assessment stored before the rules had French; numbers and colons as French writes
them. Read back from the PDF with pdftotext."""

from __future__ import annotations

import json
from typing import Any

import pytest

from haven.assessment.models import Assessment
from haven.referral.documents import dossier_pdf
from haven_core import assessment as core
from haven_core.referral.profile import OFFICER
from tests.support.referral import pdf_text, referred_household, squeezed

REASONS = {
    "rank": 3,
    "reason": "selected",
    "detail": {"order": 3, "value": 61.5, "share": 0.12},
    "value": 61.5,
}
NBSP = "\u00a0"


def plain(text: str) -> str:
    """pdftotext's text with non-breaking spaces as spaces and lines joined: a title wraps in its column."""
    return " ".join(text.replace(NBSP, " ").split())


def english_only(stored: str) -> str:
    """A stored result as Haven stored it before the rules had French: every text [en, ru], no fr."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: (v[:2] if k in ("l", "d") else strip(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return json.dumps(strip(json.loads(stored)), ensure_ascii=False, separators=(",", ":"))


def render(household: Any, language: str) -> str:
    return pdf_text(dossier_pdf(household, language=language, profile=OFFICER, reasons=REASONS))


_RENDERED: dict[str, Any] = {}  # PDFs cost time: rendered once for the module, read by every test


@pytest.fixture
def dossiers(db: Any) -> dict[str, Any]:
    if _RENDERED:
        return _RENDERED
    built = referred_household("fr")
    household, stored = built["household"], built["assessment"]
    out = {
        "result": core.from_json(stored.result),
        "fr": render(household, "fr"),
        "en": render(household, "en"),
    }
    older = english_only(stored.result)
    assert older != stored.result and len(older) < len(stored.result)  # the French was stored, now it is not
    Assessment.objects.filter(pk=stored.pk).update(current=False)  # keep the row, store the older text
    stored.pk, stored.current, stored.result = None, True, older
    stored.save()
    out["older"] = render(household, "fr")
    _RENDERED.update(out)
    return _RENDERED


def test_law_titles_and_reasons_are_in_french_in_a_french_dossier(dossiers: dict[str, Any]) -> None:
    fr, en = plain(dossiers["fr"]), plain(dossiers["en"])
    title = "Code pénal (CP) art. 207.3 : « informations sciemment fausses » sur les forces armées"
    coap = "Code des infractions administratives (CoAP) art. 20.3.3 : « discréditation » des forces armées"
    assert title in fr and coap in fr
    assert "CC 207.3" not in fr and "knowingly false" not in fr and "AC 20.3.3" not in fr
    for french, english in (
        ("En détention liée à l’immigration", "In immigration detention"),
        ("Parent seul avec enfants", "Single parent with children"),
        ("le délai de 42 jours est un choix propre à Haven", "the 42-day window is Haven's own choice"),
    ):
        assert french in fr and english not in fr, french
        assert english in en and french not in en, english
    assert 'CC 207.3: "knowingly false information" about the armed forces' in en
    assert "Code pénal" not in en


def test_every_rules_text_of_the_assessment_is_french_in_the_french_dossier(dossiers: dict[str, Any]) -> None:
    result: core.Assessment = dossiers["result"]
    texts = [
        t
        for c in (
            *result.risk.contributions,
            *result.vulnerability.contributions,
            *result.urgency.contributions,
        )
        for t in (c.label, c.detail)
        if t is not None
    ]
    assert len(texts) >= 6
    fr = squeezed(dossiers["fr"])
    for text in texts:
        assert text.fr and squeezed(text.fr) in fr, text.fr
        assert squeezed(text.en) not in fr, text.en


def test_an_assessment_stored_before_the_rules_had_french_is_shown_in_french(
    dossiers: dict[str, Any],
) -> None:
    older = plain(dossiers["older"])
    assert "Code pénal (CP) art. 207.3 : « informations sciemment fausses »" in older
    assert "En détention liée à l’immigration" in older
    assert "knowingly false" not in older and "In immigration detention" not in older


def test_numbers_and_colons_are_written_as_french_writes_them(dossiers: dict[str, Any]) -> None:
    fr, en = plain(dossiers["fr"]), plain(dossiers["en"])
    assert "61.5" not in fr and "61.5" not in en  # the selection's value is not the reader's business
    for label in ("Preuves :", "Priorité :", "Pourrait s’appliquer :", "Remarque :"):
        assert label in fr, label
    for glued in ("Preuves:", "Priorité:", "Remarque:", "appliquer:"):
        assert glued not in fr, glued
    assert "Evidence: Пост о пикете" in en and "Priority:" in en and "May apply:" in en
