"""How an interview ends, and the signals that end it.

A hang-up (SIGHUP) or a kill (SIGTERM) must never be handled inside the signal handler: an exception
raised there lands wherever the interpreter happens to be (inside asyncio, inside a save, inside a
lock that ``tempfile`` holds). So the handler only records the signal and asks the terminal to wake
its open prompt (``wake``, which must be safe to call from a signal handler); the session then stops
in its own code: it writes the open text as a draft and returns :class:`Ending`. The command maps the
ending to an exit code.

Ctrl-C between prompts (while the session saves or moves on; inside a prompt it is a key) is SIGINT:
handled the same way, it only sets ``interrupted``, so a save in progress completes and the session
ends as after Ctrl-C in a prompt, at its next step.

A terminal that fails (EIO or end of input) is a hang-up too. From then on SIGHUP is ignored, so the
SIGHUP that a login shell forwards a moment after its terminal went away cannot kill the clean-up.
"""

from __future__ import annotations

import enum
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class Ending(enum.Enum):
    """Why the interview ended."""

    FINISHED = "finished"  # the last question was answered or skipped
    QUIT = "quit"  # Ctrl-Q or Ctrl-D
    INTERRUPTED = "interrupted"  # Ctrl-C
    HUNG_UP = "hung_up"  # the terminal went away: SIGHUP, or it failed (EIO, end of input)
    TERMINATED = "terminated"  # SIGTERM: the terminal is still there

    @property
    def signal(self) -> int | None:
        """The signal that ended the interview (a failed terminal counts as a hang-up)."""
        if self is Ending.HUNG_UP:
            return int(getattr(signal, "SIGHUP", 1))
        if self is Ending.TERMINATED:
            return int(signal.SIGTERM)
        return None


def _stop_signals() -> list[int]:
    return [getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)]


class StopSignals:
    """Records SIGHUP, SIGTERM and SIGINT while installed; ``wake(signum)`` is called from the handler."""

    def __init__(self, wake: Callable[[int], None] | None = None) -> None:
        self.received: int | None = None  # SIGHUP or SIGTERM
        self.interrupted = False  # SIGINT (Ctrl-C outside a prompt)
        self.terminal_failed = False
        self._wake = wake

    @property
    def stopping(self) -> bool:
        return self.received is not None or self.terminal_failed

    def ending(self) -> Ending:
        """The ending once stopping: terminated on SIGTERM with a working terminal, else hung up."""
        if self.received == signal.SIGTERM and not self.terminal_failed:
            return Ending.TERMINATED
        return Ending.HUNG_UP

    def terminal_gone(self) -> None:
        """The terminal failed: a hang-up even if no SIGHUP comes (its parent may ignore SIGHUP)."""
        self.terminal_failed = True

    def _handler(self, signum: int, frame: Any) -> None:
        # Only plain assignments and a wake-up: nothing here may raise, block or take a lock.
        if signum == signal.SIGINT:
            self.interrupted = True
        elif self.received is None:
            self.received = signum
        if self._wake is not None:
            self._wake(signum)

    @contextmanager
    def installed(self) -> Iterator[StopSignals]:
        previous: dict[int, Any] = {}
        try:
            for signum in (*_stop_signals(), signal.SIGINT):
                previous[signum] = signal.signal(signum, self._handler)
        except ValueError:  # not the main thread (tests): no handlers
            pass
        try:
            yield self
        finally:
            for signum, old in previous.items():
                # Stopping: a second signal must not kill the process before it has cleaned up.
                signal.signal(signum, signal.SIG_IGN if self.stopping and signum != signal.SIGINT else old)
