"""``haven match-eval`` measures matching on the demo coalition and the registry file, and says so."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command

REGISTRY = Path(__file__).parents[2] / ".." / "shared" / "data" / "minjust-foreign-agents-2025-08-15.xlsx"


def _run(**options) -> str:
    out = StringIO()
    call_command("match-eval", stdout=out, no_compare=True, households=150, **options)
    return out.getvalue()


def test_it_reports_recall_precision_candidates_and_time_for_each_set():
    output = _run(sample=10)
    assert "Haven decides 'match' from a score of 0.9, 'review' from 0.2." in output
    assert "== seed-20250815:" in output
    assert "recall 1.0000" in output
    assert "match precision" in output and "candidates/query" in output and "ms/query" in output
    if REGISTRY.exists():
        assert "== registry: 648 entries" in output


def test_without_the_registry_file_it_says_so_and_measures_the_rest(tmp_path):
    output = _run(registry=tmp_path / "absent.xlsx")
    assert f"No registry file at {tmp_path / 'absent.xlsx'}: the registry set is skipped." in output
    assert "== seed-20250815:" in output
    assert "== registry" not in output
