"""One module names the database driver, so that switching to SQLCipher changes one import.

sqlcipher3 raises its own exception classes: an ``except sqlite3.Error`` anywhere but in
``store/driver.py`` would stop catching them the day the driver changes. Tests may still use
``sqlite3`` to poke at files.
"""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest

from mdcc_desktop.store import Store, driver
from tests.conftest import REPO

PACKAGE = REPO / "mdcc_desktop"
DRIVER_MODULE = PACKAGE / "store" / "driver.py"
DRIVERS = ("sqlite3", "_sqlite3", "sqlcipher3", "pysqlite3")


def _driver_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        else:
            continue
        found.update(n for n in names if n.split(".")[0] in DRIVERS)
    return found


def test_only_the_driver_module_imports_the_driver() -> None:
    # sqlite3 there for the type checker only (sqlcipher3 has no type information).
    assert _driver_imports(DRIVER_MODULE) == {"sqlcipher3", "sqlite3"}
    offenders = {
        str(path.relative_to(REPO)): imports
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != DRIVER_MODULE and (imports := _driver_imports(path))
    }
    assert offenders == {}


def test_the_guard_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("def f():\n    from sqlite3 import dbapi2\n    import sqlcipher3\n")
    assert _driver_imports(sneaky) == {"sqlite3", "sqlcipher3"}


RESULT_CODES = (
    "SQLITE_BUSY",
    "SQLITE_LOCKED",
    "SQLITE_READONLY",
    "SQLITE_IOERR",
    "SQLITE_CORRUPT",
    "SQLITE_FULL",
    "SQLITE_CANTOPEN",
    "SQLITE_NOTADB",
)


@pytest.mark.parametrize("name", RESULT_CODES)
def test_result_codes_are_sqlites_own(name: str) -> None:
    assert getattr(driver, name) == getattr(sqlite3, name)


def test_a_real_failure_is_one_of_the_drivers_exception_classes(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "mdcc.sqlite3")
    try:
        with pytest.raises(driver.IntegrityError) as info:
            store.db.execute("INSERT INTO children (case_id, name) VALUES (?, ?)", [999, "A"])
    finally:
        store.close()
    assert isinstance(info.value, driver.DatabaseError)
    assert isinstance(info.value, driver.Error)
    assert driver.primary_code(info.value) == sqlite3.SQLITE_CONSTRAINT


def test_primary_code_folds_extended_codes_and_copes_without_one() -> None:
    error = sqlite3.OperationalError("disk I/O error")
    assert driver.primary_code(error) is None  # a driver that sets no code: the text decides
    error.sqlite_errorcode = sqlite3.SQLITE_IOERR_WRITE
    assert driver.primary_code(error) == sqlite3.SQLITE_IOERR
