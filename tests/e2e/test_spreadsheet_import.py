"""In a real browser: upload a Russian spreadsheet, read the preview with its bad row, import the rest."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from haven.cases.models import Household
from tests.support.browser import sign_in
from tests.support.jobs import run_queued

pytestmark = pytest.mark.e2e

CSV = "ID семьи;Фамилия;Имя;Дата рождения\nF-1;Смирнова;Ольга;12.03.1984\nF-2;Орлова;Вера;03/04/1990\n"


def test_upload_preview_and_import_the_valid_households(
    live_server: Any, page: Any, caseworker_a: Any, tmp_path: Path
) -> None:
    sign_in(page, live_server.url, caseworker_a.username)

    page.click("text=Import")
    path = tmp_path / "caseload.csv"
    path.write_bytes(CSV.encode("cp1251"))
    page.set_input_files("#id_file", str(path))
    page.click("text=Check and preview")
    page.wait_for_selector("text=Rows to fix")
    problems = page.locator("table").first.inner_text()
    assert "ambiguous" in problems and "Date of birth" in problems
    if os.environ.get("HAVEN_SCREENSHOTS"):
        page.screenshot(path=os.environ["HAVEN_SCREENSHOTS"], full_page=True)
    assert not Household.objects.exists()

    page.click("text=Import only the valid households")
    page.wait_for_selector(".message-success")  # queued: the Import page follows the job
    assert not Household.objects.exists()
    run_queued()  # the worker's loop, while the page is open
    assert list(Household.objects.values_list("external_id", flat=True)) == ["F-1"]
