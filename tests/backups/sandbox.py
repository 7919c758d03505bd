"""Real bad environments for the tests: a full disk (a small tmpfs) and a read-only folder (a
read-only bind mount), each in a private mount namespace (``unshare -rm``: no root needed where
user namespaces are allowed; nothing is left mounted when the script ends).

A read-only *mode* (chmod 0500) is no test where the suite runs as root, which ignores modes;
a read-only mount stops root too. Tests that need these skip where ``unshare`` is not allowed.
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


@functools.cache
def namespaces_work() -> bool:
    if shutil.which("unshare") is None or sys.platform != "linux":
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=64k none $d"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


needs_namespaces = pytest.mark.skipif(
    not namespaces_work(), reason="needs unshare -rm (user and mount namespaces) to mount"
)


def env() -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "MDCC_DATA_DIR"}
    environment["QT_QPA_PLATFORM"] = "offscreen"
    return environment


def mdcc_line(data: str, *args: str) -> str:
    """A shell line running the command line on the data folder ``data`` (a shell word: it may
    name a variable such as $M/data), then echoing its exit code as ``rc=N``."""
    words = " ".join(shlex.quote(a) for a in args)
    cli = f"{shlex.quote(sys.executable)} -m mdcc_desktop.cli --data-dir {data} {words}"
    return f"{cli}; echo rc=$?"


def run_in_namespace(script: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """``script`` (sh) in a private mount namespace, from the repository's folder."""
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=env(),
        cwd=Path(__file__).resolve().parents[2],
    )


def full_disk(mount: Path, size_kib: int, leave_kib: int) -> str:
    """Shell lines mounting a tmpfs of ``size_kib`` at ``mount`` (made if need be); the caller
    copies data in, then ``fill(mount, leave_kib)`` fills it."""
    return f"mkdir -p {mount} && mount -t tmpfs -o size={size_kib}k none {mount} || exit 99\n"


def fill(mount: Path, leave_kib: int) -> str:
    """Shell lines filling the disk at ``mount`` but ``leave_kib`` (0: all of it)."""
    if leave_kib == 0:
        return f"dd if=/dev/zero of={mount}/filler bs=4k 2>/dev/null\n"
    return (
        f"free=$(df -k {mount} | tail -1 | awk '{{print $4}}')\n"
        f"dd if=/dev/zero of={mount}/filler bs=1k count=$((free - {leave_kib})) 2>/dev/null\n"
    )


def read_only(source: Path, mount: Path) -> str:
    """Shell lines making ``mount`` a read-only view of the folder ``source``."""
    return (
        f"mkdir -p {mount} && mount --bind {source} {mount} && "
        f"mount -o remount,ro,bind {mount} || exit 99\n"
    )


def codes(output: str) -> list[int]:
    return [int(line[3:]) for line in output.splitlines() if line.startswith("rc=")]
