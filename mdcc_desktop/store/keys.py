"""The database key and the two ways to unwrap it: the chair's passphrase and a recovery code.

The key that SQLCipher encrypts the database with is 32 random bytes, made once. It is never
stored in the clear: the key file holds it twice, each copy encrypted (AES-256-GCM) with a key
derived from a secret by Argon2id, a slow and memory-hard KDF, so that guessing passphrases
from a copied data folder is expensive. One copy opens with the passphrase, the other with the
recovery code shown once at set-up, so a forgotten passphrase is not the end of the data.
Changing the passphrase rewraps the key; the database itself is never rewritten.

Everything here is ``cryptography`` (a well-kept library): Argon2id and AES-GCM; nothing is
home-made but the file layout. No Qt, no SQL.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mdcc_desktop.domain.errors import MdccError
from mdcc_desktop.domain.messages import Message, msg

KEY_FILE_NAME = "key.json"
FORMAT = "mdcc-key"
VERSION = 1
KEY_BYTES = 32
# Argon2id cost: about half a second on a two-core laptop (see tests/benchmarks/bench_kdf.py).
MEMORY_KIB = 128 * 1024
ITERATIONS = 3
LANES = 2
# Bounds a key file's parameters must keep: a tampered file cannot ask for a 1 TB derivation
# (a hang) or a trivially cheap one.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MIN_MEMORY_KIB = 8 * 1024
MAX_ITERATIONS = 64

RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O, U
RECOVERY_GROUPS = 6
RECOVERY_GROUP_LEN = 5  # 30 characters, 150 bits
MIN_PASSPHRASE_CHARS = 8


class KeyFileError(MdccError):
    """The key file is missing, unreadable or not one this app wrote."""


class WrongSecretError(MdccError):
    """The passphrase or recovery code does not open the key."""


@dataclass(frozen=True)
class Wrapped:
    """The database key encrypted with a key derived from one secret."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes
    memory_kib: int = MEMORY_KIB
    iterations: int = ITERATIONS
    lanes: int = LANES

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
            "salt": _b64(self.salt),
            "cipher": "aes-256-gcm",
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: Any, where: str) -> Wrapped:
        if not isinstance(data, dict):
            raise KeyFileError(msg("key_file_entry_not_object", where=where))
        if data.get("kdf") != "argon2id" or data.get("cipher") != "aes-256-gcm":
            raise KeyFileError(msg("key_file_unknown_method", where=where))
        memory, iterations, lanes = (
            data.get("memory_kib"),
            data.get("iterations"),
            data.get("lanes"),
        )
        for name, value, low, high in (
            ("memory_kib", memory, MIN_MEMORY_KIB, MAX_MEMORY_KIB),
            ("iterations", iterations, 1, MAX_ITERATIONS),
            ("lanes", lanes, 1, 16),
        ):
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise KeyFileError(msg("key_file_out_of_range", where=f"{where}.{name}"))
        assert isinstance(memory, int) and isinstance(iterations, int) and isinstance(lanes, int)
        return cls(
            salt=_unb64(data.get("salt"), f"{where}.salt", 16),
            nonce=_unb64(data.get("nonce"), f"{where}.nonce", 12),
            ciphertext=_unb64(data.get("ciphertext"), f"{where}.ciphertext", KEY_BYTES + 16),
            memory_kib=memory,
            iterations=iterations,
            lanes=lanes,
        )


@dataclass(frozen=True)
class KeyFile:
    """The wrapped database key: one copy for the passphrase, one for the recovery code."""

    key_id: str  # random, names this key (not secret); the same after a passphrase change
    passphrase: Wrapped
    recovery: Wrapped

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "key_id": self.key_id,
            "passphrase": self.passphrase.to_json(),
            "recovery": self.recovery.to_json(),
        }

    @classmethod
    def from_json(cls, data: Any) -> KeyFile:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeyFileError(msg("key_file_not_ours"))
        if data.get("version") != VERSION:
            raise KeyFileError(
                msg("key_file_version", version=data.get("version"), supported=VERSION)
            )
        key_id = data.get("key_id")
        if not isinstance(key_id, str) or not 8 <= len(key_id) <= 64 or not key_id.isalnum():
            raise KeyFileError(msg("key_file_bad_id"))
        return cls(
            key_id=key_id,
            passphrase=Wrapped.from_json(data.get("passphrase"), "passphrase"),
            recovery=Wrapped.from_json(data.get("recovery"), "recovery"),
        )


# --- secrets ----------------------------------------------------------------------------------


def normalise_passphrase(passphrase: str) -> bytes:
    """The passphrase as the KDF gets it: NFC (a Chinese or accented passphrase typed on another
    keyboard gives the same bytes), UTF-8."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def passphrase_problem(passphrase: str) -> Message | None:
    """Why ``passphrase`` cannot be used (None if it can)."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        return msg("passphrase_too_short", n=MIN_PASSPHRASE_CHARS)
    if any(unicodedata.category(c) == "Cc" for c in passphrase):
        return msg("passphrase_control_characters")
    return None


def new_recovery_code() -> str:
    """A random recovery code in groups a person can copy onto paper: ``7KQ2M-...``."""
    import secrets  # here: the unlock screen comes up without it (and OpenSSL's hashes)

    chars = "".join(
        secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)
    )
    return "-".join(
        chars[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(chars), RECOVERY_GROUP_LEN)
    )


def normalise_recovery_code(code: str) -> bytes:
    """A recovery code as typed back: case, spaces and dashes ignored; O read as 0, I and L
    as 1 (Crockford's base 32)."""
    text = "".join(c for c in code.upper() if c not in " -\t\n")
    text = text.translate(str.maketrans("OIL", "011"))
    return text.encode("ascii", "replace")


# --- wrapping ---------------------------------------------------------------------------------


