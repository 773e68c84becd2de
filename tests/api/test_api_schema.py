"""Schemathesis against the schema Haven serves: generated requests, with a real token, never get a
5xx, and every response matches the schema. Kept short: a bounded number of examples per operation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.accounts.actor import Actor
from haven.api.actions import token_create
from haven.cases.actions import household_create
from haven.evidence.actions import evidence_add
from haven.referral.actions import referral_decision_record
from haven.wsgi import application
from tests.support.referral import batch_for
from tests.support.registries import registry_objects

schemathesis = pytest.importorskip("schemathesis")

EXAMPLES = 15
positive_data_acceptance = pytest.importorskip("schemathesis.specs.openapi.checks").positive_data_acceptance


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """Schemathesis calls the WSGI application itself, whose request signals would close the database
    connection of the test's transaction; Django's own test client disconnects them the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_generated_requests_get_no_5xx_and_match_the_schema(
    household_a: Any, caseworker_a: Any, reviewer_a: Any, coordinator: Any, liaison: Any
) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

    def headers_of(user: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {token_create(actor=Actor.for_user(user), name='schemathesis')[1]}"}

    # Screening is a reviewer's work (a caseworker is refused it): it is called with a reviewer's token.
    caseworker, reviewer = headers_of(caseworker_a), headers_of(reviewer_a)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} == {
        "/api/v1/households",
        "/api/v1/households/{reference}",
        "/api/v1/households/{reference}/people",
        "/api/v1/households/{reference}/people/{person_id}",
        "/api/v1/households/{reference}/people/{person_id}/us-record",
        "/api/v1/households/{reference}/people/{person_id}/evidence",
        "/api/v1/households/{reference}/evidence/{item_id}",
        "/api/v1/households/{reference}/assessment",
        "/api/v1/households/{reference}/screening",
        "/api/v1/households/{reference}/screening/{hit_id}",
        "/api/v1/information-requests",
        "/api/v1/information-requests/{request_id}",
        "/api/v1/information-requests/{request_id}/answer",
    }
    principal = household_a.principal
    item = evidence_add(
        actor=Actor.for_user(caseworker_a), person=principal, fields={"kind": "photo", "title": "Пикет"}
    )
    # The liaison's "more information needed" on another household of A's organisation (household A
    # itself stays free to move along the pipeline): a request for the caseworker to answer.
    referred = household_create(
        actor=Actor.for_user(caseworker_a),
        organisation=household_a.organisation,
        principal={"surname_cyrillic": "Щукина", "given_name_cyrillic": "Анна", "birth_date": "1990"},
    )
    entry = batch_for(coordinator, liaison, [referred]).entries.get()
    referral_decision_record(
        actor=Actor.for_user(liaison), entry=entry, decision="more_information", note="Повестка?"
    )
    known_ids = {
        "reference": household_a.reference,
        "person_id": str(principal.public_id),
        "item_id": str(item.public_id),
        "hit_id": str(registry_objects(principal)["hit"]),
        "request_id": str(entry.information_requests.get().public_id),
    }
    for operation in operations:

        @given(case=operation.as_strategy(), known=st.booleans())
        @settings(
            max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
        )
        def check(case: Any, known: bool) -> None:
            cache.clear()  # the rate limit is not what this test is about
            if known and case.path_parameters is not None:
                case.path_parameters.update({k: v for k, v in known_ids.items() if k in case.path_parameters})
            # A schema-valid birth date may still be no date (1985-13): refusing it is right, so the
            # check that every schema-valid body is accepted is left out; all the others run.
            headers = reviewer if "/screening" in case.path else caseworker
            case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

        check()
