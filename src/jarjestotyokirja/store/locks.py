"""The lock of an answers file: :func:`locked`, the OS file lock under it, and the note of who holds it.

The lock is the kernel's: ``flock`` on POSIX, a byte-range lock (``msvcrt.locking``) on Windows. The
kernel releases it when its process dies, so a crashed or killed writer never blocks the next one.

The lock file is never deleted. Deleting it on release is what once let two writers in at once: a
process that had opened the old file locked a deleted inode while the next one created a new file and
locked that. A file that stays put has one inode for everyone; there is nothing to re-check (inode
numbers are not dependable on network shares anyway), and Windows would refuse to delete a file that
another process has open. The file is a few bytes next to the answers file, ignored by ``*.jtk-lock``.

While held it holds a note of the holder, ``komento``, ``pid``, ``kone`` and ``alkoi`` lines, which a
refused process reads to say who has the file; the note is emptied on release. On Windows the lock
covers one byte far past the note, since a locked range cannot be read by others.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jarjestotyokirja.errors import Conflict, M, NotFound
from jarjestotyokirja.files import (
    default_mode,
    real_path,
    remove_stale_temp_files,
    stat_or_none,
    take_owner_and_mode,
    write_failed,
)

if TYPE_CHECKING:
    import datetime as dt

_WINDOWS_LOCK_OFFSET = 0x7FFFFFF0
_NOTE_LIMIT = 4096
LOCK_SUFFIX = ".jtk-lock"
INTERVIEW = "jtk interview"  # the holder name of an interview, which refusals name as such
_POLL = (0.01, 0.05)  # seconds between tries while waiting for a lock

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def try_lock(fd: int) -> bool:
        """Take the lock of the open lock file ``fd`` if it is free; False if another process has it."""
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def try_lock(fd: int) -> bool:
        """Take the lock of the open lock file ``fd`` if it is free; False if another process has it."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def open_lock_file(path: str, mode: int) -> tuple[int, bool]:
    """Open (or create) the lock file; returns the descriptor and whether the note can be written.

    A lock file made by another user may be read-only to us: it can still be locked, only not noted in.
    """
    binary = getattr(os, "O_BINARY", 0)
    try:
        return os.open(path, os.O_CREAT | os.O_RDWR | binary, mode), True
    except PermissionError as refused:
        try:
            return os.open(path, os.O_RDONLY | binary), False
        except FileNotFoundError:  # a read-only folder without a lock file: the first error says it
            raise refused from None


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as its note says."""

    command: str
    pid: str = ""
    host: str = ""
    started: str = ""  # ISO 8601, local time with its offset

    def note(self) -> str:
        return f"komento: {self.command}\npid: {self.pid}\nkone: {self.host}\nalkoi: {self.started}\n"


def this_process(command: str) -> Holder:
    import datetime as dt
    import socket

    started = dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    return Holder(command, str(os.getpid()), socket.gethostname(), started)


def write_note(fd: int, holder: Holder) -> None:
    """Replace the note with ``holder``; best effort (a full disk must not stop the edit)."""
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, holder.note().encode("utf-8"))


def clear_note(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)


def read_note(path: str) -> Holder | None:
    """The holder noted in the lock file, or None when there is no (whole) note."""
    try:
        with open(path, "rb") as handle:
            text = handle.read(_NOTE_LIMIT).decode("utf-8", errors="replace")
    except OSError:
        return None
    fields = dict(line.partition(": ")[::2] for line in text.splitlines() if ": " in line)
    if not fields.get("komento"):
        return None
    return Holder(fields["komento"], fields.get("pid", ""), fields.get("kone", ""), fields.get("alkoi", ""))


def started_at(holder: Holder, today: dt.date | None = None) -> tuple[str, str] | None:
    """When the holder started, in local time, the Finnish way: ``("", "10.15")`` today,
    ``("30.11.2026", "10.15")`` on an earlier day; None when the note has no time."""
    import datetime as dt

    try:
        started = dt.datetime.fromisoformat(holder.started).astimezone()
    except ValueError:
        return None
    clock = f"{started.hour}.{started.minute:02d}"
    if started.date() == (today or dt.date.today()):
        return "", clock
    return f"{started.day}.{started.month}.{started.year}", clock


def lock_path(path: str | Path) -> Path:
    """The lock file of ``path``: ``.<name>.jtk-lock`` beside the real file."""
    target = real_path(path)
    return target.with_name(f".{target.name}{LOCK_SUFFIX}")


@contextlib.contextmanager
def locked(path: str | Path, *, wait: float = 0, holder: str = "jtk") -> Iterator[None]:
    """Hold the lock of ``path`` (its real file); wait up to ``wait`` seconds for another holder,
    then refuse (:class:`Conflict`, naming the holder). ``holder`` is what a refused process is told
    holds the file (``"jtk set"``; :data:`INTERVIEW` for an interview).

    The lock is the kernel's (:mod:`locks`): a holder that dies releases it. Holding it, stale
    temporary files of the file are removed.
    """
    target = real_path(path)
    lock_file = lock_path(target)
    model = stat_or_none(target)
    # The lock file is the file owner's and no more readable than the file; its owner may always write it.
    lock_mode = (model.st_mode & 0o666 | 0o600) if model else default_mode()
    try:
        fd, noted = open_lock_file(str(lock_file), lock_mode)
    except FileNotFoundError:  # the folder is missing
        raise NotFound(M.FILE_NOT_FOUND, path=str(path)) from None
    except OSError as exc:
        raise write_failed(exc, path) from None
    try:
        if not _acquire(fd, wait):
            raise Conflict(_refusal(lock_file, wait), path=str(path))
    except OSError as exc:
        os.close(fd)
        raise write_failed(exc, path) from None
    except BaseException:
        os.close(fd)
        raise
    try:
        if noted:
            write_note(fd, this_process(holder))
        if model is not None:
            with contextlib.suppress(OSError):
                take_owner_and_mode(fd, model, lock_mode)
        remove_stale_temp_files(target)
        yield
    finally:
        if noted:
            clear_note(fd)
        with contextlib.suppress(OSError):
            unlock(fd)
        os.close(fd)


def _acquire(fd: int, wait: float) -> bool:
    deadline = time.monotonic() + (wait if wait > 0 else 0)  # a NaN waits not at all
    while not try_lock(fd):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        low, high = _POLL  # a little jitter, so that waiting writers do not move in step
        time.sleep(min(remaining, low + (high - low) * os.urandom(1)[0] / 255))
    return True


def _refusal(lock_file: Path, waited: float) -> str:
    holder = read_note(str(lock_file))
    if holder is None:
        message = M.LOCKED.format(lock=lock_file.name)
    else:
        template = M.LOCKED_INTERVIEW if holder.command == INTERVIEW else M.LOCKED_BY
        message = template.format(holder=describe_holder(holder))
    if waited > 0:
        message = message.with_hint(M.LOCK_WAITED.format(seconds=f"{waited:g}".replace(".", ",")))
    return message


def describe_holder(holder: Holder) -> str:
    """``jtk interview, pid 4121, klo 10.15``; the machine too when it is another one."""
    import socket

    parts = [holder.command]
    if holder.pid:
        parts.append(M.LOCK_PID.format(pid=holder.pid))
    if holder.host and holder.host != socket.gethostname():
        parts.append(M.LOCK_HOST.format(host=holder.host))
    started = started_at(holder)
    if started:
        day, clock = started
        parts.append(M.LOCK_SINCE_DAY.format(day=day, time=clock) if day else M.LOCK_SINCE.format(time=clock))
    return ", ".join(parts)


# --- documents jtk writes ----------------------------------------------------------------------
