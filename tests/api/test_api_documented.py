"""docs/api.md describes the API there is: every operation Haven serves under /api/v1/ has its row in the
table, and every row names an operation that exists."""

from __future__ import annotations

import re
from pathlib import Path

from haven.api.v1 import api

API_MD = Path(__file__).parents[2] / "docs" / "api.md"
ROW = re.compile(r"^\| `(GET|POST|PUT|PATCH|DELETE) (/api/v1/[^`?]*)(?:\?[^`]*)?` \|", re.M)


def _served() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {(method.upper(), path) for path, operations in schema["paths"].items() for method in operations}


def _documented() -> set[tuple[str, str]]:
    return set(ROW.findall(API_MD.read_text(encoding="utf-8")))


def test_every_operation_of_the_api_has_its_row_in_docs_api_md() -> None:
    served = _served()
    # households, people, US records, evidence, assessments, screening, information requests
    assert len(served) >= 20
    assert served - _documented() == set(), "operations missing from docs/api.md"


def test_every_row_of_docs_api_md_names_an_operation_the_api_serves() -> None:
    assert _documented() - _served() == set(), "docs/api.md lists operations the API does not serve"


def test_the_rows_are_read_as_written() -> None:
    # The check above cannot pass by reading nothing: a row's method and path are found as written.
    assert ROW.findall("| `GET /api/v1/households?page=N` | The households |\n") == [
        ("GET", "/api/v1/households")
    ]
