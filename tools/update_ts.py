"""Regenerate the translation sources: ``python tools/update_ts.py`` (or ``--ts FILE``).

Runs ``pyside6-lupdate`` (it ships in the PySide6-Essentials wheel) over the ``mdcc_desktop``
package and writes every user-visible string, with its context, into
``resources/i18n/mdcc_zh_HK.ts``. Strings no longer in the code are dropped (``-no-obsolete``);
translations already in the file are kept (lupdate merges them). Then the translations table
``resources/i18n/mdcc_zh_HK.tsv`` fills the catalogue (``tools/translate_ts.py``): the table is
where translations are written, so a string that moved to another window keeps its Chinese.
Strings the table lacks are listed; ``--add-missing`` appends empty rows for them to the table.
``tools/build_qm.py`` then turns the catalogue into the ``.qm`` file the app loads. The whole
round is in ``resources/i18n/glossary.md``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # translate_ts beside it
PACKAGE = ROOT / "mdcc_desktop"
TS_FILE = ROOT / "resources" / "i18n" / "mdcc_zh_HK.ts"


def find_lupdate() -> Path | None:
    """The lupdate of the installed PySide6 (the wheel's binary, else one on PATH)."""
    try:
        import PySide6
    except ImportError:
        return None
    folder = Path(PySide6.__file__).parent
    for name in ("lupdate", "lupdate.exe"):
        if (folder / name).is_file():
            return folder / name
    found = shutil.which("pyside6-lupdate") or shutil.which("lupdate")
    return Path(found) if found else None


def update(ts_file: Path = TS_FILE, language: str = "zh_HK") -> subprocess.CompletedProcess[str]:
    lupdate = find_lupdate()
    if lupdate is None:
        raise FileNotFoundError("pyside6-lupdate is not installed (pip install PySide6)")
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    command = [
        str(lupdate),
        "-extensions",
        "py",
        "-no-obsolete",
        "-locations",
        "relative",
        "-target-language",
        language,
        str(PACKAGE),
        "-ts",
        str(ts_file),
    ]
    return subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=TS_FILE, help=f"default: {TS_FILE}")
    parser.add_argument(
        "--no-fill", action="store_true", help="only extract: leave the translations table out"
    )
    parser.add_argument(
        "--add-missing",
        action="store_true",
        help="append an empty row to the translations table for each new string",
    )
    args = parser.parse_args(argv)
    try:
        result = update(args.ts)
    except FileNotFoundError as exc:
        print(f"update_ts: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(f"update_ts: lupdate failed:\n{exc.stderr}", file=sys.stderr)
        return 1
    print(result.stdout.strip())
    if args.no_fill:
        return 0
    import translate_ts

    untranslated = translate_ts.fill(args.ts)
    print(f"{len(untranslated)} strings have no translation in {translate_ts.TABLE.name}")
    if args.add_missing:
        added = translate_ts.add_missing(untranslated)
        print(f"{added} empty rows added to {translate_ts.TABLE.name}: fill in their third column")
    elif untranslated:
        print("run tools/translate_ts.py --add-missing to list them in the table")
    return 0


if __name__ == "__main__":
    sys.exit(main())
