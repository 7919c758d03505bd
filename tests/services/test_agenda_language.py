"""An HK conference held in Chinese gets the profile's Chinese agenda titles (users found HK
agendas in English only although the profile has title_zh); switching the language retitles the
profile's items and leaves the chair's own titles alone."""

from __future__ import annotations

import datetime as dt

from mdcc_desktop.domain.models import (
    AgendaItem,
    Child,
    Conference,
    ConferenceType,
    Language,
)
from mdcc_desktop.services.context import Services

START = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)


def titles(services: Services, conference_id: int) -> list[str]:
    return [item.title for item in services.store.agenda(conference_id)]


def hk_conference(services: Services, language: Language | None = None) -> int:
    case = services.conferences.create_case("HK-LANG-1", "HK", [Child(name="陳小明")])
    assert case.id is not None
    return services.conferences.create_conference(
        case.id, "HK", ConferenceType.INITIAL, START, language=language
    )


def test_a_conference_held_in_chinese_gets_the_chinese_agenda(services: Services) -> None:
    conference_id = hk_conference(services, Language.ZH_HANT)
    template = services.profiles.get("HK").agenda_for(ConferenceType.INITIAL)
    assert titles(services, conference_id) == [item.title_zh for item in template]
    assert titles(services, conference_id)[0] == "介紹及保密原則"


def test_switching_the_language_retitles_the_profiles_items_only(services: Services) -> None:
    conference_id = hk_conference(services)
    template = services.profiles.get("HK").agenda_for(ConferenceType.INITIAL)
    assert titles(services, conference_id) == [item.title for item in template]
    first = services.store.agenda(conference_id)[0]
    assert first.id is not None
    services.conferences.update_agenda_item(first.id, title="Welcome, and who is here")
    own = services.conferences.add_agenda_item(conference_id, AgendaItem(title="AOB"))
    assert own
    services.conferences.update_conference(conference_id, language=Language.ZH_HANT)
    now_titles = titles(services, conference_id)
    assert now_titles[0] == "Welcome, and who is here"
    assert "個案背景及事件" in now_titles and "AOB" in now_titles
    services.conferences.update_conference(conference_id, language=Language.EN)
    assert "Background of the case and the incident" in titles(services, conference_id)
    stored = services.store.get_conference(conference_id)
    assert isinstance(stored, Conference) and stored.language == Language.EN


def test_the_profiles_items_name_their_minutes_section(services: Services) -> None:
    conference_id = hk_conference(services, Language.ZH_HANT)
    sections = {item.title: item.section for item in services.store.agenda(conference_id)}
    assert sections["兒童的意見"] == "child_views"
    assert sections["家長及家人的意見"] == "parents_views"
    assert sections["介紹及保密原則"] is None  # the discussion
