"""The coordinator's selection pages: run a selection, read every reason and the what-if chart, approve."""

from __future__ import annotations

import re
from typing import Any

import pytest

from haven.selection.models import SelectionRun
from tests.support.personas import client_for
from tests.support.selection import FORM, document_well

pytestmark = pytest.mark.django_db


def test_the_coordinator_runs_reads_and_another_approves_a_selection(
    ready_households: Any, coordinator: Any, coordinator_b: Any
) -> None:
    a, b = ready_households
    document_well(b.principal)  # b could be chosen: the coordinator pins it out
    client = client_for(coordinator)
    response = client.post("/selection/", {**FORM, "pins": f"{b.reference} out resettled already"})
    run = SelectionRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/selection/runs/{run.public_id}/"
    page = client.get(response["Location"]).content.decode()
    assert a.reference in page and "Selected: number 1 in priority order" in page
    assert "Pinned out by the coordinator: resettled already" in page
    assert page.count("<rect ") == 3  # one bar per what-if quota
    for html in (
        page,
        client.get("/selection/").content.decode(),
    ):  # the strict CSP: nothing inline or outside
        assert "style=" not in html and "<style" not in html and "<script" not in html
        assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert "another coordinator (or an administrator) approves it" in page
    client.post(f"/selection/runs/{run.public_id}/approve/")
    run.refresh_from_db()
    assert not run.approved  # four eyes: not the coordinator who made it
    client_for(coordinator_b).post(f"/selection/runs/{run.public_id}/approve/")
    run.refresh_from_db()
    assert run.approved and run.approved_by == coordinator_b
    assert run.public_id.hex[:8] in client.get("/selection/").content.decode().replace("-", "")


def test_the_pages_speak_russian(ready_households: Any, coordinator: Any) -> None:
    client = client_for(coordinator)
    client.cookies["django_language"] = "ru"
    client.post("/selection/", FORM, HTTP_ACCEPT_LANGUAGE="ru")
    run = SelectionRun.objects.get()
    page = client.get(f"/selection/runs/{run.public_id}/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Отобранные семьи" in page
    assert "Не подходит: основной заявитель недостаточно документирован" in page
    # The chart's coordinates stay numbers a browser reads: a Russian decimal comma would break them.
    bars = re.findall(r'<rect x="([^"]*)" y="([^"]*)" width="([^"]*)" height="([^"]*)"', page)
    assert len(bars) == 3
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", value) for bar in bars for value in bar), bars


def test_a_bad_pin_is_refused_with_the_form(ready_households: Any, coordinator: Any) -> None:
    response = client_for(coordinator).post("/selection/", {**FORM, "pins": "H-1 maybe"})
    assert response.status_code == 200
    assert "Each pin needs a reference, in or out, and a reason" in response.content.decode()
    assert not SelectionRun.objects.exists()


@pytest.mark.parametrize("persona", ["caseworker_a", "reviewer_a", "liaison"])
def test_no_one_else_may_post(
    persona: str, request: pytest.FixtureRequest, ready_households: Any, coordinator: Any
) -> None:
    client_for(coordinator).post("/selection/", FORM)
    run = SelectionRun.objects.get()
    client = client_for(request.getfixturevalue(persona))
    assert client.post("/selection/", FORM).status_code == 403
    assert client.post(f"/selection/runs/{run.public_id}/approve/").status_code == 403
    assert SelectionRun.objects.count() == 1 and not SelectionRun.objects.get().approved
