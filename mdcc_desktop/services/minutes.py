"""Minutes and outcome letters: choosing a template, rendering a copy, recording each version.

Every export is a recorded minutes version (number, time, copy, file hash), because every
document that leaves the app is a disclosure the chair may have to account for.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.models import ConferenceRecord, CopyKind, MinutesVersion
from mdcc_desktop.export.minutes import minutes_context, render
from mdcc_desktop.resources import data_dir
from mdcc_desktop.services.events import Change, EventBus
from mdcc_desktop.services.files import save_export
from mdcc_desktop.services.profiles import ProfileRegistry
from mdcc_desktop.store import Store
from mdcc_desktop.store.store import now

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Template:
    name: str
    path: Path
    user: bool


class MinutesService:
    def __init__(
        self, store: Store, profiles: ProfileRegistry, events: EventBus, user_templates: Path
    ) -> None:
        self.store = store
        self.profiles = profiles
        self.events = events
        self.user_templates = user_templates

    def templates(self) -> dict[str, Template]:
        """Shipped templates, then the user's (a user's template of the same name wins)."""
        found: dict[str, Template] = {}
        shipped = data_dir("templates") / "minutes"
        for folder, user in ((shipped, False), (self.user_templates, True)):
            if folder.is_dir():
                for path in sorted(folder.glob("*.docx")):
                    if not path.name.startswith("~$"):  # Word's lock files
                        found[path.stem] = Template(path.stem, path, user)
        return found

    def template(self, name: str) -> Template:
        templates = self.templates()
        if name not in templates:
            raise ValidationError(
                f"unknown template {name!r}; templates: {', '.join(sorted(templates))}"
            )
        return templates[name]

    def deadlines(self, record: ConferenceRecord) -> dict[str, dt.date]:
        c = record.conference
        profile = self.profiles.find(c.jurisdiction)
        if profile is None:
            return {}
        held = (c.started_at or c.scheduled_start).date()
        return profile.due_dates(c.type, held, c.referral_received)

    def render_minutes(
        self, conference_id: int, copy: CopyKind, template: str | None = None
    ) -> bytes:
        record = self.store.load_record(conference_id)
        profile = self.profiles.find(record.conference.jurisdiction)
        name = template or (profile.minutes_template if profile else "eng-cpc")
        context = minutes_context(record, profile, copy, self.deadlines(record))
        return render(self.template(name).path, context)

    def render_letter(self, conference_id: int, template: str | None = None) -> bytes:
        """The outcome letter goes to everyone invited, parents included: the parents' copy."""
        record = self.store.load_record(conference_id)
        profile = self.profiles.find(record.conference.jurisdiction)
        name = template or (profile.letter_template if profile else "letter")
        context = minutes_context(record, profile, CopyKind.PARENT, self.deadlines(record))
        return render(self.template(name).path, context)

    def export_minutes(
        self, conference_id: int, target: Path, copy: CopyKind, template: str | None = None
    ) -> MinutesVersion:
        data = self.render_minutes(conference_id, copy, template)
        save_export(target, data, "minutes.docx")
        return self._record(conference_id, copy, data, target)

    def export_letter(self, conference_id: int, target: Path, template: str | None = None) -> str:
        data = self.render_letter(conference_id, template)
        save_export(target, data, "outcome-letter.docx")
        log.info("outcome letter of conference %s exported", conference_id)
        return hashlib.sha256(data).hexdigest()

    def versions(self, conference_id: int) -> list[MinutesVersion]:
        return self.store.minutes_versions(conference_id)

    def _record(
        self, conference_id: int, copy: CopyKind, data: bytes, target: Path
    ) -> MinutesVersion:
        numbers = [v.number for v in self.store.minutes_versions(conference_id)]
        version = MinutesVersion(
            conference_id=conference_id,
            number=max(numbers, default=0) + 1,
            copy=copy,
            created_at=now(),
            sha256=hashlib.sha256(data).hexdigest(),
            path=str(target),
        )
        self.store.add_minutes_version(version)
        log.info(
            "minutes version %s (%s copy) of conference %s",
            version.number,
            copy.value,
            conference_id,
        )
        self.events.publish(Change("minutes", version.id, conference_id, "added"))
        return version


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx: Path, timeout: int = 120) -> Path:
    """A PDF beside ``docx`` through LibreOffice, or a ValidationError saying why not."""
    program = soffice()
    if program is None:
        raise ValidationError(
            "PDF needs LibreOffice, which is not installed (no 'soffice' on the PATH). "
            "The Word file was written; install LibreOffice or print it to PDF from Word."
        )
    try:
        subprocess.run(
            [program, "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        raise ValidationError(f"LibreOffice did not finish converting {docx.name} in time") from exc
    except (subprocess.CalledProcessError, OSError) as exc:
        raise ValidationError(f"LibreOffice could not convert {docx.name}: {exc}") from exc
    pdf = docx.with_suffix(".pdf")
    if not pdf.is_file():
        raise ValidationError(f"LibreOffice did not produce {pdf.name}")
    return pdf
