"""jtk's folder in the user's cache: what can be made again, kept between runs to make it faster.

Two caches live in it: compiled templates (``templates/``, :mod:`jarjestotyokirja.render.template_cache`)
and the data of YAML files already read (``data/``, :mod:`jarjestotyokirja.yamlio.data_cache`).

The folder: ``JTK_CACHE_DIR`` (empty: no cache), else ``%LOCALAPPDATA%\\jtk`` on Windows,
``~/Library/Caches/jtk`` on macOS, ``$XDG_CACHE_HOME/jtk`` or ``~/.cache/jtk`` elsewhere. A folder
that cannot be made means no cache, never an error or a message; so that no one else can put
anything in it, neither is a folder another user owns or may write to.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path


def cache_folder(name: str) -> Path | None:
    """``<cache>/jtk/<name>``, made if missing; None when it cannot be made or is not safe."""
    base = _base_folder()
    if base is None:
        return None
    folder = base / name
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or not _only_ours(info):
        return None
    return folder


def _base_folder() -> Path | None:
    chosen = os.environ.get("JTK_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) / "jtk" if local else None
    home = os.path.expanduser("~")
    if home == "~":
        return None
    if sys.platform == "darwin":
        return Path(home) / "Library" / "Caches" / "jtk"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg if xdg and os.path.isabs(xdg) else os.path.join(home, ".cache")) / "jtk"


def _only_ours(info: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (POSIX; Windows keeps LOCALAPPDATA private)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return True
    return info.st_uid == getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
