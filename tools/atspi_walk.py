#!/usr/bin/python3
"""The app as a screen reader gets it, on the real accessibility bus (issue 15, deliverable 4).

Starts, each of its own and stopped at the end: Xvfb (``-noreset``, 1366×768), a window manager
(openbox: without one no window takes focus), a D-Bus session (``dbus-launch``),
``at-spi-bus-launcher``, and the app with ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1`` on a temporary
data folder into which the shared example is imported. Then, through pyatspi (the system
Python's: run this file with ``/usr/bin/python3``):

- lists the tree of the home window and of the workspace in each of its tabs as AT-SPI gives it
  (role, name, labelled-by) and counts the interactive objects without a name or, for fields
  (combo, text, spin, date), without a labelled-by relation;
- walks Tab with ``xdotool`` from the window's first focus and says where focus went.

The tables go into ``docs/accessibility.md`` (``--out`` to write elsewhere). Not part of the
test suite: it needs the packages ``xvfb xdotool dbus-x11 at-spi2-core python3-pyatspi
gir1.2-atspi-2.0 openbox``, and Qt's xcb plugin ``libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1``.
The in-process walk in ``tests/ui/test_accessibility.py`` is the
one that runs with every change.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "tests" / "data" / "eng-initial-max.json"
DISPLAY = ":77"
SCREEN = "1366x768x24"
TAB_PRESSES = 40


PASSPHRASE = "walk the tree, correct horse"


def app_python() -> str:
    venv = REPO / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else "python3"


# --- the session: X, a window manager, D-Bus, the accessibility bus, the app ----------------


@dataclass
class Session:
    data_dir: Path
    python: str
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    log: Path | None = None

    def start(self, cmd: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        assert self.log is not None
        out = self.log.open("ab")
        proc = subprocess.Popen(
            cmd, env=env or self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.procs.append(proc)
        return proc

    def up(self) -> None:
        # The session's output (X, D-Bus, the app), kept after the temporary folder goes.
        self.log = Path(tempfile.gettempdir()) / "mdcc-atspi-walk.log"
        self.log.write_bytes(b"")
        self.env = dict(os.environ, DISPLAY=DISPLAY)
        self.env.pop("QT_QPA_PLATFORM", None)
        self.start(["Xvfb", DISPLAY, "-noreset", "-screen", "0", SCREEN, "-nolisten", "tcp"])
        wait_for(
            lambda: run_ok(["xdotool", "getmouselocation"], self.env),
            "Xvfb",
        )
        bus = subprocess.run(
            ["dbus-launch", "--sh-syntax"], env=self.env, capture_output=True, text=True, check=True
        ).stdout
        for line in bus.splitlines():
            if "=" in line and line.endswith(";"):
                key, _, value = line.rstrip(";").partition("=")
                if key in ("DBUS_SESSION_BUS_ADDRESS", "DBUS_SESSION_BUS_PID"):
                    self.env[key] = value.strip("'")
        self.bus_pid = int(self.env.get("DBUS_SESSION_BUS_PID", "0"))
        self.start(["openbox"])
        self.start(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
        time.sleep(1.0)
        os.environ.update(
            DISPLAY=DISPLAY, DBUS_SESSION_BUS_ADDRESS=self.env["DBUS_SESSION_BUS_ADDRESS"]
        )
        app_env = dict(
            self.env,
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
            MDCC_DATA_DIR=str(self.data_dir),
            LANG="en_GB.UTF-8",
            # The command line sets the folder's passphrase up; the app is unlocked by typing
            # it (unlock_app). A cheap key file: this folder holds only the example.
            MDCC_PASSPHRASE=PASSPHRASE,
            MDCC_TEST_WEAK_KDF="1",
        )
        subprocess.run(
            [self.python, "-m", "mdcc_desktop.cli", "import", str(EXAMPLE)],
            env=app_env,
            cwd=REPO,
            check=True,
            capture_output=True,
        )
        app_env.pop("MDCC_PASSPHRASE")  # the app asks for it, as it asks a chair
        self.app = self.start([self.python, "-m", "mdcc_desktop"], app_env)

    def unlock_app(self) -> None:
        """Type the passphrase into the unlock screen, as a chair does."""
        ids = wait_for(lambda: xdotool("search", "--name", "Unlock").split(), "the unlock screen")
        assert isinstance(ids, list)
        xdotool("windowactivate", "--sync", ids[-1])
        xdotool("type", "--delay", "20", PASSPHRASE)
        xdotool("key", "--clearmodifiers", "Return")

    def down(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
        if getattr(self, "bus_pid", 0):
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.bus_pid, signal.SIGTERM)


def run_ok(cmd: list[str], env: dict[str, str]) -> bool:
    try:
        return (
            subprocess.run(cmd, env=env, capture_output=True, timeout=5, check=False).returncode
            == 0
        )
    except (OSError, subprocess.TimeoutExpired):
        return False


def wait_for(ready: Callable[[], object], what: str, timeout: float = 20.0) -> object:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = ready()
        if value:
            return value
        time.sleep(0.25)
    raise SystemExit(f"atspi_walk: {what} did not come up within {timeout:.0f} s")


def xdotool(*args: str) -> str:
    return subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, check=False
    ).stdout.strip()


# --- reading the tree -------------------------------------------------------------------------

INTERACTIVE_ROLES = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "spin button",
    "date editor",
    "slider",
    "list",
    "list box",
    "table",
    "tree table",
    "tree",
    "page tab",
    "entry",
}
FIELD_ROLES = {"combo box", "text", "spin button", "date editor", "entry", "password text"}


@dataclass
class Node:
    depth: int
    role: str
    name: str
    labelled_by: str
    focusable: bool
    showing: bool
    editable: bool
    obj: object = None

    @property
    def has_label(self) -> bool:
        """Labelled by a label (not only by the group box around it)."""
        return any(not part.startswith("(group: ") for part in self.labelled_by.split(", ") if part)

    @property
    def interactive(self) -> bool:
        return self.role in INTERACTIVE_ROLES


def node_of(pyatspi: object, acc: object, depth: int) -> Node:
    states = acc.getState()  # type: ignore[attr-defined]
    labels = []
    try:
        for relation in acc.getRelationSet():  # type: ignore[attr-defined]
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:  # type: ignore[attr-defined]
                for i in range(relation.getNTargets()):
                    target = relation.getTarget(i)
                    name = target.name or "(unnamed)"
                    # A group box labels every field in it: said, but it names none of them.
                    is_label = target.getRoleName() == "label"
                    labels.append(name if is_label else f"(group: {name})")
    except Exception:  # a dying object: no relations
        pass
    return Node(
        depth,
        acc.getRoleName(),  # type: ignore[attr-defined]
        acc.name or "",  # type: ignore[attr-defined]
        ", ".join(labels),
        states.contains(pyatspi.STATE_FOCUSABLE),  # type: ignore[attr-defined]
        states.contains(pyatspi.STATE_SHOWING),  # type: ignore[attr-defined]
        states.contains(pyatspi.STATE_EDITABLE),  # type: ignore[attr-defined]
        acc,
    )


CELL_ROLES = {"table cell", "list item", "tree item", "table column header", "table row header"}


def walk(pyatspi: object, acc: object, depth: int = 0, into_lists: bool = False) -> Iterator[Node]:
    """The showing objects under ``acc``; cells of lists and tables are not listed one by one
    (``into_lists`` lists a list's items too)."""
    node = node_of(pyatspi, acc, depth)
    if not node.showing and depth > 0:
        return
    yield node
    if node.role in ("table", "tree table", "tree", "menu bar") or (
        node.role in ("list", "list box") and not into_lists
    ):
        return
    for i in range(acc.childCount):  # type: ignore[attr-defined]
        child = acc.getChildAtIndex(i)  # type: ignore[attr-defined]
        if child is not None:
            yield from walk(pyatspi, child, depth + 1, into_lists)


def find_app(pyatspi: object) -> object:
    def search() -> object:
        desktop = pyatspi.Registry.getDesktop(0)  # type: ignore[attr-defined]
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name and "mdcc" in app.name.lower():
                return app
        return None

    return wait_for(search, "the app on the accessibility bus", 30)


def windows(app: object) -> list[object]:
    return [app.getChildAtIndex(i) for i in range(app.childCount)]  # type: ignore[attr-defined]


def focused(pyatspi: object, window: object) -> Node | None:
    """The object with the focus. Qt also marks the current page tab of a tab widget focused
    while focus is elsewhere, so a page tab counts only when nothing else is focused."""
    found = [
        node
        for node in walk(pyatspi, window)
        if node.obj.getState().contains(pyatspi.STATE_FOCUSED)  # type: ignore[attr-defined]
    ]
    others = [n for n in found if n.role not in ("page tab", "filler")]
    return (others or found or [None])[-1]


# --- what is written ---------------------------------------------------------------------------


def escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


@dataclass
class Listing:
    title: str
    nodes: list[Node]
    tab_walk: list[str] = field(default_factory=list)

    def interactive(self) -> list[Node]:
        return [n for n in self.nodes if n.interactive]

    def unnamed(self) -> list[Node]:
        return [n for n in self.interactive() if not n.name and not n.labelled_by]

    def unlabelled_fields(self) -> list[Node]:
        return [n for n in self.interactive() if n.role in FIELD_ROLES and not n.has_label]

    def markdown(self) -> str:
        out = [f"### {self.title}", ""]
        out.append(
            f"{len(self.interactive())} interactive objects; "
            f"{len(self.unnamed())} without a name or a label; "
            f"{len(self.unlabelled_fields())} fields without a labelled-by relation."
        )
        out += ["", "| Role | Name | Labelled by | Focusable |", "|---|---|---|---|"]
        for n in self.interactive():
            flag = "" if n.has_label or n.role not in FIELD_ROLES else " **(no label)**"
            out.append(
                f"| {n.role} | {escape(n.name) or '**(no name)**'} | "
                f"{escape(n.labelled_by)}{flag} | {'yes' if n.focusable else ''} |"
            )
        if self.tab_walk:
            out += ["", f"Tab from the first focus, {len(self.tab_walk)} presses:", ""]
            out += [f"{i}. {step}" for i, step in enumerate(self.tab_walk, start=1)]
        out.append("")
        return "\n".join(out)


def tab_walk(pyatspi: object, window: object, presses: int) -> list[str]:
    steps = []
    for _ in range(presses):
        xdotool("key", "--clearmodifiers", "Tab")
        time.sleep(0.25)
        node = focused(pyatspi, window)
        steps.append(
            f"{node.role}: {escape(node.name) or '(no name)'}"
            + (f" (labelled by {escape(node.labelled_by)})" if node.labelled_by else "")
            if node
            else "(no focused object in the window)"
        )
    return steps


def summarise_walk(steps: list[str]) -> list[str]:
    """Runs of the same stop folded into one line ("× 12")."""
    out: list[str] = []
    count = 0
    for i, step in enumerate(steps):
        count += 1
        if i + 1 == len(steps) or steps[i + 1] != step:
            out.append(step + (f" — × {count}, Tab stays" if count > 1 else ""))
            count = 0
    return out


def window_by_name(app: object, part: str) -> object:
    def search() -> object:
        for w in windows(app):
            if w is not None and part in (w.name or ""):
                return w
        return None

    return wait_for(search, f"the window {part!r}", 30)


def activate(title_part: str) -> None:
    ids = xdotool("search", "--name", title_part).split()
    if ids:
        xdotool("windowactivate", "--sync", ids[-1])
        time.sleep(0.5)


def tab_list(pyatspi: object, window: object, role: str, member: str) -> object | None:
    """The first ``role`` object (a page tab list, a list) that has a child named ``member``."""
    for node in walk(pyatspi, window, into_lists=True):
        if node.role == role:
            acc = node.obj
            names = [acc.getChildAtIndex(i).name or "" for i in range(acc.childCount)]  # type: ignore[attr-defined]
            if any(member in n for n in names):
                return acc
    return None


def children(acc: object, role: str) -> list[str]:
    kids = [acc.getChildAtIndex(i) for i in range(acc.childCount)]  # type: ignore[attr-defined]
    return [k.name or "" for k in kids if k is not None and k.getRoleName() == role]


def select(acc: object, index: int) -> None:
    """Select child ``index`` through AT-SPI, as a screen reader user would."""
    acc.querySelection().selectChild(index)  # type: ignore[attr-defined]
    time.sleep(0.7)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "accessibility.md")
    parser.add_argument("--python", default=app_python(), help="the Python that runs the app")
    parser.add_argument("--presses", type=int, default=TAB_PRESSES)
    args = parser.parse_args(argv)
    for tool in ("Xvfb", "xdotool", "dbus-launch", "openbox"):
        if shutil.which(tool) is None:
            print(f"atspi_walk: {tool} is not installed (see this script's docstring)")
            return 2
    if importlib.util.find_spec("pyatspi") is None:
        print("atspi_walk: pyatspi is missing: run this script with /usr/bin/python3")
        return 2

    listings: list[Listing] = []
    with tempfile.TemporaryDirectory(prefix="mdcc-atspi-") as tmp:
        session = Session(Path(tmp) / "data", args.python)
        try:
            session.up()
            session.unlock_app()
            import pyatspi  # the system Python's, once the session bus is known

            time.sleep(2.0)
            if session.app.poll() is not None:
                print(f"atspi_walk: the app did not start; see {session.log}")
                return 2
            app = find_app(pyatspi)
            home = window_by_name(app, "MDCC")
            activate("MDCC Desktop")
            time.sleep(1.0)
            sidebar = tab_list(pyatspi, home, "list", "Conferences")
            pages = children(sidebar, "list item") if sidebar is not None else []
            opening = next(
                (p for p in pages if "(" in p), pages[0] if pages else ""
            )  # the app opens on the actions when some are overdue
            home_walk = summarise_walk(tab_walk(pyatspi, home, args.presses))
            for index, page in enumerate(pages):
                xdotool("key", "--clearmodifiers", f"ctrl+{index + 1}")  # the page's shortcut
                time.sleep(0.7)
                listing = Listing(f"Home window, {page} page", list(walk(pyatspi, home)))
                if page == opening:
                    listing.tab_walk = home_walk
                listings.append(listing)
            # Open the selected conference's workspace, by keyboard, and walk Tab from its first
            # focus before anything else moves it.
            activate("MDCC Desktop")
            xdotool("key", "--clearmodifiers", "ctrl+1")
            time.sleep(0.5)
            xdotool("key", "--clearmodifiers", "ctrl+o")
            workspace = window_by_name(app, "·")
            time.sleep(2.0)
            title = workspace.name  # type: ignore[attr-defined]
            activate(title.split(" · ")[0])
            workspace_walk = summarise_walk(tab_walk(pyatspi, workspace, args.presses))
            tabs = tab_list(pyatspi, workspace, "page tab list", "Attendees")
            for index, tab in enumerate(children(tabs, "page tab") if tabs is not None else []):
                assert tabs is not None
                select(tabs, index)
                listing = Listing(f"Workspace, {tab} tab", list(walk(pyatspi, workspace)))
                if index == 0:
                    listing.tab_walk = workspace_walk
                listings.append(listing)
        finally:
            session.down()

    write(args.out, listings)
    print(f"atspi_walk: wrote {args.out}")
    for listing in listings:
        print(
            f"{listing.title}: {len(listing.interactive())} interactive, "
            f"{len(listing.unnamed())} unnamed, "
            f"{len(listing.unlabelled_fields())} fields unlabelled"
        )
    return 0


