"""Build the interface's compiled catalogue: ``python tools/build_qm.py`` (or ``--ts``/``--qm``).

Runs ``pyside6-lrelease`` (it ships in the PySide6-Essentials wheel) over
``resources/i18n/mdcc_zh_HK.ts`` and writes ``resources/i18n/mdcc_zh_HK.qm``, where the app looks
for it (``mdcc_desktop.app.catalogue``; the wheel and the packaged build carry ``resources/``).
The same ``.ts`` always gives the same bytes (lrelease writes no date or path into the file;
``tests/ui/test_catalogue.py`` builds twice and compares), so the committed ``.qm`` can be
checked against a fresh build. Exit code 2 when lrelease is not installed or a file is missing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TS_FILE = I18N / "mdcc_zh_HK.ts"
QM_FILE = I18N / "mdcc_zh_HK.qm"


def find_lrelease() -> Path | None:
    """The lrelease of the installed PySide6 (the wheel's binary, else one on PATH)."""
    try:
        import PySide6
    except ImportError:
        PySide6 = None  # noqa: N806 - the module's own name
    if PySide6 is not None:
        folder = Path(PySide6.__file__).parent
        for name in ("lrelease", "lrelease.exe"):
            if (folder / name).is_file():
                return folder / name
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def build(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> bytes:
    """Compile ``ts_file`` into ``qm_file`` (written only when its bytes change); the bytes."""
    lrelease = find_lrelease()
    if lrelease is None:
        raise FileNotFoundError(
            "pyside6-lrelease is not installed: pip install PySide6-Essentials (it ships lrelease)"
        )
    if not ts_file.is_file():
        raise FileNotFoundError(f"{ts_file} does not exist: run tools/update_ts.py first")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / qm_file.name
        subprocess.run(
            [str(lrelease), "-silent", "-nounfinished", str(ts_file), "-qm", str(out)],
            capture_output=True,
            text=True,
            check=True,
        )
        data = out.read_bytes()
    if not qm_file.is_file() or qm_file.read_bytes() != data:
        qm_file.parent.mkdir(parents=True, exist_ok=True)
        qm_file.write_bytes(data)
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=TS_FILE, help=f"default: {TS_FILE}")
    parser.add_argument("--qm", type=Path, default=QM_FILE, help=f"default: {QM_FILE}")
    args = parser.parse_args(argv)
    try:
        data = build(args.ts, args.qm)
    except FileNotFoundError as exc:
        print(f"build_qm: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(f"build_qm: lrelease failed:\n{exc.stderr}{exc.stdout}", file=sys.stderr)
        return 1
    print(f"{args.qm}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
