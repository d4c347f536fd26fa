"""The fixed texts of every document, one table per language (``--kieli fi|sv|en``).

The tables are ``templates/texts/fi.yaml``, ``sv.yaml`` and ``en.yaml``: the same keys in each, a
headline, label or sentence per key. Templates get the table of the document's language as ``t``
(``{{ t.yhteenveto }}``), so an organisation's own template can use the same texts. A text with
``{name}`` slots is filled in by the ``fill`` filter (``{{ t.vastattu|fill(vastattu=3, yhteensa=5) }}``).

The texts are part of the templates, not data: they are written into every format as they are
(Markdown, HTML and Typst alike), so they hold no character any of those formats reads as markup
(tested). The context builders use the same tables for the labels they put into data (the
horizons' and statuses' names, the monitoring document's notes).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jarjestotyokirja import messages
from jarjestotyokirja.errors import M, UsageError
from jarjestotyokirja.resources import bundled

DOCUMENT_LANGUAGES = ("fi", "sv", "en")


def document_language(value: str | None) -> str:
    """``--kieli``: ``fi``, ``sv`` or ``en``; None is the UI language (:func:`messages.current`, chosen at start-up). Anything else is a usage error."""
    if value is None:
        return messages.current()
    language = value.strip().lower()
    if language not in DOCUMENT_LANGUAGES:
        raise UsageError(M.UNKNOWN_LANGUAGE.format(value=value, choices=", ".join(DOCUMENT_LANGUAGES)))
    return language


@lru_cache(maxsize=len(DOCUMENT_LANGUAGES))
def document_texts(language: str = "fi") -> dict[str, str]:
    """The fixed texts of documents in ``language`` (a copy is not needed: callers only read it)."""
    from jarjestotyokirja.yamlio.loader import read_yaml

    if language not in DOCUMENT_LANGUAGES:
        raise UsageError(M.UNKNOWN_LANGUAGE.format(value=language, choices=", ".join(DOCUMENT_LANGUAGES)))
    data = read_yaml(bundled("templates") / "texts" / f"{language}.yaml", cached=True).data
    return {str(key): str(value) for key, value in data.items()}


def texts_for_templates(language: str) -> dict[str, str]:
    """The table as templates see it (``t``): every text marked as already written for the format.
    A copy for each document: a bundled template is trusted code and could change its own."""
    return dict(_escaped_texts(language))


@lru_cache(maxsize=len(DOCUMENT_LANGUAGES))
def _escaped_texts(language: str) -> dict[str, str]:
    from jarjestotyokirja.render.environment import Escaped

    return {key: Escaped(value) for key, value in document_texts(language).items()}


def with_texts(context: dict[str, Any]) -> dict[str, Any]:
    """The context with the fixed texts of its language (``kieli``, default fi) as ``t``."""
    language = context.get("kieli") or "fi"
    return {**context, "kieli": language, "t": texts_for_templates(language)}


def horizon_names(language: str = "fi") -> dict[str, str]:
    """The actions' horizons (``lyhyt``, ``keskipitkä``, ``pitkä``) by name in ``language``, in order."""
    from jarjestotyokirja.answers import HORIZONS

    texts = document_texts(language)
    return {key: texts[f"aikavali_{key}"] for key in HORIZONS}


def status_names(language: str = "fi") -> dict[str, str]:
    """The actions' statuses (``suunniteltu``, ``käynnissä``, ``valmis``) by name in ``language``, in order."""
    from jarjestotyokirja.answers import STATUSES

    texts = document_texts(language)
    return {key: texts[f"tila_{key}"] for key in STATUSES}
