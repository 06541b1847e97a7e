"""A fingerprint of everything that goes into a monitor, so an unchanged rebuild can leave the
file alone (its bytes and its modification time): a scheduled job that runs every few minutes
then only writes when the register, the settings or the history changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path

from .config import Config
from .model import Snapshot

PROPERTY = "mvi-xl fingerprint"


def fingerprint(
    *,
    register: bytes,
    config: Config,
    options: Iterable[object],
    version: str,
    earlier: Iterable[Snapshot],
    render,
) -> str:
    """sha256 over the register's bytes, the config file and logo, the options (peildatum
    included), the mvi-xl version and the earlier snapshots the monitor compares with
    (``render`` turns snapshots into their file form)."""
    digest = hashlib.sha256()
    for part in (
        register,
        _file(config.source),
        _file(config.logo),
        repr(tuple(options)).encode(),
        version.encode(),
        render(tuple(earlier)),
    ):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def earlier_snapshots(snapshots: Iterable[Snapshot], as_of: dt.date) -> tuple[Snapshot, ...]:
    """The history as input: every snapshot but the one this build writes itself."""
    return tuple(s for s in snapshots if s.as_of != as_of)


def _file(path: Path | None) -> bytes:
    if path is None:
        return b""
    try:
        return path.read_bytes()
    except OSError:
        return b"?"
