"""A household's dossier, rendered to PDF in English and French and read back with pdftotext: what the
field profile lets out is there, what it holds back (and what a person keeps private) is not."""

from __future__ import annotations

from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.assessment.rules import current_rules
from haven.cases.actions import person_update
from haven.referral.documents import dossier_pdf, household_record, render_dossier
from haven.referral.documents.record import person_ids
from haven_core import assessment as core
from haven_core.referral.profile import OFFICER, SPONSOR
from tests.support.referral import ADDRESS, pdf_text, referred_household, squeezed

REASONS = {
    "rank": 3,
    "reason": "selected",
    "detail": {"order": 3, "value": 61.5, "share": 0.12},
    "value": 61.5,
}


_RENDERED: dict[str, Any] = {}  # PDFs cost time: rendered once for the module, read by every test


@pytest.fixture
def rendered(db: Any) -> dict[str, Any]:
    """Every render the tests read, made by the first test that asks (its database rolls back after it;
    the texts are kept)."""
    if _RENDERED:
        return _RENDERED
    built = referred_household()
    household = built["household"]
    record = household_record(household, reasons=REASONS)
    ids = person_ids(household)
    batch = "RB-2026-0042"
    _RENDERED.update(
        {
            "sha256": built["sha256"],
            "record": record,
            "result": core.from_json(built["assessment"].result),
            "en": pdf_text(
                dossier_pdf(household, language="en", profile=OFFICER, reasons=REASONS, batch_reference=batch)
            ),
            "fr": pdf_text(
                dossier_pdf(household, language="fr", profile=OFFICER, reasons=REASONS, batch_reference=batch)
            ),
            "sponsor": pdf_text(render_dossier(record, language="en", profile=SPONSOR, ids=ids)),
        }
    )
    # Then Юлия asks to keep her Cyrillic name, address, A-number and vulnerabilities out of any referral.
    person_update(
        actor=Actor.for_user(household.owner or built["caseworker"]),
        person=household.principal,
        fields={"keep_private": "name_cyrillic\naddress\na_number\nvulnerabilities"},
    )
    private = household_record(household, reasons=REASONS)
    _RENDERED.update(
        {
            "private_record": private,
            "private": {
                p.name: pdf_text(render_dossier(private, language="en", profile=p, ids=ids))
                for p in (OFFICER, SPONSOR)
            },
        }
    )
    return _RENDERED


def test_the_headings_are_in_the_dossier_s_language(rendered: dict[str, Any]) -> None:
    en, fr = rendered["en"], rendered["fr"]
    for heading in (
        "Identity and family",
        "US immigration status and deadlines",
        "Evidence",
        "Assessment",
        "Pathway notes",
        "Reviewer sign-offs",
        "Kept in Haven",
        "Confidential — protected information",
    ):
        assert heading in en
    for heading in (
        "Identité et famille",
        "Statut d’immigration aux États-Unis et échéances",
        "Preuves",
        "Évaluation",
        "Notes sur les voies d’immigration",
        "Approbations des réviseurs",
        "Conservé dans Haven",
        "Confidentiel — renseignements protégés",
    ):
        assert heading in fr
    assert "Identity and family" not in fr


def test_the_header_carries_the_batch_reference_and_pages_are_numbered(rendered: dict[str, Any]) -> None:
    assert "Referral batch RB-2026-0042" in rendered["en"]
    assert "Lot de recommandation RB-2026-0042" in rendered["fr"]
    assert "Page 1 / " in rendered["en"]


def test_names_come_out_in_latin_and_intact_cyrillic(rendered: dict[str, Any]) -> None:
    for text in (rendered["en"], rendered["fr"]):
        assert "KOTOVA, IULIIA" in text
        assert "Котова Юлия Сергеевна" in text
        assert "Котов Миша" in text


def test_status_deadlines_and_dates_in_each_language(rendered: dict[str, Any]) -> None:
    en, fr = rendered["en"], rendered["fr"]
    assert "A212-345-678" in en and "A212-345-678" in fr
    assert "Final order of removal" in en and "Mesure de renvoi définitive" in fr
    assert "December 9, 2026" in en and "9 décembre 2026" in fr
    assert "April 12, 1988" in en and "12 avril 1988" in fr
    assert "Batavia Immigration Court" in en
    # Short dates inside the assessment's reasons are ISO, as Canada writes them: never 03/06/2022.
    assert "2022-03-06" in en and "2022-03-06" in fr
    assert "03/06/2022" not in en and "06/03/2022" not in fr


def test_evidence_shows_each_file_s_hash_review_and_timestamp(rendered: dict[str, Any]) -> None:
    en = rendered["en"]
    assert rendered["sha256"] in squeezed(en)
    assert rendered["sha256"] in squeezed(rendered["fr"])
    assert "Пост о пикете" in en
    assert "Verified by a reviewer on" in en  # a role, never a member of staff's name
    assert "rita" not in en and "anna" not in en
    assert "timestamped" in en


