"""Test-wide set-up: Qt offscreen before any Qt import (as Picard's test/conftest.py)."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
