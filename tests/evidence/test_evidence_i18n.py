"""The evidence pages in Russian: the section, the documentation reasons, refusals and plurals."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from haven.accounts.actor import Actor
from haven.evidence.actions import evidence_add, evidence_verify
from haven.evidence.models import EvidenceItem
from tests.support import evidence_files
from tests.support.personas import client_for, make_user

pytestmark = pytest.mark.django_db


def russian(user: Any) -> Any:
    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    return client


def test_the_household_section_in_russian(caseworker_a: Any, household_a: Any, post: EvidenceItem) -> None:
    html = russian(caseworker_a).get(f"/cases/{household_a.reference}/").content.decode()
    for text in (
        "Доказательства",
        "Пока недостаточно задокументировано",
        "0 из 3 нужных независимых проверенных материалов",
        "нет проверенной деятельности с датой",
        "Не учитывается: ещё не проверен.",
        "не меньше 3 независимых проверенных материалов",
        "Ещё не проверено",
        "Публичное антивоенное высказывание",
        "Пост в соцсети",
        "Материалов пока нет.",
    ):
        assert text in html, text


def test_the_item_and_person_pages_in_russian(reviewer_a: Any, household_a: Any, post: EvidenceItem) -> None:
    evidence_verify(actor=Actor.for_user(reviewer_a), item=post, verdict="verified", note="ok")
    client = russian(reviewer_a)
    item = client.get(f"/cases/{household_a.reference}/evidence/{post.public_id}/").content.decode()
    assert "Цепочка хранения" in item and "Подтверждено" in item and "Скачать" in item
    person = client.get(
        f"/cases/{household_a.reference}/evidence/people/{post.person.public_id}/"
    ).content.decode()
    assert "подписчиков" in person and "Статус проверки" in person
    assert "1 из 3 нужных независимых проверенных материалов" in person


def test_refusals_are_in_russian(caseworker_a: Any, household_a: Any) -> None:
    url = f"/cases/{household_a.reference}/evidence/people/{household_a.principal.public_id}/new/"
    data = {"kind": "photo", "title": "x", "upload": SimpleUploadedFile("a.zip", evidence_files.zip_of())}
    html = russian(caseworker_a).post(url, data).content.decode()
    assert "Архивы и сжатые файлы" in html


def test_the_adder_is_told_the_two_person_rule_in_russian(household_a: Any, org_a: Any) -> None:
    adder = make_user("rev-adder", "reviewer", org_a)
    item = evidence_add(actor=Actor.for_user(adder), person=household_a.principal, fields={"kind": "photo"})
    response = russian(adder).get(f"/cases/{household_a.reference}/evidence/{item.public_id}/verify/")
    assert response.status_code == 403
    assert "Этот материал добавили вы: проверить его должен кто-то другой" in response.content.decode()
