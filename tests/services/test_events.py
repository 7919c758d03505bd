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


def test_entity_and_kind_are_enums_that_still_equal_their_text() -> None:
    from mdcc_desktop.services.events import ChangeKind, Entity

    change = Change("action", 1, 7)
    assert change.entity is Entity.ACTION and change.kind is ChangeKind.UPDATED
    assert change.entity == "action" and change.kind == "updated"  # old listeners keep working
    assert {"action": "actions"}.get(change.entity) == "actions"
    assert Change(Entity.ACTION, 1, 7, ChangeKind.ADDED) == Change("action", 1, 7, "added")


def test_a_misspelt_kind_fails_where_it_is_published() -> None:
    import pytest

    with pytest.raises(ValueError, match="deleted"):
        Change("action", 1, 7, "deleted")
    assert Change("something new", 1, 7).entity == "something new"  # unknown: kept as text


def test_the_services_publish_enum_members(services: Services) -> None:
    from mdcc_desktop.domain.models import Child
    from mdcc_desktop.services.events import ChangeKind, Entity

    seen: list[Change] = []
    services.events.subscribe(seen.append)
    services.conferences.create_case("CS-EV-2", "ENG", [Child(name="Amy Test")])
    assert [(type(c.entity), c.entity, type(c.kind), c.kind) for c in seen] == [
        (Entity, Entity.CASE, ChangeKind, ChangeKind.ADDED)
    ]
