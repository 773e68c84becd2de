"""A run's page shows what it was asked (weights, filters, limits, pins and what became of each pin),
names organisations by name, lists the selected households first and folds the others."""

from __future__ import annotations

from typing import Any

import pytest

from haven.selection.models import SelectionRun
from tests.support.personas import client_for
from tests.support.selection import FORM, document_well

pytestmark = pytest.mark.django_db


def test_the_run_page_shows_its_settings_pins_and_households(ready_households: Any, coordinator: Any) -> None:
    a, b = ready_households
    document_well(b.principal)
    client = client_for(coordinator)
    form = {
        **FORM,
        "quota": "5",
        "quotas": "5,10",
        "weight_risk": "0.7",
        "per_organisation": "4",
        "pins": f"{a.reference} in hearing on Monday\n{b.reference} out resettled already",
    }
    response = client.post("/selection/", form)
    assert response.status_code == 302, response.content.decode().split('class="field-errors"')[1:2]
    run = SelectionRun.objects.get()
    page = client.get(f"/selection/runs/{run.public_id}/").content.decode()
    settings = page.split('class="facts run-settings"')[1].split("</dl>")[0]
    assert "0.7 · 0.3 · 0.2" in settings and "<dd>4</dd>" in settings and "government officials" in settings
    assert "left out" in settings  # households not yet ready
    pins = page.split('class="plain run-pins"')[1].split("</ul>")[0]
    assert f"{a.reference}</a> · pinned in (hearing on Monday) → selected" in pins
    assert (
        f"{b.reference}</a> · pinned out (resettled already) → left out: Pinned out by the coordinator"
        in pins
    )
    # Organisations by name; selected first, the rest folded.
    assert "Free Russia Aid" in page and ">fra<" not in page
    assert page.index('id="selected"') < page.index('<details class="left-out">')
    folded = page.split('<details class="left-out">')[1].split("</details>")[0]
    assert b.reference in folded and a.reference not in folded
