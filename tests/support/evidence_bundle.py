"""Evidence bundles for the tests: a household with timestamped evidence, and the commands that export
and verify its bundle, with helpers to read and tamper with the archive."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from haven.accounts.actor import Actor
from haven.evidence.actions import evidence_add, evidence_verify
from haven.evidence.capture import capture_url
from haven.evidence.timestamps import timestamp_pending
from tests.support.evidence_files import png
from tests.support.local_sites import POST_HTML, local_site, page
from tests.support.timestamp_authority import Authority

PASSPHRASE = "a long passphrase for the lawyer"


@pytest.fixture(name="evidence")
def evidence_fixture(
    tsa: Authority, settings: Any, caseworker_a: Any, reviewer_a: Any, household_a: Any
) -> Any:
    """Юлия Котова's evidence: a captured post (verified) and an uploaded photo, all timestamped."""
    settings.HAVEN_CAPTURE_ALLOW_PRIVATE, settings.HAVEN_CAPTURE_CHROMIUM = True, ""
    person = household_a.people.get(relationship="principal")
    actor = Actor.for_user(caseworker_a)
    with local_site({"/post": page(POST_HTML.format(extra="").encode("cp1251"))}) as site:
        post = capture_url(
            actor=actor, person=person, url=site.url("/post"), fields={"kind": "social_post", "title": "Пост"}
        )
    photo = evidence_add(
        actor=actor,
        person=person,
        fields={"kind": "photo", "title": "Пикет"},
        data=png(),
        filename="picket.png",
    )
    evidence_verify(actor=Actor.for_user(reviewer_a), item=post, verdict="verified", note="Сверено с архивом")
    assert timestamp_pending().stamped == 3
    return household_a, post, photo


def export(household: Any, path: Path, *options: str) -> str:
    out = io.StringIO()
    call_command(
        "evidence-bundle",
        household.reference,
        "--out",
        str(path),
        *(options or ("--unencrypted",)),
        stdout=out,
    )
    return out.getvalue()


def verify(path: Path, *options: str) -> tuple[bool, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify-bundle", str(path), *options, stdout=out, stderr=err)
    except CommandError as exc:
        return False, out.getvalue() + err.getvalue() + str(exc)
    return True, out.getvalue() + err.getvalue()


def members(path: Path) -> list[tuple[str, bytes]]:
    with tarfile.open(path, "r:*") as tar:
        return [(m.name, tar.extractfile(m).read()) for m in tar]  # type: ignore[union-attr]


def rewrite(path: Path, entries: list[tuple[str, bytes]]) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    path.write_bytes(buffer.getvalue())
