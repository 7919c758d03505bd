"""The database key: random, never stored in the clear, opened by the passphrase or by the
recovery code, rewrapped (not the database rewritten) when the passphrase changes; a wrong
secret or a tampered file is refused with a clear message."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from mdcc_desktop.store import keys
from mdcc_desktop.store.keys import KeyFileError, WrongSecretError

CHEAP = {"memory_kib": keys.MIN_MEMORY_KIB, "iterations": 1, "lanes": 1}  # tests only


@pytest.fixture(scope="module")
def made() -> keys.NewKey:
    return keys.create("correct horse battery", **CHEAP)


def test_passphrase_and_recovery_code_each_open_the_same_random_key(made: keys.NewKey) -> None:
    assert len(made.db_key) == 32
    assert keys.unlock(made.key_file, "correct horse battery") == made.db_key
    assert keys.recover(made.key_file, made.recovery_code) == made.db_key
    other = keys.create("correct horse battery", **CHEAP)
    assert other.db_key != made.db_key, "every data folder has its own key"


def test_a_recovery_code_typed_back_loosely_still_opens(made: keys.NewKey) -> None:
    code = made.recovery_code
    assert len(code.split("-")) == keys.RECOVERY_GROUPS
    loose = " ".join(code.lower().split("-")).replace("0", "o").replace("1", "l")
    assert keys.recover(made.key_file, loose) == made.db_key


def test_a_wrong_passphrase_or_code_is_refused_plainly(made: keys.NewKey) -> None:
    with pytest.raises(WrongSecretError, match="passphrase does not open"):
        keys.unlock(made.key_file, "correct horse battery!")
    with pytest.raises(WrongSecretError, match="recovery code does not open"):
        keys.recover(made.key_file, "00000-00000-00000-00000-00000-00000")
    with pytest.raises(WrongSecretError, match="recovery code"):
        keys.recover(made.key_file, "correct horse battery")  # the passphrase is not the code


def test_a_chinese_passphrase_typed_in_another_normal_form_opens() -> None:
    made = keys.create("保護兒童 Café 2026", **CHEAP)
    decomposed = "保護兒童 Cafe\u0301 2026"
    assert keys.unlock(made.key_file, decomposed) == made.db_key


def test_changing_the_passphrase_rewraps_the_same_key(made: keys.NewKey) -> None:
    changed = keys.change_passphrase(made.key_file, made.db_key, "a new long passphrase", **CHEAP)
    assert keys.unlock(changed, "a new long passphrase") == made.db_key
    with pytest.raises(WrongSecretError):
        keys.unlock(changed, "correct horse battery")
    assert keys.recover(changed, made.recovery_code) == made.db_key, "the code still works"
    renewed, code = keys.new_recovery(changed, made.db_key, **CHEAP)
    assert keys.recover(renewed, code) == made.db_key
    with pytest.raises(WrongSecretError):
        keys.recover(renewed, made.recovery_code)


def test_weak_passphrases_are_refused_with_the_reason() -> None:
    with pytest.raises(WrongSecretError, match="at least 8 characters"):
        keys.create("short", **CHEAP)
    with pytest.raises(WrongSecretError, match="control characters"):
        keys.create("long enough\x00but not", **CHEAP)


def test_the_key_file_is_owner_only_and_holds_no_key_in_the_clear(
    tmp_path: Path, made: keys.NewKey
) -> None:
    path = tmp_path / keys.KEY_FILE_NAME
    keys.save(path, made.key_file)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert made.db_key not in raw and made.db_key.hex().encode() not in raw
    assert made.recovery_code.encode() not in raw and b"correct horse" not in raw
    assert keys.load(path) == made.key_file
    assert keys.unlock(keys.load(path), "correct horse battery") == made.db_key


def test_a_changed_key_file_is_detected(tmp_path: Path, made: keys.NewKey) -> None:
    data = made.key_file.to_json()
    other = keys.create("correct horse battery", **CHEAP).key_file.to_json()
    data["passphrase"]["ciphertext"] = other["passphrase"]["ciphertext"]
    with pytest.raises(WrongSecretError):
        keys.unlock(keys.KeyFile.from_json(data), "correct horse battery")
    swapped = made.key_file.to_json()
    swapped["passphrase"], swapped["recovery"] = swapped["recovery"], swapped["passphrase"]
    with pytest.raises(WrongSecretError):  # a copy is bound to its purpose
        keys.recover(keys.KeyFile.from_json(swapped), "correct horse battery")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="other"), "not an MDCC Desktop key file"),
        (lambda d: d.update(version=2), "version 2"),
        (lambda d: d["passphrase"].update(memory_kib=2**40), "memory_kib is out of range"),
        (lambda d: d["passphrase"].update(iterations=0), "iterations is out of range"),
        (lambda d: d["recovery"].update(salt="!!"), "salt is not valid base 64"),
        (lambda d: d["recovery"].update(nonce="AAAA"), "nonce has the wrong length"),
        (lambda d: d["passphrase"].update(kdf="pbkdf2"), "method this app does not know"),
        (lambda d: d.update(key_id="../../etc"), "key_id is not valid"),
    ],
)
def test_a_hostile_key_file_gets_a_specific_message(
    tmp_path: Path, made: keys.NewKey, change, message: str
) -> None:
    data = json.loads(json.dumps(made.key_file.to_json()))
    change(data)
    path = tmp_path / "key.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KeyFileError, match=message):
        keys.load(path)


def test_a_missing_or_garbled_key_file_gets_a_specific_message(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="There is no key file"):
        keys.load(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not json")
    with pytest.raises(KeyFileError, match="damaged"):
        keys.load(bad)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (65 * 1024))
    with pytest.raises(KeyFileError, match="too large"):
        keys.load(big)
