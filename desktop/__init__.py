"""Relief Wizard: offline screening of the paths left after a US asylum denial."""

__version__ = "0.1.0"
