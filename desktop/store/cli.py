"""`relief-wizard clients ...`: the coordinator's commands.

Only argparse and the standard library at module level: `relief-wizard
evaluate` builds this parser too, and must start as fast as Python itself.

Secrets come from a prompt (getpass) or, for scripts and tests, from
RELIEF_WIZARD_PASSPHRASE and RELIEF_WIZARD_PIN. Client names are printed
only by `list`, which exists to show them; never in an error.
"""
from __future__ import annotations

import argparse
import os
import sys

ENV_PASSPHRASE = "RELIEF_WIZARD_PASSPHRASE"
ENV_PIN = "RELIEF_WIZARD_PIN"
EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_subcommands(clients: argparse.ArgumentParser) -> None:
    # argparse copies a subparser's defaults over the parent's values, so a
    # `--data-dir` given before `clients` would be reset to None: suppress
    # the defaults below the top level.
    for action in clients._actions:
        if action.dest == "data_dir":
            action.default = argparse.SUPPRESS
    clients.set_defaults(clients_func=_no_action(clients))
    sub = clients.add_subparsers(dest="clients_action", metavar="ACTION")

    ls = sub.add_parser("list", help="one line a client: code, name, last change",
                        description="List the saved clients, most recently changed first: "
                                    "code, name and last change, separated by tabs.")
    _data_dir(ls)
    ls.set_defaults(clients_func=_guarded(cmd_list))

    im = sub.add_parser("import", help="add a client from an answers JSON or an exported client file",
                        description="Add a client from a file: an answers JSON (checked like "
                                    "`evaluate`) or a client file exported at another center "
                                    "(its PIN is asked, or read from RELIEF_WIZARD_PIN).")
    im.add_argument("file", metavar="FILE")
    im.add_argument("--name", help="the client's name (seen by other users of this computer in its "
                                   "list of running programs: leave it out to be asked at a prompt)")
    _data_dir(im)
    im.set_defaults(clients_func=_guarded(cmd_import))

    ex = sub.add_parser("export", help="write one client to a file protected by a PIN",
                        description="Write one client to a single encrypted file, to carry to "
                                    "another center or to an attorney. The client chooses a PIN "
                                    "of 8 digits or more (asked, or read from RELIEF_WIZARD_PIN). "
                                    "An existing file is never replaced without --force.")
    ex.add_argument("code", metavar="CODE")
    ex.add_argument("--out", required=True, metavar="FILE",
                    help="a new file, outside the client records folder")
    ex.add_argument("--force", action="store_true", help="replace FILE if it exists")
    _data_dir(ex)
    ex.set_defaults(clients_func=_guarded(cmd_export))

    de = sub.add_parser("delete", help="delete one client for good",
                        description="Delete one client's record from this computer, "
                                    "including the automatic backups.")
    de.add_argument("code", metavar="CODE")
    _data_dir(de)
    de.set_defaults(clients_func=_guarded(cmd_delete))

    pu = sub.add_parser("purge", help="delete the clients not changed for DAYS days",
                        description="Delete every client whose record has not changed for DAYS "
                                    "days, including from the automatic backups.")
    pu.add_argument("--older-than", required=True, type=_days, metavar="DAYS")
    _data_dir(pu)
    pu.set_defaults(clients_func=_guarded(cmd_purge))

    re = sub.add_parser("restore", help="go back to an automatic backup (after damage)",
                        description="Replace the client records with an automatic backup (the "
                                    "latest, or the one given). The current file is kept in the "
                                    "'damaged' folder, never deleted.")
    re.add_argument("backup", nargs="?", metavar="BACKUP")
    _data_dir(re)
    re.set_defaults(clients_func=_guarded(cmd_restore))


def _data_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                   help="folder of the client records (default: RELIEF_WIZARD_DATA_DIR or the "
                        "user's application data folder)")


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"give a whole number of days, 1 or more: {text!r}")
    return value