def _derive(secret: bytes, salt: bytes, memory_kib: int, iterations: int, lanes: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(salt=salt, length=32, iterations=iterations, lanes=lanes, memory_cost=memory_kib)
    return kdf.derive(secret)


def _aad(purpose: str, key_id: str) -> bytes:
    return f"{FORMAT}/{VERSION}/{purpose}/{key_id}".encode("ascii")


# The test suite makes hundreds of data folders; with this set, new key files use the cheapest
# derivation a key file may ask for. Never set it for real data: such a key file is cheap to
# attack (the log says so each time one is made).
ENV_WEAK_KDF_FOR_TESTS = "MDCC_TEST_WEAK_KDF"


def default_cost() -> dict[str, int]:
    if os.environ.get(ENV_WEAK_KDF_FOR_TESTS) == "1":
        import logging

        logging.getLogger(__name__).warning(
            "%s is set: the key file is made with a weak derivation (tests only)",
            ENV_WEAK_KDF_FOR_TESTS,
        )
        return {"memory_kib": MIN_MEMORY_KIB, "iterations": 1, "lanes": 1}
    return {"memory_kib": MEMORY_KIB, "iterations": ITERATIONS, "lanes": LANES}


def wrap(db_key: bytes, secret: bytes, purpose: str, key_id: str, **cost: int) -> Wrapped:
    """``db_key`` encrypted with a key derived from ``secret``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    params = {**default_cost(), **cost}
    kek = _derive(secret, salt, params["memory_kib"], params["iterations"], params["lanes"])
    ciphertext = AESGCM(kek).encrypt(nonce, db_key, _aad(purpose, key_id))
    return Wrapped(salt=salt, nonce=nonce, ciphertext=ciphertext, **params)


def unwrap(wrapped: Wrapped, secret: bytes, purpose: str, key_id: str) -> bytes:
    """The database key, or WrongSecretError if ``secret`` is not the one it was wrapped with
    (or the file was changed: AES-GCM tells either)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = _derive(secret, wrapped.salt, wrapped.memory_kib, wrapped.iterations, wrapped.lanes)
    try:
        return AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, _aad(purpose, key_id))
    except InvalidTag:
        raise WrongSecretError(
            msg("wrong_passphrase") if purpose == "passphrase" else msg("wrong_recovery_code")
        ) from None


# --- the use cases --------------------------------------------------------------------------


@dataclass(frozen=True)
class NewKey:
    key_file: KeyFile
    db_key: bytes
    recovery_code: str  # shown once, never stored


def create(passphrase: str, **cost: int) -> NewKey:
    """A new random database key, wrapped for ``passphrase`` and for a new recovery code."""
    problem = passphrase_problem(passphrase)
    if problem:
        raise WrongSecretError(problem)
    import secrets

    db_key = secrets.token_bytes(KEY_BYTES)
    key_id = secrets.token_hex(8)
    code = new_recovery_code()
    key_file = KeyFile(
        key_id=key_id,
        passphrase=wrap(db_key, normalise_passphrase(passphrase), "passphrase", key_id, **cost),
        recovery=wrap(db_key, normalise_recovery_code(code), "recovery", key_id, **cost),
    )
    return NewKey(key_file, db_key, code)


def unlock(key_file: KeyFile, passphrase: str) -> bytes:
    return unwrap(
        key_file.passphrase, normalise_passphrase(passphrase), "passphrase", key_file.key_id
    )


def recover(key_file: KeyFile, code: str) -> bytes:
    return unwrap(key_file.recovery, normalise_recovery_code(code), "recovery", key_file.key_id)


def change_passphrase(
    key_file: KeyFile, db_key: bytes, new_passphrase: str, **cost: int
) -> KeyFile:
    """The same key wrapped for ``new_passphrase`` (the recovery copy is kept)."""
    problem = passphrase_problem(new_passphrase)
    if problem:
        raise WrongSecretError(problem)
    wrapped = wrap(
        db_key, normalise_passphrase(new_passphrase), "passphrase", key_file.key_id, **cost
    )
    return replace(key_file, passphrase=wrapped)


def new_recovery(key_file: KeyFile, db_key: bytes, **cost: int) -> tuple[KeyFile, str]:
    """A new recovery code for the same key (the old code stops working)."""
    code = new_recovery_code()
    wrapped = wrap(db_key, normalise_recovery_code(code), "recovery", key_file.key_id, **cost)
    return replace(key_file, recovery=wrapped), code


# --- the file ----------------------------------------------------------------------------------


def save(path: Path, key_file: KeyFile, *, exclusive: bool = False) -> None:
    """Write the key file atomically, readable by its owner only.

    ``exclusive``: only if there is none yet (FileExistsError otherwise), so that two first
    runs at once cannot each make a key and leave the database under the one that lost."""
    text = json.dumps(key_file.to_json(), indent=2) + "\n"
    tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if exclusive:
            os.link(tmp, path)  # fails if the file is there: never replaces another's key
            tmp.unlink()
        else:
            os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def load(path: Path) -> KeyFile:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError(msg("key_file_missing", path=str(path))) from None
    except OSError as exc:
        raise KeyFileError(
            msg("key_file_unreadable", path=str(path), error=exc.strerror or str(exc))
        ) from None
    if len(raw) > 64 * 1024:
        raise KeyFileError(msg("key_file_too_large"))
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise KeyFileError(msg("key_file_not_json")) from None
    return KeyFile.from_json(data)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, where: str, length: int) -> bytes:
    if not isinstance(value, str):
        raise KeyFileError(msg("key_file_part_missing", where=where))
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise KeyFileError(msg("key_file_not_base64", where=where)) from None
    if len(data) != length:
        raise KeyFileError(msg("key_file_wrong_length", where=where))
    return data
