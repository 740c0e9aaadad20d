"""The clipping checker itself: what it calls cut off, and what it lets pass."""

from __future__ import annotations

from layout_check import clipped
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ui.widgets import ElidedLabel, ElidingComboBox

LONG = "Coalition Fiabilité des Paiements Internationaux — Équipe Élargie"


def _window(qtbot, *widgets: QWidget, width: int = 200) -> QWidget:
    window = QWidget()
    window.setFixedWidth(width)
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_label_wider_than_its_room_is_named_with_its_text(qtbot):
    label = QLabel(LONG)
    label.setObjectName("coalitionName")
    window = _window(qtbot, label)
    [clip] = clipped(window, "a test screen")
    assert clip.widget.startswith("QLabel#coalitionName") and clip.text == LONG
    assert str(clip).startswith("a test screen: QLabel#coalitionName")


def test_wrapped_elided_or_scrollable_text_passes(qtbot):
    wrapped = QLabel(LONG)
    wrapped.setWordWrap(True)
    elided = ElidedLabel(LONG)
    combo = ElidingComboBox()
    combo.addItem(LONG)
    scroll = QScrollArea()
    scroll.setWidget(QLabel(LONG))  # wider than the area: it scrolls sideways to it
    window = _window(qtbot, wrapped, elided, combo, scroll)
    combo.update_tooltip()
    assert clipped(window, "a test screen") == []


def test_a_button_squeezed_below_its_text_and_a_list_that_cannot_scroll_are_clipped(qtbot):
    button = QPushButton("Accept over-commitment")
    button.setFixedWidth(80)
    steps = QListWidget()
    steps.addItems([f"Step {n}" for n in range(1, 30)])
    steps.setFixedHeight(60)
    steps.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    window = _window(qtbot, button, steps, width=400)
    found = clipped(window, "a test screen")
    assert {clip.text for clip in found} >= {"Accept over-commitment", "Step 29"}
    steps.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    assert {clip.text for clip in clipped(window, "a test screen")} == {"Accept over-commitment"}


def test_a_status_message_that_runs_under_the_permanent_widget_is_clipped(qtbot):
    window = QMainWindow()
    window.setFixedWidth(600)
    saved = QLabel("All changes are saved as you type")
    window.statusBar().addPermanentWidget(saved)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.statusBar().showMessage("F6: switch room view/window")
    # A message rebuilds the bar's layout; the permanent widget is placed again on the next pass.
    qtbot.waitUntil(lambda: saved.x() > window.width() // 2)
    assert clipped(window, "short") == []
    window.statusBar().showMessage(LONG)
    qtbot.waitUntil(lambda: saved.x() > window.width() // 2)
    [clip] = clipped(window, "long")
    assert clip.widget.startswith("QStatusBar") and clip.text == LONG
