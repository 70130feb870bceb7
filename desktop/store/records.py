"""How one client is sealed: its profile and its answers document.

Schema 3 keeps each client in two sealed values on its row, and nothing
about the answers in clear:

- the profile: name, Latin name, language and the last question answered;
- the document: every answer with the time it changed, compressed and
  padded to a whole number of DOC_BUCKETs, so neither which questions were
  answered nor how long the answers are shows (a `helped_police` row once
  told a crime victim from the others, and value lengths told "yes" from
  "no").

Both are sealed to the row's clear columns (its code and creation time; the
profile also to the last change and the version; the document to the
version), so swapping two clients' codes, putting an old document back, or
back-dating a client so that purge deletes it make the seal fail: the record
reads as damaged, and purge leaves it alone.

Left in clear: the id, the code (typed by the volunteer to find a client),
the creation and last-change times (the list is ordered by them, purge
needs them) and the version counter.
"""
from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass
from typing import Any

from . import crypto

SEP = "\x1f"
PROFILE_PAD = 64  # sealed profiles are padded so their size hides the name's length
# A full answers document (all 40 questions, every option of the lists)
# compresses to under 800 bytes: one bucket holds any real client.
DOC_BUCKET = 1024
_QID_WIDTH = 48
_DOC_TAG = b"d1"


class Unreadable(Exception):
    """A sealed value failed authentication or does not parse."""


@dataclass(frozen=True)
class RowKeys:
    """The clear columns a client's sealed values are bound to."""

    id: int
    code: str
    created: str
    updated: str
    version: int

    def profile_context(self) -> str:
        return f"client/{self.id}/profile/{self.code}/{self.created}/{self.updated}/{self.version}"

    def doc_context(self) -> str:
        return f"client/{self.id}/doc/{self.code}/{self.created}/{self.version}"


# A profile is "p2", name, Latin name, language, last question, joined by
# U+001F (names cannot hold control characters), padded with NULs. Not JSON:
# without a current name index, opening the list decrypts every profile, and
# splitting is several times faster than parsing.

def seal_profile(aead, keys: RowKeys, name: str, name_latin: str, lang: str, last_question: str | None) -> bytes:
    # The last question is padded to a fixed width: its length must not add
    # to the name's and show through the profile's size.
    raw = SEP.join(("p2", name, name_latin, lang, (last_question or "").ljust(_QID_WIDTH))).encode("utf-8")
    raw += b"\x00" * (-len(raw) % PROFILE_PAD)
    return crypto.seal(aead, raw, keys.profile_context())


def open_profile(aead, keys: RowKeys, blob: Any) -> tuple[str, str, str, str | None]:
    try:
        tag, name, latin, lang, last = (crypto.unseal(aead, blob, keys.profile_context())
                                        .rstrip(b"\x00").decode("utf-8").split(SEP))
    except (crypto.InvalidSeal, ValueError):
        raise Unreadable() from None
    if tag != "p2":
        raise Unreadable()
    return name, latin, lang, last.strip() or None


Answers = dict[str, tuple[Any, str]]  # qid -> (value, changed)


