"""Minutes and outcome letters: drafts for a look, issued versions as records, circulation.

Rendering for a look gives a DRAFT (marked so on every page) and records nothing. Issuing is a
deliberate act (circulate, Issue, finalise, ``--issue`` on the command line): it records a
version (number, copy, template, time, SHA-256) with the document's bytes inside the encrypted
database, so that what was issued can be produced again byte for byte; a file's path is never
the record. Finalising issues the final version of both copies together, and the content they
were made from is what the conference renders afterwards.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import logging
import os
import stat
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
    Amendment,
    Attendee,
    ConferenceRecord,
    ConferenceStatus,
    CopyKind,
    LogEntry,
    Role,
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
                    msg("letter_not_a_recipient", attendee=to, recipients=_listed(found))
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
class IssuedLetter:
    """One issued letter: its version, who it is addressed to, and the file written (if any)."""

    version: DocumentVersion
    recipient: str
    path: Path | None


def _listed(recipients: list[Recipient]) -> str:
    """The recipients with the attendee ids that choose them (``--to``)."""
    return (
        "; ".join(f"{r.name} ({', '.join(str(i) for i in r.attendee_ids)})" for r in recipients)
        or "nobody"
    )


def letter_file_name(reference: str, recipient: Recipient, number: int | None) -> str:
    """``REF-outcome-letter-v7-to-Hannah_Turner-12.docx``: a safe name per recipient (the
    attendee id keeps two people of the same name apart); a draft says so."""
    version = f"v{number}" if number is not None else "draft"
    return (
        f"{safe_name(reference)}-outcome-letter-{version}-to-"
        f"{safe_name(recipient.name)}-{recipient.attendee_ids[0]}.docx"
    )


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; a name the system refuses (too long) is said so."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise ValidationError(msg("name_too_long_write", name=str(path)[:80])) from exc
        raise ValidationError(
            msg("file_cannot_write", path=str(path), error=exc.strerror or str(exc))
        ) from exc


def letter_paths(
    reference: str, target: Path, recipients: list[Recipient], first: int | None
) -> list[Path]:
    """Where each letter goes: one file each inside the folder ``target``, or the file
    ``target`` itself for a single letter (several need a folder, or ``to``)."""
    if is_folder(target):
        return [
            target / letter_file_name(reference, r, None if first is None else first + i)
            for i, r in enumerate(recipients)
        ]
    if len(recipients) > 1:
        raise ValidationError(
            msg("letter_needs_folder", count=len(recipients), recipients=_listed(recipients))
        )
    if not target.parent.is_dir():
        raise ValidationError(msg("no_folder", folder=str(target.parent)))
    return [target]


@dataclass
class Circulated:
    """What a circulation made: the issued version, its documents, one e-mail draft per
    recipient with an address, and who is to be handed a copy instead."""

    number: int
    documents: list[Path]
    drafts: list[Path]
    by_hand: list[str]


Sender = tuple[str, str]  # the chair's name and e-mail address


class MinutesLifecycle:
    """After the meeting: circulate, take amendments, finalise (lock) and, with a reason, reopen."""

    def __init__(self, minutes: MinutesService) -> None:
        self.minutes = minutes
        self.store = minutes.store
        self.events = minutes.events

    # circulation ------------------------------------------------------------------------------

    def circulate(
        self,
        conference_id: int,
        attendee_ids: list[int],
        out_dir: Path,
        template: str | None = None,
        sender: Sender | None = None,
    ) -> Circulated:
        """Give each recipient the copy the distribution list names for them.

        Issues the copies needed as a new version (after finalisation: the final version),
        writes them to ``out_dir`` under names that carry the version (an existing file is
        never replaced), one e-mail draft per recipient with an address (To: that person
        alone, From ``sender``, else the chair's address set in the app, else the conference's
        chair attendee when their address is on file),
        and records who was given which version how: by e-mail, or by hand for those
        without an address.
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
        needed = [
            DocumentCopy(kind.value)
            for kind in (CopyKind.FULL, CopyKind.PARENT)
            if any(copies[a] == kind for a in attendee_ids)
        ]
        ref = safe_name(record.case.reference)

        def place(version: DocumentVersion) -> Path:
            suffix = "full" if version.copy == DocumentCopy.FULL else "parents"
            final = "-final" if version.final else ""
            return out_dir / f"{ref}-minutes-{suffix}-v{version.number}{final}.docx"

        written: list[Path] = []
        try:
            with self.store.transaction("circulate minutes"):
                if record.conference.status == ConferenceStatus.FINALISED:
                    issued = self._final_versions(conference_id, needed, place, written)
                else:
                    issued = self.minutes.issue(
                        conference_id, needed, template, place=place, name="circulate minutes"
                    )
                    written += [place(v) for v, _ in issued]
                by_copy = {v.copy: (v, data) for v, data in issued}
                stamp = now()
                drafts: list[Path] = []
                by_hand: list[str] = []
                for attendee_id in attendee_ids:
                    person = record.attendee(attendee_id)
                    version, data = by_copy[DocumentCopy(copies[attendee_id].value)]
                    delivery = Delivery.EMAIL if person and person.email else Delivery.HAND
                    if person is not None and person.email:
                        draft = (
                            out_dir / f"{ref}-minutes-v{version.number}-to-"
                            f"{safe_name(person.name)}-{attendee_id}.eml"
                        )
                        message = email_draft(
                            record,
                            person,
                            place(version).name,
                            data,
                            version,
                            sender or self._chair() or chair_sender(record),
                        )
                        save_export(draft, message, "minutes.eml")
                        written.append(draft)
                        drafts.append(draft)
                        disclose(
                            self.store,
                            Disclosed.EMAIL,
                            conference_id=conference_id,
                            copy=version.copy,
                            recipient=person.name,
                            target=draft,
                            data=message,
                        )
                    else:
                        by_hand.append(person.name if person else str(attendee_id))
                    self.store.versions.add_circulation(
                        conference_id, attendee_id, version, stamp, delivery
                    )
                    disclose(
                        self.store,
                        Disclosed.CIRCULATION,
                        conference_id=conference_id,
                        copy=version.copy,
                        recipient=person.name if person else None,
                        target=place(version),
                        reason="by hand" if delivery == Delivery.HAND else None,
                    )
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
        log.info(
            "conference %s: version %s circulated, %s e-mail draft(s), %s by hand",
            conference_id,
            issued[0][0].number,
            len(drafts),
            len(by_hand),
        )
        self.events.publish(Change(Entity.MINUTES, None, conference_id))
        return Circulated(
            number=issued[0][0].number,
            documents=[place(v) for v, _ in issued],
            drafts=drafts,
            by_hand=by_hand,
        )

    def _chair(self) -> Sender | None:
        """The chair's own name and address as set in the app (Settings, or the first run),
        when the address is set: the sender of the e-mail drafts."""
        name, email = self.store.disclosures.chair()
        return (name, email) if email else None

    def _final_versions(
        self,
        conference_id: int,
        copies: list[DocumentCopy],
        place: Callable[[DocumentVersion], Path],
        written: list[Path],
    ) -> list[tuple[DocumentVersion, bytes]]:
        """The final versions of ``copies``, written where ``place`` says unless the very same
        document is there already (any other file there is left alone, and refused)."""
        found: list[tuple[DocumentVersion, bytes]] = []
        for copy in copies:
            final = self.store.versions.final(conference_id, copy)
            if final is None:
                raise ValidationError(msg("minutes_already_final"))
            data = self.minutes.version_content(final)
            target = place(final)
            if os.path.lexists(target):
                if not target.is_file() or target.read_bytes() != data:
                    raise ValidationError(msg("issued_file_exists", path=str(target)))
            else:
                save_export(target, data, "minutes.docx")
                written.append(target)
            found.append((final, data))
        return found

    def export_letter(
        self,
        conference_id: int,
        target: Path,
        template: str | None = None,
        to: int | None = None,
    ) -> list[IssuedLetter]:
        """Issue the outcome letter into ``target`` (a folder: one file per recipient; a file:
        a single letter): recorded as versions and as sent (its deadline met), all or none."""
        return self.minutes.issue_letter(conference_id, template, target, to)

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

    def finalise(self, conference_id: int, template: str | None = None) -> list[DocumentVersion]:
        """Issue the final version of both copies together and lock the conference.

        What the final versions were made from is kept with them: the conference renders
        that afterwards, not today's action statuses."""
        conference = self.store.get_conference(conference_id)
        if conference.status == ConferenceStatus.FINALISED:
            raise ValidationError(msg("minutes_already_final"))
        open_requests = [a for a in self.store.amendments(conference_id) if a.accepted is None]
        if open_requests:
            raise ValidationError(msg("rulings_pending", count=len(open_requests)))
        issued = self.minutes.issue(
            conference_id,
            [DocumentCopy.FULL, DocumentCopy.PARENT],
            template,
            final=True,
            name="finalise minutes",
        )
        return [version for version, _ in issued]

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
            disclose(self.store, Disclosed.REOPENED, conference_id=conference_id, reason=reason)
        self.events.publish(Change(Entity.CONFERENCE, conference_id, conference_id))

    def log(self, conference_id: int) -> list[LogEntry]:
        return self.store.conference_log(conference_id)


