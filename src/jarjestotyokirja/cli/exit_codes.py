"""Every exit code of ``jtk``, and the one place that decides them.

0 success · 1 invalid input or content (or some files of a batch failed) · 2 usage · 130 Ctrl-C ·
128 + the signal when an interview ended on one (129 hang-up, 143 SIGTERM). The library never
returns or raises an exit code: it raises typed errors (:mod:`jarjestotyokirja.errors`) and returns
how an interview ended (:class:`~jarjestotyokirja.interview.stopping.Ending`); this module maps both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from jarjestotyokirja.errors import JtkError
    from jarjestotyokirja.interview.stopping import Ending

SUCCESS = 0
INVALID = 1
USAGE = 2
INTERRUPTED = 130
SIGNALLED = 128


class FilesFailed(Exception):
    """Some files of a batch failed; their problems are printed already, the other files were done."""


def for_error(error: JtkError) -> int:
    from jarjestotyokirja.errors import UsageError

    return USAGE if isinstance(error, UsageError) else INVALID


def for_ending(ending: Ending) -> int:
    """0 at the end or on quitting; 130 after Ctrl-C; 128 + the signal after a hang-up or a kill."""
    from jarjestotyokirja.interview.stopping import Ending

    if ending is Ending.INTERRUPTED:
        return INTERRUPTED
    signum = ending.signal
    return SIGNALLED + signum if signum is not None else SUCCESS


def leave(code: int) -> NoReturn:
    """End the command with ``code`` (Typer's way, so that in-process runners see it too)."""
    raise typer.Exit(code)
