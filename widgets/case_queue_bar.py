"""The case queue's filter bar: the saved-filter box, the search box, the unit chip (the
queue shows one unit's cases: click to show every unit's) and the count.

The widgets are built as children of the queue's pane, which words them (its
``retranslate``) and wires them.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.common import plain_label
from widgets.qt import QComboBox, QHBoxLayout, QLabel, QLineEdit, Qt, QToolButton, QWidget


@dataclass
class FilterBar:
    """The bar's widgets and their row layout."""

    preset_box: QComboBox
    search_edit: QLineEdit
    unit_chip: QToolButton
    count_label: QLabel
    layout: QHBoxLayout


def build_filter_bar(parent: QWidget) -> FilterBar:
    """Build the bar's widgets as children of ``parent`` (the unit chip hidden)."""
    preset_box = QComboBox(parent)
    preset_box.setObjectName("case_queue_preset")
    search_edit = QLineEdit(parent)
    search_edit.setObjectName("case_queue_search")
    search_edit.setClearButtonEnabled(True)
    unit_chip = QToolButton(parent)
    unit_chip.setObjectName("case_queue_unit_chip")
    unit_chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    unit_chip.hide()
    count_label = plain_label("", parent)
    count_label.setObjectName("case_queue_count")

    bar = QHBoxLayout()
    bar.setContentsMargins(4, 4, 4, 0)
    bar.addWidget(preset_box)
    bar.addWidget(search_edit, 1)
    bar.addWidget(unit_chip)
    bar.addWidget(count_label)
    return FilterBar(preset_box, search_edit, unit_chip, count_label, bar)
