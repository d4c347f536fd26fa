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


def leave_before_click(code: int) -> NoReturn:
    """End with ``code`` before Click has started (its ``main`` turns :class:`typer.Exit` into an exit
    only inside its own run): the UI language is chosen, and may be refused, before that."""
    raise SystemExit(code)


# After Ctrl-C or a signal, everything is saved before the code is chosen; what is left is the
# interpreter's own exit, which waits for every thread. A thread that never ends (a process pool's
# manager stuck on workers that were just terminated) must not keep a stopped jtk alive.
STOP_GRACE_SECONDS = 5.0


def run(app: typer.Typer) -> None:
    """Run ``app`` as the ``jtk`` program; a run stopped by Ctrl-C or a signal ends within
    :data:`STOP_GRACE_SECONDS` of its last message, whatever thread is still running."""
    try:
        app(prog_name="jtk")
    except SystemExit as exc:
        if isinstance(exc.code, int) and exc.code >= SIGNALLED:
            _end_soon(exc.code)
        raise


def _end_soon(code: int) -> None:
    import os
    import sys
    import threading

    def end() -> None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)

    timer = threading.Timer(STOP_GRACE_SECONDS, end)
    timer.daemon = True
    timer.start()
