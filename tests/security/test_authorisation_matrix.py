"""Every URL Haven defines, opened by every persona, answers as this matrix says.

Household objects belong to organisation A. A new URL without a row here fails
``test_every_url_has_a_row``: deciding who may open a page is part of adding it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from haven.accounts.actor import Actor
from haven.accounts.models import Membership, Organisation
from haven.cases.actions import canada_permit_save, canada_relative_save, event_add
from haven.evidence.actions import evidence_add
from tests.support.demo import built_once, reading_files_of
from tests.support.personas import PASSWORD, client_for, kotova_household, make_user
from tests.support.registries import registry_objects
from tests.support.selection import selection_run_for

PERSONAS = ("caseworker_a", "reviewer_a", "caseworker_b", "coordinator", "liaison", "admin", "anonymous")

# Expected GET status per persona, in PERSONAS order. "login" means a redirect to the login page.
OWN, OTHER, COALITION, NONE = 200, 404, 200, 403
HOUSEHOLD = (OWN, OWN, OTHER, COALITION, NONE, COALITION, "login")
CASELOAD = (200, 200, 200, 200, 403, 200, "login")
HIT_REVIEW = (403, 200, 403, 200, 403, 200, "login")  # reviewers and the coordinator, not caseworkers
COORDINATION = (403, 403, 403, 200, 403, 200, "login")
COORDINATOR_ONLY = (403, 403, 403, 200, 403, 403, "login")  # selection: the coordinator alone

MATRIX: dict[str, tuple[Callable[[dict[str, Any]], str], tuple[int | str, ...]]] = {
    "home": (lambda o: "/", (200, 200, 200, 200, 200, 200, "login")),
    "login": (lambda o: "/login/", (302, 302, 302, 302, 302, 302, 200)),
    "logout": (lambda o: "/logout/", (405,) * 7),
    "set_language": (lambda o: "/i18n/setlang/", (302,) * 7),
    "accounts:twofactor_setup": (lambda o: "/account/2fa/setup/", (200,) * 6 + ("login",)),
    "accounts:twofactor_verify": (lambda o: "/account/2fa/verify/", (302,) * 6 + ("login",)),
    "cases:list": (lambda o: "/cases/", CASELOAD),
    "cases:new": (lambda o: "/cases/new/", CASELOAD),
    "cases:detail": (lambda o: f"/cases/{o['ref']}/", HOUSEHOLD),
    "cases:edit": (lambda o: f"/cases/{o['ref']}/edit/", HOUSEHOLD),
    "cases:stage": (lambda o: f"/cases/{o['ref']}/status/", HOUSEHOLD),
    "cases:person_new": (lambda o: f"/cases/{o['ref']}/people/new/", HOUSEHOLD),
    "cases:person_edit": (lambda o: f"/cases/{o['ref']}/people/{o['person']}/edit/", HOUSEHOLD),
    "cases:person_remove": (lambda o: f"/cases/{o['ref']}/people/{o['child']}/remove/", HOUSEHOLD),
    "cases:us_record": (lambda o: f"/cases/{o['ref']}/people/{o['person']}/us-record/", HOUSEHOLD),
    "cases:relative_new": (lambda o: f"/cases/{o['ref']}/people/{o['person']}/relatives/new/", HOUSEHOLD),
    "cases:relative_edit": (lambda o: f"/cases/{o['ref']}/relatives/{o['relative']}/edit/", HOUSEHOLD),
    "cases:relative_remove": (lambda o: f"/cases/{o['ref']}/relatives/{o['relative']}/remove/", HOUSEHOLD),
    "cases:permit_new": (lambda o: f"/cases/{o['ref']}/people/{o['person']}/permits/new/", HOUSEHOLD),
    "cases:permit_edit": (lambda o: f"/cases/{o['ref']}/permits/{o['permit']}/edit/", HOUSEHOLD),
    "cases:permit_remove": (lambda o: f"/cases/{o['ref']}/permits/{o['permit']}/remove/", HOUSEHOLD),
    "cases:event_new": (lambda o: f"/cases/{o['ref']}/events/new/", HOUSEHOLD),
    "cases:event_withdraw": (lambda o: f"/cases/{o['ref']}/events/{o['event']}/withdraw/", HOUSEHOLD),
    "audit:household": (lambda o: f"/audit/households/{o['ref']}/", (403, 403, 403, 200, 403, 200, "login")),
    "consent:household": (lambda o: f"/cases/{o['ref']}/consent/", HOUSEHOLD),
    "consent:withdraw": (  # POST only
        lambda o: f"/cases/{o['ref']}/consent/8d7e7a4e-33c1-4b9e-9d0b-3f3c54e1a0b2/withdraw/",
        (405,) * 7,
    ),
    "assessment:list": (lambda o: "/assessment/", CASELOAD),
    "assessment:assess": (lambda o: f"/assessment/{o['ref']}/assess/", HOUSEHOLD),
    "assessment:override": (
        lambda o: f"/assessment/{o['ref']}/override/",
        (403, 200, 404, 200, 403, 200, "login"),
    ),
    "registries:list": (lambda o: "/registries/", CASELOAD),
    "registries:snapshot": (lambda o: f"/registries/snapshots/{o['snapshot']}/", CASELOAD),
    "registries:import": (lambda o: "/registries/import/", HIT_REVIEW),  # reviewers and the coordinator
    "registries:import_confirm": (lambda o: f"/registries/import/{o['person']}/confirm/", (405,) * 7),
    "registries:queue": (lambda o: "/registries/screening/", HIT_REVIEW),
    "registries:hit": (lambda o: f"/registries/screening/{o['hit']}/", HIT_REVIEW),
    "registries:duplicates": (lambda o: "/registries/duplicates/", COORDINATION),
    # A link joins two organisations' people: not found for anyone with a caseload who may not see both
    # (tests/security/test_refused_objects_audited.py), refused at the door to a liaison.
    "registries:link": (
        lambda o: f"/registries/duplicates/{o['link']}/",
        (404, 404, 404, 200, 403, 200, "login"),
    ),
    "evidence:person": (lambda o: f"/cases/{o['ref']}/evidence/people/{o['person']}/", HOUSEHOLD),
    "evidence:new": (lambda o: f"/cases/{o['ref']}/evidence/people/{o['person']}/new/", HOUSEHOLD),
    "evidence:capture": (lambda o: f"/cases/{o['ref']}/evidence/people/{o['person']}/capture/", HOUSEHOLD),
    "evidence:item": (lambda o: f"/cases/{o['ref']}/evidence/{o['item']}/", HOUSEHOLD),
    "evidence:edit": (lambda o: f"/cases/{o['ref']}/evidence/{o['item']}/edit/", HOUSEHOLD),
    "evidence:working_copy": (lambda o: f"/cases/{o['ref']}/evidence/{o['item']}/working-copy/", HOUSEHOLD),
    # Caseworker A added the item: the two-person rule (and the role) refuses them; reviewers verify.
    "evidence:verify": (
        lambda o: f"/cases/{o['ref']}/evidence/{o['item']}/verify/",
        (403, 200, 404, 200, 403, 200, "login"),
    ),
    "evidence:download": (
        lambda o: f"/cases/{o['ref']}/evidence/{o['item']}/files/{o['sha']}/download/",
        HOUSEHOLD,
    ),
    "evidence:preview": (
        lambda o: f"/cases/{o['ref']}/evidence/{o['item']}/files/{o['sha']}/preview/",
        HOUSEHOLD,
    ),
    "intake:upload": (lambda o: "/intake/", CASELOAD),
    "intake:template": (lambda o: "/intake/template/ru/", CASELOAD),
    "intake:confirm": (lambda o: "/intake/confirm/", (405,) * 7),  # POST only, like the export
    "intake:export": (lambda o: "/intake/export/", (405,) * 7),
    "selection:home": (lambda o: "/selection/", COORDINATOR_ONLY),
    # A run is read by the coordinators and an administrator: either may approve another's run.
    "selection:run": (lambda o: f"/selection/runs/{o['run']}/", COORDINATION),
    "selection:approve": (lambda o: f"/selection/runs/{o['run']}/approve/", (405,) * 7),  # POST only
    # The API answers only to a token: a browser session, however signed in, gets 401 (tests/api).
    "api-v1:api-root": (lambda o: "/api/v1/", (404,) * 7),
    "api-v1:openapi-json": (lambda o: "/api/v1/openapi.json", (200,) * 7),
    "api-v1:households": (lambda o: "/api/v1/households", (401,) * 7),
    "api-v1:household": (lambda o: f"/api/v1/households/{o['ref']}", (401,) * 7),
    "api-v1:household_people": (lambda o: f"/api/v1/households/{o['ref']}/people", (405,) * 7),
    "api-v1:person": (lambda o: f"/api/v1/households/{o['ref']}/people/{o['person']}", (401,) * 7),
    "api-v1:us_record": (
        lambda o: f"/api/v1/households/{o['ref']}/people/{o['person']}/us-record",
        (401,) * 7,
    ),
    "api-v1:person_evidence": (
        lambda o: f"/api/v1/households/{o['ref']}/people/{o['person']}/evidence",
        (401,) * 7,
    ),
    "api-v1:evidence_item": (lambda o: f"/api/v1/households/{o['ref']}/evidence/{o['item']}", (401,) * 7),
    "api-v1:assessment": (lambda o: f"/api/v1/households/{o['ref']}/assessment", (401,) * 7),
    "api-v1:screening": (lambda o: f"/api/v1/households/{o['ref']}/screening", (401,) * 7),
    "api-v1:screening_hit": (lambda o: f"/api/v1/households/{o['ref']}/screening/{o['hit']}", (405,) * 7),
    "api-v1:information_requests": (lambda o: "/api/v1/information-requests", (401,) * 7),
    "api-v1:information_request": (lambda o: f"/api/v1/information-requests/{o['request']}", (401,) * 7),
    "api-v1:information_request_answer": (
        lambda o: f"/api/v1/information-requests/{o['request']}/answer",
        (405,) * 7,
    ),
    "api:tokens": (lambda o: "/api/tokens/", (200,) * 6 + ("login",)),
    "api:docs": (lambda o: "/api/docs/", (200,) * 6 + ("login",)),
    "api:revoke": (lambda o: f"/api/tokens/{o['person']}/revoke/", (405,) * 7),
    # Django's admin: its own login page for everyone who is not staff.
    "admin": (lambda o: "/admin/", ("admin-login",) * 5 + (200, "admin-login")),
}


# Rows for the referral, radar, alerts, dashboard and accounts pages live beside this file, one module
# per app, each with ``ROWS`` (same shape as above) and ``extra_objects(objects, users)`` adding what
# its URLs need.
APP_ROWS = [
    importlib.import_module(f"tests.security.matrix_{app}")
    for app in ("referral", "radar", "alerts", "dashboard", "accounts", "jobs", "review")
]
for _module in APP_ROWS:
    MATRIX.update(_module.ROWS)


def defined_urls(patterns: list[Any], namespace: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                yield "admin"
                continue
            inner = pattern.namespace or namespace
            yield from defined_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}:{pattern.name}" if namespace else str(pattern.name)


def test_every_url_has_a_row() -> None:
    defined = set(defined_urls(get_resolver().url_patterns))
    assert defined - MATRIX.keys() == set(), "add these URLs to the authorisation matrix"
    assert MATRIX.keys() - defined == set(), "these rows name URLs that no longer exist"


@pytest.fixture(scope="module")
def world(
    django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[dict[str, Any], dict[str, str], Path]]:
    """The personas, household A with something of every kind a URL names, and each persona's signed-in
    session: written once for the module's tests (tests/support/demo.py's ``built_once``), which only
    read them; whatever a request writes (an audit entry, a session) is undone after its test. Returns
    the objects the URLs name, each persona's session cookie, and the folder of the stored files."""
    files = tmp_path_factory.mktemp("matrix-files")
    with built_once(django_db_blocker, files):
        org_a = Organisation.objects.create(name="Free Russia Aid", slug="fra")
        org_b = Organisation.objects.create(name="Exile Legal Defence", slug="eld")
        caseworker_a = make_user("anna", "caseworker", org_a)
        reviewer_a = make_user("rita", "reviewer", org_a)
        coordinator = make_user("coco", "coordinator", None)
        liaison = make_user("lia", "liaison", None)
        household_a = kotova_household(caseworker_a, org_a)
        found = _objects(caseworker_a, reviewer_a, coordinator, liaison, household_a)
        admin = get_user_model().objects.create_superuser(username="root", password=PASSWORD)
        Membership.objects.create(user=admin, role="admin", organisation=None)
        users = {
            "caseworker_a": caseworker_a,
            "reviewer_a": reviewer_a,
            "caseworker_b": make_user("boris", "caseworker", org_b),
            "coordinator": coordinator,
            "liaison": liaison,
            "admin": admin,
        }
        sessions = {
            name: client_for(user).cookies[django_settings.SESSION_COOKIE_NAME].value
            for name, user in users.items()
        }
        yield found, sessions, files


