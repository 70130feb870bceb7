"""The `relief-wizard` command.

Imports are deferred to each command so that `evaluate` loads neither Qt nor
reportlab and starts as fast as Python itself.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
from types import SimpleNamespace

from . import __version__
# Defined below every layer (the PDF raises it too); still importable from here.
from .errors import UsageError  # noqa: F401

EXIT_OK, EXIT_BAD_INPUT, EXIT_BAD_SECRET = 0, 2, 3
LANG_CHOICES = ("en", "es", "bn", "hi", "pa", "ur")

DESCRIPTION = """\
Relief Wizard helps a person whose US asylum case was denied see which paths
may still be open and by what date, and prints a summary to take to a lawyer.
It is not legal advice. It works without internet.

Run it with no command to open the wizard window.
"""

EPILOG = """\
examples:
  relief-wizard                                   open the wizard
  relief-wizard evaluate answers.json             options and deadlines, as JSON
  relief-wizard export answers.json --lang bn --out summary.pdf
  relief-wizard clients list                      saved clients on this computer
  relief-wizard data status                       which legal data is in use, and how old
  relief-wizard data import E:\\update.rwdata      bring the legal data up to date

Client data lives in the folder given by --data-dir, or RELIEF_WIZARD_DATA_DIR,
or else this user's application data folder. The center's passphrase is asked
at a prompt, or read from RELIEF_WIZARD_PASSPHRASE.
"""


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _date_arg(text: str) -> dt.date:
    import argparse

    day = _parse_date(text)
    if day is None:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}")
    return day


# `evaluate` is what scripts call in loops. argparse and what it imports
# (gettext, locale, shutil with bz2 and lzma) are a fifth of its start-up, so
# the plain form of the command is read here; anything else, --help and every
# error included, goes to the full parser below.
_EVALUATE_OPTIONS = {"--today": "today", "--data-dir": "data_dir"}


def _plain_evaluate(argv: list[str]) -> SimpleNamespace | None:
    if not argv or argv[0] != "evaluate":
        return None
    found: dict = {"command": "evaluate", "answers": None, "today": None, "data_dir": None}
    rest = list(argv[1:])
    while rest:
        arg = rest.pop(0)
        name, eq, value = arg.partition("=")
        if name in _EVALUATE_OPTIONS:
            if not eq:
                if not rest:
                    return None
                value = rest.pop(0)
            key = _EVALUATE_OPTIONS[name]
            if found[key] is not None:
                return None
            if key == "today":
                value = _parse_date(value)
                if value is None:
                    return None
            found[key] = value
        elif arg.startswith("-") or found["answers"] is not None:
            return None
        else:
            found["answers"] = arg
    return SimpleNamespace(**found) if found["answers"] is not None else None


def _add_common(p, top: bool = False) -> None:
    import argparse

    # Below the top level the default is SUPPRESS: argparse copies a
    # subcommand's defaults over the values parsed before it, which would
    # drop a `--data-dir` given before the command.
    p.add_argument("--data-dir", metavar="DIR", default=None if top else argparse.SUPPRESS,
                   help="folder for the encrypted client records (default: RELIEF_WIZARD_DATA_DIR "
                        "or the user's application data folder)")


def build_parser():
    import argparse

    p = argparse.ArgumentParser(prog="relief-wizard", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"relief-wizard {__version__}")
    _add_common(p, top=True)
    p.add_argument("--lang", choices=LANG_CHOICES, help="language of the wizard at start")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    ev = sub.add_parser("evaluate", help="print the options and deadlines for an answers file, as JSON",
                        description="Read a client's answers (JSON) and print the options, deadlines "
                                    "and warnings as one JSON object.")
    ev.add_argument("answers", metavar="ANSWERS.json")
    ev.add_argument("--today", type=_date_arg, metavar="YYYY-MM-DD",
                    help="date used for days left (default: today on this computer)")
    _add_common(ev)

    ex = sub.add_parser("export", help="write the printable summary PDF for an answers file",
                        description="Write the bilingual summary PDF that the client takes to a lawyer.")
    ex.add_argument("answers", metavar="ANSWERS.json")
    ex.add_argument("--lang", required=True, choices=LANG_CHOICES, help="the client's language")
    ex.add_argument("--out", required=True, metavar="SUMMARY.pdf")
    ex.add_argument("--today", type=_date_arg, metavar="YYYY-MM-DD")
    ex.add_argument("--paper", choices=("letter", "a4"), help="paper size (default: from the language)")
    ex.add_argument("--name", help="client's name in their own script, for the header")
    ex.add_argument("--name-latin", help="client's name in Latin letters, as on Form I-589")
    ex.add_argument("--code", help="short client code, for the header")
    _add_common(ex)

    cl = sub.add_parser("clients", help="list, move, delete or purge saved client records",
                        description="Manage the encrypted client records on this computer.")
    _add_common(cl)
    from .store import cli as store_cli  # Qt-free, light

    store_cli.add_subcommands(cl)

    da = sub.add_parser("data", help="update the legal data (TPS, fees, holidays) from a signed file",
                        description="Show or update the legal data: the TPS list, the fees and the "
                                    "holiday table, from a signed .rwdata file (e.g. on a USB stick).")
    _add_common(da)
    from . import data_cli

    data_cli.add_subcommands(da, store_cli._data_dir)
    return p


def _read_answers(path: str, today: dt.date) -> dict:
    from .logic.validation import AnswerError, parse_answers_json, validate_answers

    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the file ({exc.strerror})") from None
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")  # a BOM, as Notepad writes
    except UnicodeDecodeError:
        raise UsageError(f"{path}: the file is not UTF-8 text") from None
    try:
        return validate_answers(parse_answers_json(text), today)
    except AnswerError as err:
        raise UsageError(str(err)) from None


def cmd_evaluate(args) -> int:
    import json

    from .logic.evaluate import evaluate

    today = args.today or dt.date.today()
    answers = _read_answers(args.answers, today)
    result = evaluate(answers, today)
    sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def cmd_export(args) -> int:
    from .logic.evaluate import evaluate

    today = args.today or dt.date.today()
    answers = _read_answers(args.answers, today)
    result = evaluate(answers, today)
    try:
        from .pdf.summary import SummaryRequest, write_summary
    except ImportError as exc:  # pragma: no cover - only in a broken install
        raise UsageError(f"the PDF module is missing: {exc}") from None
    write_summary(SummaryRequest(answers=answers, evaluation=result, lang=args.lang, today=today,
                                 paper=args.paper, name=args.name, name_latin=args.name_latin,
                                 code=args.code), args.out)
    return EXIT_OK


def gui_main() -> int:
    return main([])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    speech_dir = os.environ.get("RELIEF_WIZARD_SMOKE_SPEECH")
    if speech_dir and not argv:
        # For packaging/smoke_test.py: prove the bundled voices speak every
        # language offline, one WAV each, without a sound device.
        from .ui.speech.samples import write_samples

        for lang, (path, seconds) in write_samples(speech_dir).items():
            print(f"{lang} {seconds:.2f} {path}")
        return EXIT_OK
    args = _plain_evaluate(argv) or build_parser().parse_args(argv)
    if args.data_dir:
        os.environ["RELIEF_WIZARD_DATA_DIR"] = args.data_dir
    from .logic import legal_data

    # The legal-data updates installed in this command's data folder.
    legal_data.set_root(args.data_dir)
    try:
        if args.command == "evaluate":
            return cmd_evaluate(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "clients":
            return args.clients_func(args)
        if args.command == "data":
            return args.data_func(args)
        from .screen_check import screen_problem

        problem = screen_problem()
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_BAD_INPUT
        from .ui.app import run_gui

        return run_gui(lang=args.lang)
    except UsageError as err:
        print(f"relief-wizard: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
