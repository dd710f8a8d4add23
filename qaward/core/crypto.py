"""Commercial cryptography (商用密码, GB/T 39786): SM3 digests and SM4 field encryption.

Every ciphertext carries its algorithm name, so the algorithm can be changed later without
guessing how old values were written.
"""

from __future__ import annotations

import base64
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.conf import settings

SM4_GCM = "sm4-gcm"


def sm3_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize().hex()


def _key() -> bytes:
    return bytes.fromhex(settings.FIELD_ENCRYPTION_KEY)


def encrypt(plaintext: str) -> str:
    nonce = os.urandom(12)
    encryptor = Cipher(algorithms.SM4(_key()), modes.GCM(nonce)).encryptor()
    body = encryptor.update(plaintext.encode("utf-8")) + encryptor.finalize()
    payload = base64.b64encode(nonce + encryptor.tag + body).decode("ascii")
    return f"{SM4_GCM}${payload}"


def decrypt(stored: str) -> str:
    algorithm, _, payload = stored.partition("$")
    if algorithm != SM4_GCM:
        raise ValueError(f"unknown field cipher {algorithm!r}")
    raw = base64.b64decode(payload)
    nonce, tag, body = raw[:12], raw[12:28], raw[28:]
    decryptor = Cipher(algorithms.SM4(_key()), modes.GCM(nonce, tag)).decryptor()
    return (decryptor.update(body) + decryptor.finalize()).decode("utf-8")
