"""The registry pages in Russian, from the app's own catalogue, which has no untranslated message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

from haven.accounts.actor import Actor
from haven.cases.actions import household_create
from haven.registries.importing import ImportResult
from haven.registries.models import ScreeningHit
from tests.support.personas import client_for

CATALOGUE = Path(settings.BASE_DIR) / "registries" / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def russian(user: Any) -> Any:
    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    return client


def test_every_message_is_translated() -> None:
    entries = CATALOGUE.read_text(encoding="utf-8").split("\n\n")[1:]
    assert len(entries) > 100
    assert not [e for e in entries if "#, fuzzy" in e]
    assert not [e for e in entries if e.rstrip().endswith('msgstr ""') or 'msgstr[0] ""' in e]


def test_the_queue_and_the_hit_in_russian(
    minjust_2025: ImportResult,
    caseworker_a: Any,
    reviewer_a: Any,
    org_a: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    principal = {"surname_latin": "SOLONIN", "given_name_latin": "MARK", "birth_date": "1958-05-29"}
    with django_capture_on_commit_callbacks(execute=True):
        household_create(actor=Actor.for_user(caseworker_a), organisation=org_a, principal=principal)
    client = russian(reviewer_a)
    queue = client.get("/registries/screening/").content.decode()
    assert "Очередь проверки по реестрам" in queue and "1 совпадение" in queue
    hit = ScreeningHit.objects.get()
    page = client.get(f"/registries/screening/{hit.public_id}/").content.decode()
    for text in ("Это один и тот же человек?", "Наш человек", "Запись реестра", "15.08.2025", "29.05.1958"):
        assert text in page, text
    listing = client.get("/registries/").content.decode()
    assert "Реестры" in listing and "Физических лиц" in listing
    assert "Минюст России: реестр иностранных агентов" in listing
