"""The wizard window (Qt Widgets). All Qt code of the project lives here."""
from . import qt_compat  # noqa: F401  - before any Qt call; see the module
