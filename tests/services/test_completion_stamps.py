"""One rule for completion dates: the tracker, the workspace and the service stamp alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from mdcc_desktop.domain import clock
from mdcc_desktop.domain.models import Action, ActionStatus, Child, ConferenceType
from mdcc_desktop.domain.rules import completion_stamp
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter

# Microseconds on the clock: a completion is stamped to the second.
FIXED = dt.datetime(2026, 11, 21, 15, 45, 30, 123456, tzinfo=dt.UTC)
STAMP = FIXED.replace(microsecond=0)
EARLIER = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)

DONE, OPEN, IN_PROGRESS = ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.IN_PROGRESS


def test_the_rule() -> None:
    with clock.use(clock.FixedClock(FIXED)):
        assert completion_stamp(OPEN, None, DONE) == {"completed_at": STAMP}
        assert completion_stamp(OPEN, None, DONE, EARLIER) == {"completed_at": EARLIER}
        assert completion_stamp(DONE, EARLIER, DONE) == {}  # staying done keeps its date
        assert completion_stamp(DONE, None, DONE) == {"completed_at": STAMP}
        assert completion_stamp(DONE, EARLIER, IN_PROGRESS) == {"completed_at": None}
        assert completion_stamp(OPEN, None, IN_PROGRESS) == {}


def _action(services: Services) -> tuple[int, int]:
    case = services.conferences.create_case("CS-DONE", "ENG", [Child(name="Max Turner")])
    cid = services.conferences.create_conference(
        case.id or 0, "ENG", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)
    )
    return cid, services.conferences.add_action(cid, Action(description="Visit weekly")).id


def _tracker(services: Services, action_id: int, status: ActionStatus) -> None:
    services.tracker.set_status(action_id, status, "Changed.")


def _service(services: Services, action_id: int, status: ActionStatus) -> None:
    services.conferences.update_action(action_id, status=status)


@pytest.mark.parametrize("change", [_tracker, _service], ids=["tracker", "service"])
def test_done_stamps_and_undone_clears(
    services: Services, change: Callable[[Services, int, ActionStatus], None]
) -> None:
    _, action_id = _action(services)
    with clock.use(clock.FixedClock(FIXED)) as fixed:
        change(services, action_id, DONE)
        assert services.store.get_action(action_id).completed_at == STAMP
        assert isinstance(fixed, clock.FixedClock)
        fixed.advance(dt.timedelta(hours=1))
        change(services, action_id, IN_PROGRESS)
        assert services.store.get_action(action_id).completed_at is None


def test_the_workspace_stamps_the_same_way(qtbot, services: Services) -> None:
    conference_id, action_id = _action(services)
    window = WorkspaceWindow(services, conference_id, RecordingPrompter())
    qtbot.addWidget(window)
    window.show()
    window.action_view.setCurrentIndex(window.action_model.index(0, 0))
    status = window.action_details.status
    with clock.use(clock.FixedClock(FIXED)):
        status.setCurrentIndex(status.findData(DONE.value))
        status.activated.emit(status.currentIndex())
        assert services.store.get_action(action_id).completed_at == STAMP
        window.undo_stack.undo()
        assert services.store.get_action(action_id).completed_at is None
        window.undo_stack.redo()
        assert services.store.get_action(action_id).completed_at == STAMP
        status.setCurrentIndex(status.findData(OPEN.value))
        status.activated.emit(status.currentIndex())
        assert services.store.get_action(action_id).completed_at is None
    window.close()
