"""A program mvi-xl hands work to (LibreOffice, a Chromium-family browser): finding it (on
the PATH first, then where its installers put it) and running it headless to its end."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path


def on_path_or_installed(
    names: Iterable[str], locations: Iterable[Path], environ: Mapping[str, str]
) -> Path | None:
    """The first of ``names`` on the PATH of ``environ``, else the first of ``locations`` that
    is a file, else None."""
    for name in names:
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return Path(found)
    return next((candidate for candidate in locations if candidate.is_file()), None)


def run_to_end(
    command: list[str], timeout: float, failed: Callable[[str], Exception], program: str
) -> None:
    """Run ``command`` (``program`` names it in a reason) without a console or input, to its
    end. ``failed(reason)`` is raised when it can't start, takes longer than ``timeout``
    seconds (it is ended, helper processes and all: on POSIX it leads a session of its own)
    or stops with an error code (the reason holds the last line it printed)."""
    posix = os.name == "posix"
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=posix,
        )
    except OSError as exc:
        raise failed(exc.strerror or str(exc)) from None
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.communicate()
        raise failed(f"{program} took longer than {timeout:.0f} s") from None
    if process.returncode != 0:
        last = output.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
        raise failed(f"{program} stopped with code {process.returncode}: {last[0][:200]}")
