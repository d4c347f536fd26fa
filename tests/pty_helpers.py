"""``jtk interview`` in a real pseudo-terminal (pexpect): the spawner shared by the pty tests."""

from __future__ import annotations

import io
import os
import shlex
import sys
import time
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

JTK = str(Path(sys.executable).with_name("jtk"))
CTRL = {name: chr(ord(name) - ord("a") + 1) for name in "cdeginpqrstz"}
ACCEPT_TEXT = CTRL["s"]
ESC_ENTER = "\x1b\r"
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIOENCODING"))}
    env.update(LANG="C.UTF-8", TERM="xterm-256color", NO_COLOR="1", COLUMNS="120")
    env.pop("VISUAL", None)
    env.pop("EDITOR", None)
    env.update(extra)
    return env


class Pty:
    """A command in a pseudo-terminal (120×40 unless told) that answers cursor position requests as a
    terminal does (prompt_toolkit draws the bottom toolbar only once it knows where the cursor is)."""

    CPR_REQUEST = "\x1b[6n"

    def __init__(self, cwd: Path, *args: str, encoding: str = "utf-8", command: str = JTK,
                 command_args: list[str] | None = None, size: tuple[int, int] = (40, 120), **env: str) -> None:
        argv = ["interview", *args] if command_args is None else command_args
        self.child = pexpect.spawn(command, argv, cwd=str(cwd), env=environment(**env),
                                   encoding=encoding, dimensions=size, timeout=30)
        self.size = size
        self.log = io.StringIO()  # everything the program wrote, for screen()
        self.child.logfile_read = self.log

    def screen(self) -> list[str]:
        """The terminal's lines as a user sees them now (the output so far, run through a terminal
        emulator)."""
        pyte = pytest.importorskip("pyte")
        rows, columns = self.size
        screen = pyte.Screen(columns, rows)
        pyte.Stream(screen).feed(self.log.getvalue())
        return [line.rstrip() for line in screen.display]

    def at(self, key: str) -> None:
        """Wait for the question ``key`` and its prompt."""
        self.expect(key)
        self.expect("lopeta")

    def answer(self, key: str, keys: str) -> None:
        self.at(key)
        self.child.send(keys)

    def expect(self, text: str) -> None:
        while self.child.expect_exact([text, self.CPR_REQUEST]) == 1:
            self.child.send("\x1b[20;1R")

    def exit_code(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -self.child.signalstatus

    def close_master(self) -> None:
        """Drop the terminal as ssh or a closed window does: close the pty's master side only."""
        self.child.ptyproc.fileobj.close()


def jtk_line(folder: Path, *args: str) -> str:
    """A shell line that runs ``jtk interview`` writing its pid and stderr to files in ``folder``."""
    quoted = " ".join(shlex.quote(a) for a in args)
    return (f"echo $$ > {shlex.quote(str(folder / 'jtk.pid'))}; "
            f"exec {shlex.quote(JTK)} interview {quoted} 2> {shlex.quote(str(folder / 'jtk.err'))}")


def jtk_pid(folder: Path, timeout: float = 30) -> int:
    pid_file = folder / "jtk.pid"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = pid_file.read_text() if pid_file.exists() else ""
        if text.strip():
            return int(text)
        time.sleep(0.05)
    raise AssertionError("jtk did not start")


def is_gone(pid: int) -> bool:
    """Whether process ``pid`` has ended (a zombie waiting for its parent counts as ended)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[0] in ("Z", "X")


def wait_until(check, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    """Poll ``check`` until it holds or ``timeout`` (generous: it detects a hang, it is no speed limit)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return bool(check())
