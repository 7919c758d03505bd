"""Following up between conferences: every action in one place, updated in a few keystrokes,
and each case's statutory deadlines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.clock import now, today
from mdcc_desktop.domain.disclosure import DisclosureKind
from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.domain.models import ActionStatus, ActionUpdate, ConferenceStatus
from mdcc_desktop.domain.read_models import SearchHit
from mdcc_desktop.domain.tracker import ActionFilter, ActionRow
from mdcc_desktop.services.deadlines import DeadlinesService
from mdcc_desktop.services.disclosure import record, write_recorded
from mdcc_desktop.services.edits import EditJournal, edit
from mdcc_desktop.services.events import Change, Entity, EventBus
from mdcc_desktop.services.files import save_export
from mdcc_desktop.store import Store

EXPORT_FORMATS = ("csv", "xlsx", "ics")
EXPORT_KINDS = {
    "csv": DisclosureKind.CSV,
    "xlsx": DisclosureKind.EXCEL,
    "ics": DisclosureKind.CALENDAR,
}


@dataclass(frozen=True)
class ChronologyEntry:
    at: dt.datetime
    kind: str  # conference, decision, action, update
    text: str
    conference_id: int


class TrackerService:
    def __init__(
        self,
        store: Store,
        events: EventBus,
        deadlines: DeadlinesService,
        data_dir: Path | None = None,
    ) -> None:
        self.store = store
        self.events = events
        self.deadlines = deadlines
        # The calendar export's install id and event revisions (export/actions.CalendarState).
        self.calendar_state = data_dir / "calendar-export.json" if data_dir else None
        self.journal = EditJournal(store, events)

    # --- reading -----------------------------------------------------------------------------

    def actions(
        self,
        f: ActionFilter,
        sort: str = "due",
        descending: bool = False,
        limit: int = -1,
        offset: int = 0,
    ) -> list[ActionRow]:
        return self.store.tracked_actions(f, sort, descending, limit, offset)

    def count(self, f: ActionFilter, at_most: int | None = None) -> int:
        """How many actions ``f`` keeps (counting stops at ``at_most`` when given)."""
        return self.store.count_tracked_actions(f, at_most)

    def overdue_count(self, as_of: dt.date | None = None, at_most: int | None = None) -> int:
        return self.count(ActionFilter(as_of=as_of or today(), overdue=True), at_most)

    def history(self, action_id: int) -> list[ActionUpdate]:
        return self.store.get_action(action_id).updates

    # --- updating an action ------------------------------------------------------------------

    @edit("set_status")
    def set_status(self, action_id: int, status: ActionStatus, note: str = "") -> None:
        """A status change with a dated note; done stamps the completion."""
        action = self.store.get_action(action_id)
        if status == action.status and not note.strip():
            raise ValidationError(msg("status_unchanged"))
        with self.store.transaction():
            self.store.add_action_update(
                ActionUpdate(at=now(), note=note.strip(), status=status, action_id=action_id)
            )
            changes: dict[str, object] = {
                "status": status,
                **rules.completion_stamp(action.status, action.completed_at, status),
            }
            self.store.update_action(action_id, changes)
        self._changed(action_id, action.conference_id)

    @edit("mark_done")
    def mark_done(self, action_id: int, completed: dt.date, note: str = "") -> None:
        action = self.store.get_action(action_id)
        if rules.check_date(completed, msg("field_completion_date")):
            raise ValidationError(rules.check_date(completed, msg("field_completion_date")))
        if completed > today():
            raise ValidationError(msg("done_in_future"))
        stamp = dt.datetime.combine(completed, dt.time(12, 0)).astimezone()
        with self.store.transaction():
            self.store.add_action_update(
                ActionUpdate(
                    at=now(),
                    note=note.strip() or "Done.",
                    status=ActionStatus.DONE,
                    action_id=action_id,
                )
            )
            self.store.update_action(
                action_id, {"status": ActionStatus.DONE, "completed_at": stamp}
            )
        self._changed(action_id, action.conference_id)

    @edit("move_due")
    def move_due(self, action_id: int, due: dt.date, reason: str) -> None:
        """A new due date; the reason is kept in the action's history."""
        if not reason.strip():
            raise ValidationError(msg("due_move_needs_reason"))
        problems = rules.check_date(due, msg("field_new_due_date"))
        if problems:
            raise ValidationError(problems)
        action = self.store.get_action(action_id)
        if action.due == due:  # issue 10 finding 7: a "move" to the same date is no move
            raise ValidationError(
                f"The action is already due on {due.isoformat()}; choose another date to move it."
            )
        before = action.due.isoformat() if action.due else "no date"
        with self.store.transaction():
            self.store.add_action_update(
                ActionUpdate(
                    at=now(),
                    note=f"Due date moved from {before} to {due.isoformat()}: {reason.strip()}",
                    action_id=action_id,
                )
            )
            self.store.update_action(action_id, {"due": due})
        self._changed(action_id, action.conference_id)

    @edit("reassign")
    def reassign(self, action_id: int, attendee_id: int, reason: str = "") -> None:
        """Give the action to another attendee of its conference."""
        action = self.store.get_action(action_id)
        owner = self.store.get_attendee(attendee_id)
        if owner.conference_id != action.conference_id:
            raise ValidationError(msg("new_owner_not_attendee"))
        old = self.store.get_attendee(action.owner_id).name if action.owner_id else "nobody"
        with self.store.transaction():
            self.store.add_action_update(
                ActionUpdate(
                    at=now(),
                    note=f"Reassigned from {old} to {owner.name}"
                    + (f": {reason.strip()}" if reason.strip() else "."),
                    action_id=action_id,
                )
            )
            self.store.update_action(
                action_id, {"owner_id": attendee_id, "owner_agency": owner.agency}
            )
        self._changed(action_id, action.conference_id)

    # --- exports and chronology -----------------------------------------------------------------

    def export(
        self, f: ActionFilter, fmt: str, sort: str = "due", descending: bool = False
    ) -> bytes:
        """The filtered actions as a CSV, Excel or iCalendar file's bytes.

        The calendar also holds the review dates of the cases it covers: every case when
        nothing is filtered, else the cases of the exported actions.
        """
        # Imported here: the spreadsheet and calendar libraries cost a start-up that lists nothing.
        from mdcc_desktop.export.actions import (
            CalendarDate,
            CalendarState,
            to_csv,
            to_ics,
            to_xlsx,
        )

        rows = self.actions(f, sort, descending)
        if fmt == "csv":
            return to_csv(rows, f.as_of)
        if fmt == "xlsx":
            return to_xlsx(rows, f.as_of)
        if fmt == "ics":
            cases = {r.case_reference for r in rows}
            everything = f == ActionFilter(as_of=f.as_of)
            dates = [
                CalendarDate(
                    key=f"review-{r.conference_id}",
                    summary=f"Review conference ({r.case_reference})",
                    day=r.due,
                    description=f"{r.label}. Case: {r.case_reference}",
                )
                for r in self.deadlines.review_dates()
                if everything or r.case_reference in cases
            ]
            state = CalendarState.load(self.calendar_state) if self.calendar_state else None
            return to_ics(rows, dates, state=state)
        raise ValidationError(msg("unknown_format", format=fmt, formats=", ".join(EXPORT_FORMATS)))

    def export_file(
        self,
        f: ActionFilter,
        fmt: str,
        target: Path,
        sort: str = "due",
        descending: bool = False,
    ) -> bytes:
        """Write the filtered actions to ``target`` (see :meth:`export`), then record it in the
        disclosure log."""
        data = self.export(f, fmt, sort, descending)
        example = f"actions.{fmt}"
        write_recorded(
            self.store,
            target,
            data,
            EXPORT_KINDS[fmt],
            lambda path, content: save_export(path, content, example),
            conference_id=f.conference_id,
        )
        return data

    def disclosed(self, f: ActionFilter, fmt: str, target: str | Path, data: bytes) -> None:
        """Record in the disclosure log that an export of the actions went to ``target``."""
        record(
            self.store, EXPORT_KINDS[fmt], conference_id=f.conference_id, target=target, data=data
        )

    def chronology(self, case_id: int) -> list[ChronologyEntry]:
        """Conferences, decisions, actions and their updates of one case, in time order."""
        entries: list[ChronologyEntry] = []
        for conference_id in self.store.conference_ids_of_case(case_id):
            record = self.store.load_record(conference_id)
            c = record.conference
            held = c.started_at or c.scheduled_start
            status = " (final)" if c.status == ConferenceStatus.FINALISED else ""
            entries.append(
                ChronologyEntry(
                    held, "conference", f"{c.type.value} conference{status}", conference_id
                )
            )
            for d in record.decisions:
                entries.append(ChronologyEntry(held, "decision", d.text, conference_id))
            for x in record.actions:
                entries.append(ChronologyEntry(held, "action", x.description, conference_id))
                for u in x.updates:
                    state = f" [{u.status.value}]" if u.status else ""
                    entries.append(
                        ChronologyEntry(
                            u.at, "update", f"{x.description}{state}: {u.note}", conference_id
                        )
                    )
        return sorted(entries, key=lambda e: e.at)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Full text across cases, children, household members, attendees, notes, decisions and
        actions (Chinese included: trigram FTS for three characters or more, a plain scan for
        one or two)."""
        text = text.strip()
        if not text:
            return []
        return self.store.search_hits(text, limit)

    def _changed(self, action_id: int, conference_id: int | None) -> None:
        # Follow-up keeps the conference's updated_at as it was; told once committed.
        self.journal.changed(Change(Entity.ACTION, action_id, conference_id), touch=False)
