"""Writers that behave and readers that cannot be made to hang, on real files, links and FIFOs.

Every test that could hang on the old behaviour (reading a FIFO) runs the reader in a child
process with a timeout, so a regression fails instead of stopping the suite.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.models import CopyKind
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services import files
from mdcc_desktop.services.demo import load_demo
from mdcc_desktop.services.files import MAX_INPUT_BYTES, read_input, save_export
from mdcc_desktop.store import DatabaseLockedError
from tests.conftest import DEMO, driver_connect, open_services

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX modes, FIFOs and devices")


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def mdcc(data: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MDCC_DATA_DIR"}
    proc = subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", "--data-dir", str(data), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in proc.stderr
    return proc


# --- output: only regular files ----------------------------------------------------------------


@posix_only
def test_export_onto_a_fifo_is_refused_and_the_fifo_stays(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(ValidationError, match="pipe"):
        save_export(fifo, b"{}", "conference.json")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.json"]


@posix_only
def test_export_onto_a_device_node_is_refused_and_the_device_stays(tmp_path: Path) -> None:
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    except PermissionError:
        pytest.skip("making a device node needs root")
    data = tmp_path / "data"
    run = mdcc(data, "demo")
    assert run.returncode == 0
    run = mdcc(data, "export", "1", "-o", str(node))
    assert run.returncode == 2
    assert "a device" in run.stderr and run.stderr.count("\n") == 1
    assert stat.S_ISCHR(os.lstat(node).st_mode)


# --- output: modes ---------------------------------------------------------------------------


@posix_only
def test_a_new_export_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "conference.json"
    save_export(target, b"{}", "conference.json")
    assert mode(target) == 0o600


@posix_only
@pytest.mark.parametrize("before", [0o600, 0o640, 0o644])
def test_an_existing_export_keeps_its_mode(tmp_path: Path, before: int) -> None:
    target = tmp_path / "conference.json"
    target.write_bytes(b"old")
    os.chmod(target, before)
    save_export(target, b"new", "conference.json")
    assert target.read_bytes() == b"new"
    assert mode(target) == before


@posix_only
def test_the_temporary_file_is_owner_only_and_gone_afterwards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, int]] = []
    real_replace = os.replace

    def spy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        seen.append((Path(src).name, mode(Path(src))))
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", spy)
    target = tmp_path / "CP-1-minutes-full.docx"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    save_export(target, b"new", "minutes.docx")
    assert len(seen) == 1
    name, tmp_mode = seen[0]
    assert name.startswith(".CP-1-minutes-full.docx.") and name.endswith(".part")
    assert tmp_mode in (0o600, 0o644)  # 0600 while written; the old file's mode just before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["CP-1-minutes-full.docx"]


def test_a_failed_write_removes_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the previous version")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(ValidationError, match="disk is full"):
        save_export(target, b"x" * 100_000, "minutes.docx")
    assert target.read_bytes() == b"the previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.docx"]


def test_leftovers_of_killed_writes_are_removed_next_time(tmp_path: Path) -> None:
    target = tmp_path / "CP-1-minutes-full.docx"
    legacy = tmp_path / ".CP-1-minutes-full.docx.part"  # what older versions left
    dead = tmp_path / ".CP-1-minutes-full.docx.999999999-abcd1234.part"  # no such process
    unrelated = tmp_path / ".other.docx.part"
    for leftover in (legacy, dead, unrelated):
        leftover.write_bytes(b"half a document")
    save_export(target, b"whole", "minutes.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".other.docx.part",
        "CP-1-minutes-full.docx",
    ]


@posix_only
def test_a_killed_export_leaves_nothing_behind_after_the_next_one(tmp_path: Path) -> None:
    """A real process killed while writing: its leftover is cleaned by the next write."""
    target = tmp_path / "conference.json"
    script = (
        "import os, sys, signal\n"
        "from pathlib import Path\n"
        "from mdcc_desktop.services import files\n"
        "def die(fd):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "files.os.fsync = die\n"
        f"files.save_export(Path({str(target)!r}), b'x' * 1000, 'c.json')\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], timeout=60, check=False)
    assert proc.returncode == -9
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert len(leftovers) == 1
    assert mode(leftovers[0]) == 0o600  # even the leftover was never readable by others

    save_export(target, b"{}", "conference.json")
    assert [p.name for p in tmp_path.iterdir()] == ["conference.json"]


# --- output: symlinks --------------------------------------------------------------------------


@posix_only
def test_a_symlinked_target_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "archive" / "latest.json"
    real.parent.mkdir()
    real.write_bytes(b"old")
    os.chmod(real, 0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(real)

    save_export(link, b"new", "conference.json")

    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"
    assert mode(real) == 0o640


@posix_only
def test_a_symlink_to_nothing_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "latest.json"
    link.symlink_to(tmp_path / "gone" / "latest.json")
    with pytest.raises(ValidationError, match="does not exist"):
        save_export(link, b"new", "conference.json")
    assert link.is_symlink()


# --- output: names -------------------------------------------------------------------------


def test_a_too_long_file_name_is_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="too long"):
        save_export(tmp_path / ("m" * 300 + ".docx"), b"x", "minutes.docx")


def test_a_long_name_that_fits_gets_a_temporary_file_that_fits_too(tmp_path: Path) -> None:
    target = tmp_path / ("會議紀錄" * 20 + ".docx")  # 245 bytes: the target fits
    save_export(target, b"x", "minutes.docx")
    assert target.read_bytes() == b"x"


# --- input: regular files of bounded size -----------------------------------------------------


@posix_only
def test_importing_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "conference.json"
    os.mkfifo(fifo)
    run = mdcc(tmp_path / "data", "import", str(fifo), timeout=60)
    assert run.returncode == 2
    assert "a pipe (FIFO), not a file" in run.stderr


@posix_only
def test_importing_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    run = mdcc(tmp_path / "data", "import", "/dev/zero", timeout=60)
    assert run.returncode == 2
    assert "/dev/zero is a device, not a file" in run.stderr


def test_an_input_over_the_bound_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "conference.json"
    with big.open("wb") as fh:
        fh.truncate(MAX_INPUT_BYTES + 1)  # sparse: no disk used
    with pytest.raises(ValidationError, match="larger than 64 MB"):
        read_input(big, what="conference exchange file")
    run = mdcc(tmp_path / "data", "import", str(big))
    assert run.returncode == 2
    assert "larger than 64 MB" in run.stderr


def test_read_input_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b"{}")
    assert read_input(path) == b"{}"
    with pytest.raises(ValidationError, match="larger than"):
        read_input(path, limit=1)


@posix_only
def test_a_fifo_among_the_profiles_is_skipped_with_a_message(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "profiles").mkdir(parents=True)
    os.mkfifo(data / "profiles" / "stuck.toml")
    run = mdcc(data, "list")
    assert run.returncode == 0


@posix_only
def test_a_fifo_among_the_templates_is_not_offered(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "templates").mkdir(parents=True)
    os.mkfifo(data / "templates" / "stuck.docx")
    run = mdcc(data, "templates")
    assert run.returncode == 0
    assert "stuck" not in run.stdout


# --- minutes: the document and its record, both or neither --------------------------------------


def test_minutes_whose_version_cannot_be_recorded_are_not_left_behind(tmp_path: Path) -> None:
    services = open_services(tmp_path / "data")
    blocker: sqlite3.Connection | None = None
    try:
        conference_id = load_demo(services.exchange).conference_id
        services.store.db.execute("PRAGMA busy_timeout = 50")
        blocker = driver_connect(AppPaths(tmp_path / "data").database, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another writer holds the database

        target = tmp_path / "minutes.docx"
        with pytest.raises(DatabaseLockedError):  # issue 12: issuing records, exports do not
            services.minutes.issue_minutes(conference_id, CopyKind.FULL, None, target)
        assert not target.exists()
        assert [p.name for p in tmp_path.iterdir()] == ["data"]

        blocker.execute("ROLLBACK")
        version = services.minutes.issue_minutes(conference_id, CopyKind.FULL, None, target)
        assert target.is_file()
        assert [v.number for v in services.minutes.versions(conference_id)] == [version.number]
    finally:
        if blocker is not None:
            blocker.close()
        services.close()


def test_an_outcome_letter_whose_log_entry_cannot_be_stored_is_not_left_behind(
    tmp_path: Path,
) -> None:
    """The letter was written first and logged after: a failed log left a letter that the
    deadlines still counted as not sent."""
    services = open_services(tmp_path / "data")
    blocker: sqlite3.Connection | None = None
    try:
        conference_id = load_demo(services.exchange).conference_id
        services.store.db.execute("PRAGMA busy_timeout = 50")
        blocker = driver_connect(AppPaths(tmp_path / "data").database, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another writer holds the database

        target = tmp_path / "letters"  # issue 12: a folder, one letter per recipient
        target.mkdir()
        with pytest.raises(DatabaseLockedError):
            services.lifecycle.export_letter(conference_id, target)
        assert list(target.iterdir()) == []
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "letters"]

        blocker.execute("ROLLBACK")
        issued = services.lifecycle.export_letter(conference_id, target)
        assert len(issued) > 1 and all(x.path and x.path.is_file() for x in issued)
        log = services.store.conference_log(conference_id)
        assert [e.kind for e in log].count("letter") == 1
    finally:
        if blocker is not None:
            blocker.close()
        services.close()


def test_demo_file_still_imports(tmp_path: Path) -> None:
    assert mdcc(tmp_path / "data", "import", str(DEMO)).returncode == 0