def _objects(
    caseworker_a: Any, reviewer_a: Any, coordinator: Any, liaison: Any, household_a: Any
) -> dict[str, Any]:
    actor = Actor.for_user(caseworker_a)
    person = household_a.principal
    child = household_a.people.exclude(pk=person.pk).get()
    relative = canada_relative_save(
        actor=actor, person=person, fields={"relationship": "sibling", "canadian_status": "citizen"}
    )
    permit = canada_permit_save(actor=actor, person=person, fields={"kind": "work_permit"})
    event = event_add(
        actor=actor, household=household_a, fields={"date": household_a.created_at.date(), "kind": "other"}
    )
    item = evidence_add(
        actor=actor,
        person=person,
        fields={"kind": "photo", "title": "Пикет"},
        data=b"placard",
        filename="p.txt",
    )
    found = {
        "item": item.public_id,
        "sha": item.files.get().blob.sha256,
        "ref": household_a.reference,
        "person": person.public_id,
        "child": child.public_id,
        "relative": relative.public_id,
        "permit": permit.public_id,
        "event": event.public_id,
        **registry_objects(person),
        "run": selection_run_for(caseworker_a),
    }
    users = {"caseworker_a": caseworker_a, "reviewer_a": reviewer_a, "coordinator": coordinator}
    users |= {"liaison": liaison, "household_a": household_a}
    for module in APP_ROWS:
        found |= module.extra_objects(found, users)
    return found


