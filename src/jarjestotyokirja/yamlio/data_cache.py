"""The data of YAML texts already read, kept between runs: what the loader made of the same text.

libyaml takes about 1.4 ms to read a 20 KB answers file, a quarter of what making its Markdown
report takes; a batch (``jtk report``, ``jtk compare``, the versions in git history) reads the same
unchanged files run after run. Loading a kept entry takes a tenth of that. Only callers that read
many files ask for it (``cached=True``): the interview and ``jtk set`` read each version once.

What is used is always what the loader would make of the text:

* the entry's name is the SHA-256 of the text together with the loader's own state (jtk's version,
  the size and time of the modules that turn YAML into data, PyYAML's version), so a changed text or
  a changed loader never finds an old entry;
* only a text that loaded cleanly is kept (no syntax error, alias, tag or duplicate key): a text
  with anything to report is read by the loader each time, which reports it with its line;
* an entry is its data as JSON after a SHA-256 of its name and that JSON; an entry that does not
  match (cut short, emptied by a crash, changed) is not used, and is replaced.

Entries are written atomically but not fsynced: a crash may lose one, which is only read again.
Texts under :data:`MIN_TEXT` characters are not kept (libyaml reads them in no time). About
:data:`MAX_ENTRIES` are kept: the first entry a process writes into a folder that full has the
oldest removed, down to :data:`KEEP_ENTRIES` (some 60 MB of answers files). The folder is
``<cache>/jtk/data`` (:mod:`jarjestotyokirja.cache_folder`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from jarjestotyokirja import cache_folder as folders

MIN_TEXT = 4096
MAX_ENTRIES = 4000
KEEP_ENTRIES = 3000
MAX_ENTRY = 8 * 1024 * 1024
MISSING: Any = object()  # no usable entry
# The modules whose code decides what data a text gives.
_LOADER_MODULES = tuple(Path(__file__).resolve().parent / name for name in ("loader.py", "plain_data.py"))
_SUFFIX = ".json"
_pruned = False


@lru_cache(maxsize=1)
def loader_stamp() -> str | None:
    """The loader's state, part of every entry's name; None (no cache) when it cannot be told."""
    import yaml

    from jarjestotyokirja import __version__

    stamps = [__version__, yaml.__version__]
    for module in _LOADER_MODULES:
        try:
            info = os.stat(module)
        except OSError:
            return None
        stamps.append(f"{info.st_mtime_ns}:{info.st_size}")
    return "|".join(stamps)


def entry_for(text: str) -> Path | None:
    """Where the data of ``text`` is kept; None when it is not to be (a short text, no cache)."""
    if len(text) < MIN_TEXT:
        return None
    stamp = loader_stamp()
    folder = folders.cache_folder("data") if stamp is not None else None
    if folder is None:
        return None
    key = hashlib.sha256(f"{stamp}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
    return folder / f"{key}{_SUFFIX}"


def cached_data(entry: Path) -> Any:
    """The data kept in ``entry``, or :data:`MISSING` when there is none or it does not match."""
    try:
        with open(entry, "rb") as handle:
            content = handle.read(MAX_ENTRY + 1)
    except OSError:
        return MISSING
    digest, _, body = content.partition(b"\n")
    if len(content) > MAX_ENTRY or digest != _digest(entry, body):
        return MISSING
    try:
        return json.loads(body)
    except ValueError:  # pragma: no cover - the digest matched: only a JSON of another jtk
        return MISSING


def keep_data(entry: Path, data: Any) -> None:
    """Keep ``data`` (dicts, lists and str) in ``entry``; a cache that cannot be written is only slower."""
    from jarjestotyokirja.errors import JtkError
    from jarjestotyokirja.files import atomic_write

    try:
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError):  # pragma: no cover - the loader's data is always JSON
        return
    _prune(entry.parent)
    with contextlib.suppress(JtkError, OSError):
        atomic_write(entry, _digest(entry, body) + b"\n" + body, durable=False)


def _digest(entry: Path, body: bytes) -> bytes:
    return hashlib.sha256(entry.name.encode("ascii") + b"\0" + body).hexdigest().encode("ascii")


def _prune(folder: Path) -> None:
    """Once per process: when the folder holds :data:`MAX_ENTRIES`, remove the oldest."""
    global _pruned
    if _pruned:
        return
    _pruned = True
    entries: list[os.DirEntry[str]] = []
    with contextlib.suppress(OSError), os.scandir(folder) as found:
        entries = [entry for entry in found if entry.name.endswith(_SUFFIX)]
    if len(entries) < MAX_ENTRIES:
        return
    aged = []
    for entry in entries:
        with contextlib.suppress(OSError):
            aged.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path))
    aged.sort()
    for _, path in aged[: max(0, len(aged) - KEEP_ENTRIES)]:
        with contextlib.suppress(OSError):
            os.unlink(path)


def reset_pruning() -> None:
    """Let the next entry written look at the folder's size again (a long-running process, tests)."""
    global _pruned
    _pruned = False
