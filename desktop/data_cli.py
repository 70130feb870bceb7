"""`relief-wizard data import FILE` and `relief-wizard data status`: the
legal data (TPS list, fees, holidays) a center brings up to date from a
signed `.rwdata` file on a USB stick.

Messages are English, like those of `relief-wizard clients`; the wizard's
"Update legal data" button shows the same messages in the volunteer's
language. A refused file prints one line, exits 2 and changes nothing.
"""
from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_subcommands(data: argparse.ArgumentParser, data_dir_option) -> None:
    data.set_defaults(data_func=_no_action(data))
    sub = data.add_subparsers(dest="data_action", metavar="ACTION")
    im = sub.add_parser("import", help="install a signed legal-data update (.rwdata)",
                        description="Check a legal-data update file (signature, contents, version) "
                                    "and start using it. A file that is not newer than the data in "
                                    "use, or fails any check, changes nothing.")
    im.add_argument("file", metavar="FILE")
    data_dir_option(im)
    im.set_defaults(data_func=cmd_import)
    st = sub.add_parser("status", help="which legal data is in use: version, as-of date, source",
                        description="Show the version, as-of date and source of the legal data in use.")
    data_dir_option(st)
    st.set_defaults(data_func=cmd_status)


def _no_action(parser):
    def run(args) -> int:
        parser.print_usage(sys.stderr)
        print("relief-wizard data: choose an action: import, status", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run


def _root(args):
    from .store.paths import data_dir

    return data_dir(getattr(args, "data_dir", None))


def cmd_import(args) -> int:
    from .logic import legal_data
    from .logic.data_update import NOT_CHANGED, UpdateRefused, import_update

    root = _root(args)
    legal_data.set_root(root)
    try:
        outcome, message, _ds = import_update(args.file, root)
    except UpdateRefused as err:
        detail = f" ({err.detail})" if err.detail else ""
        print(f"relief-wizard: {args.file}: {err.message.render()}{detail} {NOT_CHANGED}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(message.render() + (f" {NOT_CHANGED}" if outcome == "same" else ""))
    return EXIT_OK


def cmd_status(args) -> int:
    from .logic import legal_data

    root = _root(args)
    legal_data.set_root(root)
    ds = legal_data.active()
    shipped = legal_data.shipped()
    lines = [f"Legal data in use: version {ds.version}, as of {ds.as_of.isoformat()}"]
    if ds.source == legal_data.UPDATE:
        lines.append(f"Source: signed update (key {ds.key_id}) in {ds.folder}")
        lines.append(f"Shipped with this release: version {shipped.version}, as of {shipped.as_of.isoformat()}")
    else:
        lines.append("Source: shipped with this release")
    lines.append("Trusted keys: " + (", ".join(legal_data.trusted_keys()) or "none"))
    for name, checked in legal_data.installed(root):
        if checked is None:
            lines.append(f"Ignored: {legal_data.updates_dir(root)}/{name} is damaged or not signed")
        elif checked.folder != ds.folder:
            lines.append(f"Not in use: version {checked.version} in {checked.folder}")
    print("\n".join(lines))
    return EXIT_OK
