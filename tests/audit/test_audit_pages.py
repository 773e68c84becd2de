"""Coordinators read a household's audit trail in the interface; nobody else does."""

from __future__ import annotations

from typing import Any

from tests.support.personas import client_for


def url(household: Any) -> str:
    return f"/audit/households/{household.reference}/"


def test_coordinator_reads_the_trail(coordinator: Any, household_a: Any) -> None:
    response = client_for(coordinator).get(url(household_a))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Household opened" in html and "Person added" in html  # labels, never the stored codes
    assert "household.create" not in html and "person.add" not in html
    assert "anna" in html  # who did it


def test_caseworkers_and_liaison_cannot(
    caseworker_a: Any, caseworker_b: Any, liaison: Any, household_a: Any
) -> None:
    assert client_for(caseworker_a).get(url(household_a)).status_code == 403
    assert client_for(caseworker_b).get(url(household_a)).status_code == 403
    assert client_for(liaison).get(url(household_a)).status_code == 403


def test_unknown_household_is_404_for_coordinator(coordinator: Any, db: Any) -> None:
    assert client_for(coordinator).get("/audit/households/H-0000000000/").status_code == 404


def test_anonymous_is_sent_to_login(client: Any, household_a: Any) -> None:
    response = client.get(url(household_a))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_trail_shows_changes_by_default_and_views_on_request(coordinator: Any, household_a: Any) -> None:
    from haven.audit.catalogue import is_read

    client = client_for(coordinator)
    client.get(f"/cases/{household_a.reference}/")  # a view, recorded
    changes = [e.action for e in client.get(url(household_a)).context["page"]]
    views = [e.action for e in client.get(url(household_a), {"kind": "views"}).context["page"]]
    everything = [e.action for e in client.get(url(household_a), {"kind": "all"}).context["page"]]
    assert changes and not any(is_read(a) for a in changes)
    assert "household.view" in views and all(is_read(a) for a in views)
    assert sorted(everything) == sorted(changes + views)


def test_the_trail_filters_by_who_and_by_dates_in_either_spelling(
    coordinator: Any, caseworker_a: Any, household_a: Any
) -> None:
    from django.utils import timezone

    from haven.audit.models import AuditEntry

    client = client_for(coordinator)
    client_for(caseworker_a).get(f"/cases/{household_a.reference}/")
    page = client.get(url(household_a), {"kind": "all", "actor": caseworker_a.pk}).context["page"]
    assert {e.actor_id for e in page} == {caseworker_a.pk}
    today = timezone.localdate()
    total = AuditEntry.objects.filter(household_ref=household_a.reference).count()
    iso = client.get(
        url(household_a), {"kind": "all", "since": today.isoformat(), "until": today.isoformat()}
    )
    russian = client.get(url(household_a), {"kind": "all", "since": today.strftime("%d.%m.%Y")})
    assert iso.context["page"].paginator.count == russian.context["page"].paginator.count == total
    yesterday = (today - timezone.timedelta(days=1)).isoformat()
    assert (
        client.get(url(household_a), {"kind": "all", "until": yesterday}).context["page"].paginator.count == 0
    )
    wrong = client.get(url(household_a), {"since": today.isoformat(), "until": yesterday}).content.decode()
    assert 'id="error-summary"' in wrong and "The first date is after the second." in wrong


def test_the_russian_trail_reads_in_russian(coordinator: Any, household_a: Any) -> None:
    from django.conf import settings

    client = client_for(coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    html = client.get(url(household_a)).content.decode()
    assert "Семья заведена" in html and "Добавлен человек" in html
    assert "Household opened" not in html and "household.create" not in html
    assert "Изменения" in html and "Просмотры" in html
