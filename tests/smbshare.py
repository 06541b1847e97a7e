"""A real SMB share for the tests: Samba serving 127.0.0.1 only, mounted through smbnetfs (a
FUSE client that speaks SMB 3.1.1), as a Linux machine mounts the municipality's drive.

    python tests/smbshare.py start DIR   # smbd as a daemon; prints its pid (DIR/pid/smbd.pid)
    python tests/smbshare.py stop DIR    # stops it by that pid

``.ci/run`` starts the server and exports ``MVI_XL_SMB_DIR``; without it the test session
starts a server of its own where it can (root, smbd, smbnetfs, /dev/fuse). Each mount is its
own smbnetfs process with its own configuration: two mounts are two SMB clients, the "two
machines" of the lock tests. Everything lives under DIR; nothing of the system's Samba set-up
is used or changed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

SHARE = "mvi"
READ_ONLY_SHARE = "mvi-ro"
HOST = "127.0.0.1"
PORT = 445

SMB_CONF = """\
[global]
  interfaces = 127.0.0.1
  bind interfaces only = yes
  smb ports = 445
  disable netbios = yes
  server role = standalone server
  server min protocol = SMB3_11
  map to guest = Bad User
  guest account = root
  lock directory = {dir}/lock
  state directory = {dir}/state
  cache directory = {dir}/cache
  private dir = {dir}/private
  pid directory = {dir}/pid
  ncalrpc dir = {dir}/state/ncalrpc
  log file = {dir}/log/smbd.log
  max log size = 1000
  load printers = no
  printing = bsd
  printcap name = /dev/null
  disable spoolss = yes
[{share}]
  path = {dir}/share
  guest ok = yes
  guest only = yes
  read only = no
  force user = root
[{ro}]
  path = {dir}/share
  guest ok = yes
  guest only = yes
  read only = yes
  force user = root
"""

CLIENT_CONF = """\
[global]
  client min protocol = SMB3_11
  client max protocol = SMB3_11
"""
SMBNETFS_CONF = 'auth "guest" ""\nsmb_query_browsers "false"\n'


def missing() -> str | None:
    """Why a share can't be set up here, or None."""
    for program in ("smbd", "smbnetfs", "smbclient"):
        if shutil.which(program) is None:
            return f"{program} is not installed (apt-get install samba smbnetfs smbclient)"
    if shutil.which("fusermount") is None and shutil.which("fusermount3") is None:
        return "fusermount is not installed (apt-get install fuse3)"
    if not os.access("/dev/fuse", os.R_OK | os.W_OK):
        return "/dev/fuse is not usable here"
    if os.geteuid() != 0:
        return "starting Samba on port 445 needs root"
    return None


def pid_file(folder: Path) -> Path:
    return folder / "pid" / "smbd.pid"


def start(folder: Path) -> int:
    """Start smbd for ``folder`` (made when missing) and wait until it answers; its pid."""
    folder = folder.resolve()
    for part in ("share", "state", "lock", "pid", "cache", "private", "log"):
        (folder / part).mkdir(parents=True, exist_ok=True)
    conf = folder / "smb.conf"
    conf.write_text(SMB_CONF.format(dir=folder, share=SHARE, ro=READ_ONLY_SHARE))
    subprocess.run(["smbd", "-D", "-s", str(conf)], check=True, timeout=60)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if pid_file(folder).exists() and _answers():
            return int(pid_file(folder).read_text().split()[0])
        time.sleep(0.1)
    raise RuntimeError(f"smbd did not start; see {folder / 'log' / 'smbd.log'}")


def stop(folder: Path) -> None:
    """Stop the smbd of ``folder`` by its pid, and wait until the port is free."""
    try:
        pid = int(pid_file(folder).read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (_alive(pid) or _answers()):
        time.sleep(0.1)
    if _alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie (our own child) counts as gone
    with contextlib.suppress(ChildProcessError, OSError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    return True


def _answers() -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((HOST, PORT)) == 0


class Mount:
    """One smbnetfs client: ``root`` is the mount point, ``share`` the share's folder in it."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder / name
        self.home = self.folder / "home"
        self.root = self.folder / "mnt"

    def share(self, name: str = SHARE) -> Path:
        return self.root / HOST / name

    def mount(self) -> Mount:
        (self.home / ".smb").mkdir(parents=True, exist_ok=True)
        self.root.mkdir(parents=True, exist_ok=True)
        config = self.home / ".smb" / "smbnetfs.conf"
        config.write_text(SMBNETFS_CONF)
        config.chmod(0o600)  # smbnetfs ignores "auth" in a file others can read
        (self.home / ".smb" / "smb.conf").write_text(CLIENT_CONF)
        env = {**os.environ, "HOME": str(self.home)}
        subprocess.run(["smbnetfs", str(self.root)], env=env, check=True, timeout=60)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                if self.share().is_dir() and (self.share() / ".").stat():
                    os.listdir(self.share())
                    return self
            time.sleep(0.2)
        raise RuntimeError(f"smbnetfs did not mount {self.share()}")

    def unmount(self) -> None:
        tool = shutil.which("fusermount3") or shutil.which("fusermount") or "fusermount"
        for _ in range(20):
            done = subprocess.run([tool, "-u", str(self.root)], capture_output=True, timeout=60)
            if done.returncode == 0 or not os.path.ismount(self.root):
                return
            time.sleep(0.2)
        subprocess.run([tool, "-uz", str(self.root)], capture_output=True, timeout=60)


class Holder:
    """Another SMB client (smbclient) that keeps a file on the share open, as Excel on a
    colleague's machine does: the server then refuses to replace or remove it."""

    def __init__(self, relative: str) -> None:
        self.relative = relative.replace("/", "\\")
        self.process: subprocess.Popen[str] | None = None

    def __enter__(self) -> Holder:
        self.process = subprocess.Popen(
            [*_line_buffered(), "smbclient", "-N", f"//{HOST}/{SHARE}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f'open "{self.relative}"\n')
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        while line and "open file" not in line:
            if "NT_STATUS" in line:
                raise RuntimeError(f"smbclient could not open {self.relative}: {line.strip()}")
            line = self.process.stdout.readline()
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self.process is not None and self.process.stdin is not None
        with contextlib.suppress(OSError):
            self.process.stdin.write("quit\n")
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def _line_buffered() -> list[str]:
    """smbclient buffers what it says into a pipe; stdbuf makes it say each line at once."""
    return ["stdbuf", "-oL"] if shutil.which("stdbuf") else []


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("start", "stop"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    folder = Path(argv[2])
    if argv[1] == "start":
        print(start(folder))
    else:
        stop(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
