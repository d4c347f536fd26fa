"""Data files for ``jtk import``: JSON, which keeps its types, or YAML under the strict loader's rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jarjestotyokirja.errors import InvalidContent, M, Problem
from jarjestotyokirja.yamlio.loader import MAX_DEPTH, Document, Loc, decode_text, dotted, load_yaml, read_file


def load_data(raw: bytes | str, *, path: str | None = None) -> Document:
    """A data file for ``jtk import``: JSON keeps its types (``true`` and ``5`` are not text, so the
    schema refuses them where it wants text); anything else is YAML under the strict rules.

    JSON is recognised by its opening ``{``; the strict YAML loader still runs over it for the lines
    of keys (and for its checks), since JSON is YAML.
    """
    import json

    text = decode_text(raw, path)
    if not text.lstrip().startswith("{"):
        doc = load_yaml(text, path=path)
        problems = list(_unreadable_values(doc, doc.data, ()))
        if problems:
            raise InvalidContent(problems=problems)
        return doc

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key, value in items:
            if key in data:
                raise InvalidContent(M.DUPLICATE_KEY.format(key=key, first="?"), path=path)
            data[key] = value
        return data

    deepest = _json_depth(text)
    if deepest > MAX_DEPTH:
        raise InvalidContent(M.TOO_DEEP.format(limit=MAX_DEPTH), path=path)
    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise InvalidContent(M.JSON_SYNTAX.format(problem=exc.msg), path=path, line=exc.lineno) from None
    try:
        lines = load_yaml(text, path=path).lines
    except InvalidContent:
        lines = {}
    doc = Document(data=data, path=path, lines=lines)
    problems = list(_unreadable_values(doc, data, ()))
    if problems:
        raise InvalidContent(problems=problems)
    return doc


_JSON_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_MAX_DIGITS = 30
_UNCARRIED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _json_depth(text: str) -> int:
    """How deeply JSON ``text`` nests ``[`` and ``{`` (strings skipped), found without recursion."""
    depth = deepest = 0
    for char in re.sub(r"[^\[\]{}]", "", _JSON_STRINGS.sub("", text)):
        depth += 1 if char in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


class _LongNumber(str):
    """A JSON integer too long to be a number jtk stores (Python refuses over 4,300 digits)."""


def _json_int(digits: str) -> int | _LongNumber:
    return _LongNumber(digits) if len(digits.lstrip("-")) > _MAX_DIGITS else int(digits)


def _unreadable_values(doc: Document, value: Any, loc: Loc) -> Iterator[Problem]:
    """Keys and values an import cannot carry: too long numbers, control characters, lone surrogates."""
    if isinstance(value, _LongNumber):
        yield Problem(M.IMPORT_LONG_NUMBER.format(digits=len(value.lstrip("-")), limit=_MAX_DIGITS),
                      doc.path, doc.line_of(loc), dotted(loc))
    elif isinstance(value, str):
        bad = _UNCARRIED.search(value)
        if bad:
            yield Problem(_uncarried(bad.group()), doc.path, doc.line_of(loc), dotted(loc))
    elif isinstance(value, dict):
        for key, item in value.items():
            bad = _UNCARRIED.search(key)
            if bad:
                yield Problem(_uncarried(bad.group()), doc.path, doc.line_of(loc), dotted((*loc, key)))
            else:
                yield from _unreadable_values(doc, item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unreadable_values(doc, item, (*loc, index))


def _uncarried(char: str) -> str:
    if "\ud800" <= char <= "\udfff":
        return M.IMPORT_SURROGATE.format(code=f"{ord(char):04X}")
    return M.IMPORT_CONTROL.format(code=f"{ord(char):04X}")


def read_data(path: str | Path) -> Document:
    """Read a data file for ``jtk import`` (:func:`load_data`)."""
    return load_data(read_file(path), path=str(path))
