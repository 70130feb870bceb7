"""Which legal data is in use: the shipped files, or a signed update installed
in the data folder (`<data dir>/legal-data/<version>/`).

The newest installed update whose signature and file hashes still check out
wins, if it is newer than the shipped data; a damaged or unsigned folder is
skipped, so the worst a broken disk can do is fall back to older, signed
data, never to unsigned data. The check runs once a process (about 20 ms for
the signature library, paid only when an update is installed).
"""
from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache

from .datafiles import DATA_DIR
from .dates import parse_iso
from .records import record

SHIPPED_MANIFEST = "legal_data.json"
KEYS_DIR = os.path.join(DATA_DIR, "keys")
UPDATES_DIR = "legal-data"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
FORMAT = 1
SHIPPED, UPDATE = "shipped", "update"
_VERSION = re.compile(r"^\d{1,4}(\.\d{1,4}){0,3}$")

# Set by the wizard (its --data-dir) and by the `data` commands; otherwise
# the data folder the client records use.
_root: str | None = None


@record
class DataSet:
    version: str
    as_of: dt.date
    source: str  # shipped | update
    folder: str | None  # None: the shipped files
    key_id: str = ""


def version_key(version: str) -> tuple[int, ...]:
    """'2027.1.15' -> (2027, 1, 15, 0): compared as numbers, never as text."""
    if not isinstance(version, str) or not _VERSION.match(version):
        raise ValueError(f"not a data version (numbers with dots, e.g. 2027.1.15): {version!r}")
    parts = tuple(int(p) for p in version.split("."))
    return parts + (0,) * (4 - len(parts))


def set_root(root) -> None:
    """Use the legal-data updates of this data folder from now on."""
    global _root
    _root = os.fspath(root) if root is not None else None
    reload()


def data_root() -> str:
    if _root is not None:
        return _root
    env = os.environ.get("RELIEF_WIZARD_DATA_DIR")
    if env:  # as store.paths.data_dir, without the cost of pathlib for `evaluate`
        return os.path.expanduser(env)
    from ..store.paths import data_dir

    return os.fspath(data_dir())


def updates_dir(root=None) -> str:
    return os.path.join(os.fspath(root) if root is not None else data_root(), UPDATES_DIR)


# -- keys -----------------------------------------------------------------------

def key_id(raw: bytes) -> str:
    return sha256(raw)[:16]


def read_key_file(path: str) -> bytes:
    """A .pub file: the 32 bytes of an Ed25519 public key as 64 hex digits,
    one line (comment lines start with #). Hex, not base64: no module to load."""
    with open(path, encoding="ascii") as fh:
        lines = [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]
    try:
        raw = bytes.fromhex(lines[0]) if len(lines) == 1 else b""
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise ValueError(f"{path}: not an Ed25519 public key")
    return raw


def shipped_keys() -> dict[str, bytes]:
    """key id -> raw public key, from desktop/logic/data/keys/*.pub."""
    keys = {}
    for name in sorted(os.listdir(KEYS_DIR)):
        if name.endswith(".pub"):
            raw = read_key_file(os.path.join(KEYS_DIR, name))
            keys[key_id(raw)] = raw
    return keys


# Tests put a throw-away key here (monkeypatch); None means the shipped keys.
TRUSTED_KEYS: dict[str, bytes] | None = None


def trusted_keys() -> dict[str, bytes]:
    return TRUSTED_KEYS if TRUSTED_KEYS is not None else shipped_keys()


