"""Change events say who asked for them, so the one who made a change can skip refreshing it."""

from __future__ import annotations

import threading

from mdcc_desktop.services.context import Services
from mdcc_desktop.services.events import Change, EventBus


def test_changes_inside_a_block_carry_its_initiator_and_others_none() -> None:
    bus = EventBus()
    seen: list[Change] = []
    bus.subscribe(seen.append)
    me = object()
    with bus.initiated_by(me):
        bus.publish(Change("attendee", 1, 7, "added"))
        with bus.initiated_by("inner"):
            bus.publish(Change("attendee", 2, 7))
        bus.publish(Change("attendee", 3, 7))
    bus.publish(Change("attendee", 4, 7))
    assert [c.initiator for c in seen] == [me, "inner", me, None]
    assert seen[0] == Change("attendee", 1, 7, "added")  # the initiator takes no part in ==


def test_an_initiator_given_by_the_publisher_is_kept() -> None:
    bus = EventBus()
    seen: list[Change] = []
    bus.subscribe(seen.append)
    with bus.initiated_by("block"):
        bus.publish(Change("agenda_item", 1, 7, initiator="saver"))
    assert seen[0].initiator == "saver"


def test_another_threads_changes_do_not_take_the_initiator() -> None:
    bus = EventBus()
    seen: list[Change] = []
    bus.subscribe(seen.append)
    with bus.initiated_by("gui"):
        worker = threading.Thread(target=lambda: bus.publish(Change("action", 1, 7)))
        worker.start()
        worker.join()
    assert seen[0].initiator is None


def test_a_services_change_carries_the_initiator(services: Services) -> None:
    from mdcc_desktop.domain.models import Child

    seen: list[Change] = []
    services.events.subscribe(seen.append)
    me = object()
    with services.events.initiated_by(me):
        services.conferences.create_case("CS-EV-1", "ENG", [Child(name="Amy Test")])
    assert seen and all(c.initiator is me for c in seen)
