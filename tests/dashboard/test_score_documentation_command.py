"""``haven score-documentation`` stores every principal's verdict, so the next dashboard scores no one."""

from __future__ import annotations

from io import StringIO
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command

from haven.dashboard import documentation
from haven.dashboard.models import DocumentationVerdict
from tests.dashboard import factories
from tests.dashboard.pages import dashboard, marks

pytestmark = pytest.mark.django_db


def test_scores_ahead_of_the_dashboard(caseworker_a: Any, caseworker_b: Any) -> None:
    factories.document_well(factories.household(caseworker_a))
    factories.document_well(factories.household(caseworker_b))
    factories.household(caseworker_b)
    out = StringIO()
    call_command("score-documentation", stdout=out, stderr=StringIO())
    assert out.getvalue().strip() == "2 of 3 principal applicants are well documented."
    assert DocumentationVerdict.objects.filter(well_documented=True).count() == 2

    with mock.patch.object(documentation, "facts_of", side_effect=AssertionError("scored again")):
        html = dashboard(caseworker_b)
    assert marks(html, "chart-documentation") == {"well_documented": 1, "not_well_documented": 1}