def safe_name(text: str) -> str:
    """``text`` as part of a file name: letters, digits, - and _ only."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)[:60]


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


def chair_sender(record: ConferenceRecord) -> Sender | None:
    """The conference's chair as the sender, when their address is on file."""
    chair = next((a for a in record.attendees if Role.CHAIR in a.roles and a.email), None)
    return (chair.name, chair.email or "") if chair else None


def email_draft(  # noqa: PLR0917 (the parts of one e-mail)
    record: ConferenceRecord,
    person: Attendee,
    filename: str,
    document: bytes,
    version: DocumentVersion,
    sender: Sender | None,
) -> bytes:
    """An unsent e-mail (.eml) to one recipient with their issued copy attached.

    To: that person alone; From: ``sender`` (None: left to the mail client, which fills in
    the account's address); Date and Message-ID set; RESTRICTED (限閱文件 in Chinese) in the
    subject. The body is the message to the recipient, nothing meant for the sender."""
    from email.message import EmailMessage  # here: the e-mail package costs every start 25 ms
    from email.utils import format_datetime, formataddr, make_msgid

    chinese = record.conference.language is not None and (
        record.conference.language.value == "zh-Hant"
    )
    held = (record.conference.started_at or record.conference.scheduled_start).date()
    full = version.copy == DocumentCopy.FULL
    what = "full copy" if full else "parents' copy"
    what_zh = "完整版本" if full else "家長版本"
    subject = (
        f"RESTRICTED: minutes of the child protection conference of "
        f"{date_words(held, False)} ({what}, version {version.number}) – "
        f"{record.case.reference}"
    )
    if chinese:
        subject = (
            f"限閱文件 RESTRICTED：{date_words(held, True)}兒童保護個案會議記錄"
            f"（{what_zh}，第{version.number}版） – {subject.removeprefix('RESTRICTED: ')}"
        )
    message = EmailMessage()
    message["Subject"] = subject
    if sender is not None and sender[1]:
        message["From"] = formataddr(sender)
    message["To"] = formataddr((person.name, person.email or ""))
    message["Date"] = format_datetime(now().astimezone())
    domain = sender[1].rpartition("@")[2] if sender and "@" in sender[1] else "mdcc.invalid"
    message["Message-ID"] = make_msgid(domain=domain)
    message["X-Unsent"] = "1"  # Outlook opens it as a draft to send
    issued = date_words(version.issued_at.date(), False)
    body = [
        f"Dear {person.name},",
        "",
        f"Please find attached the {what} of the minutes of the child protection conference "
        f"held on {date_words(held, False)} (version {version.number}, issued {issued}).",
        "",
        "RESTRICTED: do not forward or share beyond those it is addressed to.",
    ]
    if chinese:
        body = [
            f"{person.name}：",
            "",
            f"附上{date_words(held, True)}兒童保護個案會議記錄的{what_zh}"
            f"（第{version.number}版，{date_words(version.issued_at.date(), True)}發出）。",
            "",
            "限閱文件：請勿轉發或與收件人以外的人士分享。",
            "",
            *body,
        ]
    if sender is not None:
        body += ["", sender[0]]
    message.set_content("\n".join(body))
    message.add_attachment(
        document,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename=filename,
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
