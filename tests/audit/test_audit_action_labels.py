"""Audit actions are one enumeration: each has an English and a Russian label, the audit page shows the
label in the reader's language, and an action outside the enumeration is never written."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.utils import translation

import haven
from haven.audit.catalogue import AuditAction, action_label
from haven.audit.models import AuditEntry, ChainHead
from haven.audit.record import audit_record, audit_records
from tests.support.personas import client_for

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
# The helpers that pass an action on to audit_record: (the call's name, which positional argument).
PASSING_ON = {"audit": 1, "audit_entry": 1, "custody": 1, "_save": 4, "_delete": 2}


def _codes(expression: ast.AST) -> list[str]:
    return [c.value for c in ast.walk(expression) if isinstance(c, ast.Constant) and isinstance(c.value, str)]


def _actions_of(node: ast.AST) -> list[ast.AST]:
    """The expressions ``node`` hands on as an action, if any."""
    if isinstance(node, ast.Assign):
        named = any(isinstance(t, ast.Name) and t.id == "action" for t in node.targets)
        return [node.value] if named else []
    if not isinstance(node, ast.Call):
        return []
    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
    if name == "add_argument":  # argparse's action="store_true"
        return []
    values = [kw.value for kw in node.keywords if kw.arg == "action"]
    if name in PASSING_ON and len(node.args) > PASSING_ON[name]:
        values.append(node.args[PASSING_ON[name]])
    return values


def actions_written_in_haven() -> dict[str, str]:
    """Every action code Haven's source hands to the audit trail, with where: ``action=`` arguments, the
    action argument of the helpers that pass one on, and values given to a variable ``action`` (a
    conditional's both codes count)."""
    found = {}
    for path in Path(haven.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for value in _actions_of(node):
                for code in _codes(value):
                    found[code] = f"{path.name}:{getattr(node, 'lineno', 0)}"
    return found


def test_every_action_haven_writes_is_in_the_enumeration() -> None:
    written = actions_written_in_haven()
    assert {"household.create", "evidence.preview", "canada_permit.save", "auth.2fa_failed"} <= set(written)
    unknown = {code: where for code, where in written.items() if code not in AuditAction.values}
    assert not unknown


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
    assert "household.create" not in russian  # the reader sees the label, not the stored code
