"""The wizard window (Qt Widgets). All Qt code of the project lives here."""
from . import qt_compat  # noqa: F401  - before any Qt call; see the module
from . import pyside_source_check

pyside_source_check.install()  # before the window's imports, whose sources it would otherwise keep
