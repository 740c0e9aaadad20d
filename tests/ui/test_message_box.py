"""Message boxes give every button the width its text needs, whatever the zoom or the language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from ui.message_box import SCREEN_MARGIN, MessageBox


def _box(qtbot, labels: list[str]) -> MessageBox:
    box = MessageBox(QMessageBox.Icon.Question, "Title", "Say it.", QMessageBox.StandardButton.NoButton)
    for label in labels:
        box.addButton(label, QMessageBox.ButtonRole.ActionRole)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    return box


def _clipped(box: QMessageBox) -> list[str]:
    buttons = box.findChild(QDialogButtonBox).buttons()
    return [b.text() for b in buttons if b.width() < b.sizeHint().width()]


def test_buttons_that_fit_the_screen_stay_side_by_side_whole(qtbot):
    # (On a 1280 px screen Qt caps the box at 800 px; the tests' screen is 800 px,
    # where it does not: the layout tour's dialogs at 720p check that case.)
    screen = QApplication.primaryScreen().availableGeometry().width()
    label = "A rather long button label"
    count = int(screen * 0.8) // (QWidget().fontMetrics().horizontalAdvance(label) + 40)
    box = _box(qtbot, [f"{label} {n}" for n in range(count)])
    qtbot.waitUntil(lambda: not _clipped(box))
    assert box.findChild(QDialogButtonBox).orientation() == Qt.Orientation.Horizontal


def test_buttons_wider_than_the_screen_are_stacked(qtbot):
    screen = QApplication.primaryScreen().availableGeometry().width()
    label = "Start again with an empty database"
    count = screen // QWidget().fontMetrics().horizontalAdvance(label) + 2
    box = _box(qtbot, [f"{label} {n}" for n in range(count)])
    buttons = box.findChild(QDialogButtonBox)
    qtbot.waitUntil(lambda: buttons.orientation() == Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: not _clipped(box))
    assert box.width() <= screen - SCREEN_MARGIN


def test_a_box_taller_than_the_screen_widens_until_its_buttons_are_on_screen(qtbot):
    # Long words at the largest zoom: Qt keeps the box narrow and lets it grow
    # past the screen's bottom edge, buttons and all.
    room = QApplication.primaryScreen().availableGeometry()
    box = MessageBox(QMessageBox.Icon.Warning, "Title", " ".join(["Vereinbarungsübersicht"] * 300))
    box.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
    font = box.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    box.setFont(font)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    buttons = box.findChild(QDialogButtonBox)
    qtbot.waitUntil(lambda: box.height() <= room.height())
    assert box.width() == room.width() - SCREEN_MARGIN
    assert buttons.geometry().bottom() <= box.height()
