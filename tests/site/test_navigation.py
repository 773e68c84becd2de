"""Logging in and out, and the parts every page shares: navigation, language switch, skip link."""

from __future__ import annotations

from typing import Any

from tests.support.personas import PASSWORD, client_for


def test_logging_in_leads_to_my_work(client: Any, caseworker_a: Any) -> None:
    page = client.get("/login/").content.decode()
    assert 'name="username"' in page and 'name="password"' in page and "csrfmiddlewaretoken" in page
    response = client.post("/login/", {"username": "anna", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert response.templates[0].name == "work/home.html"


def test_a_wrong_password_is_explained(client: Any, caseworker_a: Any) -> None:
    response = client.post("/login/", {"username": "anna", "password": "wrong"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_logging_out_takes_a_post(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    assert client.get("/logout/").status_code == 405
    response = client.post("/logout/")
    assert response.status_code == 302
    assert client.get("/cases/").status_code == 302  # signed out


def test_the_shared_page_frame(caseworker_a: Any) -> None:
    html = client_for(caseworker_a).get("/cases/").content.decode()
    assert '<html lang="en">' in html
    assert 'href="#main"' in html and 'id="main"' in html  # skip link and its target
    assert 'href="/cases/new/"' in html and 'aria-current="page"' in html
    assert 'action="/i18n/setlang/"' in html and 'value="ru"' in html
    assert 'action="/logout/"' in html and "anna" in html
    assert "Free Russia Aid" in html  # the user's organisation
    assert "/static/haven/haven.css" in html


def test_pages_carry_no_inline_script_or_style(caseworker_a: Any, household_a: Any) -> None:
    client = client_for(caseworker_a)
    for url in ("/cases/", f"/cases/{household_a.reference}/", "/cases/new/", "/login/"):
        html = client.get(url).content.decode()
        assert "<script" not in html and "style=" not in html and "<style" not in html, url
        assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html, url
