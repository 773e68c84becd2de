"""A test module takes its helpers from tests/support/ (one module per domain) and its fixtures from a
conftest, never from another test module: importing one runs its tests' module code a second time, hides
what the helper is for, and breaks the other module when its tests are reorganised.

Read from the source with ``ast``, every import counted, including those inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parents[1]


def imported_test_modules(source: str, package: str) -> list[str]:
    """The test modules (``test_*``) that ``source``, a module of ``package``, imports."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from .test_x import y, from . import test_x
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names = [base] if is_test_module(base) else [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found.extend(name for name in names if is_test_module(name))
    return sorted(set(found))


def is_test_module(name: str) -> bool:
    return name.startswith("tests.") and any(part.startswith("test_") for part in name.split("."))


def test_no_test_module_imports_another() -> None:
    offenders = {}
    for path in sorted(TESTS.rglob("*.py")):
        package = ".".join(("tests", *path.relative_to(TESTS).parent.parts))
        imported = imported_test_modules(path.read_text(encoding="utf-8"), package)
        if imported:
            offenders[str(path.relative_to(TESTS.parent))] = imported
    assert not offenders, f"move these helpers into tests/support/: {offenders}"


def test_the_scan_sees_every_way_of_importing_a_test_module() -> None:
    source = """
from tests.evidence.test_bundle import export
import tests.security.test_raw_dump
from tests.evidence import test_bundle
from .test_pages import FORM
def later():
    from ..core.test_intake_rows import CHOICES
from tests.support.evidence import add_evidence
from tests.evidence.conftest import post
"""
    assert imported_test_modules(source, "tests.selection") == [
        "tests.core.test_intake_rows",
        "tests.evidence.test_bundle",
        "tests.security.test_raw_dump",
        "tests.selection.test_pages",
    ]
