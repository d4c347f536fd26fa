"""Compiled templates kept between runs: Jinja's bytecode cache, in the user's cache folder.

Compiling ``report.md.j2`` takes about as long as rendering a few reports with it: a tenth of what
one ``jtk report`` takes. The compiled code is kept in ``<cache>/jtk/templates``, one file per
template and environment, written atomically (:func:`~jarjestotyokirja.files.atomic_write`).

What is loaded is always right for what is rendered:

* Jinja keeps the template source's checksum in each entry and ignores an entry of another source;
* the entry's name includes the environment (format, trusted or sandboxed), the versions of jtk and
  Jinja, and the state of the modules that generate the code (:mod:`.environment`, :mod:`.sandbox`),
  so a changed code generator never runs code compiled by an older one;
* an entry that is unreadable, damaged or too large is compiled again and replaced.

A folder that cannot be made or written to means no cache, never an error or a message. So that no
one else can put code in it, a folder another user owns or may write to is not used either
(:mod:`jarjestotyokirja.cache_folder`, which also says where the folder is).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from jarjestotyokirja import cache_folder as folders

MAX_ENTRY = 8 * 1024 * 1024  # the largest compiled template read: report.md.j2's is about 60 KiB
_GENERATORS = ("environment.py", "sandbox.py")  # the modules whose code shapes what Jinja generates


class CompiledTemplates(BytecodeCache):
    """Jinja's bytecode cache in ``folder``, its entries named for ``flavour`` (the environment)."""

    def __init__(self, folder: Path, flavour: str) -> None:
        self.folder = folder
        self.flavour = flavour

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha256(f"{self.flavour}\0{name}\0{filename}".encode("utf-8", "surrogatepass")).hexdigest()

    def _entry(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            with open(self._entry(bucket), "rb") as handle:
                data = handle.read(MAX_ENTRY + 1)
        except OSError:
            return
        if len(data) > MAX_ENTRY:
            return
        try:
            bucket.bytecode_from_string(data)
        except Exception:  # noqa: BLE001 - a damaged entry is compiled again, whatever is wrong in it
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        from jarjestotyokirja.errors import JtkError
        from jarjestotyokirja.files import atomic_write

        try:
            atomic_write(self._entry(bucket), bucket.bytecode_to_string())
        except (JtkError, OSError):
            pass  # a cache that cannot be written is only slower


def compiled_templates(kind: str) -> CompiledTemplates | None:
    """The cache for environments of ``kind`` (their class and format), or None when there is no
    usable cache folder."""
    folder = cache_folder()
    if folder is None:
        return None
    import jinja2

    from jarjestotyokirja import __version__

    here = Path(__file__).resolve().parent
    stamps = []
    for name in _GENERATORS:
        try:
            info = os.stat(here / name)
        except OSError:
            return None
        stamps.append(f"{info.st_mtime_ns}:{info.st_size}")
    return CompiledTemplates(folder, "|".join([kind, __version__, jinja2.__version__, *stamps]))


def cache_folder() -> Path | None:
    """``<cache>/jtk/templates`` (:mod:`jarjestotyokirja.cache_folder`), or None."""
    return folders.cache_folder("templates")
