"""Personal data encrypted at rest with SM4 (GB/T 32907), the key in a file outside the
database (GB/T 39786 level 3: confidentiality of important data at rest).

:class:`Sm4Box` seals a text as ``sm4gcm:<base64(nonce ‖ ciphertext ‖ tag)>`` with
SM4-GCM (``cryptography``'s SM4, through OpenSSL): a fresh 96-bit nonce per value, the tag
authenticating it, the column name as associated data (a value moved to another column
does not open). :class:`EncryptedText` is the SQLAlchemy column type doing it on write and
read, with the process-wide key set by :func:`use_key_file` (``hub serve --data-key``);
without a key, values are stored and read as they are, and an encrypted value read
without the key raises. ``new_key_file`` writes a fresh 128-bit key (0600).
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import Text, TypeDecorator
from sqlalchemy.engine import Dialect

PREFIX = "sm4gcm:"
KEY_BYTES = 16


class Sm4Box:
    """Seal and open texts with one SM4 key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("an SM4 key is 16 bytes")
        self._key = key

    def seal(self, text: str, context: str = "") -> str:
        """``text`` encrypted (``sm4gcm:…``), bound to ``context``."""
        nonce = secrets.token_bytes(12)
        enc = Cipher(algorithms.SM4(self._key), modes.GCM(nonce)).encryptor()
        enc.authenticate_additional_data(context.encode())
        body = enc.update(text.encode("utf-8")) + enc.finalize()
        return PREFIX + base64.b64encode(nonce + body + enc.tag).decode("ascii")

    def open(self, sealed: str, context: str = "") -> str:
        """The text of a sealed value.

        Raises:
            ValueError: not sealed with this key and context (or altered).
        """
        raw = base64.b64decode(sealed.removeprefix(PREFIX))
        nonce, body, tag = raw[:12], raw[12:-16], raw[-16:]
        dec = Cipher(algorithms.SM4(self._key), modes.GCM(nonce, tag)).decryptor()
        dec.authenticate_additional_data(context.encode())
        try:
            return (dec.update(body) + dec.finalize()).decode("utf-8")
        except InvalidTag:
            raise ValueError("the value does not open with this key (altered, or another "
                             "key)") from None


_BOX: Sm4Box | None = None


def use_key_file(path: str | os.PathLike[str] | None) -> None:
    """Set (or, with None, clear) the process-wide key from a 16-byte key file."""
    global _BOX
    if path is None:
        _BOX = None
        return
    key = Path(path).read_bytes().strip()
    if len(key) == 2 * KEY_BYTES:  # hex
        key = bytes.fromhex(key.decode("ascii"))
    _BOX = Sm4Box(key)


def new_key_file(path: str | os.PathLike[str]) -> None:
    """Write a fresh key (hex, mode 0600); refuse to overwrite one."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(secrets.token_hex(KEY_BYTES) + "\n")


class EncryptedText(TypeDecorator[str]):
    """A text column stored SM4-sealed when a key is set (see :func:`use_key_file`).

    Args:
        context: bound into each value (the column's name), so values cannot be swapped
            between columns.
    """

    impl = Text
    cache_ok = True

    def __init__(self, context: str = "") -> None:
        super().__init__()
        self.context = context

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or _BOX is None:
            return value
        return _BOX.seal(value, self.context)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or not value.startswith(PREFIX):
            return value
        if _BOX is None:
            raise ValueError("an encrypted column was read without the data key "
                             "(hub serve --data-key FILE)")
        return _BOX.open(value, self.context)
