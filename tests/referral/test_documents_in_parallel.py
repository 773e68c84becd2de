"""Rendering a package's dossiers in worker processes gives the same files as rendering them here."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

from haven.accounts.models import Organisation
from haven.referral.documents import package_files
from haven.referral.documents.package import _rendered
from haven_core.referral.profile import OFFICER
from tests.support.referral import pdf_text, referred_household


@pytest.mark.django_db
def test_two_workers_render_the_same_dossiers_in_the_same_order() -> None:
    first = referred_household()["household"]
    Organisation.objects.filter(pk=first.organisation_id).update(name="Free Russia Aid, Toronto")
    households = [first, referred_household("2")["household"]]

    def package(jobs: int) -> tuple[dict[str, bytes], list[tuple[int, int]]]:
        seen: list[tuple[int, int]] = []
        files = package_files(
            households,
            profile=OFFICER,
            batch_reference="R-2026-0009",
            recipient="Officer",
            created_on=dt.date(2026, 11, 24),
            progress=lambda done, total: seen.append((done, total)),
            jobs=jobs,
        )
        return files, seen

    # Rendered in this process first: the workers of the second package still render (a fork of a
    # process that has run Typst would wait forever on its first document).
    alone, alone_seen = package(1)
    together, together_seen = package(2)
    assert alone_seen == together_seen == [(1, 2), (2, 2)]
    assert list(alone) == list(together)  # same names, same order
    dossiers = [name for name in alone if name.startswith("dossiers/")]
    assert len(dossiers) == 4
    texts: dict[str, Any] = {}
    for name in dossiers:
        texts[name] = pdf_text(together[name])
        assert texts[name] == pdf_text(alone[name]), name
    for household in households:
        assert household.reference in texts[f"dossiers/{household.reference}.fr.pdf"]


def _slow_in_reverse(task: Any) -> dict[str, bytes]:
    """A stand-in for rendering: the earlier a task, the longer it takes."""
    time.sleep(0.02 * (12 - int(task)))
    return {f"dossiers/{task}.pdf": str(os.getpid()).encode()}


def test_workers_keep_the_households_order_and_read_only_a_few_ahead() -> None:
    read: list[int] = []

    def tasks() -> Iterator[Any]:
        for n in range(12):
            read.append(n)
            yield str(n)

    written = []
    for rendered in _rendered(tasks(), jobs=2, render=_slow_in_reverse):
        written.append(next(iter(rendered)))
        assert len(read) - len(written) <= 2 * 2 + 1, "households are read only a few ahead of the package"
    assert written == [f"dossiers/{n}.pdf" for n in range(12)]
