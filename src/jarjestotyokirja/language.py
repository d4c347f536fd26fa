"""The language of everything jtk prints: ``JTK_KIELI``, else the locale, else Finnish.

``JTK_KIELI=fi|sv|en`` decides. Without it (or when it is empty) the first locale variable that is
set among ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` decides, as POSIX orders them: a value beginning
``sv`` (``sv_FI.UTF-8``) is Swedish, one beginning ``en`` English, anything else (``fi_FI``, ``C``)
Finnish. Only :mod:`os` is imported, so every layer may ask.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("fi", "sv", "en")
DEFAULT = "fi"
ENV = "JTK_KIELI"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def _from_locale(environ: Mapping[str, str]) -> str:
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            prefix = value[:2].lower()
            return prefix if prefix in ("sv", "en") else DEFAULT
    return DEFAULT


def ui_language(environ: Mapping[str, str] | None = None) -> str:
    """``fi``, ``sv`` or ``en``; a ``JTK_KIELI`` that names none of them is a usage error (exit 2)."""
    env = os.environ if environ is None else environ
    chosen = env.get(ENV, "").strip().lower()
    if not chosen:
        return _from_locale(env)
    if chosen in LANGUAGES:
        return chosen
    from jarjestotyokirja.errors import M, UsageError

    raise UsageError(M.UNKNOWN_UI_LANGUAGE.format(value=env.get(ENV, "")))


def ui_language_or_default(environ: Mapping[str, str] | None = None) -> str:
    """:func:`ui_language`, with Finnish for an invalid ``JTK_KIELI`` (for code that must not fail;
    ``jtk`` itself refuses to start with one)."""
    try:
        return ui_language(environ)
    except Exception:  # noqa: BLE001 - UsageError, imported only when it happens
        return DEFAULT
