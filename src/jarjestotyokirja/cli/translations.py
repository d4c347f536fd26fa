"""jtk's gettext catalogues: its own Finnish texts in Swedish and English, and Typer's texts in all three.

Two domains under ``locale/<language>/LC_MESSAGES/``:

- ``jtk``: the ``--help`` texts of jtk's commands and options (every other text jtk prints is in
  the message catalogue, :mod:`jarjestotyokirja.messages`). The Finnish text is the msgid, so
  Finnish needs no catalogue; ``sv`` and ``en`` translate it.
- ``typer``: the texts Typer and its vendored Click write themselves (Usage, Options, Missing
  argument …), with their English originals as msgids; ``fi`` and ``sv`` translate them.

The ``.po`` files are the source; the ``.mo`` files beside them are compiled from them with Babel by
``tools/update_catalogues.py`` and committed, so an install from a clean clone (editable or wheel)
needs no build step; ``tests/messages/test_gettext_catalogues.py`` fails when a ``.mo`` is stale. Only the stdlib
:mod:`gettext` is imported here, so ``jtk --help`` stays fast.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

from jarjestotyokirja.language import ui_language_or_default

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
JTK = "jtk"
TYPER = "typer"


@lru_cache(maxsize=None)
def catalogue(domain: str, language: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``domain`` in ``language``; an empty one (msgids as they are) if none."""
    return gettext.translation(domain, localedir=str(LOCALE_DIR), languages=[language], fallback=True)


def translate(text: str, language: str | None = None, domain: str = JTK) -> str:
    """``text`` (a msgid of ``domain``) in ``language``, by default the UI language."""
    return catalogue(domain, language or ui_language_or_default()).gettext(text)
