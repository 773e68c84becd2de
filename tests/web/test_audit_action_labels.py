"""Audit actions are one enumeration: each has an English and a Russian label, the audit page shows the
label in the reader's language, and an action outside the enumeration is never written."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.utils import translation

from haven.audit.catalogue import AuditAction, action_label
from haven.audit.models import AuditEntry, ChainHead
from haven.audit.record import audit_record, audit_records
from tests.conftest import client_for

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


@pytest.mark.parametrize("action", list(AuditAction), ids=str)
def test_every_action_has_an_english_and_a_russian_label(action: AuditAction) -> None:
    with translation.override("en"):
        english = str(action.label)
    with translation.override("ru"):
        russian = str(action.label)
    assert english and english != action.value and not CYRILLIC.search(english)
    assert russian != english and CYRILLIC.search(russian), action.value


def test_labels_are_distinct_so_the_trail_reads_unambiguously() -> None:
    for language in ("en", "ru"):
        with translation.override(language):
            labels = [str(a.label) for a in AuditAction]
        assert len(set(labels)) == len(labels), language


def test_an_unknown_action_is_refused_and_nothing_is_written(db: Any) -> None:
    audit_record(actor=None, action="demo.seed")
    head = ChainHead.objects.get()
    with pytest.raises(ValueError, match=r"household\.rename"):
        audit_record(actor=None, action="household.rename")
    with pytest.raises(ValueError, match="nonsense"):
        audit_records([{"actor": None, "action": "demo.seed"}, {"actor": None, "action": "nonsense"}])
    assert AuditEntry.objects.count() == 1
    assert ChainHead.objects.get().last_seq == head.last_seq


def test_members_and_their_string_values_are_both_accepted(db: Any) -> None:
    audit_record(actor=None, action=AuditAction.BACKUP_CREATE)
    audit_record(actor=None, action="backup.create")
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["backup.create"] * 2


def test_an_unknown_stored_code_reads_as_itself() -> None:
    assert action_label("household.renamed_long_ago") == "household.renamed_long_ago"


def test_the_audit_page_shows_labels_in_the_readers_language(coordinator: Any, household_a: Any) -> None:
    url = f"/audit/households/{household_a.reference}/"
    english = client_for(coordinator).get(url).content.decode()
    assert "Household opened" in english and "Person added" in english
    client = client_for(coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    russian = client.get(url).content.decode()
    assert "Семья заведена" in russian and "Добавлен человек" in russian
    assert "Household opened" not in russian
    assert "household.create" in russian  # the code stays visible beside the label
