"""Signs of Safety (the three columns and each participant's scaling, with the earlier
conferences' scores) and the mandatory report: ``ConferenceService``'s edits of the
assessment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mdcc_desktop.domain import rules
from mdcc_desktop.domain.errors import ValidationError
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.domain.models import (
    MandatoryReport,
    SafetyLine,
    SafetySection,
    Scaling,
)
from mdcc_desktop.services.conference_base import (
    ConferenceBase,
    Outcome,
)
from mdcc_desktop.services.edits import edit
from mdcc_desktop.services.events import ChangeKind, Entity


class SafetyEdits(ConferenceBase):
    """Signs of Safety (the three columns and each participant's scaling, with the earlier."""

    # --- Signs of Safety ---------------------------------------------------------------------

    def earlier_scaling(self, conference_id: int) -> list[EarlierScaling]:
        """The safety scaling of the case's conferences held before ``conference_id``, oldest
        first (those with no score left out), to show the trend beside today's scores."""
        this = self.store.get_conference(conference_id)
        found: list[EarlierScaling] = []
        for cid in self.store.conference_ids_of_case(this.case_id):
            conference = self.store.get_conference(cid)
            if cid == conference_id or conference.scheduled_start >= this.scheduled_start:
                continue
            scores = self.store.scaling(cid)
            if not scores:
                continue
            people = {a.id: a for a in self.store.attendees(cid)}
            found.append(
                EarlierScaling(
                    cid,
                    conference.scheduled_start,
                    tuple(
                        ScoreOf(who.name, who.person_id, s.score)
                        for s in scores
                        if (who := people.get(s.attendee_id)) is not None and s.score is not None
                    ),
                )
            )
        return sorted(found, key=lambda e: e.held)

    @edit("add_safety_line")
    def add_safety_line(self, conference_id: int, section: SafetySection, text: str) -> Outcome:
        self._editable(conference_id)
        problems = rules.check_text(text, msg("field_mapping_line"))
        if problems:
            raise ValidationError(problems)
        position = len([x for x in self.store.safety_lines(conference_id) if x.section == section])
        with self.store.transaction():
            line_id = self.store.add_safety_line(
                SafetyLine(
                    section=section, text=text, conference_id=conference_id, position=position
                )
            )
            self.store.update_conference(conference_id, {"has_safety_mapping": True})
        self._changed(Entity.SAFETY, line_id, conference_id, ChangeKind.ADDED)
        return Outcome(line_id)

    @edit("update_safety_line")
    def update_safety_line(self, line_id: int, text: str) -> Outcome:
        line = self.store.get(SafetyLine, line_id)
        assert line.conference_id is not None
        self._editable(line.conference_id)
        problems = rules.check_text(text, msg("field_mapping_line"))
        if problems:
            raise ValidationError(problems)
        self.store.update(SafetyLine, line_id, {"text": text})
        self._changed(Entity.SAFETY, line_id, line.conference_id)
        return Outcome(line_id)

    @edit("remove_safety_line")
    def remove_safety_line(self, line_id: int) -> None:
        line = self.store.get(SafetyLine, line_id)
        assert line.conference_id is not None
        self._editable(line.conference_id)
        self.store.delete(SafetyLine, line_id)
        self._changed(Entity.SAFETY, line_id, line.conference_id, ChangeKind.REMOVED)

    @edit("set_scaling")
    def set_scaling(
        self, conference_id: int, attendee_id: int, score: int | None, note: str | None = None
    ) -> None:
        """A participant's 0-10 safety scale; ``None`` removes their rating."""
        self._editable(conference_id)
        if score is not None and (
            isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10
        ):
            raise ValidationError(msg("scale_range"))
        if self.store.get_attendee(attendee_id).conference_id != conference_id:
            raise ValidationError(msg("scale_not_attendee"))
        existing = [s for s in self.store.scaling(conference_id) if s.attendee_id == attendee_id]
        with self.store.transaction():
            if score is None:
                for item in existing:
                    self.store.delete(Scaling, item.id or 0)
            elif existing:
                self.store.update(Scaling, existing[0].id or 0, {"score": score, "note": note})
            else:
                self.store.add_scaling(
                    Scaling(
                        attendee_id=attendee_id,
                        score=score,
                        note=note,
                        conference_id=conference_id,
                        position=self.store.next_position(Scaling, "conference_id", conference_id),
                    )
                )
                self.store.update_conference(conference_id, {"has_safety_mapping": True})
        self._changed(Entity.SAFETY, attendee_id, conference_id)

    @edit("set_mandatory_report")
    def set_mandatory_report(self, conference_id: int, report: MandatoryReport) -> Outcome:
        """The mandatory report; its reporter's identity is stored but never exported."""
        self._editable(conference_id)
        if rules.check_date(report.date, msg("field_report_date")):
            raise ValidationError(rules.check_date(report.date, msg("field_report_date")))
        self.store.update_conference(conference_id, {"mandatory_report": report})
        self._changed(Entity.CONFERENCE, conference_id, conference_id)
        return Outcome(conference_id)


@dataclass(frozen=True)
class ScoreOf:
    """One participant's safety scale at a conference."""

    name: str
    person_id: int | None
    score: int


@dataclass(frozen=True)
class EarlierScaling:
    """The scaling of one earlier conference of the same case."""

    conference_id: int
    held: dt.datetime
    scores: tuple[ScoreOf, ...]

    def score_of(self, name: str, person_id: int | None) -> int | None:
        """The score of the same person (by the directory's id, else by name), if scaled."""
        for s in self.scores:
            if person_id is not None and s.person_id == person_id:
                return s.score
        key = name.strip().casefold()
        return next((s.score for s in self.scores if s.name.strip().casefold() == key), None)

    @property
    def median(self) -> float | None:
        values = sorted(s.score for s in self.scores)
        if not values:
            return None
        middle = len(values) // 2
        if len(values) % 2:
            return float(values[middle])
        return (values[middle - 1] + values[middle]) / 2
