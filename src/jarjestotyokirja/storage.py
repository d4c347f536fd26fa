"""Every file jtk writes goes through :func:`atomic_write`; :func:`locked` keeps writers apart.

A write goes to a temporary file in the same folder, is flushed and fsynced, and replaces the target
with ``os.replace``; the folder is fsynced after. A process killed at any moment leaves the old file
or the new one, never a mix, and a failed write (a full disk) leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from jarjestotyokirja.errors import Conflict, InvalidContent, M
from jarjestotyokirja.os_messages import os_reason

LOCK_SUFFIX = ".jtk-lock"


def atomic_write(path: str | Path, data: bytes | str) -> None:
    """Replace ``path`` with ``data`` atomically and durably."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    mode = _mode_for(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise InvalidContent(M.WRITE_FAILED.format(reason=os_reason(exc)), path=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise InvalidContent(M.WRITE_FAILED.format(reason=os_reason(exc)), path=str(path)) from None
        raise
    _fsync_dir(folder)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows cannot open a directory
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def lock_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(f".{path.name}{LOCK_SUFFIX}")


@contextlib.contextmanager
def locked(path: str | Path) -> Iterator[None]:
    """Hold the sidecar lock of ``path``; refuse at once if another process holds it.

    The lock is an OS file lock (``filelock``): the kernel releases it when its process dies, so a
    crashed session never blocks the next one. The lock file is removed on release.
    """
    from filelock import FileLock, Timeout

    lock_file = lock_path(path)
    lock = FileLock(lock_file, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise Conflict(M.LOCKED.format(lock=lock_file.name), path=str(path)) from None
    except OSError as exc:
        raise InvalidContent(M.WRITE_FAILED.format(reason=os_reason(exc)), path=str(path)) from None
    try:
        yield
    finally:
        lock.release()
        with contextlib.suppress(OSError):
            lock_file.unlink()
