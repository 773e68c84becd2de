"""Haven's apps stand in layers and import only downwards: the case records know nothing of the apps that
follow up on them (assessment, registries, alerts…), which subscribe to the change events instead.

Read from the source with ``ast``, every import counted, including those inside functions.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).parents[2] / "src" / "haven"

# Lowest first. An app may import its own layer or any lower one, never a higher one.
LAYERS: list[set[str]] = [
    # the kernel: no app of Haven below it (submission: the course of a page that changes something)
    {"errors", "env", "logs", "progress", "events", "formats", "submission", "form_widgets"},
    {"security", "audit", "accounts", "cases", "jobs"},  # who may act, the records, their trail, jobs
    {"evidence", "registries", "consent"},  # what is known about the records, and may be shared
    {"assessment"},  # judged from the records and evidence
    {"alerts", "radar", "selection"},  # acting on assessments
    {
        "referral",
        "dashboard",
        "intake",
        "api",
        "demo",
        "cli",
        "urls",
        "settings",
        "wsgi",
        "__main__",
        "serving",
        "work",  # the home page of work: reads what waits in every app below
    },
]
LAYER = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
ABOVE_CASES = {"assessment", "registries", "alerts", "referral", "selection", "evidence"}


def _imports(root: Path = SRC) -> dict[str, set[tuple[str, str]]]:
    """For each app, the (module, imported haven app) pairs of its source, migrations left out."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).parts
        if "migrations" in parts:
            continue
        app = parts[0].removesuffix(".py")
        module = "haven." + ".".join(parts).removesuffix(".py")
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                pieces = name.split(".")
                if pieces[0] == "haven" and len(pieces) > 1 and pieces[1] != app:
                    found[app].add((module, pieces[1]))
    return found


def test_every_app_of_haven_has_a_layer() -> None:
    apps = {
        p.name.removesuffix(".py") for p in SRC.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists()
    }
    assert apps - {"__init__"} <= set(LAYER), sorted(apps - set(LAYER) - {"__init__"})


def test_the_case_records_import_nothing_from_the_apps_that_follow_them() -> None:
    upward = sorted((module, app) for module, app in _imports()["cases"] if app in ABOVE_CASES)
    assert upward == []


def test_every_import_points_down_or_across_a_layer() -> None:
    upward = sorted(
        f"{module} imports haven.{app}"
        for source, pairs in _imports().items()
        for module, app in pairs
        if app in LAYER and LAYER[app] > LAYER.get(source, len(LAYERS))
    )
    assert upward == []


def test_the_apps_above_the_records_import_each_other_without_a_circle() -> None:
    graph = {
        source: {app for _, app in pairs if LAYER.get(app, 0) >= 2}
        for source, pairs in _imports().items()
        if LAYER.get(source, 0) >= 2
    }
    visiting: list[str] = []
    done: set[str] = set()

    def walk(app: str) -> list[str] | None:
        if app in visiting:
            return [*visiting[visiting.index(app) :], app]
        if app in done:
            return None
        visiting.append(app)
        for target in sorted(graph.get(app, ())):
            if circle := walk(target):
                return circle
        visiting.pop()
        done.add(app)
        return None

    circles = [c for app in sorted(graph) if (c := walk(app))]
    assert circles == []


def test_the_scan_sees_an_import_made_inside_a_function(tmp_path: Path) -> None:
    """The scan itself (so the checks above can fail): the import graph of Haven before change events."""
    (tmp_path / "cases" / "actions").mkdir(parents=True)
    (tmp_path / "cases" / "actions" / "permission_and_audit.py").write_text(
        "def touch():\n    from haven.assessment.reassess_on_change import reassess_after_commit\n"
    )
    (tmp_path / "cases" / "migrations").mkdir()
    (tmp_path / "cases" / "migrations" / "0001.py").write_text("import haven.alerts\n")
    assert _imports(tmp_path) == {"cases": {("haven.cases.actions.permission_and_audit", "assessment")}}
