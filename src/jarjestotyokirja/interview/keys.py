"""The key bar at the bottom of the interview: the question line and the keys that work now.

The bar always fits the terminal: the items are wrapped to its width, with shorter labels when the
terminal is narrow, so no key is cut off at any width of 40 columns or more (``Ctrl-T toi``). Its first
line names the question being answered, so a level scale or a long text never hides which question
it is.
"""

from __future__ import annotations

import re

from jarjestotyokirja.translations import N_, tr

# (long, short) labels in Finnish, translated when the bar is drawn; <b> marks the key. The letters
# typed in a list (u, p) are the same in every language: only their labels are translated.
ACCEPT_TEXT = (N_("<b>Ctrl-S</b> tai <b>Esc Enter</b> hyväksy"), N_("<b>Ctrl-S</b> hyväksy"))
NEW_LINE = (N_("<b>Enter</b> uusi rivi"), N_("<b>Enter</b> rivi"))
EDITOR = (N_("<b>Ctrl-E</b> editori"), N_("<b>Ctrl-E</b> editori"))
ACCEPT_LINE = (N_("<b>Enter</b> hyväksy ja tallenna"), N_("<b>Enter</b> hyväksy"))
ACCEPT_FIELD = (N_("<b>Enter</b> hyväksy"), N_("<b>Enter</b> hyväksy"))
SKIP = (N_("<b>Ctrl-N</b> ohita"), N_("<b>Ctrl-N</b> ohita"))
BACK = (N_("<b>Ctrl-P</b> edellinen"), N_("<b>Ctrl-P</b> edell."))
SKIP_FIELD = (N_("<b>Ctrl-N</b> ohita kenttä"), N_("<b>Ctrl-N</b> ohita"))
BACK_FIELD = (N_("<b>Ctrl-P</b> edellinen kenttä"), N_("<b>Ctrl-P</b> edell."))
JUMP = (N_("<b>Ctrl-G</b> siirry"), N_("<b>Ctrl-G</b> siirry"))
ATTACH = (N_("<b>Ctrl-T</b> lisää toimenpide tähän ideaan"), N_("<b>Ctrl-T</b> toimenpide"))
DISCARD = (N_("<b>Ctrl-R</b> hylkää luonnos"), N_("<b>Ctrl-R</b> hylkää"))
QUIT = (N_("<b>Ctrl-Q</b> lopeta"), N_("<b>Ctrl-Q</b> lopeta"))
INTERRUPT = (N_("<b>Ctrl-C</b> keskeytä (teksti talteen)"), N_("<b>Ctrl-C</b> keskeytä"))
CONTINUE = (N_("<b>Enter</b> jatka"), N_("<b>Enter</b> jatka"))
NEW_ENTRY = (N_("<b>u</b> uusi"), N_("<b>u</b> uusi"))
EDIT_ENTRY = (N_("<b>numero</b> muokkaa"), N_("<b>nro</b> muokkaa"))
REMOVE_ENTRY = (N_("<b>p numero</b> poista"), N_("<b>p nro</b> poista"))
TARGET = (N_("<b>Enter</b> siirry (tyhjä: peruuta)"), N_("<b>Enter</b> siirry"))
COMPLETE = (N_("<b>Tab</b> täydennä"), N_("<b>Tab</b> täydennä"))

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
    labels = [tr(long) for long, _ in items] if width >= WIDE else [tr(short) for _, short in items]
    lines = _wrap(labels, width)
    head = f"<b>{escape(_cut(question_line, width))}</b>" if question_line else ""
    return "\n".join(([head] if head else []) + lines)
