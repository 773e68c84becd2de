"""Every page a liaison sees is in French when French is chosen: the login and second-factor steps, the
home page, the batch, a household's summary with the decision form (and its errors), the account's
security pages, the navigation and the error pages. The scan fails on any English interface string left
(tests/support/i18n.py); Russian and English pages still speak their own language."""

from __future__ import annotations

import uuid
from typing import Any

import pyotp
import pytest
from django.conf import settings
from django.test import Client

from haven.accounts.actor import Actor
from haven.accounts.models import TOTPDevice
from haven.referral.actions import referral_decision_record
from haven.referral.information.actions import information_request_answer
from haven.referral.models import InformationRequest
from tests.support.accounts import give_authenticator
from tests.support.cases import give_us_record, in_days, principal
from tests.support.i18n import english_left, page_texts
from tests.support.personas import PASSWORD, client_for
from tests.support.referral import batch_for

pytestmark = pytest.mark.django_db


def speaking(client: Client, language: str) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.fixture
def referred(coordinator: Any, liaison: Any, household_a: Any, household_b: Any, caseworker_a: Any) -> Any:
    """A batch for the liaison in which household A was asked about and answered, and a second household
    awaits a decision."""
    give_us_record(principal(household_a), detained=True, removal_scheduled_date=in_days(9))
    batch = batch_for(coordinator, liaison, [household_a, household_b])
    entry = batch.entries.get(household=household_a)
    referral_decision_record(
        actor=Actor.for_user(liaison), entry=entry, decision="more_information", note="Повестка?"
    )
    information_request_answer(
        actor=Actor.for_user(caseworker_a),
        request=InformationRequest.objects.get(entry=entry),
        answer="Повестка загружена.",
    )
    return batch


def _pages(liaison: Any, batch: Any, household: Any, other: Any, language: str = "fr") -> dict[str, str]:
    client = speaking(client_for(liaison), language)
    entry_url = f"/referrals/{batch.public_id}/households/{household.reference}/"
    pages = {
        "home": client.get("/"),
        "batches": client.get("/referrals/"),
        "batch": client.get(f"/referrals/{batch.public_id}/"),
        "household": client.get(entry_url),
        "decision refused": client.post(entry_url, {"decision": "", "note": ""}),
        "decision recorded": client.post(
            f"/referrals/{batch.public_id}/households/{other.reference}/",
            {"decision": "more_information", "note": "Quelle date d'audience ?"},
            follow=True,
        ),
        "security": client.get("/account/security/"),
        "password": client.get("/account/security/password/"),
        "password refused": client.post("/account/security/password/", {"old_password": "x"}),
        "password refused twice": client.post(
            "/account/security/password/",
            {"old_password": "nope", "password1": "Mot-de-passe-neuf-2026", "password2": "autre"},
        ),
        "new recovery codes": client.post("/account/security/recovery-codes/"),
        "password changed": client.post(
            "/account/security/password/",
            {
                "old_password": PASSWORD,
                "password1": "Mot-de-passe-neuf-2026",
                "password2": "Mot-de-passe-neuf-2026",
            },
            follow=True,
        ),
        "403": client.get("/cases/"),
        "404": client.get(f"/referrals/{uuid.uuid4()}/"),
    }
    assert [name for name, r in pages.items() if r.status_code not in (200, 400, 403, 404)] == []
    assert (pages["403"].status_code, pages["404"].status_code) == (403, 404)
    return {name: r.content.decode() for name, r in pages.items()}


