"""The accessible tree as Qt hands it to a screen reader (AT-SPI on Linux,
UI Automation on Windows): role, name, description and state of each node."""
from __future__ import annotations

from PySide6.QtGui import QAccessible

INTERACTIVE = {QAccessible.PushButton, QAccessible.CheckBox, QAccessible.RadioButton, QAccessible.EditableText,
               QAccessible.ComboBox, QAccessible.List, QAccessible.ListItem, QAccessible.SpinBox}


def nodes(iface, depth: int = 0, limit: int = 4000):
    """(depth, interface) for the tree under `iface`, visible nodes only."""
    out = []
    stack = [(depth, iface)]
    while stack and len(out) < limit:
        d, node = stack.pop()
        if node is None or not node.isValid() or node.state().invisible:
            continue
        out.append((d, node))
        children = [node.child(i) for i in range(node.childCount())]
        stack.extend((d + 1, c) for c in reversed(children))
    return out


def line(depth: int, node) -> str:
    state = node.state()
    flags = [name for name, on in (("focusable", state.focusable), ("focused", state.focused),
                                   ("checked", state.checked and state.checkable)) if on]
    name = node.text(QAccessible.Name) or ""
    desc = node.text(QAccessible.Description) or ""
    text = f"{'  ' * depth}{node.role().name}"
    if name:
        text += f" name={name!r}"
    if desc:
        text += f" description={desc!r}"
    if flags:
        text += f" [{', '.join(flags)}]"
    return text


def dump(widget) -> str:
    root = QAccessible.queryAccessibleInterface(widget)
    return "\n".join(line(d, n) for d, n in nodes(root))


def focused_with_ancestors(widget):
    """The interface of `widget` and each accessible parent up to the window."""
    node = QAccessible.queryAccessibleInterface(widget)
    chain = []
    while node is not None and node.isValid():
        chain.append(node)
        node = node.parent()
    return chain
