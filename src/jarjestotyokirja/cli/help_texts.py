"""jtk's own ``--help`` texts in the UI language: the command tree translated through the ``jtk`` catalogue.

The Finnish texts in the source (``help=`` of every option and argument, command docstrings, explicit
metavars such as ``TIEDOSTO``) are the msgids. They cannot carry ``_()`` (a docstring is no call, and
``help=`` is evaluated at import, before a test or a caller may choose the language), so the whole
Click command tree is translated once, just before it runs (:meth:`.app._Group.main`). The same walk,
:func:`help_texts`, lists the msgids for ``tools/update_catalogues.py`` and for the test that every
one of them is translated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any


def _texts_of(command: Any) -> Iterator[tuple[Any, str]]:
    """(object, attribute) of every translatable text of ``command`` and its subcommands."""
    for attribute in ("help", "short_help", "epilog"):
        if getattr(command, attribute, None):
            yield command, attribute
    for param in command.params:
        if getattr(param, "help", None):
            yield param, "help"
        if isinstance(getattr(param, "metavar", None), str):
            yield param, "metavar"
    for sub in getattr(command, "commands", {}).values():
        yield from _texts_of(sub)


def help_texts(command: Any) -> list[str]:
    """Every Finnish help text of the command tree, in tree order, each once."""
    return list(dict.fromkeys(getattr(owner, attribute) for owner, attribute in _texts_of(command)))


def translate_tree(command: Any, translate: Callable[[str], str]) -> None:
    """Replace every help text of the tree by ``translate(finnish)``, in place. The Finnish source text
    is kept on its owner, so a second call (another language in the same process: a test, a library
    user) translates from the msgid again instead of from the previous translation."""
    for owner, attribute in list(_texts_of(command)):
        originals = owner.__dict__.setdefault("_jtk_finnish", {})
        finnish = originals.setdefault(attribute, getattr(owner, attribute))
        setattr(owner, attribute, translate(finnish))