def _signing_in(liaison: Any, language: str = "fr") -> dict[str, str]:
    anonymous = speaking(Client(), language)
    pages = {"login": anonymous.get("/login/").content.decode()}
    refused = anonymous.post("/login/", {"username": liaison.username, "password": "wrong"})
    pages["login refused"] = refused.content.decode()
    # First sign-in: the liaison must set up an authenticator.
    first = speaking(Client(), language)
    assert first.post("/login/", {"username": liaison.username, "password": PASSWORD}).status_code == 302
    pages["second factor set-up"] = first.get("/account/2fa/setup/").content.decode()
    pages["second factor set-up refused"] = first.post(
        "/account/2fa/setup/", {"code": "000000"}
    ).content.decode()
    secret = TOTPDevice.objects.get(user=liaison).secret
    codes = first.post("/account/2fa/setup/", {"code": pyotp.TOTP(secret).now()})
    assert codes.status_code == 200
    pages["recovery codes"] = codes.content.decode()
    secret = give_authenticator(liaison)  # a fresh device: the code just used would not pass again
    later = speaking(Client(), language)
    assert later.post("/login/", {"username": liaison.username, "password": PASSWORD}).status_code == 302
    pages["second factor"] = later.get("/account/2fa/verify/").content.decode()
    pages["second factor refused"] = later.post("/account/2fa/verify/", {"code": "000000"}).content.decode()
    response = later.post("/account/2fa/verify/", {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    return pages


def test_every_page_a_liaison_sees_is_in_french(
    liaison: Any, referred: Any, household_a: Any, household_b: Any
) -> None:
    pages = {**_signing_in(liaison), **_pages(liaison, referred, household_a, household_b)}
    left = {name: english_left(html) for name, html in pages.items()}
    assert {name: texts for name, texts in left.items() if texts} == {}
    for name, html in pages.items():
        assert '<html lang="fr">' in html, name
    household = pages["household"]
    for text in ("Résumé du ménage", "Votre décision", "Enregistrer la décision", "Повестка загружена."):
        assert text in household, text
    assert household.index("Résumé du ménage") < household.index("Votre décision")
    # Dates in the French short form, on the summary as on the batch.
    assert "1988-04-12" in household and in_days(9).isoformat() in household  # ISO, as Canada writes dates
    assert in_days(9).isoformat() in pages["batch"] and "Prochain renvoi" in pages["batch"]
    assert "Déconnexion" in pages["home"] and "Recommandations" in pages["home"]
    assert "Votre mot de passe est changé." in pages["password changed"]
    assert "Vos nouveaux codes de secours" in pages["new recovery codes"]


def test_and_in_russian(liaison: Any, referred: Any, household_a: Any, household_b: Any) -> None:
    pages = {**_signing_in(liaison, "ru"), **_pages(liaison, referred, household_a, household_b, "ru")}
    left = {name: english_left(html, "ru") for name, html in pages.items()}
    assert {name: texts for name, texts in left.items() if texts} == {}
    assert "Ваши направления" in pages["home"] and "Ваше решение" in pages["household"]


def test_the_scan_finds_english_where_there_is_some() -> None:
    page = (
        '<html lang="fr"><body><h1>Your decision</h1><p>Made on 12/01/2026</p>'
        '<button lang="en">English</button><p>Votre décision</p></body></html>'
    )
    assert english_left(page) == ["Your decision", "Made on 12/01/2026"]
    assert "Votre décision" in page_texts(page) and "English" not in page_texts(page)


def test_the_language_switch_offers_french_and_the_others_still_work(
    liaison: Any, referred: Any, household_a: Any
) -> None:
    client = client_for(liaison)
    html = client.get("/").content.decode()
    assert 'value="fr" lang="fr"' in html and "Français" in html
    assert client.post("/i18n/setlang/", {"language": "fr", "next": "/"}).status_code == 302
    assert '<html lang="fr">' in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    russian = client.get(f"/referrals/{referred.public_id}/").content.decode()
    assert '<html lang="ru">' in russian and "Срочность" in russian and "Под стражей" in russian
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get(f"/referrals/{referred.public_id}/").content.decode()
    assert '<html lang="en">' in english and "Urgency" in english and "Detained" in english
    summary = client.get(f"/referrals/{referred.public_id}/households/{household_a.reference}/")
    assert "1988-04-12" in summary.content.decode()  # dates in the reader's form (ISO)


def test_the_server_error_page_speaks_french_too() -> None:
    from pathlib import Path

    page = (Path(settings.BASE_DIR) / "templates" / "500.html").read_text(encoding="utf-8")
    assert "Une erreur s'est produite" in page and "Something went wrong" in page
