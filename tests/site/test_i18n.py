"""English and Russian: the language switch, Russian pages, and dates in the reader's locale."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from tests.support.cases import detail_url, give_us_record, in_days, principal
from tests.support.personas import client_for, russian


def test_the_switch_sets_the_language_and_returns_to_the_page(caseworker_a: Any, household_a: Any) -> None:
    client = client_for(caseworker_a)
    response = client.post("/i18n/setlang/", {"language": "ru", "next": detail_url(household_a)})
    assert response.status_code == 302 and response["Location"] == detail_url(household_a)
    html = client.get(detail_url(household_a)).content.decode()
    assert '<html lang="ru">' in html
    assert "Основной заявитель" in html and "Хронология" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/cases/"})
    assert '<html lang="en">' in client.get("/cases/").content.decode()


def test_the_russian_case_list(caseworker_a: Any, household_a: Any) -> None:
    give_us_record(principal(household_a), detained=True, removal_scheduled_date=in_days(5))
    html = russian(caseworker_a).get("/cases/").content.decode()
    for text in ("Дела", "Новая семья", "Поиск", "Приём", "Под стражей", "через 5 дней", "1 семья", "Выйти"):
        assert text in html, text
    assert in_days(5).strftime("%d.%m.%Y") in html


def test_russian_dates_are_day_month_year(caseworker_a: Any, household_a: Any) -> None:
    give_us_record(principal(household_a), next_hearing_date=in_days(22))
    html = russian(caseworker_a).get(detail_url(household_a)).content.decode()
    assert "12.04.1988" in html  # Юлия's birth date
    assert in_days(22).strftime("%d.%m.%Y") in html and "через 22 дня" in html
    english = client_for(caseworker_a).get(detail_url(household_a)).content.decode()
    assert "1988-04-12" in english and "in 22 days" in english  # ISO, as Canada writes dates


def test_russian_plurals(caseworker_a: Any, household_a: Any) -> None:
    give_us_record(principal(household_a), next_hearing_date=in_days(21), removal_scheduled_date=in_days(11))
    html = russian(caseworker_a).get(detail_url(household_a)).content.decode()
    assert "через 21 день" in html and "через 11 дней" in html


def test_form_errors_and_choices_are_in_russian(caseworker_a: Any, household_a: Any) -> None:
    url = f"/cases/{household_a.reference}/people/{principal(household_a).public_id}/us-record/"
    response = russian(caseworker_a).post(url, {"a_number": "12", "status": "detained"})
    html = response.content.decode()
    assert "A-номер — это буква A и 8 или 9 цифр" in html
    assert "Окончательное решение о депортации" in html  # a choice of the status field


def test_refusals_from_the_actions_are_in_russian(caseworker_a: Any, household_a: Any) -> None:
    url = f"/cases/{household_a.reference}/people/{principal(household_a).public_id}/remove/"
    html = russian(caseworker_a).post(url, follow=True).content.decode()
    assert "Основного заявителя удалить нельзя" in html


def test_the_login_page_in_russian(client: Any, db: Any) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    html = client.get("/login/").content.decode()
    assert "Вход в Haven" in html and "Войти" in html


def test_every_message_is_translated() -> None:
    """The catalogue has no empty or fuzzy translation (compiled from src/haven/locale)."""
    from pathlib import Path

    po = (Path(settings.BASE_DIR) / "locale" / "ru" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = po.split("\n\n")[1:]
    assert entries
    assert not [e for e in entries if "#, fuzzy" in e]
    assert not [e for e in entries if e.rstrip().endswith('msgstr ""') or 'msgstr[0] ""' in e]
