"""The accessibility walker itself: each check fails on a deliberately broken widget and passes
on the same widget made right, so that a green walk of the app means something."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mdcc_desktop.ui.widgets.common import name_clear_button
from tests.ui.accessibility_walk import (
    backtab_problems,
    missing_from_tree,
    tab_problems,
    unlabelled,
    unnamed,
)


def form(qtbot, *widgets: QWidget) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    return window


def labelled(text: str, field: QWidget) -> list[QWidget]:
    label = QLabel(text)
    label.setBuddy(field)
    return [label, field]


def test_an_icon_only_button_without_a_name_is_found(qtbot) -> None:
    button = QToolButton()
    button.setIcon(QIcon.fromTheme("edit-clear"))
    window = form(qtbot, button)
    assert unnamed(window) == ["QToolButton '': no accessible name and no label"]
    button.setAccessibleName("Clear")
    assert unnamed(window) == []


def test_a_line_edit_clear_button_without_a_name_is_found_even_while_hidden(qtbot) -> None:
    edit = QLineEdit()
    edit.setClearButtonEnabled(True)  # its button is hidden while the field is empty
    window = form(qtbot, *labelled("Find:", edit))
    assert len(unnamed(window)) == 1
    assert "clear button of QLineEdit 'Find:'" in unnamed(window)[0]
    name_clear_button(edit)
    assert unnamed(window) == []


def test_an_editable_combos_text_without_a_name_is_found(qtbot) -> None:
    combo = QComboBox()
    combo.setEditable(True)
    window = form(qtbot, *labelled("Owner:", combo))
    assert unnamed(window) == [
        "QLineEdit \"text of QComboBox 'Owner:'\": no accessible name and no label"
    ]
    combo.lineEdit().setAccessibleName("Owner")
    assert unnamed(window) == []


def test_a_combo_named_but_without_a_label_relation_is_found(qtbot) -> None:
    """On Linux a combo's name is its value: setAccessibleName alone does not name the field."""
    combo = QComboBox()
    combo.addItems(["social work", "police"])
    combo.setAccessibleName("Discipline")
    spin = QSpinBox()
    spin.setAccessibleName("Minutes")
    date = QDateEdit()
    text = QPlainTextEdit()
    window = form(qtbot, combo, spin, date, text)
    assert len(unlabelled(window)) == 4
    assert "QComboBox 'Discipline': no label relation" in unlabelled(window)[0]
    window2 = form(
        qtbot,
        *labelled("Discipline:", QComboBox()),
        *labelled("Minutes:", QSpinBox()),
        *labelled("Date:", QDateEdit()),
        *labelled("Notes:", QPlainTextEdit()),
    )
    assert unlabelled(window2) == []


def test_a_label_that_is_not_the_fields_buddy_does_not_count(qtbot) -> None:
    edit = QLineEdit()
    window = form(qtbot, QLabel("Name:"), edit)
    assert unlabelled(window) == ["QLineEdit '': no label relation (no QLabel buddy)"]


def test_a_widget_set_into_a_table_cell_is_missing_from_the_tree(qtbot) -> None:
    table = QTableWidget(2, 2)
    table.setAccessibleName("Safety scale")
    spin = QSpinBox()
    spin.setAccessibleName("Safety scale of Ruth")
    table.setCellWidget(0, 1, spin)
    window = form(qtbot, table)
    assert missing_from_tree(window) == [
        "QSpinBox 'Safety scale of Ruth': takes focus but is not in the accessible tree"
    ]
    beside = QSpinBox()
    beside.setAccessibleName("Safety scale of Ruth")
    assert missing_from_tree(form(qtbot, QTableWidget(2, 2), beside)) == []


def test_a_text_field_that_takes_tab_traps_and_changes_its_text(qtbot) -> None:
    before = QLineEdit()
    notes = QPlainTextEdit()
    after = QLineEdit()
    window = form(qtbot, before, notes, after)
    problems = tab_problems(window, start=before)
    assert "QPlainTextEdit '': Tab stays on it" in problems
    assert "QPlainTextEdit '': Tab changed its text" in problems
    assert "QLineEdit '': Tab never reaches it" in problems  # the one after the notes
    notes.clear()
    notes.setTabChangesFocus(True)
    assert tab_problems(window, start=before) == []


def test_a_table_that_cycles_tab_through_its_cells_traps(qtbot) -> None:
    table = QTableWidget(3, 3)
    table.setAccessibleName("Scale")
    window = form(qtbot, QLineEdit(), table, QPushButton("OK"))
    assert "QTableWidget 'Scale': Tab stays on it" in tab_problems(window)
    table.setTabKeyNavigation(False)
    assert tab_problems(window) == []


def test_a_table_that_cycles_shift_tab_through_its_cells_traps(qtbot) -> None:
    table = QTableWidget(3, 3)
    table.setAccessibleName("Scale")
    window = form(qtbot, QLineEdit(), table, QPushButton("OK"))
    assert "QTableWidget 'Scale': Shift+Tab stays on it" in backtab_problems(window)
    table.setTabKeyNavigation(False)
    assert backtab_problems(window) == []


class Skipping(QLineEdit):
    """A field whose Tab jumps over the next one."""

    target: QWidget | None = None

    def focusNextPrevChild(self, next: bool) -> bool:
        if next and self.target is not None:
            self.target.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().focusNextPrevChild(next)


def test_a_field_tab_never_reaches_is_found(qtbot) -> None:
    first, skipped, last = Skipping(), QLineEdit(), QLineEdit()
    skipped.setAccessibleName("Skipped")
    first.target = last
    window = form(qtbot, first, skipped, last)
    assert tab_problems(window, start=first) == ["QLineEdit 'Skipped': Tab never reaches it"]
    first.target = None
    assert tab_problems(window, start=first) == []


def test_a_date_field_may_keep_tab_for_its_sections_only(qtbot) -> None:
    date = QDateEdit()
    date.setDisplayFormat("yyyy-MM-dd")
    window = form(qtbot, QLineEdit(), date, QLineEdit())
    assert tab_problems(window) == []


def test_a_window_with_one_stop_keeps_it(qtbot) -> None:
    from PySide6.QtWidgets import QListWidget

    only = QListWidget()
    only.setAccessibleName("Read-back")
    assert tab_problems(form(qtbot, QLabel("Read back:"), only)) == []
