"""The project's rules: layers point down, no import circle, CI runs the README's test command."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "mdcc_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _files(*parts: str) -> list[Path]:
    return sorted(PACKAGE.joinpath(*parts).rglob("*.py"))


@pytest.mark.parametrize("layer", ["domain", "store", "services"])
def test_no_qt_below_the_ui(layer: str) -> None:
    for path in _files(layer):
        qt = {m for m in _imports(path) if m.startswith(("PySide6", "shiboken6"))}
        assert not qt, f"{path.relative_to(REPO)} imports Qt: {qt}"


def test_sql_only_in_the_store() -> None:
    for path in PACKAGE.rglob("*.py"):
        if PACKAGE / "store" in path.parents:
            continue
        sql = {
            m
            for m in _imports(path)
            if m.split(".")[0] in ("sqlite3", "sqlite_utils", "sqlcipher3")
        }
        assert not sql, f"{path.relative_to(REPO)} imports a database driver: {sql}"


def _store_reaches(source: str) -> list[int]:
    """Lines where code reaches an object's ``store`` attribute (``services.store.x``)."""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute) and node.attr == "store"
    )


def test_the_ui_never_reaches_the_store() -> None:
    """The UI asks the services; as SQL stays in the store, the store stays below the services."""
    reaches = {
        str(path.relative_to(REPO)): lines
        for path in _files("ui")
        if (lines := _store_reaches(path.read_text(encoding="utf-8")))
    }
    assert reaches == {}


def test_the_store_guard_sees_a_reach_through() -> None:
    source = "def f(self):\n    return self.services.store.closure_days()\n"
    assert _store_reaches(source) == [2]
    assert _store_reaches("from mdcc_desktop.store.errors import StoreError\n") == []


UNDO_BUILDERS = {"push", "beginMacro", "push_add", "push_remove", "push_update"}
UNDO_COMMANDS = {"DoneCommand", "QUndoCommand", "add_command", "remove_command", "update_command"}


def _undo_sites(source: str) -> list[int]:
    """Lines that put a command on an undo stack or build one."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in UNDO_BUILDERS | UNDO_COMMANDS:
            lines.append(node.lineno)
    return sorted(lines)


def test_workspace_edits_are_made_only_in_ops() -> None:
    """One function per undoable edit in ui/workspace/ops.py: no panel builds its own command."""
    workspace = PACKAGE / "ui" / "workspace"
    # ops.py and the two modules it is split into (the shapes of an edit, the corrections),
    # kept apart only to stay under the 600-line limit; panels still call ops alone.
    ops_modules = ("ops.py", "edit_shapes.py", "corrections.py")
    allowed = {workspace / "controller.py", *(workspace / name for name in ops_modules)}
    sites = {
        path.name: lines
        for path in _files("ui", "workspace")
        if path not in allowed and (lines := _undo_sites(path.read_text(encoding="utf-8")))
    }
    assert sites == {}


def test_the_undo_guard_sees_a_push() -> None:
    source = "def f(self):\n    self.undo_stack.push(DoneCommand('x', a, b))\n"
    assert _undo_sites(source) == [2, 2]


UI_MODULE_MAX_LINES = 600
WINDOW_CLASS_MAX_LINES = 400


def test_no_ui_module_is_over_600_lines() -> None:
    """One screen per folder, one panel per module: none grows back into a 1,500-line file."""
    long = {
        str(path.relative_to(REPO)): n
        for path in _files("ui")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > UI_MODULE_MAX_LINES
    }
    assert long == {}


def test_the_workspace_window_only_lays_out() -> None:
    """The window lays out, wires menus and shortcuts; the panels and ops do the work."""
    path = PACKAGE / "ui" / "workspace" / "window.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    (window,) = (
        n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "WorkspaceWindow"
    )
    assert window.end_lineno is not None
    assert window.end_lineno - window.lineno + 1 < WINDOW_CLASS_MAX_LINES


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("domain", ("mdcc_desktop.store", "mdcc_desktop.services", "mdcc_desktop.ui")),
        ("store", ("mdcc_desktop.services", "mdcc_desktop.ui")),
        ("services", ("mdcc_desktop.ui",)),
    ],
)
def test_layers_point_down_only(layer: str, forbidden: tuple[str, ...]) -> None:
    for path in _files(layer):
        up = {m for m in _imports(path) if m.startswith(forbidden)}
        assert not up, f"{path.relative_to(REPO)} imports upwards: {up}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _import_graph() -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports, wherever the import is
    written (top level, inside a function, under TYPE_CHECKING): a circle hidden in any of them
    still ties the two modules together."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    targets.add(full if full in modules else base)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circle_in_the_package() -> None:
    graph = _import_graph()
    assert "mdcc_desktop.ui.home.main_window" in graph  # the walk sees the package
    assert _circles(graph) == []


def test_the_circle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _circles(graph) == [["a", "b", "c"]]


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"\*\*Install and run the tests\*\*\s*```sh\n(.+?)\n```", readme, re.S)
    assert match, "the README must show the test command under 'Install and run the tests'"
    command = match.group(1).strip()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines()


def test_shipped_folders_are_in_the_wheel_configuration() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"templates" = "mdcc_desktop/_data/templates"' in pyproject
    assert (REPO / "templates" / "profiles" / "HK.toml").is_file()
    assert (REPO / "templates" / "profiles" / "ENG.toml").is_file()


def test_the_example_copy_equals_the_shared_spec_example() -> None:
    import json

    from tests.conftest import EXAMPLE_COPY, SHARED_EXAMPLE

    if not SHARED_EXAMPLE.is_file():
        pytest.skip("../shared is not beside this clone")
    assert json.loads(EXAMPLE_COPY.read_text(encoding="utf-8")) == json.loads(
        SHARED_EXAMPLE.read_text(encoding="utf-8")
    )


def test_crash_reports_hold_no_personal_data() -> None:
    import sys

    from mdcc_desktop.logs import crash_report

    try:
        raise ValueError("Max Turner, 14 February 2021, 12 Brook Lane")
    except ValueError:
        exc_type, _exc, tb = sys.exc_info()
        assert exc_type is not None
        report = crash_report(exc_type, tb)
    assert "builtins.ValueError" in report
    assert "test_crash_reports_hold_no_personal_data" in report  # where it happened
    assert "Max Turner" not in report and "Brook Lane" not in report


def test_no_merge_conflict_markers_are_left_in_the_project() -> None:
    """A README once kept both sides of a merge; text files are checked for the markers."""
    marker = re.compile(r"^(<{7}|>{7}) ", re.MULTILINE)
    suffixes = {".py", ".md", ".toml", ".json", ".spec", ".txt", ".cfg", ".ini", ""}
    skip = {".git", ".venv", "__pycache__", "node_modules"}
    offenders = []
    for path in REPO.rglob("*"):
        if skip & set(path.relative_to(REPO).parts) or not path.is_file():
            continue
        if path.suffix not in suffixes or path.stat().st_size > 5_000_000:
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        if marker.search(text):
            offenders.append(str(path.relative_to(REPO)))
    assert not offenders, f"merge conflict markers in {offenders}"
