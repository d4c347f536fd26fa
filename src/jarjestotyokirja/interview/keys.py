"""The key bar at the bottom of the interview: the question line and the keys that work now.

The bar always fits the terminal: the items are wrapped to its width, with shorter labels when the
terminal is narrow, so no key is cut off at any width of 40 columns or more (``Ctrl-T toi``). Its first
line names the question being answered, so a level scale or a long text never hides which question
it is.
"""

from __future__ import annotations

import re

# (long, short) labels; <b> marks the key
ACCEPT_TEXT = ("<b>Ctrl-S</b> tai <b>Esc Enter</b> hyväksy", "<b>Ctrl-S</b> hyväksy")
NEW_LINE = ("<b>Enter</b> uusi rivi", "<b>Enter</b> rivi")
EDITOR = ("<b>Ctrl-E</b> editori", "<b>Ctrl-E</b> editori")
ACCEPT_LINE = ("<b>Enter</b> hyväksy ja tallenna", "<b>Enter</b> hyväksy")
ACCEPT_FIELD = ("<b>Enter</b> hyväksy", "<b>Enter</b> hyväksy")
SKIP = ("<b>Ctrl-N</b> ohita", "<b>Ctrl-N</b> ohita")
BACK = ("<b>Ctrl-P</b> edellinen", "<b>Ctrl-P</b> edell.")
SKIP_FIELD = ("<b>Ctrl-N</b> ohita kenttä", "<b>Ctrl-N</b> ohita")
BACK_FIELD = ("<b>Ctrl-P</b> edellinen kenttä", "<b>Ctrl-P</b> edell.")
JUMP = ("<b>Ctrl-G</b> siirry", "<b>Ctrl-G</b> siirry")
ATTACH = ("<b>Ctrl-T</b> lisää toimenpide tähän ideaan", "<b>Ctrl-T</b> toimenpide")
DISCARD = ("<b>Ctrl-R</b> hylkää luonnos", "<b>Ctrl-R</b> hylkää")
QUIT = ("<b>Ctrl-Q</b> lopeta", "<b>Ctrl-Q</b> lopeta")
INTERRUPT = ("<b>Ctrl-C</b> keskeytä (teksti talteen)", "<b>Ctrl-C</b> keskeytä")
CONTINUE = ("<b>Enter</b> jatka", "<b>Enter</b> jatka")
NEW_ENTRY = ("<b>u</b> uusi", "<b>u</b> uusi")
EDIT_ENTRY = ("<b>numero</b> muokkaa", "<b>nro</b> muokkaa")
REMOVE_ENTRY = ("<b>p numero</b> poista", "<b>p nro</b> poista")
TARGET = ("<b>Enter</b> siirry (tyhjä: peruuta)", "<b>Enter</b> siirry")
COMPLETE = ("<b>Tab</b> täydennä", "<b>Tab</b> täydennä")

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
    labels = [long for long, _ in items] if width >= WIDE else [short for _, short in items]
    lines = _wrap(labels, width)
    head = f"<b>{escape(_cut(question_line, width))}</b>" if question_line else ""
    return "\n".join(([head] if head else []) + lines)
