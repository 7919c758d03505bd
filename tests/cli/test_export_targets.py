"""An export target that cannot take the file is said in one clear line, exit 2, with nothing
written (issue 11 point 9): really locked targets, which folder permissions cannot give a test
run as root (root writes through them), made immutable instead (``chattr +i``, where the file
system and the process allow it); a target that is a folder; a target whose folder is a file;
and a target on a system path that takes no files (``/proc``). Real ``mdcc`` runs on a real
encrypted data folder, two commands that write a file (the exchange file and the actions)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_cli_commands import DEMO, mdcc

OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"
COMMANDS = {
    "export": ["export", "{id}"],
    "actions": ["actions", "--format", "csv"],
}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int]]:
    folder = tmp_path_factory.mktemp("export-targets")
    run = mdcc("import", DEMO, "--data-dir", folder / "data", cwd=folder)
    assert run.code == 0, run.err
    yield folder / "data", int(run.last_line)


def export_to(data: tuple[Path, int], command: str, target: Path | str, cwd: Path) -> list[str]:
    """Run ``command`` writing to ``target``: exit 2 and its stderr's lines (checked: one)."""
    folder, conference_id = data
    args = [a.format(id=conference_id) for a in COMMANDS[command]]
    run = mdcc(*args, "-o", target, "--data-dir", folder, cwd=cwd)
    assert run.code == 2, (run.code, run.err)
    lines = [x for x in run.err.splitlines() if x.strip() and x != OFFSCREEN_NOISE]
    assert len(lines) == 1, run.err
    assert lines[0].startswith(f"mdcc: {command}: "), lines
    return lines


def immutable(*paths: Path) -> None:
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("chattr is not installed")
    done = subprocess.run([chattr, "+i", *map(str, paths)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"this file system or process cannot make files immutable: {done.stderr!r}")


def mutable(*paths: Path) -> None:
    chattr = shutil.which("chattr")
    if chattr is not None:
        subprocess.run([chattr, "-i", *map(str, paths)], capture_output=True, check=False)


@pytest.mark.parametrize("command", COMMANDS)
def test_an_immutable_file_is_said_read_only_and_kept(
    data: tuple[Path, int], tmp_path: Path, command: str
) -> None:
    target = tmp_path / "locked.out"
    target.write_text("the chair's own file\n", encoding="utf-8")
    immutable(target)
    try:
        (line,) = export_to(data, command, target, tmp_path)
        assert f"{target} is read-only" in line
        assert target.read_text(encoding="utf-8") == "the chair's own file\n"
    finally:
        mutable(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked.out"]  # no temporary left


@pytest.mark.parametrize("command", COMMANDS)
def test_an_immutable_folder_is_said_and_left_empty(
    data: tuple[Path, int], tmp_path: Path, command: str
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    immutable(folder)
    try:
        (line,) = export_to(data, command, folder / "out.csv", tmp_path)
        assert "cannot be written (permission denied)" in line
        assert list(folder.iterdir()) == []
    finally:
        mutable(folder)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_as_the_target_is_said(
    data: tuple[Path, int], tmp_path: Path, command: str
) -> None:
    (line,) = export_to(data, command, tmp_path, tmp_path)
    assert f"{tmp_path} is a folder; give a file name such as" in line


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("depth", [1, 2], ids=["its folder", "a folder above"])
def test_a_folder_that_is_a_file_is_said(
    data: tuple[Path, int], tmp_path: Path, command: str, depth: int
) -> None:
    """``notes.txt/out.csv``: the "folder" is a file; it was said not to exist."""
    file = tmp_path / "notes.txt"
    file.write_text("a file, not a folder\n", encoding="utf-8")
    target = file / "sub" / "out.csv" if depth == 2 else file / "out.csv"
    (line,) = export_to(data, command, target, tmp_path)
    assert f"{file} is a file, not a folder" in line, line
    assert "does not exist" not in line
    assert file.read_text(encoding="utf-8") == "a file, not a folder\n"


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="no /proc")
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("target", ["/proc/version", "/proc/self/out.csv"])
def test_a_system_path_that_takes_no_files_is_said(
    data: tuple[Path, int], tmp_path: Path, command: str, target: str
) -> None:
    """``/proc`` exists and is a folder, but takes no new file: writing the temporary file
    beside the target failed with "No such file or directory", which read as if it were not
    there."""
    (line,) = export_to(data, command, target, tmp_path)
    assert "No such file or directory" not in line, line
    assert f"the folder {Path(target).parent} does not accept new files" in line, line