def write(path: Path, listings: list[Listing]) -> None:
    head = f"""# Accessibility: the app as a screen reader gets it

Written by `tools/atspi_walk.py` (run with `/usr/bin/python3 tools/atspi_walk.py`) on
{dt.date.today().isoformat()}: the app under Xvfb at 1366×768 with openbox, a D-Bus session and
the AT-SPI bus, `QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1`, the shared example
(`tests/data/eng-initial-max.json`) imported into an empty data folder. Each table lists the
interactive objects showing in the window as AT-SPI reports them: role, name and the objects of
its labelled-by relation (what Orca says as the field's label; on Linux a combo box's name is its
current value, so for a field only the label names it; a group box around a field is shown as
"(group: …)" and does not count as the field's label). The Tab walk presses Tab with `xdotool`
from the window's first focus and gives the focused object after each press.

The in-process walk that runs with the test suite is `tests/ui/test_accessibility.py`; its
strict xfails name what still fails there.

## Summary

| Window | Interactive | Without name or label | Fields without labelled-by |
|---|---|---|---|
"""
    rows = "".join(
        f"| {x.title} | {len(x.interactive())} | {len(x.unnamed())} | "
        f"{len(x.unlabelled_fields())} |\n"
        for x in listings
    )
    body = "\n".join(x.markdown() for x in listings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + rows + "\n## Windows\n\n" + body, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
