"""A fingerprint of everything that goes into a monitor, so an unchanged rebuild can leave the
file alone (its bytes and its modification time): a scheduled job that runs every few minutes
then only writes when the register, the settings or the history it compares with changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from .config import Config

PROPERTY = "mvi-xl fingerprint"


def fingerprint(
    *, register: bytes, config: Config, options: Iterable[object], version: str, history: bytes
) -> str:
    """sha256 over the register's bytes, the config file and logo, the options (peildatum and
    --publish included), the mvi-xl version and what the monitor takes from its history
    (``history_render.input_digest``: the trend's counts and the compared snapshot's rows as
    the bytes they are in the file, so a history of many large snapshots costs a hash of one)."""
    digest = hashlib.sha256()
    for part in (
        register,
        _file(config.source),
        _file(config.logo),
        repr(tuple(options)).encode(),
        version.encode(),
        history,
    ):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _file(path: Path | None) -> bytes:
    if path is None:
        return b""
    try:
        return path.read_bytes()
    except OSError:
        return b"?"
