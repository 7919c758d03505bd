"""The command line unlocks the data folder: the passphrase from ``--passphrase-file``,
``MDCC_PASSPHRASE`` or a terminal's prompt; none of them, a wrong one or a missing key file is
exit 2 with a message, never a traceback. Real processes on real data folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mdcc_desktop.domain.models import Case, Child
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.context import Services
from mdcc_desktop.services.protection import FolderState, Protection
from mdcc_desktop.store import keys
from tests.conftest import DEMO, TEST_PASSPHRASE, connect, dump_database, split_recovery_notice

SECRET_NAME = "Zebediah Quillfeather"


def mdcc(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != "MDCC_DATA_DIR"}
    proc = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", *map(str, args)],
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert "Traceback" not in proc.stderr
    return proc


def no_passphrase_env() -> dict[str, str]:
    return {"MDCC_PASSPHRASE": ""}


def files_holding(folder: Path, text: str) -> list[str]:
    """Every file under ``folder`` (WAL, backups, logs included) whose bytes hold ``text``."""
    needles = [text.encode("utf-8"), text.encode("utf-16-le")]
    return [
        str(p.relative_to(folder))
        for p in sorted(folder.rglob("*"))
        if p.is_file() and any(n in p.read_bytes() for n in needles)
    ]


def test_a_first_run_encrypts_the_folder_and_shows_the_recovery_code_once(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    first = mdcc("demo", "--data-dir", data)
    assert first.returncode == 0, first.stderr
    rest, code = split_recovery_notice(first.stderr)
    assert code is not None and code not in rest
    assert Protection(AppPaths(data)).state() is FolderState.LOCKED

    second = mdcc("list", "--data-dir", data)
    assert second.returncode == 0, second.stderr
    assert split_recovery_notice(second.stderr)[1] is None

    # The code shown opens the folder when the passphrase is forgotten.
    protection = Protection(AppPaths(data))
    protection.recover(code, "a brand new passphrase")
    assert (
        mdcc(
            "list", "--data-dir", data, env={"MDCC_PASSPHRASE": "a brand new passphrase"}
        ).returncode
        == 0
    )


def test_without_a_passphrase_and_no_terminal_it_exits_2_with_a_message(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    assert mdcc("demo", "--data-dir", data).returncode == 0
    run = mdcc("list", "--data-dir", data, env=no_passphrase_env())
    assert run.returncode == 2
    assert "--passphrase-file" in run.stderr and "MDCC_PASSPHRASE" in run.stderr
    assert run.stdout == ""


def test_a_first_run_without_a_passphrase_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = mdcc("demo", "--data-dir", data, env=no_passphrase_env())
    assert run.returncode == 2
    assert "to be encrypted" in run.stderr and "--passphrase-file" in run.stderr
    assert not (data / keys.KEY_FILE_NAME).exists()
    assert not AppPaths(data).database.exists()


def test_a_wrong_passphrase_is_refused_with_exit_2(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert mdcc("demo", "--data-dir", data).returncode == 0
    run = mdcc("list", "--data-dir", data, env={"MDCC_PASSPHRASE": "not the passphrase"})
    assert run.returncode == 2
    assert run.stderr.startswith("mdcc: list: ")
    assert "damaged" not in run.stderr  # told apart from a damaged database


def test_the_passphrase_file_is_read_and_a_missing_one_is_exit_2(tmp_path: Path) -> None:
    data = tmp_path / "data"
    secret = tmp_path / "pass.txt"
    secret.write_text("from a file, with a newline\n", encoding="utf-8")
    made = mdcc("demo", "--data-dir", data, "--passphrase-file", secret, env=no_passphrase_env())
    assert made.returncode == 0, made.stderr
    # The file's first line is the passphrase (the newline is not part of it).
    Protection(AppPaths(data)).unlock("from a file, with a newline")
    listed = mdcc("list", "--data-dir", data, "--passphrase-file", secret)
    assert listed.returncode == 0, listed.stderr
    missing = mdcc("list", "--data-dir", data, "--passphrase-file", tmp_path / "nope.txt")
    assert missing.returncode == 2
    assert "nope.txt cannot be read" in missing.stderr


def test_a_plain_folder_is_encrypted_on_first_use_and_names_no_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    plain = Services.open(AppPaths(data))  # a data folder from before encryption
    case_id = plain.store.add_case(Case(reference="CP-PLAIN", jurisdiction="ENG"))
    plain.store.add_child(Child(case_id=case_id, name=SECRET_NAME))
    plain.close()
    assert files_holding(data, SECRET_NAME)  # the search finds the name while plain

    run = mdcc("import", DEMO, "--data-dir", data)
    assert run.returncode == 0, run.stderr
    assert split_recovery_notice(run.stderr)[1] is not None
    assert files_holding(data, SECRET_NAME) == []
    assert mdcc("list", "--data-dir", data).returncode == 0
    db = connect(data)  # the data is still there, under the key
    try:
        assert any(SECRET_NAME in line for line in dump_database(db))
    finally:
        db.close()


def test_a_missing_key_file_is_exit_2_saying_what_to_do(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert mdcc("demo", "--data-dir", data).returncode == 0
    (data / keys.KEY_FILE_NAME).rename(tmp_path / "key-elsewhere.json")
    run = mdcc("list", "--data-dir", data)
    assert run.returncode == 2
    assert "key file" in run.stderr and "Put the key file back" in run.stderr


def test_the_suite_passphrase_is_the_one_tests_use() -> None:
    assert os.environ["MDCC_PASSPHRASE"] == TEST_PASSPHRASE
