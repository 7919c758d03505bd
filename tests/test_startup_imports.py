"""Start fast: nothing heavy is imported before a command or a screen uses it.

`mdcc --version`, `mdcc export --help`, `mdcc list` and the GUI's first window (``--smoke``)
run in a new process each; at its exit the process says which of the Word, spreadsheet,
calendar, schema and holiday libraries it had imported: none may be. (How fast they start is
measured in tests/benchmarks/bench_cli_startup.py and bench_startup.py, not here.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mdcc_desktop.domain.workdays import KNOWN_CALENDARS, WorkingCalendar

HEAVY = ("docx", "docxtpl", "openpyxl", "icalendar", "jsonschema", "holidays")
MARK = "HEAVY-IMPORTS "

PROBE = """
import atexit, json, sys
def report():
    loaded = set(sys.modules) | {{m.split(".")[0] for m in sys.modules}}
    found = sorted(loaded & set({heavy!r}))
    sys.stderr.write("\\n{mark}" + json.dumps(found) + "\\n")
atexit.register(report)
from {module} import main
sys.exit(main(sys.argv[1:]))
"""


def imported(
    module: str,
    args: list[str],
    data_dir: Path,
    heavy: tuple[str, ...] = HEAVY,
    passphrase: bool = True,
) -> list[str]:
    """The heavy libraries (packages, or dotted modules) a run of ``module``'s main with
    ``args`` had imported at its exit; without ``passphrase`` a smoke run stops at the unlock
    screen."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MDCC_DATA_DIR": str(data_dir)}
    if not passphrase:
        env.pop("MDCC_PASSPHRASE", None)
    code = PROBE.format(heavy=heavy, mark=MARK, module=module)
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith(MARK)]
    assert lines, result.stderr[-2000:]
    found: list[str] = json.loads(lines[-1].removeprefix(MARK))
    return found


@pytest.fixture(scope="module")
def small_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding the demo conference (loading it may import anything)."""
    data_dir = tmp_path_factory.mktemp("data")
    env = {**os.environ, "MDCC_DATA_DIR": str(data_dir)}
    subprocess.run(
        [sys.executable, "-m", "mdcc_desktop.cli", "demo"], check=True, env=env, capture_output=True
    )
    return data_dir


@pytest.mark.parametrize(
    "args",
    [["--version"], ["export", "--help"], ["list"], ["list", "--format", "json"]],
    ids=["version", "export-help", "list", "list-json"],
)
def test_the_command_line_imports_no_heavy_library(small_data_dir: Path, args: list[str]) -> None:
    assert imported("mdcc_desktop.cli", args, small_data_dir) == []


# What listing conferences does not need: the profiles (read from TOML at every command until
# now), the conference edits' modules and OpenSSL's hashes (bench_cli_startup.py: `mdcc list`
# went from 1.6x to 1.3x its floor without them).
NOT_FOR_LISTING = (
    "tomllib",
    "mdcc_desktop.services.profiles",
    "mdcc_desktop.services.conferences",
    "mdcc_desktop.services.conference_base",
    "secrets",
    "hmac",
)


def test_listing_conferences_reads_no_profile_and_imports_no_edit(small_data_dir: Path) -> None:
    assert imported("mdcc_desktop.cli", ["list"], small_data_dir, NOT_FOR_LISTING) == []
    # The probe sees them where a command needs them: the deadlines come from the profiles.
    needed = imported("mdcc_desktop.cli", ["deadlines"], small_data_dir, NOT_FOR_LISTING)
    assert "tomllib" in needed and "mdcc_desktop.services.profiles" in needed


def test_a_command_that_writes_a_spreadsheet_still_imports_it(
    small_data_dir: Path, tmp_path: Path
) -> None:
    """The probe sees imports: the export that needs openpyxl has it."""
    target = tmp_path / "actions.xlsx"
    found = imported(
        "mdcc_desktop.cli", ["actions", "--format", "xlsx", "-o", str(target)], small_data_dir
    )
    assert "openpyxl" in found and target.is_file()


def test_the_first_window_imports_no_heavy_library(tmp_path: Path) -> None:
    assert imported("mdcc_desktop.app", ["--smoke"], tmp_path) == []


def test_the_first_window_on_a_folder_with_a_conference_imports_no_heavy_library(
    small_data_dir: Path, tmp_path: Path
) -> None:
    import shutil

    data_dir = tmp_path / "copy"
    shutil.copytree(small_data_dir, data_dir)
    # The conference list shows each conference's next deadline, which needs the holidays of
    # its jurisdiction: the shipped profiles' come from domain.holiday_table, not the package.
    assert imported("mdcc_desktop.app", ["--smoke"], data_dir) == []


@pytest.mark.parametrize(
    ("module", "args"),
    [("mdcc_desktop.cli", ["list"]), ("mdcc_desktop.app", ["--smoke"])],
    ids=["list", "first-window"],
)
def test_an_up_to_date_database_is_opened_without_sqlite_utils(
    small_data_dir: Path, tmp_path: Path, module: str, args: list[str]
) -> None:
    """sqlite-utils (click, pluggy, dateutil: some 60 ms) is for migrating a database; one
    already at this version's schema is opened and read without it."""
    import shutil

    data_dir = tmp_path / "copy"
    shutil.copytree(small_data_dir, data_dir)
    assert imported(module, args, data_dir, ("sqlite_utils",)) == []


