"""Catalog chores, in one place for the set-up, the build and translators.

    python -m desktop.i18n_build extract   # code + data -> locales/messages.pot
    python -m desktop.i18n_build update    # .pot -> each locales/<lang>/.../messages.po
    python -m desktop.i18n_build compile   # each .po -> .mo, data .toml -> .json (skips up-to-date ones)
    python -m desktop.i18n_build stats     # translated / missing / fuzzy per language
    python -m desktop.i18n_build init xx   # start a new language
    python -m desktop.i18n_build check xx  # what the tests will say about a catalog
"""
from __future__ import annotations

import argparse
import sys

from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from .i18n import DOMAIN, LANGUAGES
from .paths import locales_dir, resource_root

KEYWORDS = ["_", "N_", "gettext", "ngettext:1,2", "N_plural:1,2"]


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract() -> None:
    root = resource_root()
    args = ["extract", "-F", str(locales_dir() / "babel.cfg"), "-o", str(locales_dir() / "messages.pot"),
            "--project", "relief-wizard", "--copyright-holder", "Relief Wizard team",
            "--msgid-bugs-address", "translators@relief-wizard.invalid",
            "--sort-by-file", "--add-comments", "TRANSLATORS:", "--omit-header"]
    for k in KEYWORDS:
        args += ["-k", k]
    import os

    cwd = os.getcwd()
    os.chdir(root)  # locations in the .pot stay relative to the checkout
    try:
        _pybabel(*args, "desktop")
    finally:
        os.chdir(cwd)


def update() -> None:
    for lang in LANGUAGES[1:]:
        po = locales_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not po.exists():
            init(lang)
            continue
        _pybabel("update", "-i", str(locales_dir() / "messages.pot"), "-d", str(locales_dir()),
                 "-D", DOMAIN, "-l", lang, "--no-fuzzy-matching", "--ignore-obsolete")


def init(lang: str) -> None:
    _pybabel("init", "-i", str(locales_dir() / "messages.pot"), "-d", str(locales_dir()),
             "-D", DOMAIN, "-l", lang)


def compile_all(quiet: bool = False) -> int:
    """Compile the catalogs, and the TOML data files to JSON, where changed."""
    from .logic.datafiles import compile_data

    made = compile_data(quiet)
    for po in sorted(locales_dir().glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=po.parent.parent.name)
        tmp = mo.with_suffix(".mo.tmp")
        with tmp.open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
        tmp.replace(mo)
        made += 1
        if not quiet:
            print(f"compiled {mo.relative_to(resource_root())}")
    return made


def stats() -> None:
    for lang in LANGUAGES[1:]:
        po = locales_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not po.exists():
            print(f"{lang}: no catalog")
            continue
        with po.open("rb") as fh:
            cat = read_po(fh, locale=lang)
        msgs = [m for m in cat if m.id]
        done = sum(1 for m in msgs if (all(m.string) if isinstance(m.string, tuple) else m.string) and not m.fuzzy)
        fuzzy = sum(1 for m in msgs if m.fuzzy)
        print(f"{lang}: {done}/{len(msgs)} translated, {fuzzy} fuzzy")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m desktop.i18n_build", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("extract")
    sub.add_parser("update")
    c = sub.add_parser("compile")
    c.add_argument("--quiet", action="store_true")
    sub.add_parser("stats")
    i = sub.add_parser("init")
    i.add_argument("lang")
    k = sub.add_parser("check")
    k.add_argument("lang", nargs="*")
    a = p.parse_args(argv)
    if a.cmd == "extract":
        extract()
    elif a.cmd == "update":
        update()
    elif a.cmd == "compile":
        compile_all(a.quiet)
    elif a.cmd == "stats":
        stats()
    elif a.cmd == "init":
        init(a.lang)
    elif a.cmd == "check":
        from .i18n_checks import check_catalog, cldr_plural_note

        langs = a.lang or LANGUAGES[1:]
        for note in filter(None, map(cldr_plural_note, langs)):
            print(note)
        problems = [p for lang in langs for p in check_catalog(lang)]
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s)")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
