"""The `mdcc` command line, run as a real process against a real data dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mdcc_desktop import __version__
from mdcc_desktop.services.exchange import normalise, parse_text
from tests.conftest import split_recovery_notice

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "mdcc_desktop" / "services" / "demo" / "hk-initial-demo.json"
SCRIPT = Path(sys.executable).parent / "mdcc"


class Run:
    def __init__(self, proc: subprocess.CompletedProcess[bytes]) -> None:
        self.code = proc.returncode
        self.out = proc.stdout.decode("utf-8")
        # A first run on a new folder encrypts it and shows the recovery code once (kept in
        # recovery_code; test_cli_unlock.py checks it): the rest is the command's own stderr.
        self.err, self.recovery_code = split_recovery_notice(
            proc.stderr.decode("utf-8", errors="replace")
        )

    @property
    def last_line(self) -> str:
        return self.out.rstrip("\n").split("\n")[-1]

    def assert_no_traceback(self) -> None:
        assert "Traceback" not in self.out
        assert "Traceback" not in self.err


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "MDCC_DATA_DIR"}
    env.update(extra)
    return env


def mdcc(*args: Any, cwd: Path, env: dict[str, str] | None = None, script: bool = False) -> Run:
    command = [str(SCRIPT)] if script else [sys.executable, "-m", "mdcc_desktop.cli"]
    proc = subprocess.run(
        [*command, *map(str, args)],
        cwd=cwd,
        env=env or _env(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    run = Run(proc)
    run.assert_no_traceback()
    return run


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _import(path: Path, data: Path, tmp_path: Path) -> int:
    run = mdcc("import", path, "--data-dir", data, cwd=tmp_path)
    assert run.code == 0, run.err
    assert run.last_line.isdigit()
    return int(run.last_line)


def test_version(tmp_path: Path) -> None:
    run = mdcc("--version", cwd=tmp_path)
    assert run.code == 0
    assert run.out.strip() == f"mdcc {__version__}"


def test_installed_script_runs(tmp_path: Path, data: Path) -> None:
    if not SCRIPT.is_file():
        pytest.skip("the mdcc console script is not installed beside this Python")
    run = mdcc("--data-dir", data, "demo", cwd=tmp_path, script=True)
    assert run.code == 0, run.err
    assert run.last_line == "1"


def test_demo_prints_its_id_last(tmp_path: Path, data: Path) -> None:
    first = mdcc("demo", "--data-dir", data, cwd=tmp_path)
    second = mdcc("demo", "--data-dir", data, cwd=tmp_path)
    assert (first.code, second.code) == (0, 0)
    assert first.last_line == "1"
    assert second.last_line == "2"
    listed = json.loads(mdcc("list", "--format", "json", "--data-dir", data, cwd=tmp_path).out)
    refs = sorted(row["case_reference"] for row in listed)
    assert refs == ["DEMO-FCPSU-2026-118", "DEMO-FCPSU-2026-118-2"]


def test_import_prints_the_new_id_alone_on_the_last_line(tmp_path: Path, data: Path) -> None:
    run = mdcc("import", DEMO, "--data-dir", data, cwd=tmp_path)
    assert run.code == 0
    assert run.out == "1\n"
    assert "conference 1" in run.err


def test_export_to_stdout_equals_the_file(tmp_path: Path, data: Path) -> None:
    conference_id = _import(DEMO, data, tmp_path)
    run = mdcc(
        "export",
        conference_id,
        "--with-reporter-identity",
        "--reason",
        "a test of the round trip",
        "--data-dir",
        data,
        cwd=tmp_path,
    )
    assert run.code == 0
    assert json.loads(run.out) == json.loads(DEMO.read_text(encoding="utf-8"))


def test_export_leaves_the_reporters_identity_out_unless_asked(tmp_path: Path, data: Path) -> None:
    """The exchange spec: the identity leaves only on request (``--with-reporter-identity``)."""
    conference_id = _import(DEMO, data, tmp_path)
    original = json.loads(DEMO.read_text(encoding="utf-8"))
    identity = original["conference"]["mandatory_report"].pop("reporter_identity")
    run = mdcc("export", conference_id, "--data-dir", data, cwd=tmp_path)
    assert run.code == 0, run.err
    assert identity not in run.out and "reporter_identity" not in run.out
    assert json.loads(run.out) == original  # everything else is there
    target = tmp_path / "out.json"
    run = mdcc("export", conference_id, "-o", target, "--data-dir", data, cwd=tmp_path)
    assert run.code == 0, run.err
    assert identity.encode() not in target.read_bytes()


def test_export_to_a_file(tmp_path: Path, data: Path) -> None:
    conference_id = _import(DEMO, data, tmp_path)
    target = tmp_path / "out" / "conference.json"
    target.parent.mkdir()
    run = mdcc(
        "export",
        conference_id,
        "-o",
        target,
        "--with-reporter-identity",
        "--reason",
        "a test of the round trip",
        "--data-dir",
        data,
        cwd=tmp_path,
    )
    assert run.code == 0
    assert run.out == ""
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(DEMO.read_text("utf-8"))
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind


def test_shared_example_through_import_and_export(
    tmp_path: Path, data: Path, shared_example: Path
) -> None:
    conference_id = _import(shared_example, data, tmp_path)
    target = tmp_path / "back.json"
    run = mdcc(
        "--data-dir",
        data,
        "export",
        conference_id,
        "--output",
        target,
        "--with-reporter-identity",
        "--reason",
        "a test of the round trip",
        cwd=tmp_path,
    )
    assert run.code == 0, run.err
    original = parse_text(shared_example.read_bytes())
    exported = parse_text(target.read_bytes())
    assert exported == original
    assert normalise(exported) == normalise(original)


def test_unicode_text_survives_the_command_line(tmp_path: Path, data: Path) -> None:
    doc = parse_text(DEMO.read_bytes())
    doc["conference"]["title"] = "陳嘉欣 😀 שלום \x00\x1f end"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    conference_id = _import(source, data, tmp_path)
    env = _env(PYTHONIOENCODING="ascii", LC_ALL="C", LANG="C")
    run = mdcc(
        "export",
        conference_id,
        "--with-reporter-identity",
        "--reason",
        "a test of the round trip",
        "--data-dir",
        data,
        cwd=tmp_path,
        env=env,
    )
    assert run.code == 0
    assert json.loads(run.out) == doc


def test_list_json_and_table(tmp_path: Path, data: Path, shared_example: Path) -> None:
    demo_id = _import(DEMO, data, tmp_path)
    eng_id = _import(shared_example, data, tmp_path)
    run = mdcc("list", "--format", "json", "--data-dir", data, cwd=tmp_path)
    assert run.code == 0
    rows = {row["id"]: row for row in json.loads(run.out)}
    assert set(rows) == {demo_id, eng_id}
    assert rows[eng_id]["case_reference"] == "CS-2026-0412"
    assert rows[eng_id]["children"] == "Max Turner"
    assert rows[eng_id]["jurisdiction"] == "ENG"
    assert rows[eng_id]["open_actions"] == 6
    assert rows[demo_id]["case_reference"] == "DEMO-FCPSU-2026-118"

    table = mdcc("list", "--data-dir", data, cwd=tmp_path)
    assert table.code == 0
    lines = table.out.splitlines()
    assert lines[0].split()[:2] == ["ID", "CASE"]
    assert any(line.split()[:2] == [str(eng_id), "CS-2026-0412"] for line in lines[1:])
    assert any("DEMO-FCPSU-2026-118" in line for line in lines[1:])


def test_list_of_an_empty_database(tmp_path: Path, data: Path) -> None:
    run = mdcc("list", "--format", "json", "--data-dir", data, cwd=tmp_path)
    assert run.code == 0
    assert json.loads(run.out) == []
    table = mdcc("list", "--data-dir", data, cwd=tmp_path)
    assert "no conferences yet" in table.out


def test_data_dir_from_the_environment(tmp_path: Path) -> None:
    env_dir = tmp_path / "from-env"
    env = _env(MDCC_DATA_DIR=str(env_dir))
    run = mdcc("import", DEMO, cwd=tmp_path, env=env)
    assert run.code == 0
    assert (env_dir / "mdcc.sqlite3").is_file()
    listed = mdcc("list", "--format", "json", cwd=tmp_path, env=env)
    assert [row["id"] for row in json.loads(listed.out)] == [int(run.last_line)]
    # --data-dir wins over the environment
    other = tmp_path / "explicit"
    listed = mdcc("list", "--format", "json", "--data-dir", other, cwd=tmp_path, env=env)
    assert json.loads(listed.out) == []


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_data_dir_before_or_after_the_command(tmp_path: Path, data: Path, before: bool) -> None:
    args: list[Any] = (
        ["--data-dir", data, "import", DEMO] if before else ["import", DEMO, "--data-dir", data]
    )
    run = mdcc(*args, cwd=tmp_path)
    assert run.code == 0, run.err
    assert (data / "mdcc.sqlite3").is_file()
    assert not (tmp_path / "mdcc.sqlite3").exists()


# --- refusals --------------------------------------------------------------------------------


def test_invalid_file_exits_2_with_one_line_per_problem(tmp_path: Path, data: Path) -> None:
    _import(DEMO, data, tmp_path)
    doc = parse_text(DEMO.read_bytes())
    doc["case"]["reference"] = "NEW"
    doc["conference"]["actions"][0]["due"] = "2026-13-01"
    doc["conference"]["actions"][1]["owner"] = "ghost"
    doc["jurisdiction"] = "XX"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    run = mdcc("import", bad, "--data-dir", data, cwd=tmp_path)
    assert run.code == 2
    assert run.out == ""
    lines = run.err.splitlines()
    assert lines[0] == "mdcc: import: the file was refused (3 problem(s)):"
    assert sorted(lines[1:]) == [
        "  conference.actions[0].due: '2026-13-01' is not a date",
        "  conference.actions[1].owner: 'ghost' is not the id of any attendee in this file",
        "  jurisdiction: unknown profile 'XX'; known profiles: ENG, HK",
    ]
    listed = json.loads(mdcc("list", "--format", "json", "--data-dir", data, cwd=tmp_path).out)
    assert len(listed) == 1  # nothing was added


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{ not json", "(file): not valid JSON at line 1, column 3"),
        (b"", "(file): the file is empty"),
        (b"\xff\xfe\x00", "(file): not UTF-8 text"),
        (b"[]", "(file): the file must hold one JSON object"),
        (b'{"a": 1, "a": 2}', "(file): the key 'a' appears twice"),
        (b'{"a": NaN}', "(file): NaN is not a JSON number"),
    ],
    ids=["bad json", "empty", "not utf-8", "array", "duplicate key", "nan"],
)
def test_unreadable_file_exits_2(tmp_path: Path, data: Path, content: bytes, expected: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    run = mdcc("import", bad, "--data-dir", data, cwd=tmp_path)
    assert run.code == 2
    assert run.out == ""
    assert run.err.splitlines()[1].startswith("  " + expected)


def test_missing_import_file_exits_2(tmp_path: Path, data: Path) -> None:
    run = mdcc("import", tmp_path / "nope.json", "--data-dir", data, cwd=tmp_path)
    assert run.code == 2
    assert "does not exist" in run.err


@pytest.mark.parametrize("command", ["export", "import"])
def test_unknown_id_and_bad_usage_exit_2(tmp_path: Path, data: Path, command: str) -> None:
    if command == "export":
        run = mdcc("export", 42, "--data-dir", data, cwd=tmp_path)
        assert run.code == 2
        assert run.err.strip() == "mdcc: export: conference 42 does not exist"
    else:
        run = mdcc("import", "--data-dir", data, cwd=tmp_path)  # no FILE
        assert run.code == 2
        assert "usage:" in run.err


def test_export_id_that_is_not_a_number_exits_2(tmp_path: Path, data: Path) -> None:
    run = mdcc("export", "abc", "--data-dir", data, cwd=tmp_path)
    assert run.code == 2
    assert "invalid int value" in run.err


def test_export_to_a_missing_folder_exits_2(tmp_path: Path, data: Path) -> None:
    conference_id = _import(DEMO, data, tmp_path)
    target = tmp_path / "missing" / "out.json"
    run = mdcc("export", conference_id, "-o", target, "--data-dir", data, cwd=tmp_path)
    assert run.code == 2
    assert run.err.strip() == f"mdcc: export: the folder {target.parent} does not exist"
    assert not target.parent.exists()


def test_export_onto_a_folder_exits_2(tmp_path: Path, data: Path) -> None:
    conference_id = _import(DEMO, data, tmp_path)
    run = mdcc("export", conference_id, "-o", tmp_path, "--data-dir", data, cwd=tmp_path)
    assert run.code == 2
    assert "is a folder" in run.err


def _read_only_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o500)
    if os.access(path, os.W_OK):
        path.chmod(0o700)
        pytest.skip("running with privileges that ignore folder permissions (root)")
    return path


def test_export_to_a_read_only_folder_exits_2(tmp_path: Path, data: Path) -> None:
    conference_id = _import(DEMO, data, tmp_path)
    folder = _read_only_dir(tmp_path / "ro")
    try:
        run = mdcc(
            "export", conference_id, "-o", folder / "out.json", "--data-dir", data, cwd=tmp_path
        )
        assert run.code == 2
        assert "cannot be written" in run.err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_read_only_data_dir_exits_2(tmp_path: Path) -> None:
    folder = _read_only_dir(tmp_path / "ro-data")
    try:
        run = mdcc("list", "--data-dir", folder, cwd=tmp_path)
        assert run.code == 2
        assert run.err.startswith("mdcc: list: ")
        assert "read-only" in run.err or "cannot be created or written" in run.err
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("command", [["list"], ["demo"], ["import", str(DEMO)]])
def test_data_dir_that_is_a_file_exits_2(tmp_path: Path, command: list[str]) -> None:
    not_a_dir = tmp_path / "afile"
    not_a_dir.write_text("hello", encoding="utf-8")
    run = mdcc(*command, "--data-dir", not_a_dir, cwd=tmp_path)
    assert run.code == 2
    assert run.out == ""
    assert run.err.strip() == (
        f"mdcc: {command[0]}: The data folder {not_a_dir} cannot be created or written: "
        f"{not_a_dir} is a file, not a folder. Move the file away, or choose another folder "
        "with --data-dir or MDCC_DATA_DIR. Nothing was changed."
    )
    assert not_a_dir.read_text(encoding="utf-8") == "hello"


def test_database_that_is_not_a_database_exits_2(tmp_path: Path, data: Path) -> None:
    data.mkdir()
    (data / "mdcc.sqlite3").write_bytes(b"this is not sqlite" * 100)
    run = mdcc("list", "--data-dir", data, cwd=tmp_path)
    assert run.code == 2
    assert "damaged or is not an MDCC Desktop database" in run.err


def test_data_dir_beneath_a_file_exits_2(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "afile"
    not_a_dir.write_text("hello", encoding="utf-8")
    run = mdcc("export", 1, "--data-dir", not_a_dir / "sub", cwd=tmp_path)
    assert run.code == 2
    assert run.out == ""
    assert f"cannot be created or written: {not_a_dir} is a file, not a folder" in run.err
