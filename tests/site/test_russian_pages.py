"""Everything a Russian-speaking caseworker, reviewer or coordinator sees is in Russian.

The main pages are rendered in Russian with demo-like data (a household with a deadline, evidence sent
back and waiting, a registry hit and an override) and their visible text — text nodes and the attributes
people read (placeholders, titles, labels for screen readers) — is scanned for interface strings left in
English: any text that is an English message of Haven's catalogues, and any run of English words.
Names, references and data people typed are allowed.
"""

from __future__ import annotations

import gettext
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from haven.accounts.actor import Actor
from haven.cases.actions import household_create
from haven.registries.models import ScreeningHit
from tests.registries.conftest import minjust_2025  # noqa: F401 (a fixture)
from tests.support.personas import client_for
from tests.support.work import busy_household

SRC = Path(__file__).parents[2] / "src" / "haven"
# Words that mark a phrase as English prose; names and data rarely hold two of them.
ENGLISH = frozenset(
    "the and of to for with is are was not on in by or from this that no yes all any none new add edit "
    "save cancel delete show hide search open close next back more less your their its has have".split()
)
# Data and names the demo household carries, and words that read the same in Russian pages.
ALLOWED = {
    "English",  # the language switch names each language in its own words
    "Haven",
    "KOTOVA",
    "IULIIA",
    "The link shows another account.",
    "Wanted listing confirmed by the lawyer.",
}


def english_messages() -> set[str]:
    """Every English message of Haven's Russian catalogues whose translation differs from it."""
    found: set[str] = set()
    for path in SRC.rglob("locale/ru/LC_MESSAGES/django.mo"):
        with path.open("rb") as handle:
            catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
        for key, value in catalog.items():
            msgid = key[0] if isinstance(key, tuple) else key
            if msgid and "\x04" not in msgid and value != msgid and len(msgid) > 3:
                found.add(msgid.strip())
            elif msgid and "\x04" in msgid and value != msgid.split("\x04", 1)[1]:
                found.add(msgid.split("\x04", 1)[1].strip())
    return found


class VisibleText(HTMLParser):
    READ = ("placeholder", "title", "aria-label", "alt")

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "code", "pre"):
            self.hidden += 1
        for name, value in attrs:
            if name in self.READ and value:
                self.chunks.append(value)
            if tag == "input" and name == "value" and ("type", "submit") in attrs and value:
                self.chunks.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "code", "pre"):
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.chunks.append(" ".join(data.split()))


def untranslated(html: str, messages: set[str]) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    found = []
    for chunk in parser.chunks:
        for data in ALLOWED:
            chunk = chunk.replace(data, "")
        if not re.search(r"[A-Za-z]{2}", chunk):
            continue
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", chunk)]
        if chunk in messages or chunk.rstrip(":.") in messages or sum(w in ENGLISH for w in words) >= 2:
            found.append(chunk)
    return found


@pytest.fixture
def household(
    org_a: Any,
    caseworker_a: Any,
    reviewer_a: Any,
    minjust_2025: Any,  # noqa: F811 (the registry fixture imported above)
    django_capture_on_commit_callbacks: Any,
) -> Any:
    """A household with work of every kind waiting, and a second one whose person is on a real registry."""
    household = busy_household(org_a, caseworker_a, reviewer_a, "Котова")
    ScreeningHit.objects.filter(entry_ref="").delete()  # the builder's placeholder: a real hit below
    listed = {"surname_latin": "SOLONIN", "given_name_latin": "MARK", "birth_date": "1958-05-29"}
    with django_capture_on_commit_callbacks(execute=True):
        household_create(actor=Actor.for_user(caseworker_a), organisation=org_a, principal=listed)
    assert ScreeningHit.objects.exists()
    return household


def russian(user: Any) -> Any:
    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    return client


def pages(household: Any) -> dict[str, tuple[str, str]]:
    """Page name → (who reads it, its address)."""
    person = household.principal
    item = person.evidence.order_by("pk").first()
    return {
        "home": ("caseworker", "/"),
        "case list": ("caseworker", "/cases/"),
        "household": ("caseworker", f"/cases/{household.reference}/"),
        "evidence": ("caseworker", f"/cases/{household.reference}/evidence/people/{person.public_id}/"),
        "evidence item": ("reviewer", f"/cases/{household.reference}/evidence/{item.public_id}/"),
        "registry hits": ("reviewer", "/registries/screening/"),
        "registry hit": ("reviewer", f"/registries/screening/{ScreeningHit.objects.get().public_id}/"),
        "audit trail": ("coordinator", f"/audit/households/{household.reference}/?kind=all"),
        "radar": ("coordinator", "/radar/"),
        "dashboard": ("coordinator", "/dashboard/"),
        "import": ("caseworker", "/intake/"),
        "reviewer home": ("reviewer", "/"),
        "coordinator home": ("coordinator", "/"),
    }


def test_the_main_russian_pages_leave_nothing_in_english(
    household: Any, caseworker_a: Any, reviewer_a: Any, coordinator: Any
) -> None:
    users = {"caseworker": caseworker_a, "reviewer": reviewer_a, "coordinator": coordinator}
    messages = english_messages()
    left: dict[str, list[str]] = {}
    for name, (who, url) in pages(household).items():
        response = russian(users[who]).get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        html = response.content.decode()
        assert '<html lang="ru">' in html, name
        if found := untranslated(html, messages):
            left[name] = found
    assert not left, "\n".join(f"{page}: {found}" for page, found in left.items())


def test_the_scan_finds_english_left_in_a_page() -> None:
    page = (
        '<html lang="ru"><p>Сохранить</p><p>Save the override</p><input placeholder="Search by name"></html>'
    )
    assert untranslated(page, {"Save the override"}) == ["Save the override", "Search by name"]
