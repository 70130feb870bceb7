"""Files that carry one client to another center or to an attorney.

A client file is: MAGIC, a short JSON header (KDF parameters, salt, nonce,
PIN check) and the client's record sealed with AES-GCM under a key derived
from the client's PIN. The header is authenticated as associated data, so
no byte of the file can change unnoticed. The PIN check (more output of the
same scrypt call) tells "wrong PIN" apart from "file changed"; it gives an
attacker nothing the GCM tag would not.

Also here: reading a plain answers JSON file of the contract, validated
exactly like `relief-wizard evaluate` does.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import struct
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..logic.text import N_, Message
from . import crypto
from .errors import BadClientField, BadPin, DamagedClientFile, NotAClientFile, WrongPin

MAGIC = b"RWCLIENT\x00\x01"
FORMAT = "relief-wizard-client"
VERSION = 1
# 8 digits: with PIN_KDF a search of all 8-digit PINs costs years of one
# core, where 6 digits cost weeks.
MIN_PIN = 8
MIN_PIN_TO_OPEN = 6
MAX_PIN = 32
MAX_FILE = 4 << 20  # a client record is a few kilobytes
LANGS = ("en", "es", "bn", "hi", "pa", "ur")


@dataclass
class Record:
    """One client as it travels: profile, answers and when each changed."""

    name: str = ""
    name_latin: str = ""
    lang: str = "en"
    code: str = ""
    created: str = ""
    answers: dict[str, tuple[Any, str]] = field(default_factory=dict)  # qid -> (value, changed)


def normalize_pin(pin: str, minimum: int = MIN_PIN_TO_OPEN) -> bytes:
    """ASCII digits; a PIN typed with Bengali or Devanagari digits is the same PIN.

    New files need MIN_PIN digits; files made by earlier versions with
    6-digit PINs must still open, so reading accepts those."""
    digits = []
    for ch in str(pin).strip():
        value = unicodedata.decimal(ch, None)
        if value is None:
            raise BadPin(MIN_PIN)
        digits.append(str(value))
    if not minimum <= len(digits) <= MAX_PIN:
        raise BadPin(MIN_PIN)
    return "".join(digits).encode("ascii")


def is_client_file(head: bytes) -> bool:
    return head.startswith(MAGIC)


def is_client_file_at(path) -> bool:
    """Told from the first bytes, before any PIN is asked; OSError if unreadable."""
    with open(path, "rb") as fh:
        return is_client_file(fh.read(len(MAGIC)))


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _keys(pin: bytes, salt: bytes, params: crypto.KdfParams) -> tuple[bytes, bytes]:
    out = crypto.derive(pin, salt, params, length=48)
    return out[:32], out[32:]


def write_client_file(path: Path, record: Record, pin: str, exported: str, *, overwrite: bool = True) -> None:
    from . import outfile

    data = client_file_bytes(record, pin, exported)
    # Only sealed bytes ever reach the disk, so a half-written file left by a
    # crash exposes nothing; the finished file appears whole under its name.
    outfile.write_new(Path(path), data, overwrite=overwrite)


def client_file_bytes(record: Record, pin: str, exported: str) -> bytes:
    pin_bytes = normalize_pin(pin, minimum=MIN_PIN)
    params = crypto.pin_kdf()
    salt = crypto.random_bytes(crypto.SALT_LEN)
    key, check = _keys(pin_bytes, salt, params)
    header = json.dumps({"kdf": json.loads(params.to_json()), "salt": _b64(salt), "check": _b64(check)},
                        sort_keys=True, separators=(",", ":")).encode("ascii")
    prefix = MAGIC + struct.pack(">H", len(header)) + header
    body = json.dumps({
        "format": FORMAT, "version": VERSION, "exported": exported,
        "client": {"code": record.code, "name": record.name, "name_latin": record.name_latin,
                   "lang": record.lang, "created": record.created},
        "answers": {qid: {"value": v, "changed": c} for qid, (v, c) in record.answers.items()},
    }, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return prefix + crypto.seal(crypto.aead_for(key), body, "client-file/" + prefix.hex())


def read_client_file(path: Path, pin: str, today: dt.date) -> Record:
    """The record in the file, checked; raises WrongPin, DamagedClientFile,
    NotAClientFile, or AnswerError for an answer this version cannot accept."""
    pin_bytes = normalize_pin(pin)
    data = _read_bytes(path)
    if not is_client_file(data) or len(data) < len(MAGIC) + 2:
        raise NotAClientFile()
    (hlen,) = struct.unpack(">H", data[len(MAGIC):len(MAGIC) + 2])
    prefix = data[:len(MAGIC) + 2 + hlen]
    try:
        header = json.loads(prefix[len(MAGIC) + 2:].decode("ascii"))
        params = crypto.KdfParams.checked(header["kdf"]["n"], header["kdf"]["r"], header["kdf"]["p"])
        salt = base64.b64decode(header["salt"], validate=True)
        check = base64.b64decode(header["check"], validate=True)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise NotAClientFile() from None
    key, expected = _keys(pin_bytes, salt, params)
    import hmac  # here: at module level it would load OpenSSL into every window (crypto.random_bytes)

    if not hmac.compare_digest(check, expected):
        raise WrongPin()
    try:
        body = crypto.unseal(crypto.aead_for(key), data[len(prefix):], "client-file/" + prefix.hex())
    except crypto.InvalidSeal:
        raise DamagedClientFile() from None
    try:
        payload = json.loads(body.decode("utf-8"))
        return _record_from_payload(payload, today)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        from ..logic.validation import AnswerError

        if isinstance(exc, AnswerError):
            raise
        raise DamagedClientFile() from None


def _record_from_payload(payload: dict, today: dt.date) -> Record:
    from ..logic.questions import catalog
    from ..logic.validation import AnswerError, check_value

    if payload["format"] != FORMAT or payload["version"] != VERSION:
        raise ValueError("format")
    c = payload["client"]
    rec = Record(name=_text(c["name"]), name_latin=_text(c["name_latin"]), lang=check_lang(c["lang"]),
                 code=_text(c["code"]), created=_stamp(c["created"]))
    cat = catalog()
    for qid, entry in payload["answers"].items():
        if qid not in cat:
            raise AnswerError(qid, Message(N_("This is not a question of the form.")))
        check_value(cat[qid], entry["value"], today, allow_not_sure=True)
        rec.answers[qid] = (entry["value"], _stamp(entry["changed"]))
    return rec


def _text(v: Any) -> str:
    if not isinstance(v, str):
        raise TypeError("text")
    return v


def _stamp(v: Any) -> str:
    d = dt.datetime.fromisoformat(_text(v))
    if d.tzinfo is None:
        raise ValueError("naive time")
    return d.astimezone(dt.UTC).isoformat(timespec="microseconds")


def check_lang(lang: Any) -> str:
    if lang not in LANGS:
        raise BadClientField(Message(N_("Choose a language from: {choices}."), {"choices": ", ".join(LANGS)}))
    return lang


def _read_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE + 1)
    except OSError as exc:
        raise BadClientField(Message(N_("Cannot read the file {path}."), {"path": str(path)})) from exc
    if len(data) > MAX_FILE:
        raise NotAClientFile()
    return data


def read_answers_json(path: Path, today: dt.date) -> Record:
    """A contract answers file, validated as `evaluate` does (AnswerError names the field)."""
    from ..logic.validation import AnswerError, parse_answers_json, validate_answers

    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AnswerError("file", Message(N_("The file is not UTF-8 text."))) from None
    answers = validate_answers(parse_answers_json(text), today)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    return Record(answers={qid: (v, now) for qid, v in answers.items()})
