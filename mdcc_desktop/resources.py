"""One way to find the files shipped beside the code: installed, editable or frozen.

An installed wheel (and the PyInstaller build) carries ``templates/`` and ``resources/`` inside
the package as ``mdcc_desktop/_data/``; a source checkout has them at the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The shipped folder ``name`` ("templates" or "resources")."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the shipped folder {name!r} is missing from this installation")


def package_file(*parts: str) -> Path:
    """A file inside the package itself (schemas, demo data)."""
    return _PACKAGE.joinpath(*parts)
