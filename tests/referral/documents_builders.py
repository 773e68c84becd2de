"""A referred household as the dossier tests need it, built through Haven's own actions: Юлия Котова
(detained, removal scheduled) with her son, an A-number and an address, a post verified by a reviewer
with its file timestamped, a reviewer's override, and a stored assessment."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.assessment.actions import assessment_override, household_assess
from haven.cases.actions import household_create, person_add, person_update, us_record_save
from haven.evidence.actions import evidence_add, evidence_verify
from haven.evidence.models import TrustedTimestamp
from tests.conftest import make_user

TODAY = dt.date(2026, 11, 24)
POST_TEXT = "Нет войне. Пикет у памятника Пушкину, 6 марта 2022 года.".encode()
ADDRESS = "1187 Linden Avenue, Buffalo NY 14214"
PDFTOTEXT = Path("/usr/bin/pdftotext")


def pdf_text(pdf: bytes) -> str:
    if not PDFTOTEXT.exists():
        pytest.skip("pdftotext (poppler-utils) is not installed at /usr/bin/pdftotext: cannot read PDFs")
    done = subprocess.run(  # noqa: S603 - a fixed program reading bytes on stdin
        [str(PDFTOTEXT), "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def squeezed(text: str) -> str:
    """The text without any white space: a long hash may wrap across lines in a narrow column."""
    return "".join(text.split())


def referred_household(suffix: str = "") -> dict[str, Any]:
    org = Organisation.objects.create(name="Free Russia Aid", slug=f"fra{suffix}")
    caseworker = make_user(f"anna{suffix}", "caseworker", org)
    reviewer = make_user(f"rita{suffix}", "reviewer", org)
    actor, checker = Actor.for_user(caseworker), Actor.for_user(reviewer)
    household = household_create(
        actor=actor,
        organisation=org,
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
    principal = household.principal
    person_update(actor=actor, person=principal, fields={"address": ADDRESS, "citizenships": "RU"})
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
    us_record_save(
        actor=actor,
        person=principal,
        fields={
            "a_number": "212345678",
            "status": "final_order",
            "detained": True,
            "detention_facility": "Buffalo Federal Detention Facility",
            "court": "Batavia Immigration Court",
            "removal_order_date": dt.date(2026, 9, 3),
            "removal_scheduled_date": dt.date(2026, 12, 9),
        },
    )
    post = evidence_add(
        actor=actor,
        person=principal,
        fields={
            "kind": "social_post",
            "title": "Пост о пикете",
            "source_url": "https://t.me/kotova_ju/118",
            "language": "ru",
            "published_on": dt.date(2022, 3, 6),
            "tags": [
                ("public_antiwar_statement", dt.date(2022, 3, 6)),
                ("protest_participation", dt.date(2022, 3, 6)),
            ],
        },
        data=POST_TEXT,
        filename="пост.txt",
    )
    evidence_verify(actor=checker, item=post, verdict="verified", note="Checked the channel's archive.")
    blob = post.files.get().blob
    TrustedTimestamp.objects.create(
        blob=blob,
        authority="https://tsa.example.org",
        token=b"\x30\x03\x02\x01\x00",
        generated_at=dt.datetime(2026, 11, 2, tzinfo=dt.UTC),
    )
    stored = household_assess(actor=actor, household=household, today=TODAY)
    assessment_override(
        actor=checker,
        household=household,
        dimension="urgency",
        level="emergency",
        justification="Removal flight confirmed by the attorney.",
    )
    return {
        "household": household,
        "sha256": blob.sha256,
        "assessment": stored,
        "org": org,
        "caseworker": caseworker,
        "reviewer": reviewer,
    }