def verify_signature(manifest: bytes, signature: bytes, keys: dict[str, bytes] | None = None) -> str | None:
    """The id of the trusted key that signed `manifest`, or None."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    for kid, raw in (keys if keys is not None else trusted_keys()).items():
        try:
            Ed25519PublicKey.from_public_bytes(raw).verify(signature, manifest)
            return kid
        except InvalidSignature:
            continue
    return None


# -- manifests ------------------------------------------------------------------

class ManifestError(ValueError):
    pass


def parse_manifest(data: bytes) -> dict:
    """The signed manifest: format, data_version, as_of, files {name: {sha256, size}}."""
    import json  # here: the window sets the data folder before its first screen, which reads no JSON

    try:
        m = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ManifestError("the manifest is not JSON") from None
    if not isinstance(m, dict) or m.get("format") != FORMAT:
        raise ManifestError("unknown manifest format")
    try:
        version_key(m.get("data_version"))
    except ValueError as exc:
        raise ManifestError(str(exc)) from None
    if parse_iso(m.get("as_of")) is None:
        raise ManifestError("the manifest has no as_of date")
    files = m.get("files")
    if not isinstance(files, dict) or not files:
        raise ManifestError("the manifest lists no files")
    for name, entry in files.items():
        if (not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str)
                or len(entry["sha256"]) != 64 or not isinstance(entry.get("size"), int)):
            raise ManifestError(f"the manifest entry for {name!r} is not a hash and a size")
    return m


def sha256(data: bytes) -> str:
    # Through cryptography, which the signature check loads anyway: hashlib
    # would load OpenSSL a second time (about 10 ms of a cold `evaluate`).
    from cryptography.hazmat.primitives.hashes import SHA256, Hash

    h = Hash(SHA256())
    h.update(data)
    return h.finalize().hex()


def check_installed(folder: str, keys: dict[str, bytes] | None = None) -> DataSet | None:
    """An installed update as a DataSet, or None when anything is off: no
    manifest, a bad signature, a file missing, changed or added."""
    from .data_schema import FEES_COMPILED, UPDATABLE

    try:
        with open(os.path.join(folder, MANIFEST), "rb") as fh:
            manifest = fh.read()
        with open(os.path.join(folder, SIGNATURE), "rb") as fh:
            signature = fh.read()
        m = parse_manifest(manifest)
        if set(m["files"]) != {*UPDATABLE, FEES_COMPILED}:
            return None
        kid = verify_signature(manifest, signature, keys)
        if kid is None:
            return None
        for name, entry in m["files"].items():
            with open(os.path.join(folder, name), "rb") as fh:
                if sha256(fh.read()) != entry["sha256"]:
                    return None
    except (OSError, ManifestError, ValueError):
        return None
    return DataSet(m["data_version"], parse_iso(m["as_of"]), UPDATE, folder, kid)


@lru_cache(maxsize=1)
def shipped() -> DataSet:
    import json

    with open(os.path.join(DATA_DIR, SHIPPED_MANIFEST), "rb") as fh:
        m = json.loads(fh.read())
    return DataSet(m["data_version"], parse_iso(m["as_of"]), SHIPPED, None)


def installed(root=None, keys: dict[str, bytes] | None = None) -> list[tuple[str, DataSet | None]]:
    """Every folder under legal-data/ named like a version, newest first, with
    its DataSet or None when it does not check out."""
    base = updates_dir(root)
    try:
        names = [n for n in os.listdir(base) if _VERSION.match(n)]
    except OSError:
        return []
    names.sort(key=version_key, reverse=True)
    out = []
    for name in names:
        ds = check_installed(os.path.join(base, name), keys)
        if ds is not None and ds.version != name:
            ds = None  # a folder renamed by hand is not the version it claims
        out.append((name, ds))
    return out


def choose(root=None, keys: dict[str, bytes] | None = None) -> DataSet:
    base = shipped()
    for _name, ds in installed(root, keys):
        if ds is not None:
            return ds if version_key(ds.version) > version_key(base.version) else base
    return base


@lru_cache(maxsize=1)
def active() -> DataSet:
    """The legal data every rule, fee and deadline of this process uses."""
    if not os.path.isdir(updates_dir()):
        return shipped()  # no signature library to load when nothing was installed
    return choose()


def reload() -> None:
    """Forget what was loaded, after an import or a change of data folder."""
    import sys

    active.cache_clear()
    shipped.cache_clear()
    # A module not imported yet has nothing cached; importing it only to
    # clear it cost the first screen 4 ms.
    for name, caches in (("tps", ("tps_list",)), ("fees", ("fee_table",)),
                         ("holiday_table", ("_table", "federal_holidays")), ("version", ("data_digest",))):
        module = sys.modules.get(f"{__package__}.{name}")
        for cache in caches if module is not None else ():
            getattr(module, cache).cache_clear()
