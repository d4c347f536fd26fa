"""The key bar at the bottom of the interview: the question line and the keys that work now.

The bar always fits the terminal: the items are wrapped to its width, with shorter labels when the
terminal is narrow, so no key is cut off at any width of 40 columns or more (``Ctrl-T toi``). Its first
line names the question being answered, so a level scale or a long text never hides which question
it is.
"""

from __future__ import annotations

import re

from jarjestotyokirja.messages import M

# The catalogue names of the (long, short) labels, looked up when the bar is drawn (so the UI
# language chosen at start-up applies); <b> marks the key.
ACCEPT_TEXT = ("KEY_ACCEPT_TEXT", "KEY_ACCEPT_TEXT_SHORT")
NEW_LINE = ("KEY_NEW_LINE", "KEY_NEW_LINE_SHORT")
EDITOR = ("KEY_EDITOR", "KEY_EDITOR_SHORT")
ACCEPT_LINE = ("KEY_ACCEPT_LINE", "KEY_ACCEPT_LINE_SHORT")
ACCEPT_FIELD = ("KEY_ACCEPT_FIELD", "KEY_ACCEPT_FIELD_SHORT")
SKIP = ("KEY_SKIP", "KEY_SKIP_SHORT")
BACK = ("KEY_BACK", "KEY_BACK_SHORT")
SKIP_FIELD = ("KEY_SKIP_FIELD", "KEY_SKIP_FIELD_SHORT")
BACK_FIELD = ("KEY_BACK_FIELD", "KEY_BACK_FIELD_SHORT")
JUMP = ("KEY_JUMP", "KEY_JUMP_SHORT")
ATTACH = ("KEY_ATTACH", "KEY_ATTACH_SHORT")
DISCARD = ("KEY_DISCARD", "KEY_DISCARD_SHORT")
QUIT = ("KEY_QUIT", "KEY_QUIT_SHORT")
INTERRUPT = ("KEY_INTERRUPT", "KEY_INTERRUPT_SHORT")
CONTINUE = ("KEY_CONTINUE", "KEY_CONTINUE_SHORT")
NEW_ENTRY = ("KEY_NEW_ENTRY", "KEY_NEW_ENTRY_SHORT")
EDIT_ENTRY = ("KEY_EDIT_ENTRY", "KEY_EDIT_ENTRY_SHORT")
REMOVE_ENTRY = ("KEY_REMOVE_ENTRY", "KEY_REMOVE_ENTRY_SHORT")
TARGET = ("KEY_TARGET", "KEY_TARGET_SHORT")
COMPLETE = ("KEY_COMPLETE", "KEY_COMPLETE_SHORT")

WIDE = 100  # from this width on, the long labels
_TAG = re.compile(r"</?b>")


def visible_length(markup: str) -> int:
    return len(_TAG.sub("", markup))


def _wrap(items: list[str], width: int) -> list[str]:
    lines: list[str] = []
    for item in items:
        if lines and visible_length(lines[-1]) + 3 + visible_length(item) <= width:
            lines[-1] += " · " + item
        else:
            lines.append(item)
    return lines


def escape(text: str) -> str:
    """Text shown inside the bar's markup (``html.escape`` would cost an import of its own)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def key_bar(question_line: str, items: list[tuple[str, str]], width: int) -> str:
    """The bar's markup for a terminal ``width`` columns wide: the question line, then the keys."""
    width = max(width - 1, 20)  # the last column stays free (some terminals wrap there)
    labels = [getattr(M, long if width >= WIDE else short) for long, short in items]
    lines = _wrap(labels, width)
    head = f"<b>{escape(_cut(question_line, width))}</b>" if question_line else ""
    return "\n".join(([head] if head else []) + lines)
