"""Test-wide set-up: Qt offscreen before any Qt import (as Picard's test/conftest.py)."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Every Translator in the tests is strict: a string missing from a catalog
# raises instead of quietly falling back to English.
os.environ.setdefault("RELIEF_WIZARD_STRICT_I18N", "1")
