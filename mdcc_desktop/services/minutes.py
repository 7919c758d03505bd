"""Minutes and outcome letters: drafts for a look, issued versions as records, circulation.

Rendering for a look gives a DRAFT (marked so on every page) and records nothing. Issuing is a
deliberate act (circulate, Issue, finalise, ``--issue`` on the command line): it records a
version (number, copy, template, time, SHA-256) with the document's bytes inside the encrypted
database, so that what was issued can be produced again byte for byte; a file's path is never
the record. Finalising issues the final version of both copies together, and the content they
were made from is what the conference renders afterwards.

Circulation, amendments, finalising and reopening are ``minutes_lifecycle``; where letter files
go and how they are named, ``letter_files``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mdcc_desktop.domain.clock import now
from mdcc_desktop.domain.dates import date_words
from mdcc_desktop.domain.disclosure import DisclosureKind as Disclosed
from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.domain.models import (
    ConferenceRecord,
    ConferenceStatus,
    CopyKind,
    LogEntry,
)
from mdcc_desktop.domain.versions import (
    AmendmentEntry,
    Delivery,
    DocumentCopy,
    DocumentStatus,
    DocumentVersion,
    History,
)
from mdcc_desktop.resources import data_dir
from mdcc_desktop.services.disclosure import record as disclose
from mdcc_desktop.services.disclosure import write_recorded
from mdcc_desktop.services.events import Change, ChangeKind, Entity, EventBus
from mdcc_desktop.services.files import save_export
from mdcc_desktop.services.letter_files import IssuedLetter, letter_paths, listed
from mdcc_desktop.services.letterhead import Letterhead
from mdcc_desktop.services.profiles import ProfileRegistry
from mdcc_desktop.store import Store

if TYPE_CHECKING:
    from mdcc_desktop.export.letter import Recipient
    from mdcc_desktop.services.withheld_parts import WithheldPart

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Template:
    name: str
    path: Path
    user: bool


class MinutesService:
    def __init__(
        self,
        store: Store,
        profiles: ProfileRegistry,
        events: EventBus,
        user_templates: Path,
        letterhead: Callable[[], Letterhead] | None = None,
    ) -> None:
        self.store = store
        self.profiles = profiles
        self.events = events
        self.user_templates = user_templates
        self.letterhead = letterhead  # the organisation's name and logo (Settings)

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

    # --- rendering: a draft for a look, or the content a finalised conference keeps ----------

    def _chinese(self, record: ConferenceRecord) -> bool:
        language = record.conference.language
        return language is not None and language.value == "zh-Hant"

    def _template_name(
        self, record: ConferenceRecord, copy: DocumentCopy, template: str | None
    ) -> str:
        if template:
            return template
        profile = self.profiles.find(record.conference.jurisdiction)
        if copy == DocumentCopy.LETTER:
            return profile.letter_template if profile else "letter"
        return profile.minutes_template if profile else "eng-cpc"

    def _letter_label(self, record: ConferenceRecord) -> str:
        return "會議結果通知 Outcome letter" if self._chinese(record) else "Outcome letter"

    def _live_context(self, record: ConferenceRecord, copy: DocumentCopy) -> dict[str, Any]:
        """What the record says today. The outcome letter goes to everyone invited, parents
        included: it holds what the parents' copy holds."""
        from mdcc_desktop.export.minutes import minutes_context

        profile = self.profiles.find(record.conference.jurisdiction)
        kind = CopyKind.FULL if copy == DocumentCopy.FULL else CopyKind.PARENT
        context: dict[str, Any] = minutes_context(record, profile, kind, self.deadlines(record))
        if self.letterhead is not None:
            letterhead = self.letterhead()
            context["organisation_name"] = letterhead.name
            context["organisation_logo"] = str(letterhead.logo) if letterhead.logo else ""
        if copy == DocumentCopy.LETTER:
            context["copy_label"] = self._letter_label(record)
        return context

    def _final_basis(
        self, record: ConferenceRecord, copy: DocumentCopy
    ) -> tuple[DocumentVersion, dict[str, Any]] | None:
        """After finalisation: the final version of ``copy`` (the parents' copy for a letter)
        and the content it was made from, a snapshot that later changes (an action done in
        the tracker) do not reach. None before finalisation, or for final minutes recorded
        before their content was kept."""
        if record.conference.status != ConferenceStatus.FINALISED:
            return None
        basis = DocumentCopy.PARENT if copy == DocumentCopy.LETTER else copy
        final = self.store.versions.final(record.conference.id or 0, basis)
        if final is None or final.id is None:
            return None
        context = self.store.versions.context(final.id)
        if context is None:
            return None
        if copy == DocumentCopy.LETTER:
            context["copy_label"] = self._letter_label(record)
        return final, context

    def _make(
        self,
        record: ConferenceRecord,
        copy: DocumentCopy,
        template: str,
        context: dict[str, Any],
        mark: Mark,
    ) -> bytes:
        """Render ``context`` (of ``copy``: minutes or letter) with the template named, the
        document's status (draft, issued or final), version and issue date in it and on
        every page."""
        from mdcc_desktop.export.rendering import render_isolated
        from mdcc_desktop.export.status_mark import mark_document

        chinese = self._chinese(record)
        # A bilingual (Hong Kong) document says its status in both languages, whatever the
        # language it was written in; the issue date alone follows that language.
        line = status_line(mark, chinese or bool(context.get("bilingual")))
        filled = {
            **context,
            "document_status": mark.status.value,
            "version": str(mark.number) if mark.number is not None else "",
            "issue_date": date_words(mark.issued_at.date(), chinese) if mark.issued_at else "",
            "status_line": line,
        }
        kind = "letter" if copy == DocumentCopy.LETTER else "minutes"
        data = render_isolated(self.template(template).path, filled, kind, now=now())
        return mark_document(data, line)

    def render_document(
        self, conference_id: int, copy: DocumentCopy, template: str | None = None
    ) -> bytes:
        """The document for a look, recorded nowhere: a DRAFT of what the record says now.
        Once the conference is final, the final content instead: the final version itself
        (byte for byte) in its template, or its content in another template."""
        if copy == DocumentCopy.LETTER:
            return self.render_letter(conference_id, template)
        record = self.store.load_record(conference_id)
        name = self._template_name(record, copy, template)
        basis = self._final_basis(record, copy)
        if basis is None:
            return self._make(
                record, copy, name, self._live_context(record, copy), Mark(DocumentStatus.DRAFT)
            )
        final, context = basis
        if final.template == name and final.id is not None:
            content = self.store.versions.content(final.id)
            if content is not None:
                return content
        return self._make(
            record, copy, name, context, Mark(DocumentStatus.FINAL, final.number, final.issued_at)
        )

    def render_minutes(
        self, conference_id: int, copy: CopyKind, template: str | None = None
    ) -> bytes:
        return self.render_document(conference_id, DocumentCopy(copy.value), template)

    # --- the outcome letter: one per recipient (or household) -------------------------------

    def letter_recipients(self, conference_id: int, to: int | None = None) -> list[Recipient]:
        """Who the outcome letter goes to (the profile's ``[letter] addressed_to``); ``to``:
        only the letter that reaches that attendee (their household's, when it is shared)."""
        return self._recipients(self.store.load_record(conference_id), to)

    def _recipients(self, record: ConferenceRecord, to: int | None) -> list[Recipient]:
        from mdcc_desktop.export.letter import recipients

        profile = self.profiles.find(record.conference.jurisdiction)
        found = recipients(record, profile.letter if profile else None)
        if to is not None:
            chosen = [r for r in found if to in r.attendee_ids]
            if not chosen:
                raise ValidationError(
                    msg("letter_not_a_recipient", attendee=to, recipients=listed(found))
                )
            return chosen
        if not found:
            raise ValidationError(msg("letter_no_recipients"))
        return found

    def _letters(
        self,
        record: ConferenceRecord,
        recipients: list[Recipient],
        template: str | None,
        mark: Callable[[int], Mark],
    ) -> list[tuple[Recipient, bytes, dict[str, Any]]]:
        """One letter per recipient, the i-th marked ``mark(i)``; built on the parents' copy
        (after finalisation, the final parents' copy's content)."""
        from mdcc_desktop.export.letter import letter_context

        basis = self._final_basis(record, DocumentCopy.LETTER)
        base = basis[1] if basis else self._live_context(record, DocumentCopy.LETTER)
        profile = self.profiles.find(record.conference.jurisdiction)
        deadlines = self.deadlines(record)
        name = self._template_name(record, DocumentCopy.LETTER, template)
        made = []
        for i, recipient in enumerate(recipients):
            context = letter_context(record, profile, recipient, deadlines, base=base)
            context["copy_label"] = base.get("copy_label") or self._letter_label(record)
            data = self._make(record, DocumentCopy.LETTER, name, context, mark(i))
            made.append((recipient, data, context))
        return made

    def render_letters(
        self, conference_id: int, template: str | None = None, to: int | None = None
    ) -> list[tuple[Recipient, bytes]]:
        """A DRAFT of each recipient's letter (or of ``to``'s), for a look; recorded nowhere."""
        record = self.store.load_record(conference_id)
        recipients = self._recipients(record, to)
        draft = Mark(DocumentStatus.DRAFT)
        letters = self._letters(record, recipients, template, lambda _i: draft)
        return [(r, data) for r, data, _ in letters]

    def render_letter(
        self, conference_id: int, template: str | None = None, to: int | None = None
    ) -> bytes:
        """A DRAFT of the letter to ``to`` (an attendee id), or to the first recipient."""
        record = self.store.load_record(conference_id)
        recipient = self._recipients(record, to)[0]
        draft = Mark(DocumentStatus.DRAFT)
        return self._letters(record, [recipient], template, lambda _i: draft)[0][1]

    def export_minutes(
        self, conference_id: int, target: Path, copy: CopyKind, template: str | None = None
    ) -> Path:
        """Write a DRAFT of the minutes to ``target`` for a look; no version is recorded
        (issuing is :meth:`issue_minutes`)."""
        data = self.render_minutes(conference_id, copy, template)
        return self._write_draft(conference_id, target, data, Disclosed.MINUTES, copy.value)

    def export_letter(
        self,
        conference_id: int,
        target: Path,
        template: str | None = None,
        to: int | None = None,
    ) -> list[Path]:
        """Write a DRAFT of each recipient's letter: into ``target`` when it is a folder (one
        file each), else to the file ``target`` when the letter goes to one recipient (or
        ``to``). No version is recorded, nor is it counted as sent (see :meth:`issue_letter`)."""
        record = self.store.load_record(conference_id)
        recipients = self._recipients(record, to)
        paths = letter_paths(record.case.reference, target, recipients, None)
        letters = self.render_letters(conference_id, template, to)
        for (recipient, data), path in zip(letters, paths, strict=True):
            self._write_draft(
                conference_id, path, data, Disclosed.LETTER, "parent", recipient=recipient.name
            )
        return paths

    def _write_draft(
        self,
        conference_id: int,
        target: Path,
        data: bytes,
        kind: Disclosed,
        copy: str,
        *,
        recipient: str | None = None,
    ) -> Path:
        """A draft leaves the app too: the file and its disclosure entry, both or neither."""
        example = "minutes.docx" if kind == Disclosed.MINUTES else "outcome-letter.docx"
        write_recorded(
            self.store,
            target,
            data,
            kind,
            lambda path, body: save_export(path, body, example),
            conference_id=conference_id,
            copy=copy,
            recipient=recipient,
        )
        return target

    def export_pdf(self, conference_id: int, docx: Path, copy: CopyKind) -> Path:
        """A PDF of the document ``docx`` (through LibreOffice), recorded in the disclosure log."""
        pdf = convert_to_pdf(docx)
        self.record_pdf(conference_id, pdf, copy)
        return pdf

    def record_pdf(self, conference_id: int, pdf: Path, copy: CopyKind) -> None:
        """Record a PDF of the conference's minutes or letter written to ``pdf``."""
        disclose(
            self.store,
            Disclosed.PDF,
            conference_id=conference_id,
            copy=copy.value,
            target=pdf,
            data=pdf.read_bytes(),
        )

    # --- issuing: a deliberate act that records a version -----------------------------------

    def issue(
        self,
        conference_id: int,
        copies: list[DocumentCopy],
        template: str | None = None,
        *,
        final: bool = False,
        place: Callable[[DocumentVersion], Path | None] | None = None,
        name: str = "issue document",
    ) -> list[tuple[DocumentVersion, bytes]]:
        """Issue ``copies`` together as the conference's next version number: each is
        rendered with its status, number and date, and recorded with its template, time,
        SHA-256 and its bytes (inside the database), and written where ``place`` says (never
        over an existing file). ``final``: the final version of each copy; the conference is
        locked in the same transaction. (The outcome letter: :meth:`issue_letter`.)"""
        if DocumentCopy.LETTER in copies:
            raise ValueError("the outcome letter is issued per recipient: use issue_letter")
        record = self.store.load_record(conference_id)
        if record.conference.status == ConferenceStatus.FINALISED:
            last = self.store.versions.final(conference_id, DocumentCopy.FULL)
            raise ValidationError(msg("issue_after_final", number=last.number if last else "?"))
        number = self.store.versions.next_number(conference_id)
        stamp = now()
        made: list[tuple[DocumentVersion, bytes, dict[str, Any], Path | None]] = []
        for copy in copies:
            template_name = self._template_name(record, copy, template)
            context = self._live_context(record, copy)
            status = DocumentStatus.FINAL if final else DocumentStatus.ISSUED
            data = self._make(record, copy, template_name, context, Mark(status, number, stamp))
            version = _version(
                conference_id,
                number,
                copy,
                status=status,
                stamp=stamp,
                data=data,
                template=template_name,
            )
            target = place(version) if place else None
            _refuse_existing([target])
            made.append((version, data, context, target))
        with self._all_or_none(name) as write:
            for version, data, context, _ in made:
                self.store.versions.add(version, data, context)
            if final:
                self.store.update_conference(conference_id, {"status": ConferenceStatus.FINALISED})
                self.store.add(
                    LogEntry(
                        conference_id=conference_id,
                        at=stamp,
                        kind="finalised",
                        detail=f"version {number}",
                    )
                )
            for version, data, _, target in made:
                if target is not None:
                    disclose(
                        self.store,
                        Disclosed.MINUTES,
                        conference_id=conference_id,
                        copy=version.copy,
                        target=target,
                        data=data,
                    )
                    write(target, data, f"{version.copy.value}.docx")
            if final:
                disclose(
                    self.store,
                    Disclosed.FINALISED,
                    conference_id=conference_id,
                    copy=", ".join(v.copy for v, *_ in made),
                    target=f"version {number}",
                )
        log.info(
            "conference %s: version %s issued (%s)",
            conference_id,
            number,
            ", ".join(c.value for c in copies),
        )
        for version, *_ in made:
            self.events.publish(Change(Entity.MINUTES, version.id, conference_id, ChangeKind.ADDED))
        if final:
            self.events.publish(Change(Entity.CONFERENCE, conference_id, conference_id))
        return [(version, data) for version, data, _, _ in made]

    def issue_minutes(
        self,
        conference_id: int,
        copy: CopyKind,
        template: str | None = None,
        target: Path | None = None,
    ) -> DocumentVersion:
        """Issue one copy of the minutes (``mdcc minutes ID --issue``)."""
        [(version, _)] = self.issue(
            conference_id,
            [DocumentCopy(copy.value)],
            template,
            place=lambda _v: target,
            name="issue minutes",
        )
        return version

    def issue_letter(
        self,
        conference_id: int,
        template: str | None = None,
        target: Path | None = None,
        to: int | None = None,
    ) -> list[IssuedLetter]:
        """Issue the outcome letter, one document per recipient (or household; ``to``: only
        the one that reaches that attendee): each is a version of its own, kept in the
        database, with its recipients recorded as given it (circulation) and, when written to
        ``target`` (a folder, or a file for a single letter), in the disclosure log. The
        conference's log records the letter as sent, so its deadline is met. All or nothing:
        no version is recorded if a file cannot be written, and an existing file is never
        replaced."""
        record = self.store.load_record(conference_id)
        recipients = self._recipients(record, to)
        first = self.store.versions.next_number(conference_id)
        stamp = now()
        paths: list[Path | None] = (
            list(letter_paths(record.case.reference, target, recipients, first))
            if target is not None
            else [None] * len(recipients)
        )
        _refuse_existing(paths)
        template_name = self._template_name(record, DocumentCopy.LETTER, template)
        letters = self._letters(
            record,
            recipients,
            template,
            lambda i: Mark(DocumentStatus.ISSUED, first + i, stamp),
        )
        issued: list[IssuedLetter] = []
        with self._all_or_none("issue outcome letter") as write:
            for i, ((recipient, data, context), path) in enumerate(
                zip(letters, paths, strict=True)
            ):
                version = _version(
                    conference_id,
                    first + i,
                    DocumentCopy.LETTER,
                    status=DocumentStatus.ISSUED,
                    stamp=stamp,
                    data=data,
                    template=template_name,
                )
                self.store.versions.add(version, data, context)
                for attendee_id in recipient.attendee_ids:
                    # Handed over or posted by the chair: the app sends nothing itself.
                    self.store.versions.add_circulation(
                        conference_id, attendee_id, version, stamp, Delivery.HAND
                    )
                if path is not None:
                    disclose(
                        self.store,
                        Disclosed.LETTER,
                        conference_id=conference_id,
                        copy="parent",
                        recipient=recipient.name,
                        target=path,
                        data=data,
                    )
                    write(path, data, "outcome-letter.docx")
                issued.append(IssuedLetter(version, recipient.name, path))
            last = first + len(letters) - 1
            self.store.add(
                LogEntry(
                    conference_id=conference_id,
                    at=stamp,
                    kind="letter",
                    detail=f"version {first}" if last == first else f"versions {first}-{last}",
                )
            )
        log.info("conference %s: outcome letter issued, %s version(s)", conference_id, len(issued))
        for letter in issued:
            self.events.publish(
                Change(Entity.MINUTES, letter.version.id, conference_id, ChangeKind.ADDED)
            )
        return issued

    @contextlib.contextmanager
    def _all_or_none(self, name: str) -> Iterator[Callable[[Path, bytes, str], None]]:
        """A transaction whose files are written with the function it gives (``save_export``'s
        arguments): if anything fails before the commit, the files written are removed, so
        that no version is recorded without its file nor a file left without its version."""
        written: list[Path] = []

        def write(path: Path, data: bytes, example: str) -> None:
            save_export(path, data, example)
            written.append(path)

        try:
            with self.store.transaction(name):
                yield write
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise

    # --- what the parents' copy leaves out ----------------------------------------------------

    def withheld_parts(self, conference_id: int) -> list[WithheldPart]:
        """Each part of the full copy the parents' copy (and the letter) leaves out, numbered
        as the full copy prints it, with the reason (the rule: ``domain/withheld.py``)."""
        from mdcc_desktop.export.minutes import minutes_context
        from mdcc_desktop.services.withheld_parts import withheld_parts

        record = self.store.load_record(conference_id)
        profile = self.profiles.find(record.conference.jurisdiction)
        context = minutes_context(record, profile, CopyKind.FULL, self.deadlines(record))
        return withheld_parts(record, context["part_numbers"])

    # --- the record of what was issued --------------------------------------------------------

    def versions(self, conference_id: int) -> list[DocumentVersion]:
        self.store.get_conference(conference_id)  # an unknown conference is said so
        return self.store.versions.of_conference(conference_id)

    def version(
        self, conference_id: int, number: int, copy: DocumentCopy | None = None
    ) -> DocumentVersion:
        """Issued version ``number`` (of ``copy``, needed when the number has several)."""
        found = [
            v
            for v in self.versions(conference_id)
            if v.number == number and (copy is None or v.copy == copy)
        ]
        if not found:
            raise ValidationError(
                msg(
                    "no_such_version",
                    conference=conference_id,
                    number=number,
                    copy=f" ({copy.value} copy)" if copy else "",
                )
            )
        if len(found) > 1:
            raise ValidationError(
                msg("version_copy_needed", number=number, copies=", ".join(v.copy for v in found))
            )
        return found[0]

    def version_content(self, version: DocumentVersion) -> bytes:
        """The issued document itself, byte for byte as it was issued."""
        content = self.store.versions.content(version.id or 0)
        if content is None:
            raise ValidationError(msg("version_not_kept", number=version.number))
        return content

    def save_version(
        self, conference_id: int, number: int, target: Path, copy: DocumentCopy | None = None
    ) -> DocumentVersion:
        """Write issued version ``number`` to ``target`` again, byte for byte."""
        version = self.version(conference_id, number, copy)
        save_export(target, self.version_content(version), "minutes.docx")
        return version

    def history(self, conference_id: int) -> History:
        """The conference's issued versions, circulation, amendments and log."""
        return History(
            versions=self.versions(conference_id),
            circulation=self.store.versions.circulation(conference_id),
            amendments=[
                AmendmentEntry(
                    requested_at=a.requested_at,
                    requested_by=a.requested_by,
                    request=a.request,
                    accepted=a.accepted,
                    ruling=a.ruling,
                    ruled_at=a.ruled_at,
                )
                for a in self.store.amendments(conference_id)
            ],
            log=[(e.at, e.kind, e.detail) for e in self.store.conference_log(conference_id)],
        )


