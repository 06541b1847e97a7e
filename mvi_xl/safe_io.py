"""Writing files so that a failure never leaves half a monitor behind.

The new file is written beside the target under a temporary name, flushed to disk, and only
then moved over the target in one step (``os.replace``). Until that moment the previous monitor
stays as it was; after a failure the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError

TEMP_PREFIX = ".mvi-xl-"
TEMP_SUFFIX = ".tmp"


@contextlib.contextmanager
def atomic_output(target: Path, *, replace: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it becomes ``target``.

    With ``replace=False`` an existing target is never overwritten (OutputError instead).
    """
    if not replace and target.exists():
        raise OutputError("exists", path=target)
    try:
        fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise OutputError("write_failed", path=target, reason=_reason(exc)) from None
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        _fsync(temporary)
        if not replace and target.exists():
            raise OutputError("exists", path=target)
        temporary.replace(target)  # atomic on the same volume, also on Windows
    except OSError as exc:
        raise OutputError("write_failed", path=target, reason=_reason(exc)) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
