"""Keys and sealed fields.

One random 256-bit data key encrypts every client field and answer with
AES-GCM. The data key itself is stored only wrapped (AES-GCM again) under a
key derived from the center's passphrase with scrypt, so changing the
passphrase re-wraps 32 bytes and leaves every row as it is.

Each sealed value is bound to where it belongs (its "context", used as
associated data): an answer copied onto another client or question fails
authentication instead of being read as valid.
"""
from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass

ENV_KDF_TEST = "RELIEF_WIZARD_KDF_TEST"


def random_bytes(n: int) -> bytes:
    """The system's CSPRNG, as secrets.token_bytes is (it calls os.urandom);
    importing `secrets` loads hmac and with it the system's OpenSSL (3.3 MiB
    in every window) for nothing the store uses."""
    return os.urandom(n)


NONCE_LEN = 12
KEY_LEN = 32
SALT_LEN = 16
FORMAT = b"\x01"
WRAP_CONTEXT = "data-key"
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class KdfParams:
    n: int
    r: int
    p: int

    def to_json(self) -> str:
        return json.dumps({"alg": "scrypt", "n": self.n, "r": self.r, "p": self.p}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> KdfParams:
        d = json.loads(text)
        if d.get("alg") != "scrypt":
            raise ValueError("unknown KDF")
        return cls.checked(d["n"], d["r"], d["p"])

    @classmethod
    def checked(cls, n, r, p) -> KdfParams:
        """Parameters read from a file, bounded so a crafted file cannot make
        the app allocate gigabytes or spin for minutes."""
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (n, r, p)):
            raise ValueError("bad KDF parameters")
        if n < 2 or n & (n - 1) or n > 2**20 or not 1 <= r <= 32 or not 1 <= p <= 4:
            raise ValueError("bad KDF parameters")
        if 128 * n * r * p > 1 << 30:
            raise ValueError("bad KDF parameters")
        return cls(n, r, p)

    @property
    def memory_mib(self) -> float:
        return 128 * self.n * self.r * self.p / 2**20


# The center's passphrase: n=2^16, r=12 (96 MiB) takes about 0.38 s on the
# reference 2-core machine (see bench/bench_store.py), inside the 0.3-0.5 s
# unlock budget; the memory cost is what makes guessing on GPUs expensive.
STORE_KDF = KdfParams(n=2**16, r=12, p=1)

# A client file is protected only by a PIN of 6+ digits: a million guesses
# cover every 6-digit PIN, so each guess must be as dear as the person moving
# the file can bear once. n=2^19, r=8 (512 MiB) is about 2 s here: a full
# search of 6 digits costs ~23 core-days. That slows an attacker who holds
# the file; it does not stop a determined one, so the GUI should suggest
# longer PINs and the file should not travel with its PIN.
PIN_KDF = KdfParams(n=2**19, r=8, p=1)

# Tests and the kill trials only (RELIEF_WIZARD_KDF_TEST=1): never set it on
# a center's PC. A store made this way is re-wrapped with STORE_KDF the first
# time it is unlocked without the variable (see clients.Store.open).
TEST_KDF = KdfParams(n=2**10, r=8, p=1)


def test_mode() -> bool:
    """The cheap KDF, for the test runner only. The variable alone is not
    enough: set on a center's PC by mistake (or by someone who wants weak
    files), it would make every new store and client file cheap to guess.
    pytest sets PYTEST_CURRENT_TEST for the test being run (and the
    processes a test starts inherit it); nothing else does."""
    return os.environ.get(ENV_KDF_TEST) == "1" and bool(os.environ.get("PYTEST_CURRENT_TEST"))


def store_kdf() -> KdfParams:
    return TEST_KDF if test_mode() else STORE_KDF


def pin_kdf() -> KdfParams:
    return TEST_KDF if test_mode() else PIN_KDF


def normalize_secret(text: str) -> bytes:
    # The same passphrase typed on another keyboard layout or input method
    # may arrive composed differently; NFC makes it the same bytes.
    return unicodedata.normalize("NFC", text).encode("utf-8")


def derive(secret: bytes, salt: bytes, params: KdfParams, length: int = KEY_LEN) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=length, n=params.n, r=params.r, p=params.p).derive(secret)


def _aad(context: str) -> bytes:
    return b"relief-wizard/v1/" + context.encode("utf-8")


class InvalidSeal(Exception):
    """A sealed value failed authentication: wrong key, or changed bytes."""


def seal(aead, plaintext: bytes, context: str) -> bytes:
    # Random 96-bit nonces: safe for far more than 2^32 seals under one key
    # would allow; a center writes a few thousand a day.
    nonce = random_bytes(NONCE_LEN)
    return FORMAT + nonce + aead.encrypt(nonce, plaintext, _aad(context))


def unseal(aead, blob: bytes, context: str) -> bytes:
    from cryptography.exceptions import InvalidTag  # cached after the first call; cheap

    # A cell edited by hand may hold text or a number instead of bytes.
    if not isinstance(blob, (bytes, bytearray, memoryview)) or len(blob) < 1 + NONCE_LEN + 16 \
            or bytes(blob[:1]) != FORMAT:
        raise InvalidSeal()
    blob = bytes(blob)
    try:
        return aead.decrypt(blob[1:1 + NONCE_LEN], blob[1 + NONCE_LEN:], _aad(context))
    except InvalidTag:
        raise InvalidSeal() from None


def aead_for(key: bytes):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


@dataclass(frozen=True)
class WrappedKey:
    params: KdfParams
    salt: bytes
    wrapped: bytes


def new_data_key() -> bytes:
    return random_bytes(KEY_LEN)


def wrap(data_key: bytes, passphrase: str, params: KdfParams) -> WrappedKey:
    salt = random_bytes(SALT_LEN)
    kek = derive(normalize_secret(passphrase), salt, params)
    return WrappedKey(params, salt, seal(aead_for(kek), data_key, WRAP_CONTEXT))


def unwrap(wk: WrappedKey, passphrase: str) -> bytes:
    """The data key, or InvalidSeal if the passphrase is not the one it was wrapped with."""
    kek = derive(normalize_secret(passphrase), wk.salt, wk.params)
    return unseal(aead_for(kek), wk.wrapped, WRAP_CONTEXT)
