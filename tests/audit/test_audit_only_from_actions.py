"""Audit entries are written only by actions: every call of ``audit_record`` or ``audit_records`` in Haven
is in an ``actions.py`` module or an ``actions/`` package (or in haven.audit itself), so views, commands,
the API and background work record what they do by calling an action, never the trail directly."""

from __future__ import annotations

import ast
from pathlib import Path

import haven

SOURCE = Path(haven.__file__).parent
WRITERS = {"audit_record", "audit_records", "audit_read"}
# Moved into haven/accounts/actions/second_factor.py on the accounts branch of the same issue; the lead
# drops this line when merging it (the test then holds for the whole of Haven).
ELSEWHERE: set[str] = set()


def allowed(path: Path) -> bool:
    parts = path.relative_to(SOURCE).parts
    return parts[0] == "audit" or path.name == "actions.py" or "actions" in parts[:-1]


def calls_to_the_trail(path: Path) -> list[int]:
    """The lines of ``path`` that call (or import, to call) the audit trail's writers."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in WRITERS:
                lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and any(alias.name in WRITERS for alias in node.names):
            lines.append(node.lineno)
    return lines


def test_only_actions_write_the_audit_trail() -> None:
    offending = [
        f"{path.relative_to(SOURCE)}:{line}"
        for path in sorted(SOURCE.rglob("*.py"))
        if not allowed(path) and str(path.relative_to(SOURCE)) not in ELSEWHERE
        for line in calls_to_the_trail(path)
    ]
    assert not offending, "audit_record outside an actions module: " + ", ".join(offending)


def test_the_scan_finds_a_call_where_there_is_one(tmp_path: Path) -> None:
    view = tmp_path / "views.py"
    view.write_text("from haven.audit import record\n\ndef page():\n    record.audit_record(actor=None)\n")
    assert calls_to_the_trail(view) == [4]
    assert allowed(SOURCE / "cases" / "actions" / "people.py") and allowed(SOURCE / "radar" / "actions.py")
    assert not allowed(SOURCE / "cases" / "views" / "household.py")
    assert not allowed(SOURCE / "registries" / "screening.py")
