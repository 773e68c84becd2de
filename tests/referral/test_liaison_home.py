"""The liaison's home page lists the batches addressed to them with how many households await their
decision, were accepted, refused, or wait for more information; the batch page shows each household's
urgency, detention, next removal and size, the most urgent first."""

from __future__ import annotations

import re
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.assessment.actions import household_assess
from haven.referral.actions import referral_decision_record
from tests.support.cases import give_us_record, in_days, open_household, principal
from tests.support.personas import client_for, make_user
from tests.support.referral import batch_for

pytestmark = pytest.mark.django_db


def _cells(html: str, batch: Any) -> list[str]:
    """The texts of the cells of ``batch``'s row on the home page."""
    row = re.search(rf"<tr>\s*<td[^>]*><a[^>]*>{batch.reference}</a>.*?</tr>", html, re.S)
    assert row, html
    return [
        re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row[0], re.S)
    ]


def test_the_home_page_counts_each_batch_decisions(
    coordinator: Any, liaison: Any, org_a: Any, caseworker_a: Any
) -> None:
    households = [open_household(org_a, "Котова", name) for name in ("Юлия", "Анна", "Вера", "Ольга")]
    batch = batch_for(coordinator, liaison, households)
    entries = {e.household_id: e for e in batch.entries.all()}
    me = Actor.for_user(liaison)
    referral_decision_record(actor=me, entry=entries[households[0].pk], decision="accepted")
    referral_decision_record(actor=me, entry=entries[households[1].pk], decision="refused", note="Нет")
    referral_decision_record(
        actor=me, entry=entries[households[2].pk], decision="more_information", note="Повестка?"
    )
    other = batch_for(
        coordinator, make_user("lia2", "liaison", None), [open_household(org_a, "Орлов", "Иван")]
    )

    html = client_for(liaison).get("/").content.decode()
    # batch, made, households, awaiting, accepted, refused, more information asked
    assert _cells(html, batch)[2:] == ["4", "1", "1", "1", "1"]
    assert "1 household awaits your decision." in html
    assert other.reference not in html  # another liaison's batch
    assert f'href="/referrals/{batch.public_id}/"' in html


def test_a_liaison_with_nothing_referred_is_told_so(liaison: Any) -> None:
    html = client_for(liaison).get("/").content.decode()
    assert "Nothing has been referred to you yet." in html and "<table" not in html


def test_the_batch_lists_the_most_urgent_household_first(coordinator: Any, liaison: Any, org_a: Any) -> None:
    calm = open_household(org_a, "Спокойнова", "Вера")  # no US record: normal
    soon = open_household(org_a, "Скорова", "Анна")
    give_us_record(principal(soon), removal_scheduled_date=in_days(30))
    held = open_household(org_a, "Задержанов", "Олег")
    give_us_record(principal(held), detained=True, removal_scheduled_date=in_days(5), status="detained")
    for household in (calm, soon, held):
        household_assess(actor=Actor.for_user(coordinator), household=household)
    levels = {h.reference: h.assessments.get(current=True).urgency_level for h in (calm, soon, held)}
    assert levels == {calm.reference: "normal", soon.reference: "urgent", held.reference: "emergency"}
    batch = batch_for(coordinator, liaison, [calm, soon, held])  # ranked in this order by the run

    html = client_for(liaison).get(f"/referrals/{batch.public_id}/").content.decode()
    body = html[html.index("<tbody>") :]
    order = sorted((body.index(h.reference), h.reference) for h in (calm, soon, held))
    assert [ref for _, ref in order] == [held.reference, soon.reference, calm.reference]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    held_row = next(r for r in rows if held.reference in r)
    assert "Emergency" in held_row and "Detained" in held_row
    assert in_days(5).isoformat() in held_row
    soon_row = next(r for r in rows if soon.reference in r)
    assert "Urgent" in soon_row and "Detained" not in soon_row and in_days(30).isoformat() in soon_row


def test_a_private_detention_stays_out_of_the_batch_page(coordinator: Any, liaison: Any, org_a: Any) -> None:
    from haven.cases.actions import person_update

    held = open_household(org_a, "Скрытова", "Ирина")
    person = principal(held)
    give_us_record(person, detained=True, removal_scheduled_date=in_days(5), status="detained")
    person_update(
        actor=Actor.system(), person=person, fields={"keep_private": "detained\nremoval_scheduled_date"}
    )
    batch = batch_for(coordinator, liaison, [held])
    html = client_for(liaison).get(f"/referrals/{batch.public_id}/").content.decode()
    row = html[html.index("<tbody>") :]
    assert "Detained" not in row and in_days(5).isoformat() not in row


def test_the_batch_page_and_home_cost_the_same_with_more_households(
    coordinator: Any, liaison: Any, org_a: Any
) -> None:
    from tests.support.families import count

    one = batch_for(coordinator, liaison, [open_household(org_a, "Один", "Иван")])
    others = [open_household(org_a, "Многов", name) for name in ("Анна", "Вера", "Ольга", "Пётр")]
    for household in others:
        give_us_record(principal(household), detained=True, removal_scheduled_date=in_days(10))
    other_liaison = make_user("lia2", "liaison", None)
    many = batch_for(coordinator, other_liaison, others)
    me = Actor.for_user(other_liaison)
    entry = many.entries.first()
    referral_decision_record(actor=me, entry=entry, decision="more_information", note="Повестка?")
    assert count(client_for(other_liaison), f"/referrals/{many.public_id}/") == count(
        client_for(liaison), f"/referrals/{one.public_id}/"
    )
    assert count(client_for(other_liaison), "/") == count(client_for(liaison), "/")


def test_other_roles_never_get_the_liaisons_home(caseworker_a: Any, coordinator: Any, db: Any) -> None:
    for user in (caseworker_a, coordinator):
        response = client_for(user).get("/", follow=True)
        html = response.content.decode()
        assert response.status_code == 200 and "liaison-batches" not in html
        assert "Nothing has been referred to you yet." not in html
    from django.contrib.auth import get_user_model

    nobody = get_user_model().objects.create_user(username="nobody", password="x")  # no membership
    html = client_for(nobody).get("/").content.decode()
    assert "Your account has no role in Haven yet." in html and "Referral batches" not in html
