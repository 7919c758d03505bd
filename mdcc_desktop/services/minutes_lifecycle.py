"""After the meeting: circulate the minutes (issued copies and one e-mail draft per recipient),
take amendments, finalise (lock) and, with a reason, reopen; the conference's log.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
    Delivery,
    DocumentCopy,
    DocumentVersion,
)
from mdcc_desktop.services.disclosure import record as disclose
from mdcc_desktop.services.events import Change, ChangeKind, Entity
from mdcc_desktop.services.files import save_export
from mdcc_desktop.services.letter_files import IssuedLetter, safe_name
from mdcc_desktop.services.minutes import MinutesService

log = logging.getLogger(__name__)


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
