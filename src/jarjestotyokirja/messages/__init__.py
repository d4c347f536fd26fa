"""The message catalogue: every text jtk shows a user, each with a stable code, in each language.

* :mod:`.codes`: ``CODES``, every message's name and code (``JTK-Y003``), grouped by area. Codes are
  stable: a code is never renumbered or reused (tests/messages/test_messages.py holds the full list).
* :mod:`.fi`: the Finnish texts, one module-level name per entry (in three modules by area); the
  packages ``sv`` and ``en`` hold the same names (tests/messages/test_catalogue_languages.py
  checks that every language has every code, with the same fields). A value is a message template or a pair
  (message, hint).

``M.NAME`` is the entry in the UI language (:func:`use`), ``texts("sv").NAME`` the entry in a chosen
language (for a text that goes into a document in the document's language). Either is a
:class:`Message`: a ``str`` that carries ``.code``, ``.name`` and ``.hint``, and whose ``.format(**kw)``
returns a :class:`Message` again, so ``JtkError(M.X.format(...))`` and ``Problem`` know their code.

In a template, ``{name!q}`` shows a value the user gave in the language's quotation marks (”näin”), with
an empty value still visible (””) and control characters written out as U+XXXX, so that a NUL, an
escape sequence or a stray line break in a value can neither hide nor act on the terminal.

Plain Python only: importing this costs a few dicts, nothing is read from disk.
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Iterator, Mapping

from jarjestotyokirja.messages.codes import CODES

LANGUAGES = ("fi", "sv", "en")
"""The languages jtk can speak; Finnish is the source and the fallback of a language without texts."""

_QUOTES = {"fi": ("”", "”"), "sv": ("”", "”"), "en": ("“", "”")}
# C0 and C1 controls, DEL, the line and paragraph separators and the bidirectional overrides: a value
# shown with !q writes these out instead of letting them move the cursor or reorder the line.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(value: object) -> str:
    """``value`` as text with every control character written out as ``U+XXXX``."""
    return _INVISIBLE.sub(lambda m: f"U+{ord(m.group()):04X}", str(value))


def quoted(value: object, language: str | None = None) -> str:
    """``value`` in the quotation marks of ``language`` (by default the UI language), as ``{x!q}`` writes it."""
    opening, closing = _QUOTES[language or _current]
    return f"{opening}{visible(value)}{closing}"


class _Formatter(string.Formatter):
    """``str.format`` plus two conversions: ``!q`` quotes the value and makes it visible, ``!v`` only
    makes it visible (for a key path or a file name, which are not quoted)."""

    def __init__(self, language: str) -> None:
        self.quotes = _QUOTES[language]

    def convert_field(self, value: object, conversion: str | None) -> object:
        if conversion == "q":
            opening, closing = self.quotes
            return f"{opening}{visible(value)}{closing}"
        if conversion == "v":
            return visible(value)
        return super().convert_field(value, conversion)


class Message(str):
    """A catalogue text: a ``str`` that also knows its code, its name, its hint and its language."""

    __slots__ = ("code", "name", "hint", "language")

    def __new__(cls, text: str, code: str, name: str, hint: str | None = None, language: str = "fi") -> Message:
        self = super().__new__(cls, text)
        self.code = code
        self.name = name
        self.hint = hint
        self.language = language
        return self

    def format(self, *args: object, **kwargs: object) -> Message:  # type: ignore[override]
        if "!" not in self and not (self.hint and "!" in self.hint):
            # No !q or !v: str.format reads the fields alike, in C (a report formats a dozen labels).
            text, hint = str.format(self, *args, **kwargs), self.hint.format(*args, **kwargs) if self.hint else None
        else:
            formatter = _Formatter(self.language)
            text = formatter.vformat(str(self), args, kwargs)
            hint = formatter.vformat(self.hint, args, kwargs) if self.hint else None
        return Message(text, self.code, self.name, hint, self.language)

    def with_hint(self, more: str) -> Message:
        """The same message with ``more`` advice after its hint."""
        hint = f"{self.hint} {more}" if self.hint else more
        return Message(str(self), self.code, self.name, hint, self.language)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Problems travel from report worker processes to the main one.
        return (Message, (str(self), self.code, self.name, self.hint, self.language))


class Texts:
    """One language's catalogue: ``texts.NAME`` is the :class:`Message` of that name."""

    def __init__(self, language: str) -> None:
        self.language = language
        own, finnish = _table(language), _table("fi")
        for name, code in CODES.items():
            value = own[name] if name in own else finnish[name]
            text, hint = (value, None) if isinstance(value, str) else value
            setattr(self, name, Message(text, code, name, hint, language))


def _table(language: str) -> dict[str, object]:
    """The texts of ``language`` by name; empty for a language whose texts are not written yet."""
    try:
        module = importlib.import_module(f"{__name__}.{language}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{language}" or language == "fi":
            raise
        return {}
    return {name: value for name, value in vars(module).items() if name.isupper()}


_loaded: dict[str, Texts] = {}
_current = "fi"


def texts(language: str) -> Texts:
    """The catalogue in ``language`` (one of :data:`LANGUAGES`); a language without texts of its own
    yet, or without a particular entry, gets the Finnish text (with the same code)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; one of {', '.join(LANGUAGES)}")
    if language not in _loaded:
        _loaded[language] = Texts(language)
    return _loaded[language]


def use(language: str) -> None:
    """Choose the language of :data:`M` (the UI language)."""
    global _current
    texts(language)
    _current = language


def current() -> str:
    """The UI language chosen with :func:`use` (Finnish until then)."""
    return _current


class _Current:
    """``M.NAME``: the entry in the UI language, looked up at each use so :func:`use` takes effect."""

    def __getattr__(self, name: str) -> Message:
        return getattr(texts(_current), name)

    def __dir__(self) -> list[str]:
        return list(CODES)


M = _Current()
"""The catalogue in the UI language: ``M.FILE_NOT_FOUND``, ``M.TOO_LARGE.format(size=..., limit=...)``."""


class Labels(Mapping[str, str]):
    """A fixed table of labels by key whose values are catalogue names, read in the UI language when
    used: ``HORIZONS = Labels({"lyhyt": "HORIZON_SHORT"})``, then ``HORIZONS["lyhyt"]``."""

    def __init__(self, names: dict[str, str]) -> None:
        self._names = dict(names)

    def __getitem__(self, key: str) -> str:
        return getattr(M, self._names[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)
