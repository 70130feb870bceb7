"""Roles Qt cannot be told through a widget property: a label that is a
heading, a box of answers that is a group, a one-of-many language button
that is a radio button rather than a check box.

A widget asks for a role with the dynamic property "a11y_role"; the factory
installed here answers Qt's request for its accessible interface.
"""
from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QWidget

ROLES = {
    "heading": QAccessible.Heading,
    "group": QAccessible.Grouping,
    "radio": QAccessible.RadioButton,
    "document_part": QAccessible.Section,
}
_installed = [False]


class _RoleAccessible(QAccessibleWidget):
    def __init__(self, widget: QWidget, role):
        super().__init__(widget, role)
        self._role_value = role

    def text(self, kind):  # noqa: D401 - Qt's name
        text = super().text(kind)
        w = self.widget()
        if kind == QAccessible.Name and not text and hasattr(w, "text"):
            return w.text()
        return text

    def state(self):
        state = super().state()
        w = self.widget()
        if isinstance(w, QAbstractButton) and w.isCheckable():
            state.checkable = True
            state.checked = w.isChecked()
        return state

    # A button keeps its "press" for a screen reader's activate command.
    def actionNames(self):  # noqa: N802
        names = list(super().actionNames())
        if isinstance(self.widget(), QAbstractButton):
            names.insert(0, QAccessibleActionInterface.pressAction())
        return names

    def doAction(self, name):  # noqa: N802
        w = self.widget()
        if isinstance(w, QAbstractButton) and name == QAccessibleActionInterface.pressAction():
            w.click()
            return
        super().doAction(name)


def _factory(_key: str, obj):
    if isinstance(obj, QWidget):
        role = obj.property("a11y_role")
        if role in ROLES:
            return _RoleAccessible(obj, ROLES[role])
    return None


def install() -> None:
    if not _installed[0]:
        QAccessible.installFactory(_factory)
        _installed[0] = True


def set_a11y_role(widget: QWidget, role: str) -> None:
    widget.setProperty("a11y_role", role)
