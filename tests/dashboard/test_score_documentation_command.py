"""``haven score-documentation`` stores every principal's verdict, so the next dashboard scores no one."""

from __future__ import annotations

from io import StringIO
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command

from haven.dashboard import documentation_coverage
from haven.dashboard.models import DocumentationVerdict
from tests.support import dashboard
from tests.support.dashboard import dashboard_html, marks

pytestmark = pytest.mark.django_db


def test_scores_ahead_of_the_dashboard(caseworker_a: Any, caseworker_b: Any) -> None:
    dashboard.document_well(dashboard.household(caseworker_a))
    dashboard.document_well(dashboard.household(caseworker_b))
    dashboard.household(caseworker_b)
    out = StringIO()
    call_command("score-documentation", stdout=out, stderr=StringIO())
    assert out.getvalue().strip() == "2 of 3 principal applicants are well documented."
    assert DocumentationVerdict.objects.filter(well_documented=True).count() == 2

    with mock.patch.object(documentation_coverage, "facts_of", side_effect=AssertionError("scored again")):
        html = dashboard_html(caseworker_b)
    assert marks(html, "chart-documentation") == {"well_documented": 1, "not_well_documented": 1}
