"""Every file jtk writes goes through :func:`atomic_write`: any file, answers or document.

A write goes to a temporary file ``.<name>.<random>.jtk-tmp`` in the same folder, is flushed and
fsynced, and replaces the target with ``os.replace``; the folder is fsynced after. A process killed at
any moment leaves the old file or the new one, never a mix, and a failed write (a full disk) leaves
the old file as it was. A temporary file left by a killed writer is removed by the next holder of the
file's lock (:func:`jarjestotyokirja.store.locks.locked`; every writer of an answers file holds it, so
a matching temporary file is nobody's); a document's, which no lock guards, by the next run that
writes the same document, once it is an hour old (:func:`remove_old_temp_files`).

A symlinked file is written through: the real file is replaced, in its own folder. The new file keeps
the old one's permissions and, where the process may (root), its owner and group; a read-only file is
not replaced.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import stat
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from jarjestotyokirja.errors import InvalidContent, M
from jarjestotyokirja.os_messages import os_reason

TEMP_SUFFIX = ".jtk-tmp"
# Windows: an antivirus or an indexer holding the target open makes os.replace fail for a moment.
REPLACE_ATTEMPTS = 10 if os.name == "nt" else 1
REPLACE_DELAY = 0.1
_ANSWERS_SUFFIXES = (".yaml", ".yml")
_ANSWERS_KEYS = (b"tyokirja:", b"kunta:")  # at the start of a line


def real_path(path: str | Path) -> Path:
    """``path`` with every symlink resolved (a missing file's path as far as it exists)."""
    return Path(os.path.realpath(path))


def atomic_write(path: str | Path, data: bytes | str, *, like: str | Path | None = None, durable: bool = True) -> None:
    """Replace ``path`` (the real file, when it is a symlink) with ``data`` atomically and durably.

    The file keeps its permissions and owner; ``like`` names another file to take them from instead
    (a draft gets its answers file's mode, never a wider one). ``durable=False``: no fsync, for a
    cache's entries, which a crash may lose or leave empty (their readers check them) but never mix.
    """
    target = real_path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if target.exists() and not os.access(target, os.W_OK):
        raise InvalidContent(M.READ_ONLY, path=str(path))
    model = stat_or_none(like) if like is not None else None
    model = model or stat_or_none(target)
    mode = model.st_mode & 0o777 if model else default_mode()
    try:
        fd, tmp = _create_temp(target)
    except OSError as exc:
        raise write_failed(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            take_owner_and_mode(handle.fileno(), model, mode)
            handle.write(payload)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if not hasattr(os, "fchmod"):  # pragma: no cover - Windows: only the read-only flag
            os.chmod(tmp, mode)
        replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise write_failed(exc, path) from None
        raise
    folders = getattr(_deferred, "folders", None)
    if durable and folders is None:
        _fsync_dir(target.parent)
    elif durable:
        folders.add(target.parent)


def update_file(path: str | Path, data: bytes | str) -> bool:
    """:func:`atomic_write`, unless ``path`` already holds exactly ``data``: whether it wrote.

    For documents, which the same answers render to the same bytes: an unchanged one keeps its
    inode and modification time (rsync, make and backups see nothing new), and a batch over
    unchanged files saves a write, an fsync and a rename each. A file that cannot be replaced
    (read-only, a folder) is refused as by :func:`atomic_write`, unchanged or not.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = real_path(path)
    if _holds(target, payload) and os.access(target, os.W_OK):
        return False
    atomic_write(path, payload)  # its errors name the path as the caller gave it
    return True


def _holds(target: Path, payload: bytes) -> bool:
    """Whether the regular file ``target`` holds exactly ``payload`` (read no further than its size)."""
    try:
        with open(target, "rb") as handle:
            info = os.fstat(handle.fileno())
            return stat.S_ISREG(info.st_mode) and info.st_size == len(payload) and handle.read(len(payload) + 1) == payload
    except OSError:
        return False


_deferred = threading.local()


@contextlib.contextmanager
def folders_synced_at_end() -> Iterator[None]:
    """Inside this block (in this thread), :func:`atomic_write` fsyncs every file before it replaces
    the old one, as always, but each folder only once, when the block ends, however it ends.

    A batch writing hundreds of reports into one folder saves a journal commit per file. It stays
    crash-safe: every file is fully on disk before its rename, so a crash at any moment leaves each
    target old or new, never a mix; and the renames are durable once the block is left, before the
    batch says a file is written. Use it only where nothing reports a write as done inside the block.
    """
    outer = getattr(_deferred, "folders", None)
    if outer is not None:  # nested: the outermost block syncs
        yield
        return
    _deferred.folders = folders = set()
    try:
        yield
    finally:
        _deferred.folders = None
        for folder in sorted(folders):
            _fsync_dir(folder)


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


def write_failed(exc: OSError, path: str | Path) -> InvalidContent:
    return InvalidContent(M.WRITE_FAILED.format(reason=os_reason(exc)), path=str(path))


def stat_or_none(path: str | Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def default_mode() -> int:
    """New files get the usual 0666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def take_owner_and_mode(fd: int, model: os.stat_result | None, mode: int) -> None:
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


# Older than any write takes (a temporary file lives from its creation to its rename: seconds).
UNLOCKED_TEMP_AGE = 3600.0
_OUR_TEMP = re.compile(rf"\.(.+)\.[0-9a-f]{{8}}{re.escape(TEMP_SUFFIX)}")


def remove_old_temp_files(paths: Iterable[str | Path], older_than: float = UNLOCKED_TEMP_AGE) -> list[Path]:
    """Remove the temporary files killed writers of ``paths`` left, where no lock says whose they are
    (documents): only those not changed for ``older_than`` seconds, which no running write can
    still own. One look at each folder, however many paths it holds."""
    wanted: dict[Path, set[str]] = {}
    for path in paths:
        target = real_path(path)
        wanted.setdefault(target.parent, set()).add(target.name)
    removed = []
    limit = time.time() - older_than
    for folder, names in wanted.items():
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                match = _OUR_TEMP.fullmatch(entry.name)
                if not match or match.group(1) not in names or not entry.is_file(follow_symlinks=False):
                    continue
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < limit:
                        os.unlink(entry.path)
                        removed.append(Path(entry.path))
    return removed


def is_answers_file(path: Path) -> bool:
    """An answers file (or another YAML file) by its name, or by its first 64 KiB."""
    if path.suffix.lower() in _ANSWERS_SUFFIXES:
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536).removeprefix(codecs.BOM_UTF8)
    except OSError:
        return False
    # The keys are ASCII: the bytes are searched as they are (decoding and a regular expression took
    # longer than writing the report when the old output was a PDF).
    return all(head.startswith(key) or b"\n" + key in head for key in _ANSWERS_KEYS)
