"""A Chromium-family browser (Edge, Chrome, Chromium) that prints the --html page to a tagged
PDF: headless, ``--print-to-pdf``. Chromium tags what it prints (headings, the table with its
header cells, lists, the chart as a Figure whose /Alt is the SVG's title and description), and
sets /Lang from the page's ``lang`` and /Title from its ``<title>``.

- The browser is found through ``MVI_XL_BROWSER`` (set but empty, or naming no file: no
  browser, so the PDF is LibreOffice's), else msedge, chrome, chromium, chromium-browser or
  google-chrome on the PATH, else the usual install folders of Edge, Chrome and Chromium on
  Windows and macOS. Microsoft Edge is on every Windows machine.
- Each run uses a throw-away profile, so it works while the user has the browser open; the
  browser gets no network (the page makes no request anyway) and a time limit.
- The PDF is written to a temporary file beside the target and replaces it only when whole.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from functools import partial
from pathlib import Path

from .errors import OutputError
from .programs import on_path_or_installed, run_to_end
from .safe_io import put_in_place

#: Names the browser to print with; set but empty means none (LibreOffice prints, untagged).
BROWSER_ENV = "MVI_XL_BROWSER"
NAMES = (
    "msedge",
    "chrome",
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "microsoft-edge",
)
#: Seconds the browser may take, start-up included.
TIMEOUT = 120.0


def find_browser(environ: Mapping[str, str] | None = None) -> Path | None:
    """The browser's executable, or None."""
    environ = os.environ if environ is None else environ
    if BROWSER_ENV in environ:
        named = environ[BROWSER_ENV].strip()
        path = Path(named) if named else None
        return path if path is not None and path.is_file() else None
    return on_path_or_installed(NAMES, install_locations(environ), environ)


def install_locations(environ: Mapping[str, str]) -> list[Path]:
    """Where Edge, Chrome and Chromium install themselves when they are not on the PATH."""
    keys = ("ProgramFiles(x86)", "ProgramFiles", "ProgramW6432", "LOCALAPPDATA")
    roots = [environ.get(k) for k in keys]
    if os.name == "nt":
        roots += [r"C:\Program Files (x86)", r"C:\Program Files"]
    inside = (
        ("Microsoft", "Edge", "Application", "msedge.exe"),
        ("Google", "Chrome", "Application", "chrome.exe"),
        ("Chromium", "Application", "chrome.exe"),
    )
    windows = [Path(root, *parts) for parts in inside for root in roots if root]
    mac = [
        Path("/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"),
        Path("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
        Path("/Applications/Chromium.app/Contents/MacOS/Chromium"),
    ]
    return list(dict.fromkeys(windows + mac))


def browser_command(browser: Path, profile: Path) -> list[str]:
    """The browser, headless, with its own profile and no network: everything but the task."""
    command = [
        str(browser),
        "--headless",
        "--disable-gpu",
        f"--user-data-dir={profile}",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-sync",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=127.0.0.1:9",
    ]
    if os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--no-sandbox")  # Chromium refuses to start as root with its sandbox
    return command


def print_pdf(browser: Path, page: str, target: Path, timeout: float | None = None) -> Path:
    """Print ``page`` (the HTML text) to ``target``; returns where the PDF went: ``target``,
    or a dated sibling when ``target`` is open in a viewer that holds it. ``timeout``:
    seconds, default ``TIMEOUT``."""
    with tempfile.TemporaryDirectory(prefix="mvi-xl-browser-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        source, printed = folder / "monitor.html", folder / "monitor.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            *browser_command(browser, folder / "profile"),
            "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
            f"--print-to-pdf={printed}",
            source.as_uri(),
        ]
        _run(command, TIMEOUT if timeout is None else timeout, target)
        if not _is_whole_pdf(printed):
            raise OutputError(
                "browser_failed", path=target, reason="no PDF was made", env=BROWSER_ENV
            )
        return put_in_place(partial(shutil.copyfile, printed), target)


def _is_whole_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            head = stream.read(5)
            stream.seek(max(0, path.stat().st_size - 1024))
            tail = stream.read()
    except OSError:
        return False
    return head == b"%PDF-" and b"%%EOF" in tail


def _run(command: list[str], timeout: float, target: Path) -> None:
    def failed(reason: str) -> OutputError:
        return OutputError("browser_failed", path=target, reason=reason, env=BROWSER_ENV)

    run_to_end(command, timeout, failed, "the browser")


__all__ = ["BROWSER_ENV", "browser_command", "find_browser", "install_locations", "print_pdf"]
