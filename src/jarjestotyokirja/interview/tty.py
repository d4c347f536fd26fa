"""The terminal device itself: is there one, what to show the interview on, and letting go of it
once it is gone."""

from __future__ import annotations

from typing import TextIO

from jarjestotyokirja.errors import M, UsageError


def check_terminal() -> TextIO:
    """The stream to show the interview on; refuse to start without a terminal, or on one that would
    garble ä, ö and å.

    Only the input must be a terminal: with the output piped (``jtk interview X | tee log``) the
    interview is shown on the terminal itself (``/dev/tty``, or the input's terminal)."""
    import codecs
    import os
    import sys

    if not sys.stdin.isatty():
        raise UsageError(M.NOT_A_TERMINAL)
    output: TextIO = sys.stdout
    if not sys.stdout.isatty():
        encoding = sys.stdin.encoding or "utf-8"
        try:
            output = open("/dev/tty", "w", encoding=encoding, errors="replace")  # noqa: SIM115
        except OSError:
            output = open(os.dup(sys.stdin.fileno()), "w", encoding=encoding, errors="replace")  # noqa: SIM115
    encoding = output.encoding or "ascii"
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        name = encoding
    if name != "utf-8":
        raise UsageError(M.TERMINAL_ENCODING.format(encoding=encoding))
    return output


def silence_dead_terminal() -> None:
    """Point standard input, output and error at the null device once the terminal is gone, so that
    the last flushes on the way out can neither fail (EIO) nor block."""
    import os

    try:
        null = os.open(os.devnull, os.O_RDWR)
    except OSError:  # pragma: no cover - no null device
        return
    for fd in (0, 1, 2):
        try:
            os.dup2(null, fd)
        except OSError:  # pragma: no cover
            pass
    os.close(null)
