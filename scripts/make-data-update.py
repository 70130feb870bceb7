#!/usr/bin/env python3
"""Build and sign a legal-data update (.rwdata) from the data folder.

    python scripts/make-data-update.py --key PATH --version 2027.1.15 \
        --as-of 2027-01-15 --out relief-wizard-data-2027.1.15.rwdata

--key is the project's Ed25519 private key (PEM, PKCS8), kept off this
repository and off any networked machine; its public half must be one of
desktop/logic/data/keys/*.pub in the release that imports the update.
--as-of may not be later than the dates the files give themselves
(tps.json data_as_of, fees.toml as_of): check every file before raising them.

    python scripts/make-data-update.py --new-key PATH --pub desktop/logic/data/keys/NAME.pub

makes a new key pair (the private key file is created readable by you only).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def new_key(private_path: Path, public_path: Path) -> int:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    if private_path.exists():
        print(f"make-data-update: {private_path} exists; not overwritten", file=sys.stderr)
        return 2
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    public_path.write_text("# Ed25519 public key that signs Relief Wizard legal-data updates (.rwdata), as 64 hex digits.\n"
                           + raw.hex() + "\n", encoding="ascii")
    print(f"wrote {private_path} (keep it offline) and {public_path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--key", type=Path, help="Ed25519 private key, PEM")
    p.add_argument("--version", help="data version, numbers with dots (e.g. 2027.1.15); must be higher "
                                     "than the version in use at the centers")
    p.add_argument("--as-of", type=_date, help="YYYY-MM-DD: the date the data was checked through")
    p.add_argument("--out", type=Path, help="the .rwdata file to write")
    p.add_argument("--data-dir", type=Path, default=ROOT / "desktop" / "logic" / "data")
    p.add_argument("--new-key", type=Path, metavar="PATH", help="make a new key pair instead")
    p.add_argument("--pub", type=Path, help="with --new-key: where to write the public key")
    args = p.parse_args(argv)
    if args.new_key:
        if not args.pub:
            p.error("--new-key needs --pub")
        return new_key(args.new_key, args.pub)
    for flag in ("key", "version", "as_of", "out"):
        if getattr(args, flag) is None:
            p.error(f"--{flag.replace('_', '-')} is required")

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.logic.data_schema import SchemaError
    from desktop.logic.data_update import SUFFIX, build_update
    from desktop.logic.legal_data import key_id, shipped_keys

    key = serialization.load_pem_private_key(args.key.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        print("make-data-update: --key is not an Ed25519 private key", file=sys.stderr)
        return 2
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if key_id(raw) not in shipped_keys():
        print(f"make-data-update: warning: key {key_id(raw)} is not among desktop/logic/data/keys/*.pub; "
              "the app will refuse this file", file=sys.stderr)
    try:
        data = build_update(str(args.data_dir), args.version, args.as_of, key)
    except (ValueError, SchemaError, OSError) as exc:
        print(f"make-data-update: {exc}", file=sys.stderr)
        return 2
    out = args.out if args.out.suffix == SUFFIX else args.out.with_name(args.out.name + SUFFIX)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, out)
    print(f"wrote {out}: data version {args.version}, as of {args.as_of}, {len(data)} bytes, key {key_id(raw)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
