"""Change events: what the write paths announce once a change commits, and who follows up on it.

The case actions (and the assessment and registry write paths) publish a typed event with
:func:`publish_on_commit`; the apps that follow up on a change subscribe to it in their
``AppConfig.ready()``: assessment reassesses a changed household, registries rescreens a renamed
person, alerts tell the coordinators of a new emergency and the owners of a new registry listing.
So the arrows point down: cases knows nothing of the apps above it, they know of cases.

A subscriber runs after the commit, never inside the transaction, and a failing subscriber is logged
and does not stop the others: the change itself is committed, and each follow-up has its own way to
catch up (``haven assess``, ``haven screen``, ``haven send-alerts``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HouseholdChanged:
    """A household's records (people, US records, ties, timeline) changed."""

    household_id: int
    actor: Any  # haven.accounts.actor.Actor


@dataclass(frozen=True)
class PersonNamesChanged:
    """People were added, or their names or dates of birth changed: what registry screening reads.
    ``stream`` is where a command (a spreadsheet import) wants the screening's progress written."""

    person_ids: tuple[int, ...]
    actor: Any
    stream: Any = None


@dataclass(frozen=True)
class EmergencyMayHaveStarted:
    """An assessment or an urgency override may have put these households in emergency priority."""

    household_ids: tuple[int, ...]
    actor: Any


@dataclass(frozen=True)
class RegistryListedAnew:
    """A registry snapshot newer than any before it lists people it did not list before."""

    snapshot_id: int
    actor: Any


E = TypeVar("E")
_subscribers: dict[type, list[Callable[[Any], None]]] = {}


def subscribe(kind: type[E], handler: Callable[[E], None]) -> None:
    """Call ``handler`` with every event of ``kind`` once the transaction that published it commits.
    Subscribing the same handler twice (``ready()`` run again) keeps one subscription."""
    handlers = _subscribers.setdefault(kind, [])
    if handler not in handlers:
        handlers.append(handler)


def subscribers(kind: type) -> list[Callable[[Any], None]]:
    return list(_subscribers.get(kind, ()))


def publish_on_commit(event: Any) -> None:
    """Deliver ``event`` to its subscribers after the current transaction commits (at once outside
    one); nothing is delivered if it rolls back."""
    transaction.on_commit(lambda: deliver(event))


def deliver(event: Any) -> None:
    """Run every subscriber of ``event``; one that fails is logged and the others still run."""
    for handler in subscribers(type(event)):
        try:
            handler(event)
        except Exception:
            log.exception("following up on %s failed in %s", type(event).__name__, handler.__qualname__)
