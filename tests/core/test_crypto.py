"""SM4-GCM field encryption: round trip, algorithm prefix, tamper detection."""

import base64

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.db import connection

from qaward.core import crypto
from qaward.core.fields import EncryptedTextField

SECRET = "张三 140802199001011234"


def _tamper(stored: str, index: int) -> str:
    prefix, _, payload = stored.partition("$")
    raw = bytearray(base64.b64decode(payload))
    raw[index] ^= 0x01
    return f"{prefix}${base64.b64encode(bytes(raw)).decode('ascii')}"


def test_sm4_known_vector():
    # GB/T 32907-2016, appendix A, example 1: one block, key = plaintext.
    key = bytes.fromhex("0123456789abcdeffedcba9876543210")
    encryptor = Cipher(algorithms.SM4(key), modes.ECB()).encryptor()  # one block: a known-answer test

    assert (encryptor.update(key) + encryptor.finalize()).hex() == "681edf34d206965e86b3e94f536e4246"


def test_encrypt_round_trip():
    assert crypto.decrypt(crypto.encrypt(SECRET)) == SECRET


def test_encrypt_carries_algorithm_prefix():
    stored = crypto.encrypt(SECRET)

    assert stored.startswith("sm4-gcm$")
    assert SECRET not in stored
    assert "140802199001011234" not in stored


def test_encrypt_same_text_twice_differs():
    # A fresh nonce each time: equal plaintexts must not be recognisable in the database.
    assert crypto.encrypt(SECRET) != crypto.encrypt(SECRET)


@pytest.mark.parametrize("index", [0, 12, 28, -1], ids=["nonce", "tag", "body-first", "body-last"])
def test_decrypt_tampered_ciphertext_fails(index):
    with pytest.raises(InvalidTag):
        crypto.decrypt(_tamper(crypto.encrypt(SECRET), index))


def test_decrypt_with_another_key_fails(settings):
    stored = crypto.encrypt(SECRET)
    settings.FIELD_ENCRYPTION_KEY = "ffeeddccbbaa99887766554433221100"

    with pytest.raises(InvalidTag):
        crypto.decrypt(stored)


def test_decrypt_unknown_algorithm_refused():
    with pytest.raises(ValueError, match="unknown field cipher"):
        crypto.decrypt("aes-cbc$AAAA")


def test_encrypted_field_round_trip():
    field = EncryptedTextField()

    stored = field.get_db_prep_save(SECRET, connection)

    assert stored.startswith("sm4-gcm$")
    assert field.from_db_value(stored, None, connection) == SECRET


@pytest.mark.parametrize("empty", ["", None])
def test_encrypted_field_keeps_empty_values(empty):
    field = EncryptedTextField(null=True, blank=True)

    assert field.get_db_prep_save(empty, connection) == empty
    assert field.from_db_value(empty, None, connection) == empty


def test_encrypted_field_tampered_value_fails():
    field = EncryptedTextField()
    stored = field.get_db_prep_save(SECRET, connection)

    with pytest.raises(InvalidTag):
        field.from_db_value(_tamper(stored, -1), None, connection)
