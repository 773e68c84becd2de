"""Selection tests: households made well documented through the real write paths, and a saved selection run
to open pages with."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from haven.evidence.models import EvidenceItem, EvidenceTag
from haven.selection.models import SelectionRun


def selection_run_for(user: Any) -> Any:
    run = SelectionRun.objects.create(
        created_by=user,
        quota=0,
        parameters={"quota": 0},
        inputs="[]",
        results=json.dumps(
            {
                "exact": {},
                "greedy": {},
                "gain": 0,
                "households": [],
                "what_if": [],
                "parameters": {"quota": 0},
            }
        ),
    )
    return run.public_id


def document_well(person: Any) -> None:
    """Three verified items from two sources over more than half a year: well documented."""
    for key, url, day in (
        ("a", "https://t.me/kotova_ju/118", "2022-03-06"),
        ("b", "https://meduza.io/news/2022/09/22/protest", "2022-09-22"),
        ("c", "https://t.me/kotova_ju/240", "2023-02-24"),
    ):
        item = EvidenceItem.objects.create(
            person=person, status="verified", kind="social_post", title=f"Пост {key}", source_url=url
        )
        EvidenceTag.objects.create(item=item, tag="anti_war_post", activity_date=dt.date.fromisoformat(day))


FORM = {
    "quota": "2",
    "weight_risk": "0.5",
    "weight_vulnerability": "0.3",
    "weight_urgency": "0.2",
    "min_priority": "0",
    "emergency_first": "on",
    "quotas": "1,2,3",
}
