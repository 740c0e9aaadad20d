"""Cell editors and painters: a drop-down for columns with fixed choices, break points for addresses."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem

from ui.panels.shared.record_model import CHOICES_ROLE

# After these a long address may go on to the next line.
_BREAK_AFTER = re.compile(r"([@.\-_+])")
_ZERO_WIDTH_SPACE = "\u200b"


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell whose column declares ``choices`` with a combo box."""

    def createEditor(self, parent, option, index):
        choices = index.data(CHOICES_ROLE)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for label, value in choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            position = editor.findData(value)
            editor.setCurrentIndex(max(position, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class AddressDelegate(ChoiceDelegate):
    """Shows e-mail addresses so that a long one wraps at its dots and @ instead of ending in "…".

    Qt wraps cell text at spaces only and elides a line with none; an address
    has none. The break points (zero-width spaces) go into what is painted and
    measured, never into the model: copying the cell, its tooltip and its
    editor keep the address exactly as stored.
    """

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = breakable(option.text)


def breakable(address: str) -> str:
    """Return ``address`` with a zero-width space after each ``@ . - _ +``, where a line may break."""
    return _BREAK_AFTER.sub(r"\1" + _ZERO_WIDTH_SPACE, address)
