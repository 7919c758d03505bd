"""Packaging (issue 13, delivers 5, 6 and 8): the README's set-up and build lines, the wheel's
shipped files, the Linux desktop entry, its AppStream metadata and the icon install."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from mdcc_desktop import __version__, resources
from tests.conftest import REPO

LINUX = REPO / "resources" / "linux"
DESKTOP = LINUX / f"{resources.DESKTOP_ID}.desktop"
METAINFO = LINUX / f"{resources.DESKTOP_ID}.metainfo.xml"


def readme_block(title: str) -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"{re.escape(title)}.*?```sh\n(.+?)\n```", readme, re.S)
    assert match, f"the README must show a command under {title!r}"
    return match.group(1).strip()


def pyproject() -> dict[str, object]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


# --- the README -------------------------------------------------------------------------------


def _fake_bin(folder: Path, *names: str) -> Path:
    """``folder`` with an ``apt-get`` (and any ``names``) that write what they were asked into
    ``calls``; ``sudo`` runs the rest of its line."""
    folder.mkdir()
    for name in ("apt-get", *names):
        body = f'echo "{name} $*" >> "{folder}/calls"\n'
        if name == "sudo":
            body += '"$@"\n'
        script = folder / name
        script.write_text(f"#!/bin/sh\n{body}", encoding="utf-8")
        script.chmod(0o755)
    return folder


@pytest.mark.parametrize("has_sudo", [False, True], ids=["root, no sudo", "user with sudo"])
def test_the_readme_system_packages_line_runs_with_and_without_sudo(
    tmp_path: Path, has_sudo: bool
) -> None:
    """A bare machine's root has no sudo (the line used to start with ``sudo`` and failed
    there); a user has it and needs it. The line runs as written, apt-get faked."""
    line = readme_block("## Set up")
    assert "apt-get install" in line
    fake = _fake_bin(tmp_path / "bin", *(["sudo"] if has_sudo else []))
    env = {"PATH": f"{fake}:/usr/bin:/bin" if has_sudo else f"{fake}:/bin_none", "HOME": "/"}
    sh = shutil.which("sh") or "/bin/sh"
    done = subprocess.run([sh, "-c", line], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    calls = (fake / "calls").read_text(encoding="utf-8").splitlines()
    if has_sudo:
        assert calls[0] == "sudo apt-get update"
        assert calls[2].startswith("sudo apt-get install -y python3 python3-venv git ")
    else:
        assert calls[0] == "apt-get update"
        assert calls[1].startswith("apt-get install -y python3 python3-venv git ")


def test_the_readme_says_how_to_run_the_commands_after_set_up() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Set up") : readme.index("## Use")]
    assert ".venv/bin/mdcc" in section
    assert ". .venv/bin/activate" in section
    assert "dist/mdcc-desktop/mdcc-desktop" in section


def test_ci_builds_with_the_readme_build_line() -> None:
    command = readme_block("**Build the packaged app**")
    check = (REPO / "tools" / "frozen" / "check.sh").read_text(encoding="utf-8")
    assert command in check.splitlines()
    assert "bash tools/frozen/check.sh" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    extras = pyproject()["project"]["optional-dependencies"]  # type: ignore[index]
    assert any(d.startswith("pyinstaller") for d in extras["build"])


# --- the wheel --------------------------------------------------------------------------------


@pytest.mark.slow
def test_an_installed_wheel_finds_its_icons_templates_and_data(tmp_path: Path) -> None:
    """The wheel carries resources/ and templates/ inside the package; unpacked alone (no
    repository beside it), the one resource helper finds every icon there."""
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode != 0:
        pytest.skip(f"no wheel could be built here: {built.stderr.strip()[-200:]}")
    (wheel,) = tmp_path.glob("*.whl")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "from mdcc_desktop import resources as r;"
        "print(r.data_dir('resources'));"
        "print(all(r.icon_file(n).is_file() for n in set(r.ACTION_ICONS.values())));"
        "print(all(r.app_icon_file(s).is_file() for s in r.APP_ICON_SIZES));"
        "print((r.data_dir('templates') / 'profiles' / 'HK.toml').is_file())"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    folder, icons, app_icons, profiles = done.stdout.splitlines()
    assert Path(folder) == site / "mdcc_desktop" / "_data" / "resources"
    assert (icons, app_icons, profiles) == ("True", "True", "True")


# --- desktop integration ----------------------------------------------------------------------


def test_the_desktop_entry_starts_the_gui_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    gui_scripts = pyproject()["project"]["gui-scripts"]  # type: ignore[index]
    assert section["Exec"] in gui_scripts
    assert section["Icon"] == resources.APP_ICON
    assert section["Type"] == "Application"
    assert section["Categories"].endswith(";")
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run(
            [validator, str(DESKTOP)], check=False, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_appstream_metadata_names_the_entry_the_commands_and_this_version() -> None:
    import xml.etree.ElementTree as ET

    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == resources.DESKTOP_ID
    assert root.findtext("launchable") == DESKTOP.name
    project = pyproject()["project"]
    binaries = {b.text for b in root.iter("binary")}
    assert binaries == {*project["scripts"], *project["gui-scripts"]}  # type: ignore[index]
    latest = root.find("releases/release")
    assert latest is not None
    assert latest.get("version") == __version__, "a new version needs its <release> line"
    appstreamcli = shutil.which("appstreamcli")
    if appstreamcli:
        done = subprocess.run(
            [appstreamcli, "validate", "--no-net", str(METAINFO)],
            check=False,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_install_script_puts_the_entry_and_every_icon_size_in_place(tmp_path: Path) -> None:
    build = tmp_path / "dist"
    build.mkdir()
    gui = build / "mdcc-desktop"
    gui.write_text("#!/bin/sh\n", encoding="utf-8")
    gui.chmod(0o755)
    script = LINUX / "install.sh"
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    env.pop("XDG_DATA_HOME", None)
    done = subprocess.run(
        ["sh", str(script), "--bin", str(build)],
        check=False,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    share = tmp_path / "home" / ".local" / "share"
    installed = (share / "applications" / DESKTOP.name).read_text(encoding="utf-8")
    assert f'Exec="{build}/mdcc-desktop"' in installed.splitlines()
    assert (share / "metainfo" / METAINFO.name).is_file()
    assert (share / "icons/hicolor/scalable/apps/mdcc-desktop.svg").is_file()
    for size in resources.APP_ICON_SIZES:
        assert (share / f"icons/hicolor/{size}x{size}/apps/mdcc-desktop.png").is_file()
    subprocess.run(["sh", str(script), "--uninstall"], env=env, capture_output=True, check=True)
    assert not (share / "applications" / DESKTOP.name).exists()
    assert not list((share / "icons").rglob("mdcc-desktop.*"))


# --- the build's spec -------------------------------------------------------------------------


def test_the_build_spec_makes_the_two_programs_pyproject_names() -> None:
    """build.spec is Python that PyInstaller runs (tools/frozen/check.sh builds with it); its two
    executables carry the names of the installed scripts, and it reads the package's version."""
    import ast

    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    tree = ast.parse(spec)
    names = {
        kw.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "EXE"
        for kw in node.keywords
        if kw.arg == "name" and isinstance(kw.value, ast.Constant)
    }
    project = pyproject()["project"]
    assert names == {*project["scripts"], *project["gui-scripts"]}  # type: ignore[index]
    assert '"__init__.py"' in spec and "__version__" in spec
    for entry in ("mdcc_desktop_main.py", "mdcc_main.py"):
        assert (REPO / "tools" / "frozen" / entry).is_file()
