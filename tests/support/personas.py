"""The personas' password, making a user with a role, a client signed in as one, and organisation A's
household of Юлия Котова (the persona and household fixtures themselves are in tests/conftest.py)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from haven.accounts.models import Membership, Organisation

PASSWORD = "correct horse battery staple"


def make_user(username: str, role: str, organisation: Organisation | None) -> Any:
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    Membership.objects.create(user=user, role=role, organisation=organisation)
    return user


def client_for(user: Any) -> Client:
    """A client signed in as ``user`` who has passed every login step, the second factor included."""
    from haven.accounts.twofactor import SESSION_FLAG

    client = Client()
    client.force_login(user)
    session = client.session
    session[SESSION_FLAG] = True
    session.save()
    return client


def russian(user: Any) -> Client:
    """A client signed in as ``user`` who reads Haven in Russian (the language cookie set)."""
    from django.conf import settings

    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    return client


def kotova_household(caseworker: Any, organisation: Organisation) -> Any:
    """A household of ``organisation`` (``household_a``): Юлия Котова with her son."""
    from haven.accounts.actor import Actor
    from haven.cases.actions import household_create, person_add

    actor = Actor.for_user(caseworker)
    household = household_create(
        actor=actor,
        organisation=organisation,
        principal={
            "surname_cyrillic": "Котова",
            "given_name_cyrillic": "Юлия",
            "patronymic_cyrillic": "Сергеевна",
            "surname_latin": "KOTOVA",
            "given_name_latin": "IULIIA",
            "sex": "F",
            "birth_date": "1988-04-12",
        },
    )
    person_add(
        actor=actor,
        household=household,
        fields={
            "relationship": "child",
            "surname_cyrillic": "Котов",
            "given_name_cyrillic": "Миша",
            "birth_date": "2016",
        },
    )
    return household