@pytest.mark.parametrize("key", sorted(KNOWN_CALENDARS, key=str), ids=str)
def test_every_calendar_checked_without_the_holidays_package_exists_in_it(
    key: tuple[str, str | None, tuple[str, ...]],
) -> None:
    """The shortcut that spares a profile check the holidays import cannot accept a calendar
    the package would refuse."""
    country, subdivision, categories = key
    calendar = WorkingCalendar(country, subdivision, categories)
    assert calendar.holiday_name(dt.date(2026, 12, 25))  # Christmas, in each of them


def test_a_calendar_not_known_is_still_checked_by_the_holidays_package() -> None:
    with pytest.raises(Exception):  # noqa: B017 - the package raises several kinds
        WorkingCalendar("GB", "XXX").check()
    WorkingCalendar("GB", "SCT").check()  # a real one not among the known: built and accepted


# Imported by what waits for the first paint (the summary of the conference selected), not
# before the window is first painted.
AFTER_FIRST_PAINT = ("html",)
PAINT_PROBE = """
import builtins, json, sys, threading
real_print = builtins.print
def first_line(*args, **kwargs):
    builtins.print = real_print
    found = sorted(set(sys.modules) & set({modules!r}))
    threads = sorted(t.name for t in threading.enumerate() if t is not threading.main_thread())
    sys.stderr.write("\\nAT-FIRST-PAINT " + json.dumps([found, threads]) + "\\n")
    real_print(*args, **kwargs)
builtins.print = first_line
from mdcc_desktop.app import main
sys.exit(main(["--smoke"]))
"""


def test_the_summary_s_modules_and_the_threads_wait_for_the_first_paint(
    small_data_dir: Path, tmp_path: Path
) -> None:
    """``--smoke`` prints its line once the window is painted; by then the summary of the
    conference selected (the demo's) has not been read, nor its modules imported, and neither
    the integrity check's thread nor the search-index merger's has started (they would compete
    with the first paint for the CPU)."""
    import shutil

    data_dir = tmp_path / "copy"
    shutil.copytree(small_data_dir, data_dir)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MDCC_DATA_DIR": str(data_dir)}
    result = subprocess.run(
        [sys.executable, "-c", PAINT_PROBE.format(modules=AFTER_FIRST_PAINT)],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(x for x in result.stderr.splitlines() if x.startswith("AT-FIRST-PAINT "))
    assert json.loads(line.removeprefix("AT-FIRST-PAINT ")) == [[], []]


UNLOCK_SCREEN_WITHOUT = (
    "sqlcipher3",  # the database driver: nothing is opened before the passphrase
    "mdcc_desktop.store.store",
    "PySide6.QtNetwork",  # other starts are listened for once the screen is up
    "mdcc_desktop.domain.models",  # the records and their labels come with the main window
    "mdcc_desktop.ui.labels",
    "hashlib",  # OpenSSL's hashes: the socket's name and the key's randomness come later
    "secrets",
)


def test_the_unlock_screen_comes_up_before_the_driver_the_network_and_the_records(
    tmp_path: Path,
) -> None:
    """The first window of a start is the set-up (or unlock) screen: it asks for the passphrase
    before the SQLite driver, the database code, Qt's network module (the single-instance
    socket) or the domain records are loaded, so that it comes up as fast as a bare window."""
    found = imported(
        "mdcc_desktop.app", ["--smoke"], tmp_path / "d", UNLOCK_SCREEN_WITHOUT, passphrase=False
    )
    assert found == []


UNLOCK_PROBE = """
import builtins, json, sys
real_print = builtins.print
def first_line(*args, **kwargs):
    builtins.print = real_print
    import PySide6.QtCore, PySide6.QtWidgets
    ring = [w for w in PySide6.QtWidgets.QApplication.allWidgets()
            if type(w).__name__ == "FocusRing" and w.isVisible()]
    sys.stderr.write("\\nAT-UNLOCK-SCREEN " + json.dumps(
        ["Qt" in vars(PySide6.QtCore), len(ring)]) + "\\n")
    real_print(*args, **kwargs)
builtins.print = first_line
from mdcc_desktop.app import main
sys.exit(main(["--smoke"]))
"""


@pytest.mark.parametrize("locked", [True, False], ids=["unlock", "set-up"])
def test_the_unlock_screen_comes_up_without_the_qt_namespace(tmp_path: Path, locked: bool) -> None:
    """The first use of Qt's ``Qt`` namespace builds every one of its enums (some 15 ms, a
    tenth of a bare window's start): nothing the unlock (or set-up) screen needs uses it, the
    focus ring (up, around the passphrase field) and the crash reporter included."""
    data_dir = tmp_path / "d"
    if locked:
        from mdcc_desktop.paths import AppPaths
        from mdcc_desktop.services.protection import Protection
        from tests.conftest import TEST_PASSPHRASE

        Protection(AppPaths(data_dir)).set_up(TEST_PASSPHRASE)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MDCC_DATA_DIR": str(data_dir)}
    env.pop("MDCC_PASSPHRASE", None)
    result = subprocess.run(
        [sys.executable, "-c", UNLOCK_PROBE],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(x for x in result.stderr.splitlines() if x.startswith("AT-UNLOCK-SCREEN "))
    assert json.loads(line.removeprefix("AT-UNLOCK-SCREEN ")) == [False, 1]
