"""Deadlines: each conference's time limits from its profile, office closure days, the next
deadline of every conference, each case's deadlines and its next review.

The due dates come from the profile's rules on the working calendar (closure days the user
recorded included); a review date the conference booked replaces the profile's limit for the
review. Every answer is a typed value (:mod:`mdcc_desktop.domain.deadlines`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mdcc_desktop.domain.deadlines import CaseDeadlines, Deadline, ReviewDate
from mdcc_desktop.domain.errors import NotFoundError, ValidationError
from mdcc_desktop.domain.messages import msg
from mdcc_desktop.domain.models import ClosureDay, ConferenceType
from mdcc_desktop.domain.read_models import DeadlineFacts
from mdcc_desktop.services.events import Change, ChangeKind, Entity, EventBus
from mdcc_desktop.services.profiles import ProfileRegistry
from mdcc_desktop.store import Store

__all__ = ["CaseDeadlines", "Deadline", "DeadlinesService", "ReviewDate"]


class DeadlinesService:
    def __init__(self, store: Store, profiles: ProfileRegistry, events: EventBus) -> None:
        self.store = store
        self.profiles = profiles
        self.events = events

    # --- closure days --------------------------------------------------------------------------

    def closure_days(self) -> list[ClosureDay]:
        """Every closure day recorded, by date."""
        return self.store.closure_days()

    def closures(self, jurisdiction: str | None = None) -> frozenset[dt.date]:
        """The closure days that apply to a profile (its own and those of every profile)."""
        return frozenset(
            c.day for c in self.store.closure_days() if c.jurisdiction in (None, jurisdiction)
        )

    def closures_by_profile(self) -> dict[str, frozenset[dt.date]]:
        """Every profile's closure days, read once (for deadlines of many conferences)."""
        days = self.store.closure_days()
        return {
            code: frozenset(c.day for c in days if c.jurisdiction in (None, code))
            for code in self.profiles.codes
        }

    def add_closure_day(self, day: dt.date, reason: str, jurisdiction: str | None = None) -> int:
        """A day the office was closed (typhoon signal 8, black rainstorm): not a working day."""
        if not reason.strip():
            raise ValidationError(msg("closure_needs_reason"))
        if any(c.day == day and c.jurisdiction == jurisdiction for c in self.store.closure_days()):
            raise ValidationError(msg("closure_exists", day=day.isoformat()))
        closure_id = self.store.add(
            ClosureDay(day=day, reason=reason.strip(), jurisdiction=jurisdiction)
        )
        self.events.publish(Change(Entity.CLOSURE, closure_id, None, ChangeKind.ADDED))
        return closure_id

    # --- one conference ------------------------------------------------------------------------

    def for_facts(
        self, facts: DeadlineFacts, closures: dict[str, frozenset[dt.date]] | None = None
    ) -> list[Deadline]:
        """One conference's time limits, with when each was met (from ``deadline_facts``).

        A review date the conference booked (``next_review``) is the due date of its review
        deadline, in place of the profile's limit.
        """
        profile = self.profiles.find(facts.jurisdiction)
        if profile is None:
            return []
        held = facts.held
        days_off = (
            closures.get(profile.code, frozenset())
            if closures is not None
            else self.closures(profile.code)
        )
        ctype = facts.type
        due, unknown = profile.due_dates_or_reasons(ctype, held, facts.referral_received, days_off)
        review = profile.review_rule(ctype)
        if facts.next_review is not None and review is not None:
            due[review.key] = facts.next_review
            unknown.pop(review.key, None)
        done = {
            "outcome_letter": facts.letter_at.date() if facts.letter_at else None,
            "minutes": facts.circulated_at.date() if facts.circulated_at else None,
            "first_conference": held if facts.started_at else None,
        }
        return [
            Deadline(
                rule.key,
                rule.label,
                due.get(rule.key),
                done.get(rule.key),
                unknown.get(rule.key),
                booked=review is not None
                and rule.key == review.key
                and facts.next_review is not None,
            )
            for rule in profile.deadlines_for(ctype)
            if rule.key in due or rule.key in unknown
        ]

    def for_conference(self, conference_id: int) -> list[Deadline]:
        """The conference's time limits from its profile, with what has been done about them."""
        rows = self.store.deadline_facts(conference_id=conference_id)
        if not rows:
            raise NotFoundError(msg("no_conference", id=conference_id))
        return self.for_facts(rows[0])

    def review_due(
        self, jurisdiction: str, conference_type: ConferenceType, held: dt.date
    ) -> dt.date | None:
        """When the review after a conference of this type held on ``held`` is due by the
        profile's review interval (None when the profile sets none or it cannot be computed)."""
        profile = self.profiles.find(jurisdiction)
        if profile is None:
            return None
        rule = profile.review_rule(conference_type)
        if rule is None:
            return None
        due, _unknown = profile.due_dates_or_reasons(
            conference_type, held, None, self.closures(profile.code)
        )
        return due.get(rule.key)

    def review_default(self, reviewed_id: int) -> dt.date | None:
        """The date a review of the conference ``reviewed_id`` defaults to: the review date it
        booked, else the profile's review interval from the day it was held."""
        conference = self.store.get_conference(reviewed_id)
        if conference.next_review is not None:
            return conference.next_review
        held = (conference.started_at or conference.scheduled_start).date()
        return self.review_due(conference.jurisdiction, conference.type, held)

    # --- many conferences ----------------------------------------------------------------------

    def next_deadlines(self, today: dt.date) -> dict[int, Deadline]:
        """For each conference not yet final, its earliest deadline not yet met."""
        return self._next_deadlines(self.store.deadline_facts())

    def next_deadlines_of(
        self, conference_ids: Iterable[int], today: dt.date
    ) -> dict[int, Deadline]:
        """:meth:`next_deadlines` for ``conference_ids`` only (a page of a list: one query,
        whatever the number of conferences in the store). A conference final, or with no
        deadline pending, has none in the answer."""
        ids = list(conference_ids)
        if not ids:
            return {}
        return self._next_deadlines(self.store.deadline_facts(conference_ids=ids))

    def _next_deadlines(self, rows: list[DeadlineFacts]) -> dict[int, Deadline]:
        closures = self.closures_by_profile()
        found: dict[int, Deadline] = {}
        for facts in rows:
            pending = [
                d for d in self.for_facts(facts, closures) if d.done is None and d.key != "dissent"
            ]
            if pending:
                found[facts.conference_id] = min(pending, key=Deadline.sort_key)
        return found

    def case_deadlines(self) -> list[CaseDeadlines]:
        """Per case, the deadlines of its latest conference, soonest first (one query)."""
        return [case for case, _facts in self._latest_per_case()]

    def _latest_per_case(self) -> list[tuple[CaseDeadlines, DeadlineFacts]]:
        closures = self.closures_by_profile()
        found = [
            (
                CaseDeadlines(
                    case_reference=facts.case_reference,
                    conference_id=facts.conference_id,
                    conference_date=facts.held,
                    conference_type=facts.type.value,
                    deadlines=tuple(self.for_facts(facts, closures)),
                    next_review=facts.next_review,
                ),
                facts,
            )
            for facts in self.store.deadline_facts(latest_per_case=True, include_final=True)
        ]
        return sorted(
            found,
            key=lambda pair: min(
                (d.due for d in pair[0].deadlines if d.done is None and d.due is not None),
                default=dt.date.max,
            ),
        )

    def review_dates(self) -> list[ReviewDate]:
        """Per case, its next review: the date its latest conference booked, else the
        profile's time limit for the review (when not yet held), soonest first."""
        found = []
        for case, facts in self._latest_per_case():
            profile = self.profiles.find(facts.jurisdiction)
            review = profile.review_rule(facts.type) if profile is not None else None
            if case.next_review is not None:
                due, label = case.next_review, "Next review conference"
            else:
                limit = next(
                    (
                        d
                        for d in case.deadlines
                        if review is not None and d.key == review.key and d.done is None
                    ),
                    None,
                )
                if limit is None or limit.due is None:  # a limit that cannot be computed
                    continue
                due, label = limit.due, f"{limit.label} (time limit)"
            found.append(ReviewDate(case.case_reference, case.conference_id, due, label))
        return sorted(found, key=lambda r: (r.due, r.case_reference))
