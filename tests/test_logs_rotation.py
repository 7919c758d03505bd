"""The log file rotates past its size limit, keeping LOG_BACKUPS older files, and logging at
start-up does not import ``logging.handlers``."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from mdcc_desktop import logs


def test_the_log_rotates_and_keeps_its_backups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_LOG_BYTES", 2000)
    target = logs.setup_logging(tmp_path)
    assert target is not None
    log = logging.getLogger("mdcc_desktop.test")
    try:
        for i in range(400):
            log.info("record %04d", i)
    finally:
        logs.setup_logging(tmp_path / "elsewhere")  # closes the handler
    names = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert names == ["mdcc.log", *(f"mdcc.log.{n}" for n in range(1, logs.LOG_BACKUPS + 1))]
    for path in tmp_path.glob("mdcc.log*"):
        assert path.stat().st_size < 2000
    assert "record 0399" in target.read_text(encoding="utf-8")
    assert "record 0398" in (tmp_path / "mdcc.log").read_text(encoding="utf-8") + (
        tmp_path / "mdcc.log.1"
    ).read_text(encoding="utf-8")


def test_logging_does_not_import_logging_handlers(tmp_path: Path) -> None:
    code = (
        "import logging, sys, pathlib\n"
        "from mdcc_desktop.logs import setup_logging\n"
        f"setup_logging(pathlib.Path({str(tmp_path)!r}))\n"
        "logging.getLogger('mdcc_desktop.x').info('hello')\n"
        "print('logging.handlers' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert "hello" in (tmp_path / "mdcc.log").read_text(encoding="utf-8")


def test_a_log_that_cannot_be_written_is_not_fatal(tmp_path: Path) -> None:
    target = logs.setup_logging(tmp_path)
    assert target is not None
    target.unlink()
    target.mkdir()  # the file is now a folder: it cannot be opened
    try:
        logging.getLogger("mdcc_desktop.test").warning("nowhere")
    finally:
        logs.setup_logging(tmp_path / "elsewhere")
