"""Minutes and outcome letters: choosing a template, rendering a copy, recording each version.

Every export is a recorded minutes version (number, time, copy, file hash), because every
document that leaves the app is a disclosure the chair may have to account for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mdcc_desktop.domain.clock import now
from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.domain.models import (
    Amendment,
    Attendee,
    Circulation,
    ConferenceRecord,
    ConferenceStatus,
    CopyKind,
    LogEntry,
    MinutesVersion,
)
from mdcc_desktop.resources import data_dir
from mdcc_desktop.services.events import Change, ChangeKind, Entity, EventBus
from mdcc_desktop.services.files import save_export
from mdcc_desktop.services.profiles import ProfileRegistry
from mdcc_desktop.store import Store

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
                    # Word's lock files are skipped, and anything not a file (a FIFO would hang).
                    if not path.name.startswith("~$") and path.is_file():
                        found[path.stem] = Template(path.stem, path, user)
        return found

    def template(self, name: str) -> Template:
        templates = self.templates()
        if name not in templates:
            raise ValidationError(
                msg("unknown_template", name=name, templates=", ".join(sorted(templates)))
            )
        return templates[name]

    def deadlines(self, record: ConferenceRecord) -> dict[str, dt.date]:
        """The due dates the minutes state, from the deadlines service (closure days and the
        booked review included), so the document and the deadlines page agree."""
        from mdcc_desktop.services.deadlines import DeadlinesService

        service = DeadlinesService(self.store, self.profiles, self.events)
        return {
            d.key: d.due
            for d in service.for_conference(record.conference.id or 0)
            if d.due is not None
        }

    def render_minutes(
        self, conference_id: int, copy: CopyKind, template: str | None = None
    ) -> bytes:
        # Imported here: python-docx and docxtpl cost a start-up that writes no Word file.
        from mdcc_desktop.export.minutes import minutes_context
        from mdcc_desktop.export.rendering import render_isolated

        record = self.store.load_record(conference_id)
        profile = self.profiles.find(record.conference.jurisdiction)
        name = template or (profile.minutes_template if profile else "eng-cpc")
        context = minutes_context(record, profile, copy, self.deadlines(record))
        return render_isolated(self.template(name).path, context, "minutes", now=now())

    def render_letter(self, conference_id: int, template: str | None = None) -> bytes:
        """The outcome letter goes to everyone invited, parents included: the parents' copy."""
        from mdcc_desktop.export.minutes import minutes_context
        from mdcc_desktop.export.rendering import render_isolated

        record = self.store.load_record(conference_id)
        profile = self.profiles.find(record.conference.jurisdiction)
        name = template or (profile.letter_template if profile else "letter")
        context = minutes_context(record, profile, CopyKind.PARENT, self.deadlines(record))
        chinese = (
            record.conference.language is not None and record.conference.language.value == "zh-Hant"
        )
        context["copy_label"] = "會議結果通知 Outcome letter" if chinese else "Outcome letter"
        return render_isolated(self.template(name).path, context, "letter", now=now())

    def export_minutes(
        self, conference_id: int, target: Path, copy: CopyKind, template: str | None = None
    ) -> MinutesVersion:
        """Write the minutes to ``target`` and record them as a new version, both or neither.

        The version is inserted first and the file written before the transaction commits: a
        version that cannot be stored (disk full, database in use) leaves no document behind,
        and a commit that fails after the write removes the document again.
        """
        data = self.render_minutes(conference_id, copy, template)
        with self.recorded_write(target, data, "minutes.docx", "export minutes"):
            version = self._record(conference_id, copy, data, target, publish=False)
        self.events.publish(Change(Entity.MINUTES, version.id, conference_id, ChangeKind.ADDED))
        return version

    @contextlib.contextmanager
    def recorded_write(self, target: Path, data: bytes, example: str, name: str) -> Iterator[None]:
        """Store a document's record (in the ``with`` block) and write the document: both or
        neither, in one transaction named ``name`` (the use case, never user text).

        The record is made first, in a transaction, and the file written before it commits: a
        record that cannot be stored (disk full, database in use) leaves no document behind, and
        a commit that fails after the write removes a document this call created.
        """
        existed = os.path.lexists(target)
        written = False
        try:
            with self.store.transaction(name):
                yield
                save_export(target, data, example)
                written = True
        except BaseException:
            if written and not existed:
                target.unlink(missing_ok=True)
            raise

    def export_letter(self, conference_id: int, target: Path, template: str | None = None) -> str:
        data = self.render_letter(conference_id, template)
        save_export(target, data, "outcome-letter.docx")
        log.info("outcome letter of conference %s exported", conference_id)
        return hashlib.sha256(data).hexdigest()

    def versions(self, conference_id: int) -> list[MinutesVersion]:
        return self.store.minutes_versions(conference_id)

    def _record(
        self,
        conference_id: int,
        copy: CopyKind,
        data: bytes,
        target: Path,
        *,
        publish: bool = True,
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
        if publish:
            self.events.publish(Change(Entity.MINUTES, version.id, conference_id, ChangeKind.ADDED))
        return version


class MinutesLifecycle:
    """After the meeting: circulate, take amendments, finalise (lock) and, with a reason, reopen."""

    def __init__(self, minutes: MinutesService) -> None:
        self.minutes = minutes
        self.store = minutes.store
        self.events = minutes.events

    # circulation ------------------------------------------------------------------------------

    def circulate(self, conference_id: int, attendee_ids: list[int], out_dir: Path) -> list[Path]:
        """Give each recipient the copy the distribution list names for them.

        Renders a fresh version of each copy needed, records who received which version when,
        and writes one e-mail draft (.eml, attachment included) per copy, to open in the mail
        client and send.
        """
        record = self.store.load_record(conference_id)
        copies = {e.attendee_id: e.copy for e in record.distribution}
        if not attendee_ids:
            raise ValidationError(msg("no_recipient"))
        missing = [a for a in attendee_ids if a not in copies]
        if missing:
            known = {a.id: a.name for a in record.attendees}
            names = ", ".join(known.get(a, str(a)) for a in missing)
            raise ValidationError(msg("not_on_distribution", names=names))
        if not out_dir.is_dir():
            raise ValidationError(msg("no_folder", folder=str(out_dir)))
        drafts: list[Path] = []
        stamp = now()
        safe_ref = "".join(
            ch if ch.isalnum() or ch in "-_" else "_" for ch in record.case.reference
        )
        for copy in (CopyKind.FULL, CopyKind.PARENT):
            recipients = [a for a in attendee_ids if copies[a] == copy]
            if not recipients:
                continue
            suffix = "full" if copy == CopyKind.FULL else "parents"
            document = out_dir / f"{safe_ref}-minutes-{suffix}.docx"
            version = self.minutes.export_minutes(conference_id, document, copy)
            people = [record.attendee(a) for a in recipients]
            draft = out_dir / f"{safe_ref}-minutes-{suffix}.eml"
            save_export(
                draft,
                email_draft(record, [p for p in people if p is not None], document, copy),
                "minutes.eml",
            )
            with self.store.transaction():
                for attendee_id in recipients:
                    self.store.add(
                        Circulation(
                            conference_id=conference_id,
                            attendee_id=attendee_id,
                            copy=copy,
                            at=stamp,
                            minutes_version_id=version.id,
                        )
                    )
            log.info(
                "conference %s: minutes version %s circulated to %s recipient(s)",
                conference_id,
                version.number,
                len(recipients),
            )
            drafts.append(draft)
        self.events.publish(Change(Entity.MINUTES, None, conference_id))
        return drafts

    def export_letter(self, conference_id: int, target: Path) -> None:
        """Write the outcome letter and log that it went out, both or neither (a letter whose
        entry cannot be stored would leave its deadline showing as overdue)."""
        data = self.minutes.render_letter(conference_id)
        with self.minutes.recorded_write(
            target, data, "outcome-letter.docx", "export outcome letter"
        ):
            self.store.add(LogEntry(conference_id=conference_id, at=now(), kind="letter"))
        log.info("outcome letter of conference %s exported", conference_id)
        self.events.publish(Change(Entity.MINUTES, None, conference_id))

    # amendments, finalising -------------------------------------------------------------------

    def request_amendment(self, conference_id: int, requested_by: str, request: str) -> int:
        problems = []
        if not requested_by.strip():
            problems.append(msg("amendment_needs_who"))
        if not request.strip():
            problems.append(msg("amendment_needs_what"))
        if problems:
            raise ValidationError(problems)
        if self.store.get_conference(conference_id).status == ConferenceStatus.FINALISED:
            raise ValidationError(msg("minutes_final_amend"))
        amendment_id = self.store.add(
            Amendment(
                conference_id=conference_id,
                requested_by=requested_by.strip(),
                request=request.strip(),
                requested_at=now(),
            )
        )
        self.events.publish(Change(Entity.AMENDMENT, amendment_id, conference_id, ChangeKind.ADDED))
        return amendment_id

    def amendments(self, conference_id: int) -> list[Amendment]:
        """The conference's amendment requests, oldest first, with their rulings."""
        return self.store.amendments(conference_id)

    def rule_on_amendment(self, amendment_id: int, accepted: bool, ruling: str) -> None:
        if not ruling.strip():
            raise ValidationError(msg("ruling_needed"))
        amendment = self.store.get(Amendment, amendment_id)
        self.store.update(
            Amendment,
            amendment_id,
            {"accepted": accepted, "ruling": ruling.strip(), "ruled_at": now()},
        )
        self.events.publish(Change(Entity.AMENDMENT, amendment_id, amendment.conference_id))

    def finalise(self, conference_id: int) -> MinutesVersion:
        """Lock the conference; its latest minutes version becomes the final one."""
        conference = self.store.get_conference(conference_id)
        if conference.status == ConferenceStatus.FINALISED:
            raise ValidationError(msg("minutes_already_final"))
        versions = self.store.minutes_versions(conference_id)
        if not versions:
            raise ValidationError(msg("export_before_final"))
        open_requests = [a for a in self.store.amendments(conference_id) if a.accepted is None]
        if open_requests:
            raise ValidationError(msg("rulings_pending", count=len(open_requests)))
        final = versions[-1]
        with self.store.transaction():
            self.store.update(MinutesVersion, final.id or 0, {"final": True})
            self.store.update_conference(conference_id, {"status": ConferenceStatus.FINALISED})
            self.store.add(
                LogEntry(
                    conference_id=conference_id,
                    at=now(),
                    kind="finalised",
                    detail=f"version {final.number}",
                )
            )
        final.final = True
        self.events.publish(Change(Entity.CONFERENCE, conference_id, conference_id))
        return final

    def reopen(self, conference_id: int, reason: str) -> None:
        """Unlock a finalised conference; the reason is kept in its log."""
        if not reason.strip():
            raise ValidationError(msg("reopen_needs_reason"))
        if self.store.get_conference(conference_id).status != ConferenceStatus.FINALISED:
            raise ValidationError(msg("not_finalised"))
        with self.store.transaction():
            self.store.update_conference(conference_id, {"status": ConferenceStatus.ENDED})
            self.store.add(
                LogEntry(
                    conference_id=conference_id, at=now(), kind="reopened", detail=reason.strip()
                )
            )
        self.events.publish(Change(Entity.CONFERENCE, conference_id, conference_id))

    def log(self, conference_id: int) -> list[LogEntry]:
        return self.store.conference_log(conference_id)


def email_draft(
    record: ConferenceRecord, people: list[Attendee], document: Path, copy: CopyKind
) -> bytes:
    """An unsent e-mail (.eml) with the minutes attached, for the user's mail client."""
    from email.message import EmailMessage  # here: the e-mail package costs every start 25 ms
    from email.utils import formataddr

    message = EmailMessage()
    date = (record.conference.started_at or record.conference.scheduled_start).date()
    message["Subject"] = (
        f"RESTRICTED: minutes of the conference of {date.isoformat()} – {record.case.reference}"
    )
    message["To"] = ", ".join(formataddr((p.name, p.email)) for p in people if p.email)
    message["X-Unsent"] = "1"  # Outlook opens it as a draft to send
    without = [p.name for p in people if not p.email]
    body = [
        "Please find attached the "
        + ("full" if copy == CopyKind.FULL else "parents'")
        + " copy of the minutes of the conference.",
        "",
        "RESTRICTED: do not forward or share beyond those it is addressed to.",
    ]
    if without:
        body += ["", "No e-mail address on file for: " + ", ".join(without) + "."]
    message.set_content("\n".join(body))
    message.add_attachment(
        document.read_bytes(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename=document.name,
    )
    return bytes(message)


def soffice() -> str | None:
    from mdcc_desktop.export.pdf import soffice as find

    return find()


def convert_to_pdf(docx: Path, timeout: int = 180) -> Path:
    """A PDF beside ``docx`` through LibreOffice, or a ValidationError saying why not."""
    from mdcc_desktop.export.pdf import docx_to_pdf

    if soffice() is None:
        raise ValidationError(msg("no_libreoffice"))
    pdf = docx.with_suffix(".pdf")
    save_export(pdf, docx_to_pdf(docx.read_bytes(), docx.name, timeout), "minutes.pdf")
    return pdf
