"""Reading a scanned Russian document: a worker reads the scan with Tesseract, the text is stored
encrypted with the item, Haven proposes the articles, kind, dates and authorities it finds, and a
reviewer confirms or rejects each; a confirmed article becomes the item's dated tag, which the
household's assessment reads. The reviewer finds the item by its text."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection

from haven.accounts.actor import Actor
from haven.assessment.actions import household_assess
from haven.audit.models import AuditEntry
from haven.errors import NotAllowed
from haven.evidence.actions import document_text_record, evidence_add, fact_decide
from haven.evidence.errors import InvalidEvidence
from haven.evidence.models import DocumentText, EvidenceItem, FactProposal
from haven.jobs.models import Job
from haven_core.assessment import DEFAULT_RULES, load_rules
from haven_core.evidence import ocr
from haven_core.evidence.document_facts import propose
from tests.support.evidence_files import PROTOCOL, bench_scans
from tests.support.jobs import run_queued
from tests.support.personas import client_for, make_user

pytestmark = pytest.mark.django_db

KNOWN = frozenset(load_rules(DEFAULT_RULES).provisions)


def _scan_item(caseworker: Any, household: Any, data: bytes) -> EvidenceItem:
    return evidence_add(
        actor=Actor.for_user(caseworker),
        person=household.principal,
        fields={"kind": "court_document", "title": "Протокол (скан)", "tags": []},
        data=data,
        filename="протокол.png",
    )


@pytest.fixture
def read_protocol(caseworker_a: Any, household_a: Any) -> EvidenceItem:
    """An item whose text has been read (given here, without OCR) and facts proposed."""
    item = evidence_add(
        actor=Actor.for_user(caseworker_a),
        person=household_a.principal,
        fields={"kind": "court_document", "title": "Протокол", "tags": []},
        data=b"%PDF-1.4 not really read in this test",
        filename="protocol.pdf",
    )
    document_text_record(
        actor=Actor.for_user(caseworker_a), item=item, text=PROTOCOL, sha256="0" * 64, pages=1,
        proposals=propose(PROTOCOL, KNOWN),
    )  # fmt: skip
    return item


def _article(item: EvidenceItem) -> FactProposal:
    return item.proposals.get(field="article", tag="prior_ac_20_3_3")


def _decide_url(household: Any, item: EvidenceItem) -> str:
    return f"/cases/{household.reference}/evidence/{item.public_id}/facts/{_article(item).pk}/"


def test_a_scanned_protocol_is_read_by_a_worker_and_proposes_its_article_and_date(
    caseworker_a: Any, household_a: Any
) -> None:
    if not ocr.available():
        pytest.skip("Tesseract with Russian is not installed (Debian: tesseract-ocr tesseract-ocr-rus)")
    scans = bench_scans()
    item = _scan_item(caseworker_a, household_a, scans.scan(PROTOCOL, scans.CLEAN))
    client = client_for(caseworker_a)
    page = f"/cases/{household_a.reference}/evidence/{item.public_id}/"
    response = client.post(page + "read/")
    assert response.status_code == 302
    assert not DocumentText.objects.exists()  # the request only queued the reading
    run_queued()
    job = Job.objects.get(kind="evidence.read")
    assert job.state == Job.DONE, job.error
    reading = DocumentText.objects.get(item=item)
    assert "20.3.3" in reading.text and "Мещанскому" in reading.text
    article = _article(item)
    assert (article.value, article.activity_date) == ("ч. 1 ст. 20.3.3 КоАП РФ", dt.date(2022, 3, 12))
    assert article.state == "proposed" and not item.tags.exists()  # proposed, never settled
    shown = client.get(page).content.decode()
    assert "ч. 1 ст. 20.3.3 КоАП РФ" in shown and "Мещанскому району" in shown
    assert AuditEntry.objects.filter(action="evidence.read", target=str(item.public_id)).exists()


def test_the_text_and_the_proposals_are_stored_encrypted(read_protocol: EvidenceItem) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM evidence_documenttext")
        (stored,) = cursor.fetchone()
        cursor.execute("SELECT value, excerpt FROM evidence_factproposal")
        proposals = cursor.fetchall()
    assert "20.3.3" not in stored and "Котова" not in stored
    assert proposals and all("20.3.3" not in v and "Котова" not in e for v, e in proposals)
    assert DocumentText.objects.get().text == PROTOCOL


def test_a_reviewer_confirms_the_article_into_a_dated_tag_that_the_assessment_reads(
    read_protocol: EvidenceItem, reviewer_a: Any, household_a: Any
) -> None:
    reviewer = Actor.for_user(reviewer_a)
    before = household_assess(actor=reviewer, household=household_a)
    client = client_for(reviewer_a)
    url = _decide_url(household_a, read_protocol)
    assert client.post(url, {"decision": "confirm"}).status_code == 302
    assert [(t.tag, t.activity_date) for t in read_protocol.tags.all()] == [
        ("prior_ac_20_3_3", dt.date(2022, 3, 12))
    ]
    proposal = _article(read_protocol)
    assert (proposal.state, proposal.decided_by) == ("confirmed", reviewer_a)
    entry = AuditEntry.objects.get(action="evidence.fact_confirm")
    assert entry.target == str(read_protocol.public_id)
    after = household_assess(actor=reviewer, household=household_a)
    assert after.risk_score > before.risk_score


def test_a_rejected_fact_adds_no_tag_and_is_not_decided_twice(
    read_protocol: EvidenceItem, reviewer_a: Any
) -> None:
    reviewer = Actor.for_user(reviewer_a)
    proposal = _article(read_protocol)
    fact_decide(actor=reviewer, proposal=proposal, confirm=False)
    assert not read_protocol.tags.exists()
    assert AuditEntry.objects.filter(action="evidence.fact_reject").count() == 1
    with pytest.raises(InvalidEvidence):
        fact_decide(actor=reviewer, proposal=_article(read_protocol), confirm=True)
    assert not read_protocol.tags.exists()


def test_a_caseworker_does_not_confirm_and_another_organisation_cannot_reach_the_fact(
    read_protocol: EvidenceItem, caseworker_a: Any, caseworker_b: Any, household_a: Any
) -> None:
    with pytest.raises(NotAllowed):
        fact_decide(actor=Actor.for_user(caseworker_a), proposal=_article(read_protocol), confirm=True)
    url = _decide_url(household_a, read_protocol)
    assert client_for(caseworker_b).post(url, {"decision": "confirm"}).status_code == 404
    assert not read_protocol.tags.exists() and _article(read_protocol).state == "proposed"


def test_reading_again_keeps_decided_facts_and_replaces_the_others(
    read_protocol: EvidenceItem, caseworker_a: Any, reviewer_a: Any
) -> None:
    fact_decide(actor=Actor.for_user(reviewer_a), proposal=_article(read_protocol), confirm=True)
    text = "ПОВЕСТКА о вызове на допрос 01.06.2023 по ст. 207.3 УК РФ"
    document_text_record(
        actor=Actor.for_user(caseworker_a), item=read_protocol, text=text, sha256="1" * 64, pages=1,
        proposals=propose(text, KNOWN),
    )  # fmt: skip
    rows = {(p.field, p.value): p.state for p in read_protocol.proposals.all()}
    assert rows[("article", "ч. 1 ст. 20.3.3 КоАП РФ")] == "confirmed"
    assert rows[("article", "ст. 207.3 УК РФ")] == "proposed"
    assert ("kind", "protocol") not in rows and ("kind", "summons") in rows
    assert DocumentText.objects.get(item=read_protocol).text == text


def test_the_reviewer_finds_the_item_by_the_words_read_from_it(
    read_protocol: EvidenceItem, reviewer_a: Any, org_b: Any
) -> None:
    found = (
        client_for(reviewer_a).post("/evidence/review/search/", {"q": "мещанскому  РАЙОНУ"}).content.decode()
    )
    assert f"/evidence/review/{read_protocol.public_id}/" in found
    in_the_address = client_for(reviewer_a).get("/evidence/review/search/", {"q": "Мещанскому"})
    in_the_address = in_the_address.content.decode()
    assert f"/evidence/review/{read_protocol.public_id}/" not in in_the_address  # words only by POST
    nothing = client_for(reviewer_a).post("/evidence/review/search/", {"q": "Тверскому"}).content.decode()
    assert f"/evidence/review/{read_protocol.public_id}/" not in nothing
    reviewer_b = make_user("vera", "reviewer", org_b)
    elsewhere = client_for(reviewer_b).post("/evidence/review/search/", {"q": "Мещанскому"}).content.decode()
    assert str(read_protocol.public_id) not in elsewhere


def test_the_reading_and_its_proposals_are_shown_in_russian(
    read_protocol: EvidenceItem, reviewer_a: Any, household_a: Any
) -> None:
    from django.conf import settings

    client = client_for(reviewer_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    html = client.get(f"/cases/{household_a.reference}/evidence/{read_protocol.public_id}/").content.decode()
    assert "Текст документа" in html and "Сведения, предложенные по тексту" in html
    assert "Протокол об административном правонарушении" in html and "Подтвердить" in html
    queue = client.get(f"/evidence/review/{read_protocol.public_id}/").content.decode()
    assert "ч. 1 ст. 20.3.3 КоАП РФ" in queue and "Поиск в тексте, распознанном в документах" in queue