@pytest.fixture
def objects(world: tuple[dict[str, Any], dict[str, str], Path], db: Any, settings: Any) -> dict[str, Any]:
    found, _sessions, files = world
    reading_files_of(settings, files)
    return found


@pytest.fixture
def clients(world: tuple[dict[str, Any], dict[str, str], Path], db: Any) -> dict[str, Client]:
    """A fresh client for each persona, signed in with the persona's session made once for the module."""
    _found, sessions, _files = world
    out = {"anonymous": Client()}
    for name, session in sessions.items():
        out[name] = Client()
        out[name].cookies[django_settings.SESSION_COOKIE_NAME] = session
    return out


def outcome(response: Any) -> int | str:
    if response.status_code == 302 and response["Location"].startswith("/login/"):
        return "login"
    if response.status_code == 302 and response["Location"].startswith("/admin/login/"):
        return "admin-login"
    return int(response.status_code)


@pytest.mark.parametrize("name", list(MATRIX))
def test_get_answers_as_the_matrix_says(
    name: str, objects: dict[str, Any], clients: dict[str, Client]
) -> None:
    build, expected = MATRIX[name]
    url = build(objects)
    seen = {persona: outcome(clients[persona].get(url)) for persona in PERSONAS}
    assert seen == dict(zip(PERSONAS, expected, strict=True)), url


@pytest.mark.parametrize(
    "name", [n for n, (_, e) in MATRIX.items() if e == HOUSEHOLD and n != "cases:detail"]
)
def test_refused_personas_cannot_post_either(
    name: str, objects: dict[str, Any], clients: dict[str, Client]
) -> None:
    url = MATRIX[name][0](objects)
    assert clients["caseworker_b"].post(url, {}).status_code == 404
    assert clients["liaison"].post(url, {}).status_code == 403
    assert outcome(clients["anonymous"].post(url, {})) == "login"
