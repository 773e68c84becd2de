"""Who is acting: a signed-in user with their role, someone not signed in, or Haven itself — three
different things, never told apart by guessing from a missing user."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from haven.accounts.actor import Actor
from haven.errors import NotAllowed
from haven.jobs.actions import job_start, jobs_for
from haven_core.roles import Role


def test_a_signed_in_user_acts_with_their_role_and_organisation(caseworker_a: Any, org_a: Any) -> None:
    actor = Actor.for_user(caseworker_a, ip="192.0.2.1")
    assert (actor.user, actor.role, actor.organisation, actor.ip) == (
        caseworker_a,
        Role.CASEWORKER,
        org_a,
        "192.0.2.1",
    )
    assert (actor.user_id, actor.organisation_id, actor.is_system) == (caseworker_a.pk, org_a.pk, False)
    assert actor.signed_in == caseworker_a


def test_someone_not_signed_in_is_nobody_and_not_haven_itself(db: Any) -> None:
    actor = Actor.for_user(AnonymousUser(), ip="192.0.2.1")
    assert (actor.user, actor.role, actor.organisation, actor.is_system) == (None, None, None, False)
    assert actor.user_id is None
    with pytest.raises(NotAllowed):
        actor.signed_in  # noqa: B018


def test_haven_itself_has_coalition_wide_rights_and_no_user(db: Any) -> None:
    actor = Actor.system()
    assert (actor.user, actor.role, actor.is_system) == (None, Role.ADMIN, True)
    with pytest.raises(NotAllowed):
        actor.signed_in  # noqa: B018


def test_only_haven_itself_follows_every_job_and_nobody_follows_none(coordinator: Any) -> None:
    job = job_start(actor=Actor.for_user(coordinator), kind="probe")
    assert list(jobs_for(Actor.system())) == [job]
    assert list(jobs_for(Actor.for_user(AnonymousUser()))) == []
