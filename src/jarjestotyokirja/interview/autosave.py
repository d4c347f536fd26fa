"""Autosave of the text being typed, like vim's swap file: at most a couple of seconds are ever lost.

The open text is handed to ``save`` after ``IDLE`` seconds without a keystroke, and at once when
``CHARS`` characters have been typed since the last save. Everything runs on the prompt's own event
loop (a timer, no thread), so a save never runs beside the session's own draft writes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

IDLE = 1.0  # seconds without a keystroke
CHARS = 200  # characters typed since the last save


class Autosave:
    def __init__(self, loop: asyncio.AbstractEventLoop, save: Callable[[str], None], text: Callable[[], str],
                 *, idle: float = IDLE, chars: int = CHARS) -> None:
        self._loop = loop
        self._save = save
        self._text = text
        self._idle = idle
        self._chars = chars
        self._timer: asyncio.TimerHandle | None = None
        self._typed = 0
        self._length = len(text())

    def typed(self) -> None:
        """The text changed: save now if much was typed, else once the typing pauses."""
        length = len(self._text())
        self._typed += max(1, abs(length - self._length))
        self._length = length
        if self._typed >= self._chars:
            self.save_now()
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer = self._loop.call_later(self._idle, self.save_now)

    def save_now(self) -> None:
        self.stop()
        self._typed = 0
        self._save(self._text())

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
