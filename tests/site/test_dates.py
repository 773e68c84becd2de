"""One date format per language: ISO in English (as Canada writes dates), day.month.year in Russian, on
pages and in inputs; every date input accepts the other common spellings and gives its format as a hint."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import translation

from haven.cases.forms.base import DateField
from haven.cases.models import USRecord
from tests.support.cases import detail_url, principal
from tests.support.personas import client_for, russian

HEARING = dt.date(2026, 3, 6)


def us_record_url(household: Any) -> str:
    return f"/cases/{household.reference}/people/{principal(household).public_id}/us-record/"


@pytest.mark.parametrize("typed", ["2026-03-06", "06.03.2026", "03/06/2026"])
@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_date_field_reads_every_common_spelling_in_either_language(typed: str, language: str) -> None:
    with translation.override(language):
        assert DateField().clean(typed) == HEARING


def test_a_bad_date_is_explained_in_the_page_language() -> None:
    from django.core.exceptions import ValidationError

    for language, hint, example in (("en", "YYYY-MM-DD", "1987-06-13"), ("ru", "ДД.ММ.ГГГГ", "13.06.1987")):
        with translation.override(language), pytest.raises(ValidationError) as caught:
            DateField().clean("31.02.2026")
        assert hint in caught.value.messages[0] and example in caught.value.messages[0]


def test_the_russian_form_takes_an_american_date_and_shows_it_back_the_russian_way(
    caseworker_a: Any, household_a: Any
) -> None:
    client = russian(caseworker_a)
    response = client.post(
        us_record_url(household_a), {"status": "removal_proceedings", "next_hearing_date": "06/13/2026"}
    )
    assert response.status_code == 302
    assert USRecord.objects.get().next_hearing_date == dt.date(2026, 6, 13)
    html = client.get(us_record_url(household_a)).content.decode()
    assert 'value="13.06.2026"' in html and 'placeholder="ДД.ММ.ГГГГ"' in html
    assert 'type="date"' not in html  # Chromium would draw its picker in the browser's language
    page = client.get(detail_url(household_a)).content.decode()
    assert "13.06.2026" in page and "2026-06-13" not in page


def test_the_english_form_shows_iso_with_its_hint(caseworker_a: Any, household_a: Any) -> None:
    client = client_for(caseworker_a)
    client.post(
        us_record_url(household_a), {"status": "removal_proceedings", "next_hearing_date": "13.06.2026"}
    )
    html = client.get(us_record_url(household_a)).content.decode()
    assert 'value="2026-06-13"' in html and 'placeholder="YYYY-MM-DD"' in html
    page = client.get(detail_url(household_a)).content.decode()
    assert "2026-06-13" in page and "06/13/2026" not in page


def test_a_birth_date_takes_the_american_spelling_and_shows_as_the_page_writes_dates(
    caseworker_a: Any, household_a: Any
) -> None:
    person = principal(household_a)
    url = f"/cases/{household_a.reference}/people/{person.public_id}/edit/"
    english = client_for(caseworker_a)
    form = english.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(birth_date="06/13/1987")
    assert english.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.birth_date == "1987-06-13"
    assert 'value="1987-06-13"' in english.get(url).content.decode()
    assert 'value="13.06.1987"' in russian(caseworker_a).get(url).content.decode()
