"""The JSON API: personal tokens (shown once, stored hashed, revocable), the same visibility as the
pages, every call audited, rate limited, clear 4xx answers, and a schema and docs served by Haven."""

from __future__ import annotations

from typing import Any

from django.test import Client

from haven.accounts.actor import Actor
from haven.api.actions import token_create, token_revoke
from haven.api.models import ApiToken
from haven.audit.models import AuditEntry
from haven.audit.record import audit_seal
from tests.support.personas import client_for


def call(secret: str, path: str) -> Any:
    return Client().get(f"/api/v1{path}", HTTP_AUTHORIZATION=f"Bearer {secret}")


def secret_for(user: Any) -> str:
    return token_create(actor=Actor.for_user(user), name="tool", second_factor_passed=True)[1]


def test_a_token_is_shown_once_and_stored_only_as_a_hash(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    page = client.post("/api/tokens/", {"name": "Our spreadsheet sync"}).content.decode()
    token = ApiToken.objects.get(user=caseworker_a)
    secret = page.split('<p class="mono">')[1].split("</p>")[0]
    assert secret.startswith("hvn_") and token.digest != secret and secret not in token.digest
    assert secret not in client.get("/api/tokens/").content.decode()
    assert call(secret, "/households").status_code == 200
    client.post(f"/api/tokens/{token.public_id}/revoke/")
    assert call(secret, "/households").status_code == 401


def test_the_api_shows_what_the_pages_show(
    household_a: Any, household_b: Any, caseworker_a: Any, coordinator: Any
) -> None:
    secret = secret_for(caseworker_a)
    listed = call(secret, "/households").json()
    assert [h["reference"] for h in listed["households"]] == [household_a.reference]
    detail = call(secret, f"/households/{household_a.reference}").json()
    assert [p["surname_cyrillic"] for p in detail["people"]] == ["Котова", "Котов"]
    assert call(secret, f"/households/{household_b.reference}").status_code == 404
    everyone = call(secret_for(coordinator), "/households").json()
    assert everyone["count"] == 2


def test_roles_without_a_caseload_and_bad_tokens_are_refused(liaison: Any, caseworker_a: Any) -> None:
    assert call(secret_for(liaison), "/households").status_code == 403
    assert call("hvn_not-a-token", "/households").status_code == 401
    assert Client().get("/api/v1/households").status_code == 401
    token, secret = token_create(actor=Actor.for_user(caseworker_a), name="old")
    token_revoke(actor=Actor.for_user(caseworker_a), token=token)
    assert call(secret, "/households").status_code == 401


def test_every_call_is_audited_without_names(household_a: Any, caseworker_a: Any) -> None:
    secret = secret_for(caseworker_a)
    call(secret, f"/households/{household_a.reference}")
    audit_seal()
    entry = AuditEntry.objects.get(action="api.call")
    assert entry.actor == caseworker_a and entry.target == f"GET /api/v1/households/{household_a.reference}"
    assert "Котова" not in str(entry.detail) + entry.target


def test_calls_are_rate_limited(caseworker_a: Any, settings: Any) -> None:
    settings.HAVEN_API_CALLS_PER_MINUTE = 2
    secret = secret_for(caseworker_a)
    assert [call(secret, "/households").status_code for _ in range(3)] == [200, 200, 429]


def test_bad_input_gets_a_4xx_naming_the_field(caseworker_a: Any) -> None:
    response = call(secret_for(caseworker_a), "/households?page=abc")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "page"]
    assert call(secret_for(caseworker_a), "/households?page=0").status_code == 422


def test_the_schema_and_the_docs_are_served_by_haven(caseworker_a: Any) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    assert {"/api/v1/households", "/api/v1/households/{reference}"} <= set(schema["paths"])
    html = client_for(caseworker_a).get("/api/docs/").content.decode()
    assert "GET /api/v1/households/{reference}" in html
    assert "<script" not in html and "style=" not in html and "https://" not in html
    # Body fields are listed, those of a single JSON body unwrapped, those of an upload as sent.
    change = html.split("PATCH /api/v1/households/{reference}/people/{person_id}</h2>")[1].split(
        "</section>"
    )[0]
    assert '<span class="mono">birth_date</span> (string)' in change and "application/json" in change
    upload = html.split("POST /api/v1/households/{reference}/people/{person_id}/evidence</h2>")[1]
    upload = upload.split("</section>")[0]
    assert "multipart/form-data" in upload and '<span class="mono">upload</span> (string)' in upload
    assert '<span class="mono">kind</span> (string, required)' in upload


def test_the_token_page_in_russian_and_a_catalogue_without_gaps(caseworker_a: Any) -> None:
    from pathlib import Path

    from django.conf import settings

    client = client_for(caseworker_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    assert "Токены API" in client.get("/api/tokens/").content.decode()
    assert "каждая запись в detail называет поле в loc" in client.get("/api/docs/").content.decode()
    catalogue = Path(settings.BASE_DIR) / "api" / "locale" / "ru" / "LC_MESSAGES" / "django.po"
    entries = catalogue.read_text(encoding="utf-8").split("\n\n")[1:]
    assert len(entries) > 20 and not [e for e in entries if "#, fuzzy" in e]
    assert not [e for e in entries if e.rstrip().endswith('msgstr ""')]
