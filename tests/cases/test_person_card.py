"""A person's card on the household page (``{% person_card %}``): what it shows, its links, and that
whatever was typed into a record reaches the page escaped, in any script."""

from __future__ import annotations

import re
from typing import Any

from haven.accounts.actor import Actor
from haven.cases.actions import canada_permit_save, canada_relative_save, person_add, person_update
from tests.support.cases import detail_url, give_us_record, in_days, principal
from tests.support.personas import client_for, russian

HOSTILE = '<script>alert("Котова")</script>'


def _card(html: str, person: Any) -> str:
    found = re.search(
        rf'<article class="person card" id="person-{person.public_id}".*?</article>', html, re.S
    )
    assert found, f"no card for {person.display_name}"
    return found.group(0)


def test_typed_values_are_escaped_in_every_part_of_the_card(caseworker_a: Any, household_a: Any) -> None:
    actor = Actor.for_user(caseworker_a)
    yulia = principal(household_a)
    person_update(
        actor=actor,
        person=yulia,
        fields={
            "surname_cyrillic": "<b>Котова</b>",
            "given_name_cyrillic": 'Юлия "Юля"',
            "place_of_birth": HOSTILE,
            "languages": "русский & <i>английский</i>",
            "other_spellings": "Kotova\n<img src=x onerror=alert(1)>",
            "address": "ул. Ленина, 1\nкв. 'пять'",
            "vulnerability_notes": "<script>нота</script>",
            "relationship_detail": "<u>главная</u>",
        },
    )
    give_us_record(
        yulia, detained=True, detention_facility=HOSTILE, court="<em>Varick</em>", attorney_of_record="O'Hara"
    )
    canada_relative_save(
        actor=actor,
        person=yulia,
        fields={
            "full_name": HOSTILE,
            "relationship": "sibling",
            "canadian_status": "citizen",
            "notes": "<p>ok</p>",
        },
    )
    canada_permit_save(actor=actor, person=yulia, fields={"kind": "visitor_visa", "number": '"V1"<br>'})

    card = _card(client_for(caseworker_a).get(detail_url(household_a)).content.decode(), yulia)

    assert "<script>" not in card and "<img" not in card and "<b>" not in card and "<em>" not in card
    assert (
        f'<h3 id="name-{yulia.public_id}">&lt;b&gt;Котова&lt;/b&gt; Юлия &quot;Юля&quot; Сергеевна</h3>'
        in card
    )
    assert (
        "&lt;script&gt;alert(&quot;Котова&quot;)&lt;/script&gt;" in card
    )  # place of birth, facility, relative
    assert card.count("&lt;script&gt;alert(&quot;Котова&quot;)&lt;/script&gt;") == 3
    assert "русский &amp; &lt;i&gt;английский&lt;/i&gt;" in card
    assert "Kotova<br>&lt;img src=x onerror=alert(1)&gt;" in card  # line breaks kept, the rest escaped
    assert "ул. Ленина, 1<br>кв. &#x27;пять&#x27;" in card
    assert "<p>&lt;script&gt;нота&lt;/script&gt;</p>" in card
    assert " — &lt;u&gt;главная&lt;/u&gt;</p>" in card
    assert "O&#x27;Hara" in card and "&lt;em&gt;Varick&lt;/em&gt;" in card
    assert "&lt;p&gt;ok&lt;/p&gt;" in card and "&quot;V1&quot;&lt;br&gt;" in card
    # the hidden words after each link name the person, escaped too
    assert (
        '<span class="visually-hidden"> &lt;b&gt;Котова&lt;/b&gt; Юлия &quot;Юля&quot; Сергеевна</span>'
        in card
    )


def test_links_name_each_person_and_tie(caseworker_a: Any, household_a: Any) -> None:
    actor = Actor.for_user(caseworker_a)
    yulia = principal(household_a)
    son = household_a.people.exclude(pk=yulia.pk).get()
    relative = canada_relative_save(
        actor=actor,
        person=son,
        fields={"full_name": "", "relationship": "sibling", "canadian_status": "citizen"},
    )
    permit = canada_permit_save(
        actor=actor, person=son, fields={"kind": "visitor_visa", "valid_until": in_days(20)}
    )

    html = client_for(caseworker_a).get(detail_url(household_a)).content.decode()
    ref = household_a.reference

    principal_card, son_card = _card(html, yulia), _card(html, son)
    assert f'href="/cases/{ref}/people/{yulia.public_id}/edit/"' in principal_card
    assert "/remove/" not in principal_card.split("</header>")[0]  # the principal is not removed from here
    assert f'href="/cases/{ref}/people/{son.public_id}/remove/"' in son_card
    assert f'href="/cases/{ref}/people/{son.public_id}/us-record/">Add<span' in son_card  # no record yet
    assert f'href="/cases/{ref}/relatives/{relative.public_id}/edit/"' in son_card
    assert f'href="/cases/{ref}/permits/{permit.public_id}/remove/"' in son_card
    assert f'href="/cases/{ref}/people/{son.public_id}/permits/new/"' in son_card
    assert f'href="/cases/{ref}/people/{yulia.public_id}/relatives/new/"' in principal_card
    assert '<span class="tie-main">(no name)</span>' in son_card
    assert '<span class="days days-later">in 20 days</span>' in son_card
    assert str(yulia.public_id) not in son_card  # each card links to its own person only


def test_the_card_speaks_the_reader_s_language(caseworker_a: Any, household_a: Any) -> None:
    actor = Actor.for_user(caseworker_a)
    child = person_add(
        actor=actor,
        household=household_a,
        fields={"relationship": "child", "surname_cyrillic": "Котова", "given_name_cyrillic": "Аня"},
    )

    html = russian(caseworker_a).get(detail_url(household_a)).content.decode()

    card = _card(html, child)
    assert '<dd><span class="muted">неизвестно</span></dd>' in card  # no birth date recorded
    assert '<p class="muted">Дела в США пока нет.</p>' in card  # no US record, said in Russian
    assert '/us-record/">Добавить<span' in card
    assert "Изменить" in card and "Удалить" in card
    son = _card(html, next(p for p in household_a.people.all() if p.given_name_cyrillic == "Миша"))
    assert re.search(r'<span class="muted">\(\d+ (год|года|лет)\)</span>', son)  # the age, in Russian plural
