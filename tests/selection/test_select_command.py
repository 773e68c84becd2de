"""``haven select`` prints the selection, the greedy comparison and the what-if table; saves no run."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from haven.audit.models import AuditEntry
from haven.selection.models import SelectionRun

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("select", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_json_lists_every_household_with_its_reason(ready_households: Any) -> None:
    a, b = ready_households
    data = json.loads(run("--quota", "2", "--json", "--quotas", "1,2,3", "--org-limit", "5"))
    reasons = {h["reference"]: (h["selected"], h["reason"]) for h in data["households"]}
    assert reasons == {a.reference: (True, "selected"), b.reference: (False, "not_well_documented")}
    assert data["exact"]["people"] == 2 and data["gain"] == 0
    assert [r["quota"] for r in data["what_if"]] == [1, 2, 3]
    assert data["parameters"]["limits"]["per_organisation"] == 5
    assert not SelectionRun.objects.exists()
    assert AuditEntry.objects.filter(action="selection.preview").count() == 1


def test_text_output_shows_selection_greedy_and_what_if(ready_households: Any) -> None:
    a, _ = ready_households
    text = run("--quota", "1")
    assert "Quota 1 places: 0 households" in text
    assert "family_size" in text and "not_well_documented" in text
    assert "Greedy (by priority per person)" in text
    text = run("--quota", "3", "--quotas", "100,200")
    assert a.reference in text
    assert text.splitlines()[-1].split()[0] == "200"


def test_a_pathway_sub_quota_is_passed_on(ready_households: Any) -> None:
    data = json.loads(run("--quota", "2", "--json", "--pathway-limit", "gar=0", "--pathway-limit", "psr=4"))
    assert data["parameters"]["limits"]["per_pathway"] == {"gar": 0, "psr": 4}


def test_bad_quotas_are_refused(db: Any) -> None:
    with pytest.raises(CommandError):
        run("--quota", "3", "--quotas", "a,b")
    with pytest.raises(CommandError):
        run("--quota", "-1")
    with pytest.raises(CommandError):
        run("--quota", "3", "--pathway-limit", "gar")


def test_households_not_ready_are_left_out_unless_included(ready_households: Any) -> None:
    a, _b = ready_households
    a.consents.all().delete()  # no consent on record any more
    data = json.loads(run("--quota", "2", "--json", "--quotas", "2"))
    assert {h["reference"]: h["reason"] for h in data["households"]}[a.reference] == "not_ready"
    data = json.loads(run("--quota", "2", "--json", "--quotas", "2", "--include-not-ready"))
    row = next(h for h in data["households"] if h["reference"] == a.reference)
    assert row["selected"] and not row["ready"] and row["not_ready"] == ["no_consent"]
