"""Every file jtk writes goes through :func:`atomic_write`; :func:`locked` keeps writers apart.

A write goes to a temporary file ``.<name>.<random>.jtk-tmp`` in the same folder, is flushed and
fsynced, and replaces the target with ``os.replace``; the folder is fsynced after. A process killed at
any moment leaves the old file or the new one, never a mix, and a failed write (a full disk) leaves
the old file as it was. A temporary file left by a killed writer is removed by the next holder of the
file's lock (every writer of an answers file holds it, so a matching temporary file is nobody's).

A symlinked file is written through: the real file is replaced, in its own folder, and locked under
its real path, so two links to one file share one lock. The new file keeps the old one's permissions
and, where the process may (root), its owner and group; a read-only file is not replaced.

A document jtk writes (:func:`write_outputs`) is never one of the files it was made from, nor an
answers file: those are refused before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from jarjestotyokirja import locks
from jarjestotyokirja.errors import Conflict, InvalidContent, M, NotFound
from jarjestotyokirja.os_messages import os_reason

LOCK_SUFFIX = ".jtk-lock"
TEMP_SUFFIX = ".jtk-tmp"
INTERVIEW = "jtk interview"  # the holder name of an interview, which refusals name as such
# Windows: an antivirus or an indexer holding the target open makes os.replace fail for a moment.
REPLACE_ATTEMPTS = 10 if os.name == "nt" else 1
REPLACE_DELAY = 0.1
_POLL = (0.01, 0.05)  # seconds between tries while waiting for a lock
_ANSWERS_SUFFIXES = (".yaml", ".yml")
_ANSWERS_KEYS = (re.compile(r"^tyokirja:", re.MULTILINE), re.compile(r"^kunta:", re.MULTILINE))


def real_path(path: str | Path) -> Path:
    """``path`` with every symlink resolved (a missing file's path as far as it exists)."""
    return Path(os.path.realpath(path))


def atomic_write(path: str | Path, data: bytes | str, *, like: str | Path | None = None) -> None:
    """Replace ``path`` (the real file, when it is a symlink) with ``data`` atomically and durably.

    The file keeps its permissions and owner; ``like`` names another file to take them from instead
    (a draft gets its answers file's mode, never a wider one).
    """
    target = real_path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if target.exists() and not os.access(target, os.W_OK):
        raise InvalidContent(M.READ_ONLY, path=str(path))
    model = _stat(like) if like is not None else None
    model = model or _stat(target)
    mode = model.st_mode & 0o777 if model else _default_mode()
    try:
        fd, tmp = _create_temp(target)
    except OSError as exc:
        raise _write_failed(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            _take_owner_and_mode(handle.fileno(), model, mode)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if not hasattr(os, "fchmod"):  # pragma: no cover - Windows: only the read-only flag
            os.chmod(tmp, mode)
        replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _write_failed(exc, path) from None
        raise
    _fsync_dir(target.parent)


def replace(source: str | Path, target: str | Path) -> None:
    """``os.replace``, tried again for about a second while it fails with PermissionError (Windows)."""
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(REPLACE_DELAY)


def _create_temp(target: Path) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = str(target.with_name(f".{target.name}.{os.urandom(4).hex()}{TEMP_SUFFIX}"))
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:  # pragma: no cover - 32 random bits taken
            continue


def _write_failed(exc: OSError, path: str | Path) -> InvalidContent:
    return InvalidContent(M.WRITE_FAILED.format(reason=os_reason(exc)), path=str(path))


def _stat(path: str | Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _default_mode() -> int:
    """New files get the usual 0666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _take_owner_and_mode(fd: int, model: os.stat_result | None, mode: int) -> None:
    """Give the open file ``model``'s owner and group where this process may (root may; anyone may
    keep a group they belong to), then ``mode`` (after, since a change of owner clears some bits)."""
    if model is not None and hasattr(os, "fchown"):
        if os.geteuid() == 0:
            with contextlib.suppress(OSError):
                os.fchown(fd, model.st_uid, model.st_gid)
        elif model.st_gid != os.getegid():
            with contextlib.suppress(OSError):
                os.fchown(fd, -1, model.st_gid)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover - Windows cannot open a directory
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _stale_temp_pattern(name: str) -> re.Pattern[str]:
    """Temporary files of ``name`` and of its sidecars ``.<name>.jtk-*`` (drafts, backups); also the
    ``.tmp`` ones of earlier versions of jtk."""
    name = re.escape(name)
    return re.compile(rf"\.(?:{name}|\.{name}\.jtk-[a-z]+)\.(?:[0-9a-f]{{8}}{re.escape(TEMP_SUFFIX)}|[a-z0-9_]{{8}}\.tmp)")


def remove_stale_temp_files(path: str | Path) -> list[Path]:
    """Remove the temporary files that killed writers of ``path`` left; call only holding its lock."""
    target = real_path(path)
    pattern = _stale_temp_pattern(target.name)
    removed = []
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


# --- the lock ------------------------------------------------------------------------------------

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
    model = _stat(target)
    # The lock file is the file owner's and no more readable than the file; its owner may always write it.
    lock_mode = (model.st_mode & 0o666 | 0o600) if model else _default_mode()
    try:
        fd, noted = locks.open_lock_file(str(lock_file), lock_mode)
    except FileNotFoundError:  # the folder is missing
        raise NotFound(M.FILE_NOT_FOUND, path=str(path)) from None
    except OSError as exc:
        raise _write_failed(exc, path) from None
    try:
        if not _acquire(fd, wait):
            raise Conflict(_refusal(lock_file, wait), path=str(path))
    except OSError as exc:
        os.close(fd)
        raise _write_failed(exc, path) from None
    except BaseException:
        os.close(fd)
        raise
    try:
        if noted:
            locks.write_note(fd, locks.this_process(holder))
        if model is not None:
            with contextlib.suppress(OSError):
                _take_owner_and_mode(fd, model, lock_mode)
        remove_stale_temp_files(target)
        yield
    finally:
        if noted:
            locks.clear_note(fd)
        with contextlib.suppress(OSError):
            locks.unlock(fd)
        os.close(fd)


def _acquire(fd: int, wait: float) -> bool:
    deadline = time.monotonic() + (wait if wait > 0 else 0)  # a NaN waits not at all
    while not locks.try_lock(fd):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        low, high = _POLL  # a little jitter, so that waiting writers do not move in step
        time.sleep(min(remaining, low + (high - low) * os.urandom(1)[0] / 255))
    return True


def _refusal(lock_file: Path, waited: float) -> str:
    holder = locks.read_note(str(lock_file))
    if holder is None:
        message = M.LOCKED.format(lock=lock_file.name)
    else:
        template = M.LOCKED_INTERVIEW if holder.command == INTERVIEW else M.LOCKED_BY
        message = template.format(holder=describe_holder(holder))
    if waited > 0:
        message += " " + M.LOCK_WAITED.format(seconds=f"{waited:g}".replace(".", ","))
    return message


def describe_holder(holder: locks.Holder) -> str:
    """``jtk interview, pid 4121, klo 10.15``; the machine too when it is another one."""
    import socket

    parts = [holder.command]
    if holder.pid:
        parts.append(M.LOCK_PID.format(pid=holder.pid))
    if holder.host and holder.host != socket.gethostname():
        parts.append(M.LOCK_HOST.format(host=holder.host))
    started = locks.started_at(holder)
    if started:
        day, clock = started
        parts.append(M.LOCK_SINCE_DAY.format(day=day, time=clock) if day else M.LOCK_SINCE.format(time=clock))
    return ", ".join(parts)


# --- documents jtk writes ----------------------------------------------------------------------

def check_outputs(targets: Iterable[str | Path], inputs: Iterable[str | Path]) -> None:
    """Refuse (:class:`Conflict`) to write a document over one of its ``inputs`` (links and hard
    links resolved) or over an existing answers file: a ``.yaml``/``.yml`` file, or one with the
    answers' top-level ``tyokirja:`` and ``kunta:`` keys. Any other existing file at an output path
    is taken for an earlier output and replaced.
    """
    sources = [Path(p) for p in inputs]
    for target in map(Path, targets):
        for source in sources:
            if _same_file(target, source):
                raise Conflict(M.OUTPUT_IS_INPUT.format(output=target, input=source), path=str(target))
        if _stat(target) is not None and is_answers_file(target):
            raise Conflict(M.OUTPUT_NOT_OURS.format(output=target), path=str(target))


def write_outputs(files: Sequence[tuple[Path, bytes | str]], inputs: Iterable[str | Path]) -> list[Path]:
    """Check every target (:func:`check_outputs`), then write each atomically; the paths written."""
    check_outputs([target for target, _ in files], inputs)
    for target, data in files:
        atomic_write(target, data)
    return [target for target, _ in files]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they lead
        return os.path.normcase(real_path(a)) == os.path.normcase(real_path(b))


def is_answers_file(path: Path) -> bool:
    """An answers file (or another YAML file) by its name, or by its first 64 KiB."""
    if path.suffix.lower() in _ANSWERS_SUFFIXES:
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536).decode("utf-8-sig", errors="replace")
    except OSError:
        return False
    return all(key.search(head) for key in _ANSWERS_KEYS)
