"""The liaison's "more information needed" opens a request that the household's organisation sees (on
the household page, on its list of requests, as a count), answers in Haven, and the liaison reads the
answer on the batch before deciding; each step on the timeline and in the audit trail, and only the
owning organisation may answer."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.errors import InvalidChange, NotAllowed
from haven.referral.actions import referral_decision_record, referral_withdraw
from haven.referral.information import open_requests_count
from haven.referral.information.actions import information_request_answer
from haven.referral.models import InformationRequest, ReferralEntry
from tests.support.personas import client_for
from tests.support.referral import batch_for

pytestmark = pytest.mark.django_db

QUESTION = "Пришлите, пожалуйста, копию повестки в суд и перевод."
ANSWER = "Повестка загружена как доказательство; перевод будет к пятнице."


@pytest.fixture
def entry(coordinator: Any, liaison: Any, household_a: Any) -> ReferralEntry:
    return batch_for(coordinator, liaison, [household_a]).entries.get()


def ask(liaison: Any, entry: ReferralEntry, question: str = QUESTION) -> InformationRequest:
    referral_decision_record(
        actor=Actor.for_user(liaison), entry=entry, decision="more_information", note=question
    )
    return InformationRequest.objects.filter(entry=entry).order_by("-id").first()


def answer(caseworker: Any, request: InformationRequest, text: str = ANSWER) -> InformationRequest:
    return information_request_answer(actor=Actor.for_user(caseworker), request=request, answer=text)


def test_more_information_opens_a_request_on_the_timeline_and_in_the_audit_trail(
    entry: ReferralEntry, liaison: Any, household_a: Any
) -> None:
    request = ask(liaison, entry)
    assert (request.status, request.question, request.asked_by) == ("open", QUESTION, liaison)
    household_a.refresh_from_db()
    assert household_a.stage == "referred"
    notes = [e.note for e in household_a.events.filter(kind="other")]
    assert f"Referral {entry.batch.reference}: More information needed — {QUESTION}" in notes
    opened = AuditEntry.objects.get(action="referral.request_open")
    assert opened.household_ref == household_a.reference and opened.target == str(request.public_id)
    assert opened.detail == {"batch": entry.batch.reference}  # never the question itself


def test_the_caseworkers_home_lists_the_request_until_it_is_answered(
    entry: ReferralEntry, liaison: Any, household_a: Any, caseworker_a: Any, caseworker_b: Any
) -> None:
    request = ask(liaison, entry)
    section = client_for(caseworker_a).get("/").context["by_key"]["liaison_requests"]
    assert section.count == 1
    (item,) = section.items
    assert (item.title, item.detail) == (QUESTION, entry.batch.reference)
    assert item.url == f"/cases/{household_a.reference}/#information-requests"
    assert client_for(caseworker_b).get("/").context["by_key"]["liaison_requests"].count == 0
    answer(caseworker_a, request)
    assert client_for(caseworker_a).get("/").context["by_key"]["liaison_requests"].count == 0


def test_the_owning_organisation_sees_the_request_and_its_count(
    entry: ReferralEntry, liaison: Any, household_a: Any, caseworker_a: Any, caseworker_b: Any
) -> None:
    assert open_requests_count(Actor.for_user(caseworker_a)) == 0
    request = ask(liaison, entry)
    assert open_requests_count(Actor.for_user(caseworker_a)) == 1
    assert open_requests_count(Actor.for_user(caseworker_b)) == 0  # another organisation's household
    assert open_requests_count(Actor.for_user(liaison)) == 0
    page = client_for(caseworker_a).get(f"/cases/{household_a.reference}/").content.decode()
    assert 'id="information-requests"' in page and QUESTION in page
    assert f"/referrals/requests/{request.public_id}/answer/" in page  # the answer form
    person = household_a.principal
    assert f"/cases/{household_a.reference}/evidence/people/{person.public_id}/new/" in page
    listed = client_for(caseworker_a).get("/referrals/requests/").content.decode()
    assert household_a.reference in listed and QUESTION in listed
    other = client_for(caseworker_b).get("/referrals/requests/").content.decode()
    assert household_a.reference not in other and QUESTION not in other
    assert client_for(liaison).get("/referrals/requests/").status_code == 403


def test_the_caseworker_answers_and_the_liaison_reads_the_answer_on_the_batch(
    entry: ReferralEntry, liaison: Any, household_a: Any, caseworker_a: Any
) -> None:
    request = ask(liaison, entry)
    response = client_for(caseworker_a).post(
        f"/referrals/requests/{request.public_id}/answer/", {"answer": ANSWER}
    )
    assert response.status_code == 302 and response["Location"] == f"/cases/{household_a.reference}/"
    request.refresh_from_db()
    assert (request.status, request.answer, request.answered_by) == ("answered", ANSWER, caseworker_a)
    notes = [e.note for e in household_a.events.filter(kind="other")]
    reference = entry.batch.reference
    assert f"Referral {reference}: answer to the liaison's request for information — {ANSWER}" in notes
    answered = AuditEntry.objects.get(action="referral.request_answer")
    assert answered.actor == caseworker_a and answered.detail == {"batch": reference}
    assert open_requests_count(Actor.for_user(caseworker_a)) == 0
    batch_page = client_for(liaison).get(f"/referrals/{entry.batch.public_id}/").content.decode()
    assert ANSWER in batch_page
    entry_page = (
        client_for(liaison)
        .get(f"/referrals/{entry.batch.public_id}/households/{household_a.reference}/")
        .content.decode()
    )
    assert QUESTION in entry_page and ANSWER in entry_page
    # The answer comes before the decision form, which follows the summary.
    assert entry_page.index("summary-title") < entry_page.index(ANSWER) < entry_page.index("decision-title")
    # Back to decide on the answer: the form does not offer to ask again by default.
    (again,) = re.findall(r'<input type="radio" name="decision" value="more_information"[^>]*>', entry_page)
    assert "checked" not in again


def test_accepting_closes_the_request(
    entry: ReferralEntry, liaison: Any, household_a: Any, caseworker_a: Any
) -> None:
    request = answer(caseworker_a, ask(liaison, entry))
    referral_decision_record(actor=Actor.for_user(liaison), entry=entry, decision="accepted")
    request.refresh_from_db()
    household_a.refresh_from_db()
    assert request.status == "closed" and request.closed_at is not None and request.answer == ANSWER
    assert household_a.stage == "decision_received"
    closed = AuditEntry.objects.get(action="referral.request_close")
    assert closed.detail == {"batch": entry.batch.reference, "why": "decided"}
    notes = [e.note for e in household_a.events.filter(kind="other")]
    assert f"Referral {entry.batch.reference}: the liaison's request for information is closed" in notes


def test_asking_again_closes_the_earlier_request(
    entry: ReferralEntry, liaison: Any, caseworker_a: Any
) -> None:
    first = answer(caseworker_a, ask(liaison, entry))
    second = ask(liaison, entry, "И перевод справки из ОВД-Инфо.")
    first.refresh_from_db()
    assert (first.status, second.status) == ("closed", "open")
    assert AuditEntry.objects.get(action="referral.request_close").detail["why"] == "superseded"
    assert open_requests_count(Actor.for_user(caseworker_a)) == 1


def test_withdrawing_the_household_closes_its_request(
    entry: ReferralEntry, liaison: Any, coordinator: Any
) -> None:
    request = ask(liaison, entry)
    referral_withdraw(actor=Actor.for_user(coordinator), entry=entry, reason="Семья уехала.")
    request.refresh_from_db()
    assert request.status == "closed"
    assert AuditEntry.objects.get(action="referral.request_close").detail["why"] == "withdrawn"


def test_only_the_owning_organisation_answers_once_and_not_blank(
    entry: ReferralEntry, liaison: Any, caseworker_a: Any, caseworker_b: Any
) -> None:
    request = ask(liaison, entry)
    with pytest.raises(NotAllowed):
        answer(caseworker_b, request)
    url = f"/referrals/requests/{request.public_id}/answer/"
    assert client_for(caseworker_b).post(url, {"answer": ANSWER}).status_code == 404
    assert client_for(liaison).post(url, {"answer": ANSWER}).status_code == 403
    with pytest.raises(InvalidChange):
        answer(caseworker_a, request, "   ")
    answer(caseworker_a, request)
    with pytest.raises(InvalidChange):
        answer(caseworker_a, request, "Ещё одно.")
    request.refresh_from_db()
    assert request.answer == ANSWER
    assert AuditEntry.objects.filter(action="referral.request_answer").count() == 1


def test_question_and_answer_are_encrypted_at_rest(
    entry: ReferralEntry, liaison: Any, caseworker_a: Any
) -> None:
    request = answer(caseworker_a, ask(liaison, entry))
    with connection.cursor() as cursor:
        cursor.execute("SELECT question, answer FROM referral_informationrequest WHERE id = %s", [request.pk])
        question, stored_answer = cursor.fetchone()
    assert question and "повестки" not in question and stored_answer and "Повестка" not in stored_answer


def test_a_liaison_working_in_french_writes_the_timeline_in_havens_language(
    entry: ReferralEntry, liaison: Any, household_a: Any, caseworker_a: Any
) -> None:
    from django.utils import translation

    with translation.override("fr"):
        request = ask(liaison, entry, "Merci d'envoyer la convocation.")
    answer(caseworker_a, request)
    with translation.override("fr"):
        referral_decision_record(actor=Actor.for_user(liaison), entry=entry, decision="accepted")
    notes = " | ".join(e.note for e in household_a.events.all())
    reference = entry.batch.reference
    assert f"Referral {reference}: More information needed — Merci d'envoyer la convocation." in notes
    assert f"Referral {reference}: the liaison's request for information is closed" in notes
    assert f"Referral {reference}: Accepted" in notes and "Recommandation" not in notes


def test_the_organisation_reads_and_answers_the_request_in_russian(
    entry: ReferralEntry, liaison: Any, household_a: Any, caseworker_a: Any
) -> None:
    from django.conf import settings

    from tests.support.i18n import english_left

    ask(liaison, entry)
    client = client_for(caseworker_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = client.get(f"/cases/{household_a.reference}/").content.decode()
    panel = page[page.index('<section id="information-requests"') :]
    panel = panel[: panel.index("</section>")]
    assert "Запросы сведений от принимающей стороны" in panel and "Отправить ответ" in panel
    assert english_left(f'<html lang="ru">{panel}</html>', "ru") == []
    listed = client.get("/referrals/requests/").content.decode()
    main = listed[listed.index("<main") : listed.index("</main>")]
    assert "Запросы принимающей стороны" in main
    assert english_left(f'<html lang="ru">{main}</html>', "ru") == []


def test_an_answer_from_the_list_returns_to_the_list_and_never_off_site(
    entry: ReferralEntry, liaison: Any, household_a: Any, caseworker_a: Any
) -> None:
    request = ask(liaison, entry)
    url = f"/referrals/requests/{request.public_id}/answer/"
    client = client_for(caseworker_a)
    off_site = client.post(url, {"answer": "", "next": "https://example.org/"})
    assert off_site["Location"] == f"/cases/{household_a.reference}/"  # and nothing was answered
    request.refresh_from_db()
    assert request.status == "open"
    back = client.post(url, {"answer": ANSWER, "next": "/referrals/requests/"})
    assert back["Location"] == "/referrals/requests/"
    listed = client.get("/referrals/requests/").content.decode()
    assert "No request from the liaison waits for an answer." in listed and QUESTION not in listed
