"""What a Canadian official reads: dossiers, cover letters and the assessment page cite public sources only
(the law and article, the amending law, the official publication, reports with address and date), say in
plain words why a household is put forward, are French throughout in French (evidence titles translated
or marked with their language), and a reasons table's Total is printed once. Read back with pdftotext."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from django.test import Client

from haven.accounts.actor import Actor
from haven.api.actions import token_create
from haven.assessment.actions import household_assess
from haven.evidence.actions import evidence_add, evidence_update
from haven.referral.documents import cover_letter_pdf, dossier_pdf
from haven_core.referral.profile import OFFICER
from tests.support.personas import client_for
from tests.support.referral import TODAY, pdf_text, referred_household

REASONS = {"rank": 9, "reason": "selected", "detail": {"order": 9, "value": 125.6, "share": 0.065}}
NBSP = "\u00a0"
# Names of Haven's own files and notes: none may reach a document or a page an official reads.
INTERNAL = re.compile(r"DOMAIN\.md|STYLE\.md|README|\.toml|§|\.\./shared|\bdocs/|russia-2026-11\.toml")
# Everything the item's tags expose a person to: the reasons table runs over more than one page.
MANY_TAGS = (
    "public_antiwar_statement",
    "protest_participation",
    "donation_ukraine",
    "fbk_work",
    "lgbtq_activism",
    "undesirable_media_journalism",
    "military_refusal",
    "arrest_in_absentia",
    "wanted_listing",
    "open_criminal_case",
)


def plain(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


def render(household: Any, language: str) -> str:
    return plain(pdf_text(dossier_pdf(household, language=language, profile=OFFICER, reasons=REASONS)))


_RENDERED: dict[str, Any] = {}  # PDFs cost time: rendered once for the module, read by every test


@pytest.fixture
def documents(db: Any) -> dict[str, Any]:
    if _RENDERED:
        return _RENDERED
    built = referred_household("off")
    household, caseworker = built["household"], built["caseworker"]
    actor = Actor.for_user(caseworker)
    evidence_add(
        actor=actor,
        person=household.principal,
        fields={
            "kind": "court_document",
            "title": "Материалы уголовного дела",
            "published_on": dt.date(2024, 5, 2),
            "tags": [(tag, dt.date(2024, 5, 2)) for tag in MANY_TAGS],
        },
    )
    household_assess(actor=actor, household=household, today=TODAY)
    out: dict[str, Any] = {"en": render(household, "en"), "fr": render(household, "fr")}
    out["page"] = client_for(caseworker).get(f"/cases/{household.reference}/").content.decode()
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token_create(actor=actor, name='t')[1]}")
    out["api"] = api.get(f"/api/v1/households/{household.reference}/assessment").content.decode()
    out["api schema"] = api.get("/api/v1/openapi.json").content.decode()
    out["letters"] = {
        language: plain(
            pdf_text(
                cover_letter_pdf(
                    language=language,
                    batch_reference="RB-2026-0007",
                    recipient="IRCC",
                    created_on=TODAY,
                    households=[household],
                    people_count=2,
                    profile=OFFICER,
                )
            )
        )
        for language in ("en", "fr")
    }
    # The caseworker translates the post's title and summary for Canada.
    post = next(i for i in household.principal.evidence.all() if i.title == "Пост о пикете")
    status_before = post.status
    changed = evidence_update(
        actor=actor,
        item=post,
        fields={
            "title_en": "Post about the picket",
            "title_fr": "Publication sur le piquet",
            "summary_fr": "Appel public à manifester contre la guerre, 6 mars 2022.",
        },
    )
    post.refresh_from_db()
    out.update(
        {
            "changed": changed,
            "status": (status_before, post.status),
            "translated": {"en": render(household, "en"), "fr": render(household, "fr")},
        }
    )
    _RENDERED.update(out)
    return _RENDERED


def test_no_document_or_page_names_an_internal_file(documents: dict[str, Any]) -> None:
    texts = {
        "dossier en": documents["en"],
        "dossier fr": documents["fr"],
        "letter en": documents["letters"]["en"],
        "letter fr": documents["letters"]["fr"],
        "assessment panel": documents["page"][documents["page"].index('id="assessment"') :],
        "api assessment": documents["api"],
        "api schema": documents["api schema"],
    }
    assert 'id="assessment"' in documents["page"]
    for name, text in texts.items():
        assert not INTERNAL.search(text), (name, INTERNAL.search(text))
    # The API gives each contribution the public sources the dossier cites, and nothing else of its basis.
    api = json.loads(documents["api"])
    contributions = [c for p in api["people"] for d in ("risk", "urgency") for c in p[d]["contributions"]]
    cited = {s["title"]["en"] for c in contributions for s in c["sources"]}
    assert any("Criminal Code" in title for title in cited), cited
    assert all("source" not in c and "cites" not in c for c in contributions)  # the rules file's own


def test_legal_facts_cite_the_law_the_amending_law_and_the_official_publication(
    documents: dict[str, Any],
) -> None:
    en, fr, page = documents["en"], documents["fr"], documents["page"]
    for text in (en, page):
        assert "Criminal Code of the Russian Federation, art. 207.3" in text
        assert "Federal Law No. 32-FZ of 4 March 2022" in text
        assert "publication.pravo.gov.ru" in text
    assert "Code pénal de la Fédération de Russie, art. 207.3" in fr
    assert "Loi fédérale n° 32-FZ du 4 mars 2022" in fr
    # Designations by court and date; practice by organisation, address and date.
    assert "Moscow City Court, decision of 9 June 2021" in en
    assert "Tribunal de la ville de Moscou, décision du 9 juin 2021" in fr
    assert "re-russia.net" in en and "2023" in en
    # A reference Haven has not confirmed says so.
    assert "Reference to be confirmed" in en and "Référence à confirmer" in fr
    # Each reason cites its sources by number; the list of sources holds each once.
    assert re.search(r"Sources (\[\d+\])+", en)
    assert en.count("Federal Law No. 32-FZ of 4 March 2022") == 1


def test_the_dossier_says_in_plain_words_why_the_household_is_put_forward(documents: dict[str, Any]) -> None:
    en, fr = documents["en"], documents["fr"]
    for internal in ("Field profile", "officer", "priority order", "125.6", "6.5%", "of the total", "Rank 9"):
        assert internal not in en, internal
    for internal in ("Profil de champs", "officer", "125,6", "du total", "Rang 9"):
        assert internal not in fr, internal
    assert "Prepared for immigration officials (addresses and contact details are withheld)" in en
    assert "Préparé pour des agents d’immigration" in fr
    assert "Why this household is put forward" in en
    assert "Priority: emergency" in en  # the reviewer's level, then what drives it
    assert "Persecution risk: very high. Main risks: " in en
    assert "Proposed UNHCR submission category: " in en
    assert "Priorité : urgence extrême" in fr and "Principaux risques : " in fr
    assert (
        "officer" not in documents["letters"]["en"]
        and "prepared for immigration officials" in (documents["letters"]["en"])
    )


def test_the_french_dossier_is_french_and_untranslated_evidence_is_marked(documents: dict[str, Any]) -> None:
    fr, en = documents["fr"], documents["en"]
    for english in ("Criminal Code", "Federal Law", "Why this household", "Legal basis", "Prepared for"):
        assert english not in fr, english
    assert "Sources [" in en
    assert "Пост о пикете (original en russe)" in fr
    assert "Пост о пикете (original in Russian)" in en
    assert "Материалы уголовного дела (original, non traduit)" in fr  # no language recorded


def test_translated_evidence_titles_and_summaries_are_shown(documents: dict[str, Any]) -> None:
    fr, en = documents["translated"]["fr"], documents["translated"]["en"]
    assert "Publication sur le piquet" in fr and "Пост о пикете" not in fr
    assert "Appel public à manifester contre la guerre, 6 mars 2022." in fr
    assert "Post about the picket" in en and "Пост о пикете" not in en
    assert "Appel public" not in en  # no English summary: none is shown
    # A translation says the same thing: the item is not sent back to review, and the change is recorded.
    assert sorted(documents["changed"]) == ["summary_fr", "title_en", "title_fr"]
    assert documents["status"] == ("verified", "verified")


def test_a_reasons_table_prints_its_total_once(documents: dict[str, Any]) -> None:
    en = documents["en"]
    risk = en[en.index("Persecution risk · ") : en.index(" Vulnerability Reason ")]
    assert re.search(r"Page \d+ / \d+", risk)  # the risk table runs over a page break…
    assert risk.count(" Total ") == 1  # …and its Total is printed once, at its end
    assert en.count(" Total ") == 3  # risk, vulnerability, urgency: once each
