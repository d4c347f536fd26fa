"""All YAML goes through here: one strict loader and one deterministic dumper.

The loader reads every scalar as the string it looks like (``no``, ``005``, ``1:30`` and
``2024-01-05`` stay text; the schema decides what a value means), and refuses what a hand-edited or
hostile file can smuggle in: anchors and aliases (the "billion laughs" file), tags, duplicate keys,
unresolved git conflict markers, huge or deeply nested files. Every node keeps its line number, so
schema errors can name the line.

The dumper writes keys in the given order, multi-line text as literal blocks, Unicode unescaped and
no line wrapping, so that the same data always gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from jarjestotyokirja.errors import InvalidContent, M, NotFound, Problem

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 24

_STR = "tag:yaml.org,2002:str"
_TAGS = {ScalarNode: _STR, MappingNode: "tag:yaml.org,2002:map", SequenceNode: "tag:yaml.org,2002:seq"}
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.MULTILINE)

Loc = tuple[str | int, ...]

class PyLoader(Reader, Scanner, Parser, Composer, BaseResolver):
    """Pure-Python composer; BaseResolver has no implicit resolvers, so plain scalars are str."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)


try:  # libyaml's parser and composer, about six times faster, when PyYAML was built with it
    from yaml.cyaml import CParser

    class CLoader(CParser, BaseResolver):
        """The same with libyaml; the C composer still asks BaseResolver for each node's tag."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            BaseResolver.__init__(self)

    _Loader: type = CLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    _Loader = PyLoader


@dataclass
class Document:
    """Loaded data (dicts, lists and str only) and the line of every key and list item."""

    data: Any
    path: str | None = None
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), None)


def read_yaml(path: str | Path) -> Document:
    """Read and strictly load one YAML file; errors name the file and line."""
    return load_yaml(_read_bytes(path), path=str(path))


def _read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise NotFound(M.FILE_NOT_FOUND, path=str(path)) from None
    except OSError as exc:
        raise InvalidContent(M.FILE_UNREADABLE.format(reason=exc.strerror), path=str(path)) from None


def load_yaml(raw: bytes | str, *, path: str | None = None) -> Document:
    """Strictly load YAML text. Raises :class:`InvalidContent` listing every problem found."""
    text = _decode(raw, path)
    if len(text) > MAX_BYTES:
        raise InvalidContent(M.TOO_LARGE.format(size=len(raw), limit=MAX_BYTES), path=path)
    conflicts = [
        Problem(M.CONFLICT_MARKER.format(marker=m.group(1)), path, text.count("\n", 0, m.start()) + 1)
        for m in _CONFLICT.finditer(text)
    ]
    if conflicts:
        raise InvalidContent(problems=conflicts)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem_text = _syntax_message(exc)
        raise InvalidContent(problem_text, path=path, line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise InvalidContent(M.YAML_SYNTAX.format(problem=exc), path=path) from None
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose:
            dispose()
    doc = Document(data=None, path=path)
    if root is None:
        return doc
    builder = _Builder(doc)
    doc.data = builder.build(root, (), 0)
    if builder.problems:
        raise InvalidContent(problems=builder.problems)
    return doc


# PyYAML's and libyaml's problem texts → the whole message, in Finnish, saying what to look for.
_SYNTAX = [
    (r"expected a single document", M.MULTIPLE_DOCUMENTS),
    (r"found undefined alias", M.ALIAS),
    (r"mapping values are not allowed",
     M.YAML_SYNTAX.format(problem="kaksoispiste väärässä kohdassa: kirjoita arvo, jossa on ': ', lainausmerkkeihin tai korjaa sisennys")),
    (r"found character .*cannot start any token",
     M.YAML_SYNTAX.format(problem="merkki, jolla arvo ei voi alkaa (sarkain sisennyksessä?)")),
    (r"found unexpected end of stream",
     M.YAML_SYNTAX.format(problem="tiedosto loppui kesken (sulkematon lainausmerkki?)")),
    (r"expected ',' or '\]'", M.YAML_SYNTAX.format(problem="hakasulkeella [ alkava luettelo jäi sulkematta")),
    (r"expected ',' or '}'", M.YAML_SYNTAX.format(problem="aaltosulkeella { alkava rakenne jäi sulkematta")),
    (r"expected '-' indicator|expected <block end>|expected key|expected ':'",
     M.YAML_SYNTAX.format(problem="sisennys ei täsmää tai kaksoispiste puuttuu")),
]


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    said = f"{exc.context or ''} {exc.problem or ''}"
    for pattern, message in _SYNTAX:
        if re.search(pattern, said):
            return message
    return M.YAML_SYNTAX.format(problem=exc.problem or exc.context or "virheellinen rakenne")


def load_data(raw: bytes | str, *, path: str | None = None) -> Document:
    """A data file for ``jtk import``: JSON keeps its types (``true`` and ``5`` are not text, so the
    schema refuses them where it wants text); anything else is YAML under the strict rules.

    JSON is recognised by its opening ``{``; the strict YAML loader still runs over it for the lines
    of keys (and for its checks), since JSON is YAML.
    """
    import json

    text = _decode(raw, path)
    if not text.lstrip().startswith("{"):
        return load_yaml(text, path=path)

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key, value in items:
            if key in data:
                raise InvalidContent(M.DUPLICATE_KEY.format(key=key, first="?"), path=path)
            data[key] = value
        return data

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise InvalidContent(M.JSON_SYNTAX.format(problem=exc.msg), path=path, line=exc.lineno) from None
    try:
        lines = load_yaml(text, path=path).lines
    except InvalidContent:
        lines = {}
    return Document(data=data, path=path, lines=lines)


def read_data(path: str | Path) -> Document:
    """Read a data file for ``jtk import`` (:func:`load_data`)."""
    return load_data(_read_bytes(path), path=str(path))


def _decode(raw: bytes | str, path: str | None) -> str:
    if isinstance(raw, str):
        return raw
    if len(raw) > MAX_BYTES:
        raise InvalidContent(M.TOO_LARGE.format(size=len(raw), limit=MAX_BYTES), path=path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InvalidContent(M.NOT_UTF8.format(offset=exc.start), path=path, line=line) from None
    return text.removeprefix("\ufeff")


class _Builder:
    """Turns a node graph into plain data, refusing aliases, tags, duplicates and deep nesting."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.seen: set[int] = set()
        self.problems: list[Problem] = []

    def _problem(self, message: str, node: Node, loc: Loc, line: int | None = None) -> None:
        line = line or node.start_mark.line + 1
        self.problems.append(Problem(message, self.doc.path, line, dotted(loc)))

    def build(self, node: Node, loc: Loc, depth: int) -> Any:
        if id(node) in self.seen:  # the composer hands back the same node object for an alias
            # The node's own mark is where the anchor was defined; name where it is used instead.
            used = self.doc.lines.get(loc) if loc and isinstance(loc[-1], str) else self.doc.line_of(loc[:-1])
            self._problem(M.ALIAS, node, loc, used)
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self._problem(M.TOO_DEEP.format(limit=MAX_DEPTH), node, loc)
            return None
        if node.tag != _TAGS[type(node)]:
            self._problem(M.TAG.format(tag=node.tag), node, loc)
            return None
        if isinstance(node, ScalarNode):
            return node.value
        if isinstance(node, SequenceNode):
            items = []
            for index, child in enumerate(node.value):
                self.doc.lines[(*loc, index)] = child.start_mark.line + 1
                items.append(self.build(child, (*loc, index), depth + 1))
            return items
        return dict(self._pairs(node, loc, depth))

    def _pairs(self, node: MappingNode, loc: Loc, depth: int) -> Iterator[tuple[str, Any]]:
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self._problem(M.COMPLEX_KEY, key_node, loc)
                continue
            key = self.build(key_node, loc, depth + 1)
            if key is None:
                continue
            line = key_node.start_mark.line + 1
            if key in first_line:
                self._problem(M.DUPLICATE_KEY.format(key=key, first=first_line[key]), key_node, (*loc, key))
                continue
            first_line[key] = line
            self.doc.lines[(*loc, key)] = line
            yield key, self.build(value_node, (*loc, key), depth + 1)


def dotted(loc: Loc) -> str | None:
    """``("vastaukset", "4", "taso")`` → ``"vastaukset.4.taso"``; list indexes count from 1."""
    if not loc:
        return None
    return ".".join(str(p + 1) if isinstance(p, int) else p for p in loc)


# --- the dumper ---------------------------------------------------------------------------------

try:
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    pass


# Plain scalars that YAML 1.2 readers (editors, other tools) would take for numbers: ``091``, ``1e3``.
_NUMBER_LIKE = re.compile(r"[-+.]?[0-9][^\s]*")


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if "\n" in text:
        return dumper.represent_scalar(_STR, text, style="|")
    return dumper.represent_scalar(_STR, text, style="'" if _NUMBER_LIKE.fullmatch(text) else None)


def _represent_none(dumper: yaml.SafeDumper, _: None) -> yaml.ScalarNode:
    return dumper.represent_scalar(_STR, "")


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(type(None), _represent_none)


def dump_yaml(data: Any, *, header: str = "") -> str:
    """Deterministic YAML: insertion order, literal blocks, Unicode, no wrapping."""
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=2**31 - 1,
        indent=2,
    )
    return header + body
