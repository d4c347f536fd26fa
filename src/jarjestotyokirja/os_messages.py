"""The operating system's reasons in Finnish: ``os_reason(exc)`` wherever an OSError is shown.

``exc.strerror`` is English ("Permission denied") or in the language of the machine; the message
around it is Finnish, so the common reasons are translated by errno and the rest fall back to a
Finnish sentence with the errno's name.
"""

from __future__ import annotations

import errno

from jarjestotyokirja.errors import M

# errno → catalogue name (looked up when used: the language is chosen after import)
_REASONS = {
    errno.EACCES: "OS_EACCES",
    errno.EPERM: "OS_EACCES",
    errno.ENOSPC: "OS_ENOSPC",
    errno.ENOENT: "OS_ENOENT",
    errno.EROFS: "OS_EROFS",
    errno.EISDIR: "OS_EISDIR",
    errno.ENOTDIR: "OS_ENOTDIR",
    errno.EEXIST: "OS_EEXIST",
    errno.ENAMETOOLONG: "OS_ENAMETOOLONG",
    errno.EIO: "OS_EIO",
    errno.EMFILE: "OS_EMFILE",
    errno.ENFILE: "OS_EMFILE",
    errno.EBUSY: "OS_EBUSY",
    errno.ELOOP: "OS_ELOOP",
    errno.EXDEV: "OS_EXDEV",
    errno.ETXTBSY: "OS_EBUSY",
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "OS_EDQUOT"


def os_reason(exc: OSError) -> str:
    """Why ``exc`` happened, in Finnish (never the OS's English ``strerror``)."""
    if exc.errno in _REASONS:
        return getattr(M, _REASONS[exc.errno])
    name = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
    return M.OS_OTHER.format(name=name)
