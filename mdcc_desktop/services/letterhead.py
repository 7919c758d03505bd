"""The organisation's letterhead on minutes and letters: its name (Settings) and its logo, a PNG
kept in the data folder (``organisation-logo.png``; the settings file holds no image).

The logo is checked here (a PNG, at most ``MAX_LOGO_BYTES``); the UI turns the image the chair
chose into a PNG first, which also drops whatever metadata the original carried.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.paths import AppPaths
from mdcc_desktop.services.files import write_atomically
from mdcc_desktop.settings import SettingsFile

LOGO_NAME = "organisation-logo.png"
MAX_LOGO_BYTES = 2 * 1024 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Letterhead:
    name: str
    logo: Path | None


class LetterheadService:
    def __init__(self, paths: AppPaths, settings: SettingsFile) -> None:
        self.paths = paths
        self.settings = settings

    @property
    def logo_path(self) -> Path:
        return self.paths.data_dir / LOGO_NAME

    def current(self) -> Letterhead:
        logo = self.logo_path
        return Letterhead(self.settings.current.organisation_name, logo if logo.is_file() else None)

    def set_logo(self, png: bytes) -> Path:
        """Keep ``png`` as the logo (replacing the last one)."""
        if not png.startswith(PNG_SIGNATURE):
            raise ValidationError(msg("logo_not_png"))
        if len(png) > MAX_LOGO_BYTES:
            raise ValidationError(msg("logo_too_big", limit=MAX_LOGO_BYTES // (1024 * 1024)))
        write_atomically(self.logo_path, png)
        return self.logo_path

    def remove_logo(self) -> None:
        self.logo_path.unlink(missing_ok=True)
