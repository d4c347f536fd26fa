"""The operating system's reasons in Finnish: ``os_reason(exc)`` wherever an OSError is shown.

``exc.strerror`` is English ("Permission denied") or in the language of the machine; the message
around it is Finnish, so the common reasons are translated by errno and the rest fall back to a
Finnish sentence with the errno's name.
"""

from __future__ import annotations

import errno

from jarjestotyokirja.errors import M

_REASONS = {
    errno.EACCES: M.OS_EACCES,
    errno.EPERM: M.OS_EACCES,
    errno.ENOSPC: M.OS_ENOSPC,
    errno.ENOENT: M.OS_ENOENT,
    errno.EROFS: M.OS_EROFS,
    errno.EISDIR: M.OS_EISDIR,
    errno.ENOTDIR: M.OS_ENOTDIR,
    errno.EEXIST: M.OS_EEXIST,
    errno.ENAMETOOLONG: M.OS_ENAMETOOLONG,
    errno.EIO: M.OS_EIO,
    errno.EMFILE: M.OS_EMFILE,
    errno.ENFILE: M.OS_EMFILE,
    errno.EBUSY: M.OS_EBUSY,
    errno.ELOOP: M.OS_ELOOP,
    errno.EXDEV: M.OS_EXDEV,
    errno.ETXTBSY: M.OS_EBUSY,
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = M.OS_EDQUOT


def os_reason(exc: OSError) -> str:
    """Why ``exc`` happened, in Finnish (never the OS's English ``strerror``)."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    name = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
    return M.OS_OTHER.format(name=name)
