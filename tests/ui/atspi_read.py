"""Runs under the system python (Debian's python3-pyatspi): reads the
accessible tree of the running Relief Wizard over AT-SPI, as Orca does, and
prints it as JSON lines: depth, role, name, description, states."""
import json
import sys
import time

import pyatspi


def find_app(name_part: str, timeout: float = 30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and name_part.lower() in (app.name or "").lower():
                return app
        time.sleep(0.3)
    return None


def walk(node, depth, out, limit=5000):
    if node is None or len(out) >= limit:
        return
    try:
        states = node.getState()
        out.append({"depth": depth, "role": node.getRoleName(), "name": node.name or "",
                    "description": node.description or "",
                    "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
                    "focused": states.contains(pyatspi.STATE_FOCUSED),
                    "showing": states.contains(pyatspi.STATE_SHOWING)})
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), depth + 1, out, limit)
    except Exception as err:  # a node that went away while read
        out.append({"depth": depth, "error": str(err)})


def main() -> int:
    app = find_app(sys.argv[1] if len(sys.argv) > 1 else "relief")
    if app is None:
        names = [a.name for a in pyatspi.Registry.getDesktop(0) if a is not None]
        print(json.dumps({"error": "app not found", "apps": names}))
        return 2
    out = []
    walk(app, 0, out)
    for row in out:
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
