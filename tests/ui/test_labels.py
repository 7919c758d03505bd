"""Labels in the interface's language: enum labels from the tables, profile labels in Chinese
when the interface is Chinese, dates through QLocale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from mdcc_desktop.domain.disclosure import DisclosureKind
from mdcc_desktop.domain.models import (
    ActionStatus,
    Attendance,
    Child,
    ConferenceStatus,
    ConferenceType,
    CopyKind,
    DecisionMethod,
    Discipline,
    Priority,
    Role,
    SafetySection,
    Sex,
)
from mdcc_desktop.services.context import Services
from mdcc_desktop.ui import labels
from mdcc_desktop.ui.widgets import dates
from mdcc_desktop.ui.workspace.window import WorkspaceWindow
from tests.ui.home.test_main_window import RecordingPrompter


@pytest.fixture
def language() -> Iterator[None]:
    """Leaves the interface language and the default locale as it found them."""
    before = QLocale()
    yield
    labels.set_interface_language(None)
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("enum", "table"),
    [
        (ConferenceType, labels.CONFERENCE_TYPES),
        (ConferenceStatus, labels.CONFERENCE_STATUSES),
        (Sex, labels.SEXES),
        (Discipline, labels.DISCIPLINES),
        (Role, labels.ROLES),
        (Attendance, labels.ATTENDANCE),
        (DecisionMethod, labels.DECISION_METHODS),
        (ActionStatus, labels.ACTION_STATUSES),
        (Priority, labels.PRIORITIES),
        (CopyKind, labels.COPY_KINDS),
        (SafetySection, labels.SAFETY_SECTIONS),
        (DisclosureKind, labels.DISCLOSURE_KINDS),
    ],
)
def test_every_enum_value_has_a_label(enum: type, table: dict[object, str]) -> None:
    assert set(table) == set(enum)


def test_a_code_the_table_lacks_is_shown_as_it_is() -> None:
    assert labels.conference_type("from_a_newer_file") == "from_a_newer_file"
    assert labels.label(labels.SEARCH_KINDS, "new_kind", "new_kind") == "new_kind"
    assert labels.role(Role.MINUTE_TAKER) == "minute taker"


def test_profile_labels_follow_the_interface_language(services: Services, language: None) -> None:
    hk = services.profiles.get("HK")
    kind = next(k for k in hk.decision_kinds if k.label_zh)
    rule = next(r for r in hk.deadlines if r.label_zh)
    labels.set_interface_language("en")
    assert labels.profile_label(kind) == kind.label
    assert labels.profile_label(hk) == hk.name
    labels.set_interface_language("zh-Hant")
    assert labels.profile_label(kind) == kind.label_zh
    assert labels.profile_label(rule) == rule.label_zh
    assert labels.profile_label(hk) == hk.name_zh
    # Deadline facts from the services carry the English label: the UI finds the Chinese one.
    names = labels.deadline_names(services.profiles.all())
    assert names[(rule.key, rule.label)] == rule.label_zh
    item = hk.agenda_for(ConferenceType.INITIAL)[0]
    assert labels.profile_label(item) == item.title_zh
    # Without a Chinese text, the English one.
    assert labels.profile_text("Only English", None) == "Only English"
    # "system" (and no setting at all) follows the computer's locale.
    labels.set_interface_language("system")
    QLocale.setDefault(QLocale("zh_HK"))
    assert labels.profile_label(kind) == kind.label_zh
    QLocale.setDefault(QLocale("en_GB"))
    assert labels.profile_label(kind) == kind.label


def test_the_workspace_shows_the_profile_in_chinese(
    qtbot, services: Services, language: None
) -> None:
    case = services.conferences.create_case("HK-ZH", "HK", [Child(name="Chan Siu Ming")])
    cid = services.conferences.create_conference(
        case.id or 0, "HK", ConferenceType.INITIAL, dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
    )
    labels.set_interface_language("zh-Hant")
    window = WorkspaceWindow(services, cid, RecordingPrompter())
    qtbot.addWidget(window)
    hk = services.profiles.get("HK")
    kinds = [window.decisions_panel.kind.itemText(i) for i in range(hk.decision_kinds.__len__())]
    assert kinds == [k.label_zh or k.label for k in hk.decision_kinds]
    minutes = next(r for r in hk.deadlines if r.key == "minutes")
    assert minutes.label_zh in window.deadlines_label.text()


def test_dates_follow_the_locale(language: None) -> None:
    day = dt.date(2026, 11, 13)
    QLocale.setDefault(QLocale("en_GB"))
    assert dates.format_date(day) == "13 Nov 2026"
    assert dates.format_date(day, dates.SHORT) == "13/11/2026"
    assert dates.format_datetime(dt.datetime(2026, 11, 13, 9, 5)) == "13 Nov 2026 09:05"
    QLocale.setDefault(QLocale("zh_HK"))
    assert dates.format_date(day) == "2026年11月13日"
    QLocale.setDefault(QLocale("en_US"))
    assert dates.format_date(day) == "Nov 13, 2026"
    assert dates.format_date(None) == ""


def test_a_computer_without_a_locale_gets_british_dates(language: None) -> None:
    # The "C" locale wrote "13 11 2026" on the home screen.
    QLocale.setDefault(QLocale.c())
    assert dates.format_date(dt.date(2026, 11, 13)) == "13 Nov 2026"
    dates.set_locale("en")
    assert QLocale().name() == "en_GB"
    dates.set_locale("zh-Hant")
    assert QLocale().name() == "zh_HK"


def test_a_recorded_time_is_shown_in_its_own_offset(language: None) -> None:
    QLocale.setDefault(QLocale("en_GB"))
    hk = dt.timezone(dt.timedelta(hours=8))
    assert dates.format_datetime(dt.datetime(2026, 11, 13, 9, 5, tzinfo=hk)) == (
        "13 Nov 2026 09:05"
    )
