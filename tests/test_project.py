"""The project's own rules: layers point down, CI runs the README's test command."""

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
