"""A caseworker lands on the work of their households: deadlines, evidence sent back, registry hits, gaps
in the records, and the slot for liaisons' requests; each item links to where it is done."""

from __future__ import annotations

from typing import Any

import pytest

from haven.accounts.actor import Actor
from tests.support.personas import client_for
from tests.support.work import busy_household


@pytest.fixture
def mine(org_a: Any, caseworker_a: Any, reviewer_a: Any) -> Any:
    return busy_household(org_a, caseworker_a, reviewer_a, "Котова")


@pytest.fixture
def theirs(org_b: Any, caseworker_b: Any) -> Any:
    from tests.support.personas import make_user

    return busy_household(org_b, caseworker_b, make_user("rob", "reviewer", org_b), "Щербакова")


def _sections(response: Any) -> dict[str, Any]:
    return response.context["by_key"]


def test_the_deadlines_of_my_households_in_the_next_two_weeks(
    caseworker_a: Any, mine: Any, theirs: Any
) -> None:
    response = client_for(caseworker_a).get("/")
    deadlines = _sections(response)["deadlines"]
    assert deadlines.count == 2
    removal, hearing = deadlines.items
    assert (removal.title, removal.days_left, removal.flag) == ("Scheduled removal", 5, "Detained")
    assert (hearing.title, hearing.days_left) == ("Immigration court hearing", 10)
    assert removal.url == f"/cases/{mine.reference}/#us-status"
    page = response.content.decode()
    assert "in 5 days" in page and mine.reference in page
    assert theirs.reference not in page  # another organisation's household is never listed


def test_what_haven_logged_today_is_not_a_deadline(caseworker_a: Any, mine: Any) -> None:
    """A consent recorded today (as a liaison's question or a referral) is written on the timeline dated
    today by Haven itself: a record of the past, not an "Other" deadline due today."""
    from django.utils import timezone

    from haven.consent.actions import consent_record

    consent_record(
        actor=Actor.for_user(caseworker_a),
        household=mine,
        person=mine.principal,
        officials=True,
        sponsors=False,
        given_on=timezone.localdate(),
    )
    response = client_for(caseworker_a).get("/")
    assert [item.title for item in _sections(response)["deadlines"].items] == [
        "Scheduled removal",
        "Immigration court hearing",
    ]
    from haven.cases.models import Household
    from haven.radar.deadlines import deadlines_for  # the alerts' reading of the same deadlines

    found = deadlines_for(Household.objects.filter(pk=mine.pk), timezone.localdate(), 14)
    assert [d.kind.value for d in found] == ["removal", "hearing"]


def test_evidence_sent_back_shows_the_reviewers_reason_and_opens_the_item(
    caseworker_a: Any, mine: Any
) -> None:
    sent_back = _sections(client_for(caseworker_a).get("/"))["sent_back"]
    assert sent_back.count == 1
    (item,) = sent_back.items
    assert item.detail == "The link shows another account."
    disputed = mine.principal.evidence.get(status="disputed")
    assert item.url == f"/cases/{mine.reference}/evidence/{disputed.public_id}/"
    assert client_for(caseworker_a).get(item.url).status_code == 200


def test_evidence_sent_back_for_correction_is_listed_with_the_reason(
    caseworker_a: Any, reviewer_a: Any, mine: Any
) -> None:
    from haven.evidence.actions import evidence_send_back

    waiting = mine.principal.evidence.get(status="unreviewed")
    evidence_send_back(actor=Actor.for_user(reviewer_a), item=waiting, reason="Add the post's date.")
    sent_back = _sections(client_for(caseworker_a).get("/"))["sent_back"]
    assert sent_back.count == 2
    assert "Add the post's date." in [item.detail for item in sent_back.items]


def test_new_registry_hits_and_gaps_in_the_records(caseworker_a: Any, mine: Any) -> None:
    sections = _sections(client_for(caseworker_a).get("/"))
    (hit,) = sections["registry_hits"].items
    assert hit.flag == "Waits for a reviewer" and hit.url.endswith("#registry-listings")
    (warning,) = sections["data_warnings"].items
    assert warning.title == "Detained, but no detention facility is recorded."
    assert warning.url == f"/cases/{mine.reference}/people/{mine.principal.public_id}/us-record/"


def test_a_households_owned_by_a_colleague_is_not_mine(
    caseworker_a: Any, org_a: Any, reviewer_a: Any
) -> None:
    from tests.support.personas import make_user

    colleague = make_user("carl", "caseworker", org_a)
    busy_household(org_a, colleague, reviewer_a, "Петрова")
    sections = _sections(client_for(caseworker_a).get("/"))
    assert [s.count for s in sections.values()] == [0, 0, 0, 0, 0]
    assert _sections(client_for(colleague).get("/"))["deadlines"].count == 2


def test_the_liaison_requests_have_a_marked_place_empty_until_filled(caseworker_a: Any, mine: Any) -> None:
    response = client_for(caseworker_a).get("/")
    assert response.context["liaison_requests"].count == 0
    page = response.content.decode()
    assert 'id="work-liaison_requests"' in page and "No liaison request awaits an answer." in page


def test_the_count_of_waiting_work_shows_in_the_navigation_of_other_pages(
    caseworker_a: Any, mine: Any
) -> None:
    client = client_for(caseworker_a)
    client.get("/")
    page = client.get("/cases/").content.decode()
    # 2 deadlines, 1 item sent back, 1 hit, 1 warning
    assert (
        '<span class="count nav-count"' in page and '>5<span class="visually-hidden"> items waiting' in page
    )


def test_the_home_page_in_russian(caseworker_a: Any, mine: Any) -> None:
    client = client_for(caseworker_a)
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    page = client.get("/").content.decode()
    for words in ("Моя работа", "Сроки в ближайшие 14 дней", "Запланированная депортация", "через 5 дней"):
        assert words in page, words


def test_another_dated_event_says_what_it_is_and_opens_the_timeline(caseworker_a: Any, mine: Any) -> None:
    import datetime as dt

    from django.utils import timezone, translation

    from haven.cases.actions.timeline import event_add

    day = timezone.localdate() + dt.timedelta(days=3)
    fields = {"kind": "other", "date": day, "note": "Встреча с адвокатом"}
    event_add(actor=Actor.for_user(caseworker_a), household=mine, fields=fields)
    items = _sections(client_for(caseworker_a).get("/"))["deadlines"].items
    (event,) = [item for item in items if item.date == day]
    assert event.title == "Other dated event"  # not a bare "Other"
    assert event.url == f"/cases/{mine.reference}/#timeline"  # where the event and its note are
    with translation.override("ru"):
        assert str(translation.gettext("Other dated event")) == "Другое событие"


def test_a_hearing_the_family_shares_is_one_warning_naming_its_people(
    caseworker_a: Any, household_a: Any
) -> None:
    from tests.support.radar import ahead, child_of, record

    yulia, misha = household_a.principal, child_of(household_a)
    for person in (yulia, misha):
        record(caseworker_a, person, next_hearing_date=ahead(-10))  # passed, no outcome recorded
    sections = _sections(client_for(caseworker_a).get("/"))
    (warning,) = sections["data_warnings"].items
    assert sections["data_warnings"].count == 1
    assert warning.title.startswith("The hearing of") and warning.household == household_a.reference
    assert sorted(warning.person.split(", ")) == sorted([yulia.display_name, misha.display_name])