def seal_doc(aead, keys: RowKeys, answers: Answers) -> bytes:
    body = json.dumps({"a": {q: [v, c] for q, (v, c) in sorted(answers.items())}},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    raw = _DOC_TAG + zlib.compress(body, 6)
    # The padding is told apart by the stream's own end: zlib knows where it stops.
    size = max(DOC_BUCKET, -(-len(raw) // DOC_BUCKET) * DOC_BUCKET)
    return crypto.seal(aead, raw + b"\x00" * (size - len(raw)), keys.doc_context())


def open_doc(aead, keys: RowKeys, blob: Any) -> Answers:
    try:
        raw = crypto.unseal(aead, blob, keys.doc_context())
        if raw[:2] != _DOC_TAG:
            raise Unreadable()
        inflater = zlib.decompressobj()
        body = inflater.decompress(raw[2:], 1 << 20)
        if not inflater.eof or inflater.unconsumed_tail:
            raise Unreadable()
        data = json.loads(body)
        return {q: (v, c) for q, (v, c) in data["a"].items() if isinstance(q, str) and isinstance(c, str)}
    except (crypto.InvalidSeal, ValueError, TypeError, KeyError, zlib.error, RecursionError):
        raise Unreadable() from None


def last_question(answers: Answers) -> str | None:
    """The question answered most recently (ties: the first id)."""
    best = None
    for qid, (_, changed) in answers.items():
        if best is None or changed > best[1] or (changed == best[1] and qid < best[0]):
            best = (qid, changed)
    return best[0] if best else None


# --- schema 2 -> 3: done with the key, in the migration's transaction ----------

def convert_v2_rows(conn: sqlite3.Connection, aead) -> None:
    """Move schema 2's per-answer rows into sealed documents. A value that no
    longer opens was unreadable before too; it stays out of the document
    rather than stopping the whole conversion. A profile that does not open
    is left as it was: it reads as damaged, as it did."""
    rows = conn.execute("SELECT id, code, profile, created, updated FROM clients").fetchall()
    for cid, code, profile, created, updated in rows:
        answers: Answers = {}
        for qid, blob, changed in conn.execute(
                "SELECT qid, value, changed FROM answers WHERE client_id=?", (cid,)).fetchall():
            try:
                answers[qid] = (json.loads(crypto.unseal(aead, blob, f"answer/{cid}/{qid}").rstrip(b"\x00")), changed)
            except (crypto.InvalidSeal, ValueError):
                continue
        keys = RowKeys(cid, code, created, updated, 1)
        try:
            tag, name, latin, lang = (crypto.unseal(aead, profile, f"client/{cid}/profile")
                                      .rstrip(b"\x00").decode("utf-8").split(SEP))
            new_profile = seal_profile(aead, keys, name, latin, lang, last_question(answers)) if tag == "p1" else profile
        except (crypto.InvalidSeal, ValueError):
            new_profile = profile
        conn.execute("UPDATE clients SET profile=?, doc=?, version=1, last_question=NULL WHERE id=?",
                     (new_profile, seal_doc(aead, keys, answers), cid))
    conn.execute("DELETE FROM answers")
    # The name index of schema 2 holds no last questions: rebuilt at close.
    conn.execute("DELETE FROM name_index")


# --- a new data key -------------------------------------------------------------

def reseal_all(conn: sqlite3.Connection, old, new) -> None:
    """Every sealed value of a schema-3 file, from the old key to the new one,
    inside the caller's transaction. A value that does not open under the
    old key is dropped rather than kept: it was unreadable, and would stay a
    piece of old-key ciphertext."""
    for cid, code, created, updated, version, profile, doc in conn.execute(
            "SELECT id, code, created, updated, version, profile, doc FROM clients").fetchall():
        keys = RowKeys(cid, code, created, updated, version)
        try:
            new_profile = crypto.seal(new, crypto.unseal(old, profile, keys.profile_context()), keys.profile_context())
        except crypto.InvalidSeal:
            new_profile = b""
        try:
            new_doc = crypto.seal(new, crypto.unseal(old, doc, keys.doc_context()), keys.doc_context())
        except crypto.InvalidSeal:
            new_doc = b""
        conn.execute("UPDATE clients SET profile=?, doc=? WHERE id=?", (new_profile, new_doc, cid))
    for key, value in conn.execute("SELECT key, value FROM settings").fetchall():
        try:
            conn.execute("UPDATE settings SET value=? WHERE key=?",
                         (crypto.seal(new, crypto.unseal(old, value, f"setting/{key}"), f"setting/{key}"), key))
        except crypto.InvalidSeal:
            conn.execute("DELETE FROM settings WHERE key=?", (key,))
    # A cache: rebuilt from the profiles.
    conn.execute("DELETE FROM name_index")