@dataclass(frozen=True)
class Mark:
    """What a document says it is: a draft, or issued or final version ``number`` of a date."""

    status: DocumentStatus
    number: int | None = None
    issued_at: dt.datetime | None = None


def status_line(mark: Mark, chinese: bool) -> str:
    """The line at the top of every page: DRAFT, or the version, its status and date."""
    if mark.status == DocumentStatus.DRAFT or mark.issued_at is None:
        english = "DRAFT – not issued, not for circulation"
        return f"草稿（未發出，不得傳閱） {english}" if chinese else english
    day = mark.issued_at.date()
    if mark.status == DocumentStatus.FINAL:
        english = f"FINAL – version {mark.number}, issued {date_words(day, False)}"
        chinese_line = f"定稿 – 第{mark.number}版，{date_words(day, True)}發出"
    else:
        english = f"Issued – version {mark.number}, {date_words(day, False)}"
        chinese_line = f"已發出 – 第{mark.number}版，{date_words(day, True)}"
    return f"{chinese_line} {english}" if chinese else english


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


def _version(
    conference_id: int,
    number: int,
    copy: DocumentCopy,
    *,
    status: DocumentStatus,
    stamp: dt.datetime,
    data: bytes,
    template: str,
) -> DocumentVersion:
    """The record of an issued document: its number, copy, status, time, template and the
    SHA-256 of its bytes."""
    return DocumentVersion(
        conference_id=conference_id,
        number=number,
        copy=copy,
        status=status,
        issued_at=stamp,
        sha256=hashlib.sha256(data).hexdigest(),
        template=template,
    )


def _refuse_existing(targets: list[Path | None]) -> None:
    """An issued document never replaces a file: refused before anything is recorded."""
    for target in targets:
        if target is not None and os.path.lexists(target):
            raise ValidationError(msg("issued_file_exists", path=str(target)))
