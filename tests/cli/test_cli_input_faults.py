"""Every input fault on the command line is exit 2 with one clear line, never "a bug" (exit 1).

And the terminal is safe: names imported from a file cannot send escape sequences (clear the
screen, retitle the window) or reorder the text with bidi overrides.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEMO


def mdcc(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "MDCC_DATA_DIR"}
    environment.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="backslashreplace",
        timeout=120,
        check=False,
    )
    assert "Traceback" not in proc.stderr
    return proc


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "data"
    assert mdcc("--data-dir", str(folder), "demo", cwd=folder.parent).returncode == 0
    return folder


def assert_one_clear_line(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode == 2, proc.stderr
    # A usage error shows argparse's usage first (indented when it wraps); then the one line.
    usage = proc.stderr.startswith("usage:")
    lines = [line for line in proc.stderr.splitlines() if not usage or line.startswith("mdcc")]
    assert len(lines) == 1, proc.stderr
    for word in words:
        assert word in lines[0], lines[0]


BIG = str(2**64 + 5)

FAULTS = {
    "export id beyond 64 bits": (["export", BIG], ["not a conference id"]),
    "minutes id beyond 64 bits": (["minutes", BIG, "-o", "m.docx"], ["not a conference id"]),
    "letter id beyond 64 bits": (["letter", BIG, "-o", "l.docx"], ["not a conference id"]),
    "negative id": (["export", "-5"], []),
    "due within 3,000,000 days": (["actions", "--due-within", "3000000"], ["number of days"]),
    "due within past year 9999": (
        ["actions", "--as-of", "9999-12-30", "--due-within", "5"],
        ["past the year 9999"],
    ),
    "case longer than LIKE's limit": (["actions", "--case", "x" * 60_000], ["at most 200"]),
    "owner of Chinese longer than LIKE's limit": (
        ["actions", "--owner", "陳" * 17_000],
        ["at most 200"],
    ),
    "agency longer than allowed": (["actions", "--agency", "a" * 201], ["at most 200"]),
    "export -o name of 300 characters": (["export", "1", "-o", "n" * 300 + ".json"], ["too long"]),
    "minutes -o name of 300 characters": (
        ["minutes", "1", "-o", "n" * 300 + ".docx"],
        ["too long"],
    ),
    "letter -o name of 300 characters": (
        ["letter", "1", "-o", "n" * 300 + ".docx"],
        ["too long"],
    ),
    "actions -o name of 300 characters": (
        ["actions", "--format", "csv", "-o", "n" * 300 + ".csv"],
        ["too long"],
    ),
}


@pytest.mark.parametrize("args,words", FAULTS.values(), ids=FAULTS.keys())
def test_input_fault_is_exit_2_with_one_line(data: Path, args: list[str], words: list[str]) -> None:
    proc = mdcc("--data-dir", str(data), *args, cwd=data.parent)
    assert_one_clear_line(proc, *words)


def test_no_minutes_version_is_recorded_for_a_name_too_long(data: Path) -> None:
    before = mdcc("--data-dir", str(data), "export", "1", cwd=data.parent)
    mdcc("--data-dir", str(data), "minutes", "1", "-o", "n" * 300 + ".docx", cwd=data.parent)
    after = mdcc("--data-dir", str(data), "export", "1", cwd=data.parent)
    assert json.loads(before.stdout) == json.loads(after.stdout)


@pytest.mark.parametrize("value", ["", "   "])
def test_empty_data_dir_is_refused_not_replaced_by_the_default(tmp_path: Path, value: str) -> None:
    home = tmp_path / "home"
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    proc = mdcc("--data-dir", value, "list", cwd=tmp_path, env=env)
    assert_one_clear_line(proc, "data folder is empty")
    assert not home.exists()  # nothing was created in the default folder
    proc = mdcc("list", "--data-dir", value, cwd=tmp_path, env=env)
    assert proc.returncode == 2
    assert not home.exists()


def test_gui_refuses_an_empty_data_dir_too(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k != "MDCC_DATA_DIR"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "share"), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop", "--smoke", "--data-dir", ""],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2
    assert "data folder is empty" in proc.stderr
    assert not home.exists()


# --- terminal hygiene ------------------------------------------------------------------------

CLEAR_SCREEN = "\x1b[2J\x1b[H"
RETITLE = "\x1b]0;pwned\x07"
C1_CSI = "\x9b31m"
RLO = "\u202e"


@pytest.fixture
def hostile_data(tmp_path: Path) -> Path:
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["case"]["reference"] = f"CP-{RETITLE}X"
    doc["case"]["children"][0]["name"] = f"Evil{CLEAR_SCREEN}{C1_CSI}Kid{RLO}txt.exe"
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    data = tmp_path / "data"
    proc = mdcc("--data-dir", str(data), "import", str(hostile), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return data


def assert_no_controls(text: str) -> None:
    for ch in text:
        if ch in "\n":
            continue
        assert not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F), repr(ch)
        assert ch not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", repr(ch)


def test_list_escapes_control_characters_from_imported_names(hostile_data: Path) -> None:
    proc = mdcc("--data-dir", str(hostile_data), "list", cwd=hostile_data.parent)
    assert proc.returncode == 0
    assert_no_controls(proc.stdout)
    assert "\\x1b" in proc.stdout  # shown, not obeyed
    assert "Evil" in proc.stdout


def test_actions_and_deadlines_tables_escape_too(hostile_data: Path) -> None:
    for command in (["actions"], ["deadlines", "--as-of", "2026-01-01"]):
        proc = mdcc("--data-dir", str(hostile_data), *command, cwd=hostile_data.parent)
        assert proc.returncode == 0, proc.stderr
        assert_no_controls(proc.stdout)


def test_json_output_stays_exact(hostile_data: Path) -> None:
    proc = mdcc(
        "--data-dir", str(hostile_data), "list", "--format", "json", cwd=hostile_data.parent
    )
    assert proc.returncode == 0
    assert "\x1b" not in proc.stdout  # json escapes C0 itself
    children = json.loads(proc.stdout)[0]["children"]
    assert children.startswith(f"Evil{CLEAR_SCREEN}{C1_CSI}Kid{RLO}txt.exe, ")


def test_messages_on_stderr_escape_file_names(tmp_path: Path) -> None:
    name = f"conf{CLEAR_SCREEN}.json"
    proc = mdcc("--data-dir", str(tmp_path / "data"), "import", name, cwd=tmp_path)
    assert proc.returncode == 2
    assert_no_controls(proc.stderr)
    assert "\\x1b" in proc.stderr
