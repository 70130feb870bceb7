"""Signed legal-data update files (`.rwdata`): building, checking, installing.

A `.rwdata` file is a zip of data only: the updatable files
(data_schema.UPDATABLE plus the compiled fee table), `manifest.json` (format,
data version, as-of date, sha256 and size of every file) and
`manifest.sig`, the Ed25519 signature of the manifest's exact bytes. The
signature covers the files through their hashes. Nothing in it is ever run.

Everything is checked in memory before the data folder is touched; a refused
file leaves the folder byte for byte as it was. Installing writes a temporary
folder beside the others, syncs it and renames it into place, so a crash
leaves either the old data or the new, never a mix.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import os
import secrets
import shutil
import zipfile

from .data_schema import FEES_COMPILED, UPDATABLE, SchemaError, check_set
from .dates import parse_iso
from .legal_data import (
    FORMAT,
    MANIFEST,
    SIGNATURE,
    UPDATES_DIR,
    DataSet,
    ManifestError,
    choose,
    parse_manifest,
    reload,
    sha256,
    verify_signature,
    version_key,
)
from .text import N_, Message

SUFFIX = ".rwdata"
DATA_FILES = (*UPDATABLE, FEES_COMPILED)
ALLOWED = frozenset((*DATA_FILES, MANIFEST, SIGNATURE))
# The real data is about 60 KB; the limits leave room to grow and keep a
# crafted file (a zip bomb) from filling memory or the disk.
MAX_FILE = 4 * 1024 * 1024
MAX_MEMBER = 2 * 1024 * 1024
MAX_TOTAL = 8 * 1024 * 1024
ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed: the same data gives the same file

NOT_CHANGED = "Nothing was changed."  # the CLI's English; the GUI says it in its own sentence
NOT_AN_UPDATE = N_("This is not a legal-data update file, or the copy is damaged or incomplete.")
TOO_BIG = N_("This file is too large to be a legal-data update.")
FOREIGN = N_("This file holds something other than legal data. It was not used.")
NOT_SIGNED = N_("This file is not signed by the makers of this app, or it was changed after it was signed. Do not use it.")
BAD_DATA = N_("The data in this file is not in the form the app needs.")
OLDER = N_("This update (version {version}) is older than the legal data in use (version {current}). Older data is never put back.")
SAME = N_("This legal data (version {version}) is already in use.")
DONE = N_("The legal data is updated: version {version}, as of {date}.")
CANNOT_WRITE = N_("The update could not be saved in the data folder. Check that the disk is not full.")


class UpdateRefused(Exception):
    """A file that is not installed. `message` is for the volunteer (translated
    in the GUI); `detail` is an English line for the maintainer, or empty."""

    def __init__(self, message: Message, detail: str = ""):
        super().__init__(message.render() + (f" ({detail})" if detail else ""))
        self.message = message
        self.detail = detail


# -- reading and checking --------------------------------------------------------

def read_members(data: bytes) -> dict[str, bytes]:
    """The files of the zip, each name allowed and each within the limits."""
    if len(data) > MAX_FILE:
        raise UpdateRefused(Message(TOO_BIG))
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise UpdateRefused(Message(NOT_AN_UPDATE)) from None
    names = [i.filename for i in infos]
    if len(names) != len(set(names)) or not set(names) <= ALLOWED or len(names) > len(ALLOWED):
        odd = sorted(set(n for n in names if n not in ALLOWED)) or ["a name twice"]
        raise UpdateRefused(Message(FOREIGN), "unexpected: " + ", ".join(odd))
    if sum(i.file_size for i in infos) > MAX_TOTAL or any(i.file_size > MAX_MEMBER for i in infos):
        raise UpdateRefused(Message(TOO_BIG))
    out = {}
    try:
        for info in infos:
            if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise UpdateRefused(Message(NOT_AN_UPDATE), f"{info.filename}: encrypted or unusual compression")
            with zf.open(info) as fh:
                # Never trust the declared size: read one byte past the limit.
                body = fh.read(MAX_MEMBER + 1)
            if len(body) > MAX_MEMBER or len(body) != info.file_size:
                raise UpdateRefused(Message(TOO_BIG))
            out[info.filename] = body
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise UpdateRefused(Message(NOT_AN_UPDATE)) from None
    missing = ALLOWED - out.keys()
    if missing:
        # A signature or manifest missing is an unsigned file; a data file
        # missing cannot pass the manifest check below either.
        if {MANIFEST, SIGNATURE} & missing:
            raise UpdateRefused(Message(NOT_SIGNED), "no " + ", ".join(sorted({MANIFEST, SIGNATURE} & missing)))
        raise UpdateRefused(Message(BAD_DATA), "missing " + ", ".join(sorted(missing)))
    return out


def check_update(data: bytes, keys: dict[str, bytes] | None = None) -> tuple[DataSet, dict[str, bytes], dict[str, bytes]]:
    """The update's DataSet, its data files, and manifest + signature, once
    every check has passed; UpdateRefused otherwise."""
    files = read_members(data)
    manifest, signature = files[MANIFEST], files[SIGNATURE]
    kid = verify_signature(manifest, signature, keys)
    if kid is None:
        raise UpdateRefused(Message(NOT_SIGNED))
    try:
        m = parse_manifest(manifest)
    except ManifestError as exc:
        raise UpdateRefused(Message(BAD_DATA), str(exc)) from None
    if set(m["files"]) != set(DATA_FILES):
        raise UpdateRefused(Message(BAD_DATA), "the manifest lists other files")
    for name in DATA_FILES:
        entry = m["files"][name]
        if sha256(files[name]) != entry["sha256"] or len(files[name]) != entry["size"]:
            raise UpdateRefused(Message(NOT_SIGNED), f"{name} does not match the signed manifest")
    data_files = {n: files[n] for n in DATA_FILES}
    try:
        dates = check_set(data_files)
    except SchemaError as exc:
        raise UpdateRefused(Message(BAD_DATA), str(exc)) from None
    as_of = parse_iso(m["as_of"])
    _check_as_of(as_of, dates)
    ds = DataSet(m["data_version"], as_of, "update", None, kid)
    return ds, data_files, {MANIFEST: manifest, SIGNATURE: signature}


def _check_as_of(as_of: dt.date, dates: dict[str, dt.date]) -> None:
    # The date every result shows must not be later than what the files say
    # they were checked through: a newer TPS list with old fees is as old as
    # its fees.
    for name, day in dates.items():
        if as_of > day:
            raise UpdateRefused(Message(BAD_DATA),
                                f"as-of date {as_of} is later than {name}'s own date {day}")


# -- installing ---------------------------------------------------------------------

def import_update(path, root, keys: dict[str, bytes] | None = None) -> tuple[str, Message, DataSet]:
    """Check the file at `path` and install it under `root`/legal-data.
    Returns ("installed" | "same", the message for the volunteer, the DataSet
    in use afterwards). Raises UpdateRefused with nothing changed."""
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE:
            raise UpdateRefused(Message(TOO_BIG))
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE + 1)
    except OSError as exc:
        raise UpdateRefused(Message(NOT_AN_UPDATE), exc.strerror or str(exc)) from None
    new, data_files, signed = check_update(data, keys)
    current = choose(root, keys)
    if version_key(new.version) == version_key(current.version):
        return "same", Message(SAME, {"version": new.version}), current
    if version_key(new.version) < version_key(current.version):
        raise UpdateRefused(Message(OLDER, {"version": new.version, "current": current.version}))
    try:
        folder = _install(root, new.version, {**data_files, **signed})
    except OSError as exc:
        raise UpdateRefused(Message(CANNOT_WRITE), exc.strerror or str(exc)) from None
    reload()
    now = choose(root, keys)
    if now.folder != folder:  # the folder written does not check out: say so, keep the old data in use
        raise UpdateRefused(Message(CANNOT_WRITE), "the installed copy does not verify")
    return "installed", Message(DONE, {"version": now.version, "date": now.as_of}), now


def _fsync_dir(path: str) -> None:
    if os.name == "nt":  # Windows cannot open a folder to sync it; NTFS logs the rename
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _install(root, version: str, files: dict[str, bytes]) -> str:
    base = os.path.join(os.fspath(root), UPDATES_DIR)
    os.makedirs(base, mode=0o700, exist_ok=True)
    for leftover in os.listdir(base):  # from an import cut short by a crash
        if leftover.startswith((".incoming-", ".replaced-")):
            shutil.rmtree(os.path.join(base, leftover), ignore_errors=True)
    tmp = os.path.join(base, f".incoming-{secrets.token_hex(4)}")
    os.mkdir(tmp, 0o700)
    try:
        # The compiled fee table last, so it is never older than fees.toml.
        for name in sorted(files, key=lambda n: n == FEES_COMPILED):
            with open(os.path.join(tmp, name), "wb") as fh:
                fh.write(files[name])
                fh.flush()
                os.fsync(fh.fileno())
        _fsync_dir(tmp)
        final = os.path.join(base, version)
        if os.path.exists(final):
            # Only a damaged copy of this version can be here (an intact one
            # would be in use and the import a no-op): move it out of the way.
            aside = os.path.join(base, f".replaced-{secrets.token_hex(4)}")
            os.rename(final, aside)
            shutil.rmtree(aside, ignore_errors=True)
        os.rename(tmp, final)
        _fsync_dir(base)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


# -- building (the maintainer's script) --------------------------------------------------

def compiled_fees(fees_toml: bytes) -> bytes:
    import tomllib

    return json.dumps(tomllib.loads(fees_toml.decode("utf-8")), ensure_ascii=False).encode("utf-8")


def build_update(data_dir: str, version: str, as_of: dt.date, private_key) -> bytes:
    """A signed `.rwdata` from the files in `data_dir`; `private_key` is a
    cryptography Ed25519PrivateKey. Raises ValueError or SchemaError with a
    line for the maintainer when the data would be refused on import."""
    version_key(version)
    files = {}
    for name in UPDATABLE:
        with open(os.path.join(data_dir, name), "rb") as fh:
            files[name] = fh.read()
    files[FEES_COMPILED] = compiled_fees(files["fees.toml"])
    dates = check_set(files)
    try:
        _check_as_of(as_of, dates)
    except UpdateRefused as exc:
        raise ValueError(exc.detail) from None
    manifest = json.dumps({
        "format": FORMAT,
        "data_version": version,
        "as_of": as_of.isoformat(),
        "files": {n: {"sha256": sha256(files[n]), "size": len(files[n])} for n in DATA_FILES},
    }, indent=1, sort_keys=True).encode("utf-8")
    return pack({**files, MANIFEST: manifest, SIGNATURE: private_key.sign(manifest)})


def pack(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            zf.writestr(zipfile.ZipInfo(name, ZIP_TIME), files[name], zipfile.ZIP_DEFLATED)
    return buf.getvalue()
