"""The README's layout section matches the tree: every package of ``src/haven`` and ``src/haven_core`` is
named in its paragraph, and every name written there as code (`name`, `name.py`, `name/…`) is a package
or module that exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
CODE = re.compile(r"`([^`]+)`")
NAME = re.compile(r"^([a-z_]+)(?:\.py|/.*)?$")


def _paragraph(readme: str, source: str) -> str:
    """The bullet of the README's layout section that starts with `source`."""
    layout = readme.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    found = re.search(rf"^- `{re.escape(source)}` — (.*?)(?=^- |\Z)", layout, re.S | re.M)
    assert found, f"no bullet for {source} in the README's layout section"
    return found[1]


def _named(paragraph: str) -> set[str]:
    names = set()
    for code in CODE.findall(paragraph):
        if " " not in code and (found := NAME.match(code)):
            names.add(found[1])
    return names


def _packages(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if (p / "__init__.py").exists()}


@pytest.mark.parametrize("source", ["src/haven_core/", "src/haven/"])
def test_the_readme_names_every_package_and_only_what_exists(source: str) -> None:
    folder = ROOT / source
    named = _named(_paragraph((ROOT / "README.md").read_text(encoding="utf-8"), source))
    assert _packages(folder) - named == set(), f"packages of {source} the README does not name"
    missing = {n for n in named if not (folder / n).is_dir() and not (folder / f"{n}.py").is_file()}
    assert missing == set(), f"the README names what {source} does not have"


def test_the_scan_reads_names_written_as_code() -> None:
    # The check above cannot pass by reading nothing: packages, modules and paths are read as names.
    text = "apps: `cases` (`cases/actions/`), `tables.py`, `haven serve`, `AuditAction`"
    assert _named(text) == {"cases", "tables"}
