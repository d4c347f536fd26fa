"""Ctrl-E: edit the open text in ``$VISUAL`` or ``$EDITOR``.

The text goes to a temporary file that ends with a newline (an editor that appends lines must not
join the last line with its own), and comes back without it. A ``$EDITOR`` that does not exist is
reported instead of silently opening another editor.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from jarjestotyokirja.errors import M
from jarjestotyokirja.files import atomic_write

_FALLBACKS = ("editor", "nano", "pico", "vi")


def editor_command() -> tuple[list[str] | None, str | None]:
    """The editor to run, or ``None`` and the message that says why there is none."""
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            try:
                argv = shlex.split(value)
            except ValueError:
                argv = [value]
            if not argv or shutil.which(argv[0]) is None:
                return None, M.EDITOR_MISSING.format(editor=value, variable=variable)
            return argv, None
    for name in _FALLBACKS:
        if shutil.which(name):
            return [name], None
    return None, M.EDITOR_NONE


def edit_text(text: str) -> tuple[str, str | None]:
    """Run the editor on ``text``; the edited text (or ``text`` unchanged) and a message if it failed."""
    argv, problem = editor_command()
    if argv is None:
        return text, problem
    folder = Path(tempfile.mkdtemp(prefix="jtk-"))
    target = folder / "vastaus.txt"
    try:
        atomic_write(target, text if text.endswith("\n") or not text else text + "\n")
        try:
            code = subprocess.call([*argv, str(target)])
        except OSError:
            return text, M.EDITOR_MISSING.format(editor=argv[0], variable="EDITOR")
        if code != 0:
            return text, M.EDITOR_FAILED.format(editor=" ".join(argv), code=code)
        edited = target.read_text(encoding="utf-8", errors="replace")
        return (edited[:-1] if edited.endswith("\n") else edited), None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
