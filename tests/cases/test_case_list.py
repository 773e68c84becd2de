"""The case list: search by any spelling or A-number, filters, sorting, pagination, and who sees what."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.accounts.actor import Actor
from haven.cases.actions import person_add
from tests.support.cases import give_us_record, in_days, open_household, principal
from tests.support.personas import client_for


def listed(client: Any, **params: Any) -> list[str]:
    response = client.get("/cases/", params, follow=True)
    assert response.status_code == 200
    return [row.household.reference for row in response.context["rows"]]


@pytest.mark.parametrize(
    "query",
    ["Yulia Kotova", "Iouliia", "Котова", "kotova iuliia", "КОТОВА Юлия", "Julia Kotowa", "Юлия Сергеевна"],
)
def test_search_finds_a_name_in_any_spelling(caseworker_a: Any, household_a: Any, query: str) -> None:
    assert listed(client_for(caseworker_a), q=query) == [household_a.reference]


@pytest.mark.parametrize("query", ["A012-345-678", "A 012 345 678", "a012345678", "12345678", "012345678"])
def test_search_finds_an_a_number_however_written(caseworker_a: Any, household_a: Any, query: str) -> None:
    give_us_record(principal(household_a), a_number="A12345678")
    assert listed(client_for(caseworker_a), q=query) == [household_a.reference]


def test_a_number_search_does_not_match_other_numbers(caseworker_a: Any, household_a: Any) -> None:
    give_us_record(principal(household_a), a_number="A012345678")
    assert listed(client_for(caseworker_a), q="A012345679") == []


def test_every_word_must_match_the_same_person(coordinator: Any, household_a: Any, household_b: Any) -> None:
    client = client_for(coordinator)
    assert listed(client, q="Миша Котов") == [household_a.reference]  # the son
    assert listed(client, q="Миша Сергеевна") == []  # son's given name, mother's patronymic
    assert listed(client, q="Юлия Щербаков") == []  # two households
    assert listed(client, q="Dmitry Shcherbakov") == [household_b.reference]


def test_a_caseworker_never_finds_another_organisations_household(
    caseworker_b: Any, household_a: Any, household_b: Any
) -> None:
    client = client_for(caseworker_b)
    assert listed(client) == [household_b.reference]
    assert listed(client, q="Котова") == []
    assert listed(client, q="Yulia Kotova") == []
    assert listed(client, organisation="fra") == [household_b.reference]  # the filter is not theirs to use
    html = client.get("/cases/", {"q": "Kotova"}, follow=True).content.decode()
    assert household_a.reference not in html and "Котова" not in html


def test_the_coordinator_sees_every_organisation_and_can_filter_by_one(
    coordinator: Any, household_a: Any, household_b: Any
) -> None:
    client = client_for(coordinator)
    assert set(listed(client)) == {household_a.reference, household_b.reference}
    assert listed(client, organisation="fra") == [household_a.reference]
    assert listed(client, organisation="eld") == [household_b.reference]
    assert 'name="organisation"' in client.get("/cases/").content.decode()


def test_caseworkers_get_no_organisation_filter(caseworker_a: Any, household_a: Any) -> None:
    assert 'name="organisation"' not in client_for(caseworker_a).get("/cases/").content.decode()


def test_rows_show_names_people_organisation_stage_detention_and_dates(
    caseworker_a: Any, household_a: Any
) -> None:
    give_us_record(principal(household_a), detained=True, removal_scheduled_date=in_days(9))
    html = client_for(caseworker_a).get("/cases/").content.decode()
    row = html[html.index(household_a.reference) :]
    for shown in (
        "Котова Юлия Сергеевна",
        "KOTOVA, IULIIA",
        "Free Russia Aid",
        "Intake",
        "Detained",
        "in 9 days",
    ):
        assert shown in row
    assert in_days(9).isoformat() in row
    assert response_rows(caseworker_a)[0].people_count == 2


def response_rows(user: Any, **params: Any) -> list[Any]:
    return list(client_for(user).get("/cases/", params, follow=True).context["rows"])


@pytest.fixture
def three_households(org_a: Any, household_a: Any) -> dict[str, Any]:
    """household_a plus two more of organisation A with different dates, stages and detention."""
    soon = open_household(org_a, "Соколов", "Алексей", "SOKOLOV ALEKSEI")
    give_us_record(
        principal(soon), detained=True, removal_scheduled_date=in_days(5), next_hearing_date=in_days(40)
    )
    later = open_household(org_a, "Иванова", "Мария", "IVANOVA MARIIA", birth_date="1990")
    give_us_record(principal(later), removal_scheduled_date=in_days(60), next_hearing_date=in_days(3))
    later.stage = "documenting"
    later.save(update_fields=["stage"])
    return {"a": household_a, "soon": soon, "later": later}


def test_filters(caseworker_a: Any, three_households: dict[str, Any]) -> None:
    client = client_for(caseworker_a)
    h = {k: v.reference for k, v in three_households.items()}
    assert listed(client, stage="documenting") == [h["later"]]
    assert listed(client, detained="yes") == [h["soon"]]
    assert set(listed(client, detained="no")) == {h["a"], h["later"]}
    assert listed(client, removal_within=7) == [h["soon"]]
    assert set(listed(client, removal_within=90)) == {h["soon"], h["later"]}
    assert listed(client, hearing_within=7) == [h["later"]]
    assert listed(client, hearing_within=7, detained="yes") == []
    assert listed(client, q="Соколов", removal_within=30) == [h["soon"]]


def test_past_dates_do_not_count_as_coming(caseworker_a: Any, household_a: Any) -> None:
    give_us_record(principal(household_a), removal_scheduled_date=in_days(-3))
    assert listed(client_for(caseworker_a), removal_within=30) == []
    assert response_rows(caseworker_a)[0].next_removal is None


def test_a_bad_filter_value_is_explained_and_ignored(
    caseworker_a: Any, three_households: dict[str, Any]
) -> None:
    response = client_for(caseworker_a).get("/cases/", {"removal_within": "soon"})
    assert response.status_code == 200
    assert "Enter a whole number." in response.content.decode()
    assert len(response.context["rows"]) == 3


def test_sorting(caseworker_a: Any, three_households: dict[str, Any]) -> None:
    client = client_for(caseworker_a)
    h = {k: v.reference for k, v in three_households.items()}
    assert listed(client, sort="removal") == [h["soon"], h["later"], h["a"]]  # no date comes last
    assert listed(client, sort="hearing") == [h["later"], h["soon"], h["a"]]
    assert listed(client, sort="reference") == sorted(h.values())
    assert listed(client, sort="status")[-1] == h["later"]  # documenting comes after intake
    assert listed(client)[0] == h["later"]  # last updated first (its stage was just changed)


def test_pagination_keeps_the_query(caseworker_a: Any, org_a: Any, settings: Any) -> None:
    settings.HAVEN_CASES_PER_PAGE = 2
    for i in range(5):
        open_household(org_a, "Петров", "Иван", f"PETROV IVAN{i}")
    client = client_for(caseworker_a)
    first = client.post("/cases/", {"q": "Petrov", "sort": "reference"}, follow=True)
    assert len(first.context["rows"]) == 2
    html = first.content.decode()
    assert "Page 1 of 3" in html
    token = first.redirect_chain[-1][0].split("s=")[1].split("&")[0]
    assert f"?sort=reference&amp;s={token}&amp;page=2" in html
    last = client.get("/cases/", {"s": token, "sort": "reference", "page": 3})
    assert len(last.context["rows"]) == 1
    seen = [listed(client, q="Petrov", sort="reference", page=n) for n in (1, 2, 3)]
    assert len({ref for page in seen for ref in page}) == 5


def queries_for_list(client: Any, **params: Any) -> tuple[int, int]:
    """How many rows the list shows and how many SQL queries it took."""
    location = client.get("/cases/", params)["Location"] if "q" in params else "/cases/"
    with CaptureQueriesContext(connection) as captured:
        response = client.get(location, {} if "q" in params else params)
    return len(response.context["rows"]), len(captured)


def test_the_page_costs_the_same_queries_however_many_rows(caseworker_a: Any, org_a: Any) -> None:
    client = client_for(caseworker_a)
    params = {"sort": "hearing", "detained": "yes", "q": "Орлов"}
    counts = []
    for batch in (2, 30):
        for i in range(batch):
            household = open_household(org_a, "Орлов", f"Пётр{batch}x{i}")
            give_us_record(principal(household), detained=bool(i % 2), next_hearing_date=in_days(i))
            person_add(
                actor=Actor.system(),
                household=household,
                fields={"relationship": "child", "given_name_cyrillic": "Ия"},
            )
        counts.append(queries_for_list(client, **params))
    (few_rows, few_queries), (many_rows, many_queries) = counts
    assert (few_rows, many_rows) == (1, 16)
    assert few_queries == many_queries


def test_nothing_found_says_so(caseworker_a: Any, household_a: Any) -> None:
    html = client_for(caseworker_a).get("/cases/", {"q": "Nobodyovich"}, follow=True).content.decode()
    assert "No household matches." in html


def test_soonest_first_pages_run_on_into_households_without_a_date(
    caseworker_a: Any, org_a: Any, settings: Any
) -> None:
    settings.HAVEN_CASES_PER_PAGE = 2
    undated = [open_household(org_a, "Белов", f"Олег{i}") for i in range(3)]
    dated = [open_household(org_a, "Белов", f"Глеб{i}") for i in range(2)]
    give_us_record(principal(dated[0]), removal_scheduled_date=in_days(30))
    give_us_record(principal(dated[1]), removal_scheduled_date=in_days(2))
    give_us_record(principal(undated[0]), removal_scheduled_date=in_days(-2))  # past: counts as none
    client = client_for(caseworker_a)
    pages = [listed(client, sort="removal", page=n) for n in (1, 2, 3)]
    assert pages[0] == [dated[1].reference, dated[0].reference]
    assert pages[1] + pages[2] == [undated[0].reference, undated[2].reference, undated[1].reference]
    assert client.get("/cases/", {"sort": "removal"}).context["page"].paginator.count == 5
    settings.HAVEN_CASES_PER_PAGE = 3  # a page that holds the last dated and the first undated
    assert listed(client, sort="removal", page=1)[2] == undated[0].reference