def _no_action(parser):
    def run(args) -> int:
        parser.print_usage(sys.stderr)
        print("relief-wizard clients: choose an action: list, import, export, delete, purge, restore",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    return run


class _Refused(Exception):
    """Input refused before anything was written (exit 2)."""


def _guarded(command):
    def run(args) -> int:
        import sqlite3

        from ..logic.validation import AnswerError
        from .errors import EXIT_BUSY, EXIT_DAMAGED, DamagedDatabase, StoreError

        try:
            return command(args)
        except DamagedDatabase as err:
            _say(err.message.render())
            if err.backups:
                _say("To go back to it: relief-wizard clients restore")
            return err.exit_code
        except StoreError as err:
            _say(err.message.render())
            return err.exit_code
        except AnswerError as err:
            _say(str(err))
            return EXIT_BAD_INPUT
        except _Refused as err:
            _say(str(err))
            return EXIT_BAD_INPUT
        # Whatever else goes wrong with files or data: one line a volunteer
        # can act on, never a traceback (which could also carry client text).
        except OSError as exc:
            _say(_os_error_line(exc))
            return EXIT_BAD_INPUT
        except sqlite3.Error as exc:
            code = getattr(exc, "sqlite_errorcode", None)
            if code == 13:  # SQLITE_FULL
                _say("The disk is full. Free some space and run the command again.")
                return EXIT_BUSY
            if code in (5, 6):  # busy, locked
                _say("The client records are in use by another window or command. Close it and try again.")
                return EXIT_BUSY
            _say("The client records could not be read or written (" + type(exc).__name__ + "). "
                 "Run `relief-wizard clients list` to check them.")
            return EXIT_DAMAGED
        except (RecursionError, MemoryError, ValueError, TypeError, KeyError, UnicodeError) as exc:
            _say("The data could not be handled (" + type(exc).__name__ + "). Nothing more was changed.")
            return EXIT_DAMAGED
    return run


def _os_error_line(exc: OSError) -> str:
    import errno

    where = _printable_path(exc.filename) if exc.filename else "a file"
    if exc.errno == errno.ENOSPC:
        return f"The disk is full: {where} could not be written. Free some space and try again."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{where} cannot be written (read-only, or not yours). Nothing more was changed."
    if exc.errno == errno.ENOENT:
        return f"{where} does not exist."
    return f"{where}: {exc.strerror or type(exc).__name__}."


def _printable_path(path) -> str:
    from ..logic.validation import printable_field

    text = os.fsdecode(path)
    return text if text.isprintable() and len(text) <= 200 else printable_field(text)


def _say(text: str) -> None:
    print(f"relief-wizard: {text}", file=sys.stderr)


def _root(args):
    from .paths import data_dir

    return data_dir(getattr(args, "data_dir", None))


def _need_terminal(env: str) -> None:
    if not os.environ.get(env) and not (sys.stdin and sys.stdin.isatty()):
        # getpass would warn that it cannot hide the typing, then read a
        # secret from a pipe; one clear line instead.
        raise _Refused(f"There is no terminal to type it at: set {env}. Nothing was changed.")


def _secret(env: str, prompt: str, confirm: str | None = None) -> str:
    value = os.environ.get(env)
    if value:
        return value
    _need_terminal(env)
    import getpass

    try:
        value = getpass.getpass(prompt)
        if confirm is not None and getpass.getpass(confirm) != value:
            raise _Refused("The two entries are not the same. Nothing was changed.")
    except EOFError:
        raise _Refused(f"Type it at the prompt, or set {env}. Nothing was changed.") from None
    return value


def _open(args):
    """The store, unlocked; on an empty folder, the passphrase is set now."""
    from .clients import Store

    root = _root(args)
    if Store.exists(root):
        return Store.open(root, _secret(ENV_PASSPHRASE, "Center passphrase: "))
    _need_terminal(ENV_PASSPHRASE)
    print(f"No client records in {root} yet. Choose the center's passphrase "
          "(8 characters or more). Keep it safe: without it the records cannot be opened.",
          file=sys.stderr)
    passphrase = _secret(ENV_PASSPHRASE, "New center passphrase: ", "Type it again: ")
    return Store.create(root, passphrase)


def _out(text: str) -> None:
    # Names are in six scripts; a redirected Windows console would otherwise
    # fail on them with the ANSI code page.
    try:
        if not sys.stdout.isatty():
            sys.stdout.reconfigure(encoding="utf-8")
        else:
            sys.stdout.reconfigure(errors="replace")
    except (AttributeError, ValueError):
        pass
    sys.stdout.write(text)


def _one_line(text: str) -> str:
    # One line a client, and no name that can pose as another: control
    # characters, bidi overrides and invisible characters go (clients.clean_name);
    # isolation marks keep an Urdu name from reordering the tab-separated
    # columns around it.
    # (on a terminal only: a script reading the tab-separated lines gets the
    # name itself).
    from .clients import clean_name

    name = clean_name(text)
    return "\u2068" + name + "\u2069" if sys.stdout and sys.stdout.isatty() else name


def cmd_list(args) -> int:
    with _open(args) as store:
        lines = []
        for c in store.list_clients():
            name = c.name or c.name_latin
            if c.name and c.name_latin and c.name_latin != c.name:
                name = f"{c.name} ({c.name_latin})"
            changed = c.updated.astimezone().strftime("%Y-%m-%d %H:%M")
            lines.append(f"{c.code}\t{_one_line(name)}\t{changed}\n")
    if not lines:
        print("No clients are saved on this computer.", file=sys.stderr)
    _out("".join(lines))
    return EXIT_OK


def cmd_import(args) -> int:
    import datetime as dt

    from . import transfer

    try:
        client_file = transfer.is_client_file_at(args.file)
    except OSError as exc:
        raise _Refused(f"{args.file}: cannot read the file ({exc.strerror}). Nothing was imported.") from None
    today = dt.date.today()
    # The file is read and checked completely before the store is touched:
    # a bad file, or a wrong PIN, writes nothing (not even a new store).
    if client_file:
        record = transfer.read_client_file(args.file, _secret(ENV_PIN, "Client's PIN: "), today)
    else:
        record = transfer.read_answers_json(args.file, today)
    from .clients import check_name

    if args.name is not None:
        print("relief-wizard: note: a name given with --name can be seen by other users of this "
              "computer while the command runs. Leave it out to be asked for it.", file=sys.stderr)
        record.name = check_name(args.name)
    elif not record.name and sys.stdin and sys.stdin.isatty():
        try:
            record.name = check_name(input("Client's name (Enter to leave it empty): "))
        except EOFError:
            pass
    with _open(args) as store:
        client = store.add_record(record)
    _out(f"Imported client {client.code}.\n")
    return EXIT_OK


def _find(store, code: str):
    from .clients import normalize_code

    return store.get_client(normalize_code(code) or code)


def cmd_export(args) -> int:
    from . import transfer

    from . import outfile

    with _open(args) as store:
        client = _find(store, args.code)
        # The file name is checked before the PIN is asked for.
        outfile.check_target(args.out, store.data_dir, overwrite=args.force)
        pin = _secret(ENV_PIN, f"Client's PIN ({transfer.MIN_PIN} digits or more): ", "Type the PIN again: ")
        transfer.normalize_pin(pin, minimum=transfer.MIN_PIN)
        store.export_client(client.id, args.out, pin, overwrite=args.force)
    _out(f"Exported client {client.code} to {_printable_path(args.out)}.\n")
    return EXIT_OK


def cmd_delete(args) -> int:
    with _open(args) as store:
        client = _find(store, args.code)
        store.delete_client(client.id)
        unclean = store.unclean_copies
    _out(f"Deleted client {client.code}.\n")
    _warn_unclean(unclean)
    return EXIT_OK


def cmd_purge(args) -> int:
    with _open(args) as store:
        count = store.purge(args.older_than)
        unclean, refused = store.unclean_copies, store.purge_refused
    _out(f"Deleted {count} client{'s' if count != 1 else ''} not changed in the last "
         f"{args.older_than} days.\n")
    if refused:
        _say(f"warning: {refused} old record(s) were not deleted: their last-change time does not match "
             "their sealed record (the file was changed outside the app). Check them with `clients list`.")
    _warn_unclean(unclean)
    return EXIT_OK


def _warn_unclean(unclean) -> None:
    for path in unclean:
        _say(f"warning: the copy {_printable_path(path)} could not be opened to remove the client "
             "from it. It may still hold the client: delete that file if it is not needed.")


def cmd_restore(args) -> int:
    from pathlib import Path

    from .clients import Store
    from .errors import backup_label

    root = _root(args)
    backups = Store.backups(root)
    chosen = Path(args.backup) if args.backup else (backups[0] if backups else None)
    if chosen is None:
        raise _Refused("There is no automatic backup to go back to. Nothing was changed.")
    # The passphrase must open the backup before anything moves.
    Store.check_passphrase(chosen, _secret(ENV_PASSPHRASE, "Center passphrase: "))
    kept = Store.restore_backup(root, chosen)
    _out(f"Restored the backup from {backup_label(chosen)}."
         + (f" The replaced file was kept as {_printable_path(kept)}." if kept else "") + "\n")
    damaged = Store.damaged_copies(root)
    if damaged:
        _out("Files moved aside by restores (they may hold clients; delete them when no longer needed):\n"
             + "".join(f"  {_printable_path(p)}\n" for p in damaged))
    return EXIT_OK