def test_the_assessment_cites_its_legal_sources_and_flags_what_is_unverified(
    rendered: dict[str, Any],
) -> None:
    result = rendered["result"]
    lines = result.risk.contributions + result.urgency.contributions
    assert lines, "the household's evidence should add to its risk"
    flat = squeezed(rendered["en"])
    rules = current_rules()
    for line in lines:
        cited = rules.public_sources(line.basis, line.key)
        assert cited, line.key
        assert all(squeezed(c.title.en) in flat for c in cited), line.key
        assert squeezed(line.basis.source) not in flat  # internal provenance stays in the rules file
    assert result.rules_version in rendered["en"]
    # The assessment's reasons are worded in the dossier's language too.
    assert squeezed("Shown by: Public anti-war statement") in flat
    assert squeezed("Démontré par : Déclaration publique contre la guerre") in squeezed(rendered["fr"])
    if any(c.basis.confidence == "U" for c in lines) or any(
        n.basis.confidence == "U" for n in result.pathways
    ):
        assert "Unverified: to be checked by a lawyer" in rendered["en"]


def test_sign_offs_and_why_the_household_is_put_forward(rendered: dict[str, Any]) -> None:
    en, fr = rendered["en"], rendered["fr"]
    assert "Urgency set to Emergency" in en
    assert "Removal flight confirmed by the attorney." in en
    assert "Why this household is put forward" in en and "Pourquoi ce ménage est recommandé" in fr
    assert "Priority: emergency" in en and "Priorité : urgence extrême" in fr.replace("\u00a0", " ")
    # No optimiser's rank or share of a total: the reader gets the priority and the risks in words.
    assert "Rank 3" not in en and "Rang 3" not in fr


def test_the_officer_gets_no_address_and_the_sponsor_does(rendered: dict[str, Any]) -> None:
    assert ADDRESS not in rendered["en"] and "Linden" not in rendered["fr"]
    assert "Person 1: address" in rendered["en"]  # named as withheld, never quoted
    assert "Buffalo Federal Detention Facility" not in rendered["en"]
    assert ADDRESS in rendered["sponsor"]
    assert "Buffalo Federal Detention Facility" in rendered["sponsor"]


def test_a_field_a_person_keeps_private_stays_out_under_every_profile(rendered: dict[str, Any]) -> None:
    for name, text in rendered["private"].items():
        assert "Сергеевна" not in text, name
        assert "Linden" not in text, name
        assert "A212-345-678" not in text, name
        assert "Person 1: name (Cyrillic)" in text
        assert "Котов Миша" in text  # the son's name was not made private
    assert "Buffalo Federal Detention Facility" in rendered["private"]["sponsor"]
    assert rendered["private_record"]["people"][0]["private"] == [
        "name_cyrillic",
        "address",
        "a_number",
        "vulnerabilities",
    ]
    assert rendered["private_record"]["people"][1]["private"] == []


def test_the_record_holds_every_field_before_minimisation(rendered: dict[str, Any]) -> None:
    record = rendered["record"]
    principal = record["people"][0]
    assert principal["address"] == ADDRESS and principal["a_number"] == "A212-345-678"
    item = principal["evidence"][0]
    assert item["status"] == "verified" and item["verified_by"]["role"] == "reviewer"
    assert item["files"][0]["sha256"] == rendered["sha256"] and item["timestamped"] is True
    assert record["selection"]["rank"] == 3
    assert [s["kind"] for s in record["sign_offs"]] == ["evidence", "override"]


def test_citizenship_is_a_country_in_the_dossier_s_language(rendered: dict[str, Any]) -> None:
    assert rendered["record"]["people"][0]["citizenship"] == "RU"  # recorded as a code
    assert squeezed("Citizenship Russia") in squeezed(rendered["en"])
    assert squeezed("Russie") in squeezed(rendered["fr"])
    for text in (rendered["en"], rendered["fr"]):
        assert not any(line.strip() == "RU" for line in text.splitlines())


def test_a_dossier_in_another_language_is_refused(rendered: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="English or French"):
        render_dossier(rendered["record"], language="ru", profile=OFFICER)


def test_the_assessment_does_not_tell_what_a_person_keeps_private(rendered: dict[str, Any]) -> None:
    # Her vulnerabilities are private: the reasons about her (which would name them) are left out,
    # the son's reasons and the levels stay.
    assert squeezed("Citizenship recorded: RU") in squeezed(rendered["en"])
    for name, text in rendered["private"].items():
        flat = squeezed(text)
        assert squeezed("Citizenship recorded: RU") not in flat, name
        assert squeezed("a woman without a partner") not in flat, name
        assert squeezed("From the date of birth (age 10)") in flat, name
        assert squeezed("The reasons about person 1 are not shown") in flat, name
