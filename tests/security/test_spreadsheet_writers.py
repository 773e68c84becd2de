"""Every spreadsheet and CSV file Haven writes goes through ``haven_core.spreadsheets``, which keeps
formula-like cells as text: no other module writes CSV rows or builds a workbook itself."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
THE_WRITER = SRC / "haven_core" / "spreadsheets.py"
WORKBOOK_NAMES = {"Workbook", "WriteOnlyCell", "Cell"}


def _offences(path: Path) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("writer", "DictWriter"):
            if isinstance(node.value, ast.Name) and node.value.id == "csv":
                found.append(f"csv.{node.attr} at line {node.lineno}")
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("openpyxl"):
            names = {alias.name for alias in node.names} & WORKBOOK_NAMES
            if names:
                found.append(f"imports {sorted(names)} from {node.module} at line {node.lineno}")
        if isinstance(node, ast.ImportFrom) and node.module == "csv":
            names = {alias.name for alias in node.names} & {"writer", "DictWriter"}
            if names:
                found.append(f"imports {sorted(names)} from csv at line {node.lineno}")
        if isinstance(node, ast.Attribute) and node.attr == "Workbook":
            found.append(f"openpyxl.Workbook at line {node.lineno}")
    return found


def test_only_the_spreadsheet_module_writes_csv_or_workbooks() -> None:
    offences = {
        str(path.relative_to(SRC)): found
        for path in sorted(SRC.rglob("*.py"))
        if path != THE_WRITER and (found := _offences(path))
    }
    assert offences == {}, "write through haven_core.spreadsheets instead"


def test_the_scan_would_see_a_direct_writer(tmp_path: Path) -> None:
    module = tmp_path / "direct.py"
    module.write_text("import csv\nfrom openpyxl import Workbook\ncsv.writer(open('x', 'w'))\n")
    assert len(_offences(module)) == 2
    assert _offences(THE_WRITER)  # the one module allowed does what the scan looks for
