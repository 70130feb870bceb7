"""Errors that more than one layer raises, kept below all of them.

The PDF, the store's command line and the CLI all report bad input the same
way; defining it here means the report never has to import the command line
(which imports the window, which imports the report)."""
from __future__ import annotations


class UsageError(Exception):
    """Bad input from the person; printed as one line, exit 2."""
