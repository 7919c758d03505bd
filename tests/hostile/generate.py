"""A corpus of hostile inputs for the ``mdcc`` command line, each with its expected outcome.

Exchange files, jurisdiction profiles and command lines that a hostile tester (or an unlucky
chair) feeds the app: out-of-range dates and numbers, oversized and deeply nested files, control
characters, devices and FIFOs in place of files, damaged databases. Each case says what must
happen: exit 0 (accepted, or a bad profile skipped with a message) or exit 2 (refused with one
clear line). Never exit 1 ("a bug"), never a traceback, never a hang.

``tests/hostile/test_hostile_corpus.py`` runs every case at test time. To look at the files::

    python tests/hostile/generate.py OUT_DIR    # writes the files and OUT_DIR/manifest.json
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "mdcc_desktop" / "services" / "demo" / "hk-initial-demo.json"
ENG_PROFILE = REPO / "templates" / "profiles" / "ENG.toml"

Doc = dict[str, Any]

# Placeholders in a case's arguments, filled in by the runner.
DATA = "{data}"  # the case's own data folder
WORK = "{work}"  # the case's own folder for inputs and outputs
ID = "{id}"  # the id of the demo conference, loaded first where a case needs one


@dataclass
class Case:
    """One hostile input: files to lay out, a command line, and what must come of it."""

    name: str
    args: list[str]
    exit: int
    # Text the one-line message on stderr must contain (case-insensitive), if any.
    says: str = ""
    # Files to write before running, relative to the case's folder: name -> bytes, or a
    # callable that makes it (FIFOs, symlinks).
    files: dict[str, bytes | Callable[[Path], None]] = field(default_factory=dict)
    # Load the demo conference first (the command then works on {id}).
    demo: bool = False
    # Commands run before (each must exit 0), e.g. an import of one of the case's files.
    before: list[list[str]] = field(default_factory=list)
    # What stdout must not contain (raw escape sequences).
    stdout_lacks: list[str] = field(default_factory=list)
    # Run before the command, after the demo was loaded: damages the database and the like.
    prepare: Callable[[Path, Path], None] | None = None


def demo_doc() -> Doc:
    doc: Doc = json.loads(DEMO.read_text(encoding="utf-8"))
    return doc


def _file(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _changed(change: Callable[[Doc], None]) -> bytes:
    doc = demo_doc()
    change(doc)
    return _file(doc)


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """A change that sets ``value`` at a dotted path (list indexes as numbers)."""

    def change(doc: Doc) -> None:
        parts = path.split(".")
        target: Any = doc
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        last = parts[-1]
        if last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value

    return change


def _raw_number(path: str, literal: str) -> bytes:
    """The demo with the value at ``path`` replaced by a raw JSON literal (huge numbers)."""
    marker = "__HOSTILE_NUMBER__"
    text = _changed(_set(path, marker)).decode("utf-8")
    return text.replace(f'"{marker}"', literal).encode("utf-8")


def _nested(depth: int) -> bytes:
    doc = demo_doc()
    text = _file(doc).decode("utf-8")
    deep = "[" * depth + "]" * depth
    return text.replace('"title":', f'"x_deep": {deep}, "title":', 1).encode("utf-8")


def _fifo(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        os.mkfifo(folder / name)

    return make


def _null_device(name: str) -> Callable[[Path], None]:
    """A character device of our own (the null device's numbers) in the case's folder: a target
    the old code replaced with a file, so never point a test at the machine's /dev/null."""

    def make(folder: Path) -> None:
        try:
            os.mknod(folder / name, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("making a device node needs root")

    return make


def _symlink(name: str, target: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).symlink_to(target)

    return make


def _profile(change: Callable[[str], str]) -> bytes:
    """A user profile (code XX) made from the shipped England profile, then spoiled."""
    text = ENG_PROFILE.read_text(encoding="utf-8").replace('code = "ENG"', 'code = "XX"', 1)
    return change(text).encode("utf-8")


def _zero_length_database(data: Path, work: Path) -> None:
    database = data / "mdcc.sqlite3"
    for extra in ("-wal", "-shm"):
        (data / f"mdcc.sqlite3{extra}").unlink(missing_ok=True)
    database.write_bytes(b"")


def _flipped_bytes(data: Path, work: Path) -> None:
    """Garble the middle of the database file (pages of conference data)."""
    database = data / "mdcc.sqlite3"
    raw = bytearray(database.read_bytes())
    for offset in range(4096, len(raw) - 4096, 4096):
        for i in range(offset + 100, offset + 400):
            raw[i] ^= 0x5A
    database.write_bytes(bytes(raw))


def _garbage_database(data: Path, work: Path) -> None:
    (data / "mdcc.sqlite3").write_bytes(b"this is not a database\n" * 500)


def exchange_cases() -> list[Case]:
    """Import files: refused with exit 2 and the problem's place, or accepted as given."""
    refused: list[tuple[str, bytes, str]] = [
        (
            "year-9999",
            _changed(_set("conference.scheduled_start", "9999-01-01T09:00:00+08:00")),
            "scheduled_start",
        ),
        (
            "year-1",
            _changed(_set("conference.scheduled_start", "0001-01-01T09:00:00+08:00")),
            "scheduled_start",
        ),
        ("due-9999-12-31", _changed(_set("conference.actions.0.due", "9999-12-31")), "due"),
        (
            "birth-in-9999",
            _changed(_set("case.children.0.date_of_birth", "9999-01-01")),
            "date_of_birth",
        ),
        (
            "planned-minutes-1e308",
            _raw_number("conference.agenda.0.planned_minutes", "1e308"),
            "planned_minutes",
        ),
        (
            "planned-minutes-float",
            _raw_number("conference.agenda.0.planned_minutes", "12.5"),
            "planned_minutes",
        ),
        (
            "planned-minutes-negative",
            _changed(_set("conference.agenda.0.planned_minutes", -5)),
            "planned_minutes",
        ),
        (
            "planned-minutes-huge",
            _changed(_set("conference.agenda.0.planned_minutes", 2**62)),
            "planned_minutes",
        ),
        ("number-5000-digits", _raw_number("conference.agenda.0.planned_minutes", "9" * 5000), ""),
        ("nested-985-deep", _nested(985), ""),
        ("nested-100000-deep", _nested(100_000), ""),
        ("whitespace-child-name", _changed(_set("case.children.0.name", " \t\u3000 ")), "name"),
        (
            "whitespace-attendee-name",
            _changed(_set("conference.attendees.0.name", "\u200b ")),
            "name",
        ),
        ("whitespace-reference", _changed(_set("case.reference", "   ")), "reference"),
        ("note-over-limit", _changed(_set("conference.agenda.0.notes", "筆" * 1_100_000)), "notes"),
        ("invalid-utf8", _file(demo_doc()).replace("陳".encode(), b"\xff\xfe", 1), ""),
        ("empty-file", b"", ""),
        ("not-json", b"<conference/>", ""),
        ("json-array", b"[]", ""),
        ("json-null", b"null", ""),
        ("lone-surrogate", _file(demo_doc()).replace(b"Demo Primary", b"\\ud800 Primary", 1), ""),
        ("dangling-owner", _changed(_set("conference.actions.0.owner", "nobody")), "owner"),
        ("unknown-jurisdiction", _changed(_set("jurisdiction", "ZZ")), "jurisdiction"),
        (
            "next-review-not-a-date",
            _changed(_set("conference.next_review", "2026-13-01")),
            "next_review",
        ),
    ]
    cases = [
        Case(f"import-{name}", ["import", f"{WORK}/in.json"], 2, says, files={"in.json": data})
        for name, data, says in refused
    ]
    accepted: list[tuple[str, bytes]] = [
        (
            "one-megabyte-note",
            _changed(_set("conference.agenda.0.notes", "筆記 notes\n" * 100_000)),
        ),
        (
            "control-characters",
            _changed(_set("conference.agenda.0.notes", "\x00\x01\x1b[2J\x07\x7f\x9b")),
        ),
        ("right-to-left-and-emoji", _changed(_set("case.children.0.name", "\u202eשלום 😀 مرحبا"))),
        ("byte-order-mark", b"\xef\xbb\xbf" + _file(demo_doc())),
    ]
    cases += [
        Case(f"import-{name}", ["import", f"{WORK}/in.json"], 0, files={"in.json": data})
        for name, data in accepted
    ]
    cases += [
        Case("import-fifo", ["import", f"{WORK}/in.json"], 2, files={"in.json": _fifo("in.json")}),
        Case("import-dev-zero", ["import", "/dev/zero"], 2),
        Case("import-folder", ["import", WORK], 2),
        Case("import-missing-file", ["import", f"{WORK}/missing.json"], 2),
    ]
    return cases


def profile_cases() -> list[Case]:
    """A user profile that cannot be used is skipped with a message naming it; the command runs."""
    spoiled: list[tuple[str, Callable[[str], str]]] = [
        ("closures-not-a-list", lambda t: t.replace("closures = []", "closures = 5")),
        (
            "seven-day-weekend",
            lambda t: t.replace(
                'weekend = ["sat", "sun"]',
                'weekend = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]',
            ),
        ),
        (
            "huge-day-count",
            lambda t: t.replace("working_days = 15", "working_days = 1000000000", 1),
        ),
        ("negative-day-count", lambda t: t.replace("working_days = 15", "working_days = -3", 1)),
        ("deep-nesting", lambda t: t + "\nx = " + "[" * 2000 + "]" * 2000 + "\n"),
        ("not-toml", lambda t: "this is { not toml"),
        ("quorum-a-string", lambda t: t.replace("min_agencies = 3", 'min_agencies = "three"')),
        (
            "planned-minutes-huge",
            lambda t: t.replace("planned_minutes = 5", "planned_minutes = 99999999999999999", 1),
        ),
    ]
    cases: list[Case] = []
    for name, change in spoiled:
        files: dict[str, bytes | Callable[[Path], None]] = {"profile": _profile(change)}
        # deadlines computes with every profile, and names the file it skipped; list reads no
        # profile (it needs none, so it starts faster): it runs all the same, and says nothing.
        for command in (
            (["deadlines"], ["list"])
            if name in ("not-toml", "huge-day-count")
            else (["deadlines"],)
        ):
            cases.append(
                Case(
                    f"profile-{name}-{command[0]}",
                    ["--data-dir", DATA, *command],
                    0,
                    says="xx.toml" if command == ["deadlines"] else "",
                    files=files,
                )
            )
    invalid_utf8: dict[str, bytes | Callable[[Path], None]] = {
        "profile": b'code = "XX"\nname = "\xff\xfe"\n'
    }
    for command, says in ((["deadlines"], "xx.toml"), (["list"], "")):
        cases.append(
            Case(
                f"profile-invalid-utf8-{command[0]}",
                ["--data-dir", DATA, *command],
                0,
                says=says,
                files=invalid_utf8,
            )
        )
    return cases


def command_line_cases() -> list[Case]:
    long_name = "a" * 300 + ".json"
    return [
        Case("export-id-beyond-64-bits", ["export", "99999999999999999999999"], 2),
        Case("export-negative-id", ["export", "-5"], 2),
        Case("export-unknown-id", ["export", "4242"], 2),
        Case("minutes-id-beyond-64-bits", ["minutes", "1" + "0" * 30, "-o", f"{WORK}/m.docx"], 2),
        Case("delete-unknown-id", ["delete", "4242"], 2),
        Case("actions-due-within-3000000", ["actions", "--due-within", "3000000"], 2),
        Case("actions-case-beyond-like-limit", ["actions", "--case", "x" * 60_000], 2),
        Case("actions-owner-with-nul-like-text", ["actions", "--owner", "%_\\"], 0),
        Case("actions-as-of-garbage", ["actions", "--as-of", "yesterday"], 2),
        Case("actions-as-of-9999", ["actions", "--as-of", "9999-12-31"], 0, demo=True),
        Case(
            "actions-ics-as-of-9999",
            ["actions", "--as-of", "9999-12-31", "--format", "ics", "-o", f"{WORK}/a.ics"],
            0,
            demo=True,
        ),
        Case("export-name-too-long", ["export", ID, "-o", f"{WORK}/{long_name}"], 2, demo=True),
        Case("export-to-folder", ["export", ID, "-o", WORK], 2, demo=True),
        Case(
            "export-to-missing-folder", ["export", ID, "-o", f"{WORK}/no/such/x.json"], 2, demo=True
        ),
        Case(
            "export-to-fifo",
            ["export", ID, "-o", f"{WORK}/out.json"],
            2,
            demo=True,
            files={"out.json": _fifo("out.json")},
        ),
        Case(
            "export-to-device",
            ["export", ID, "-o", f"{WORK}/null"],
            2,
            demo=True,
            files={"null": _null_device("null")},
        ),
        Case(
            "minutes-to-device",
            ["minutes", ID, "-o", f"{WORK}/null.docx"],
            2,
            demo=True,
            files={"null.docx": _null_device("null.docx")},
        ),
        Case(
            "minutes-unknown-template",
            ["minutes", ID, "-o", f"{WORK}/m.docx", "--template", "no-such"],
            2,
            demo=True,
        ),
        Case(
            "minutes-template-path-escape",
            ["minutes", ID, "-o", f"{WORK}/m.docx", "--template", "../../etc/passwd"],
            2,
            demo=True,
        ),
        Case(
            "export-through-dangling-symlink",
            ["export", ID, "-o", f"{WORK}/link.json"],
            2,
            demo=True,
            files={"link.json": _symlink("link.json", "/nonexistent/dir/x.json")},
        ),
        Case("data-dir-empty", ["--data-dir", "", "list"], 2),
        Case("data-dir-is-a-file", ["--data-dir", f"{WORK}/f", "list"], 2, files={"f": b"x"}),
        Case(
            "list-escapes-control-characters",
            ["list"],
            0,
            stdout_lacks=["\x1b", "\x07", "\x9b", "\u202e"],
            before=[["import", f"{WORK}/in.json"]],
            files={
                "in.json": _changed(
                    _set("case.reference", "REF\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e")
                )
            },
        ),
        Case("zero-length-database", ["list"], 2, demo=True, prepare=_zero_length_database),
        Case("garbage-database", ["list"], 2, demo=True, prepare=_garbage_database),
        Case("flipped-bytes-database-export", ["export", ID], 2, demo=True, prepare=_flipped_bytes),
        Case(
            "flipped-bytes-database-import",
            ["import", f"{WORK}/in.json"],
            2,
            demo=True,
            prepare=_flipped_bytes,
            files={"in.json": _changed(_set("case.reference", "ANOTHER"))},
        ),
    ]


def all_cases() -> list[Case]:
    return exchange_cases() + profile_cases() + command_line_cases()


def lay_out(case: Case, folder: Path) -> None:
    """Write the case's files into ``folder`` (profiles into the data folder's profiles/)."""
    work = folder / "work"
    data = folder / "data"
    work.mkdir(parents=True, exist_ok=True)
    data.mkdir(parents=True, exist_ok=True)
    for name, content in case.files.items():
        if name == "profile":
            (data / "profiles").mkdir(exist_ok=True)
            assert isinstance(content, bytes)
            (data / "profiles" / "xx.toml").write_bytes(content)
        elif callable(content):
            content(work)
        else:
            (work / name).write_bytes(content)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    manifest = []
    for case in all_cases():
        lay_out(case, out / case.name)
        manifest.append(
            {"name": case.name, "args": case.args, "exit": case.exit, "says": case.says}
        )
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    print(f"{len(manifest)} cases in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
