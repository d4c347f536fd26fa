"""The strict loader: every file jtk reads as YAML or JSON, with the line of every node."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from jarjestotyokirja.errors import InvalidContent, M, NotFound, Problem
from jarjestotyokirja.os_messages import os_reason
from jarjestotyokirja.yamlio.plain_data import TAGS, NotPlain, PlainResolver, plain_data

MAX_BYTES = 2 * 1024 * 1024  # one limit for every file jtk loads, and for the answers files it saves
MAX_DEPTH = 24

_TAGS = TAGS
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
# Searched for first: a MULTILINE "^" makes the regex engine try the pattern at every character,
# which cost more than composing the file's nodes.
_CONFLICT_RUNS = ("<" * 7, "=" * 7, ">" * 7, "|" * 7)

Loc = tuple[str | int, ...]

class PyLoader(Reader, Scanner, Parser, Composer, PlainResolver):
    """Pure-Python composer; BaseResolver has no implicit resolvers, so plain scalars are str."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        PlainResolver.__init__(self)


try:  # libyaml's parser and composer, about six times faster, when PyYAML was built with it
    from yaml.cyaml import CParser

    class CLoader(CParser, PlainResolver):
        """The same with libyaml; the C composer asks the resolver for each node's tag."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            PlainResolver.__init__(self)

    _Loader: type = CLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    _Loader = PyLoader


class Document:
    """Loaded data (dicts, lists and str only) and the line of every key and list item.

    The line table is built when first asked for (an error to report): a file that loads and
    validates cleanly never needs it, and building it cost a third of loading an answers file.
    Data from the cache (:mod:`.data_cache`) has no node graph: its ``text`` is composed then.
    """

    def __init__(self, data: Any = None, path: str | None = None, lines: dict[Loc, int] | None = None,
                 *, root: Node | None = None, text: str | None = None) -> None:
        self.data = data
        self.path = path
        self._lines = lines
        self._root = root
        self._text = text

    @property
    def lines(self) -> dict[Loc, int]:
        if self._lines is None:
            self._lines = {}
            if self._root is None and self._text is not None:
                self._root = _compose(self._text, self.path)
            if self._root is not None:
                _Builder(self).build(self._root, (), 0)
        return self._lines

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest ancestor that has one."""
        lines = self.lines
        loc = tuple(loc)
        while loc:
            if loc in lines:
                return lines[loc]
            loc = loc[:-1]
        return lines.get((), None)


def read_yaml(path: str | Path, *, cached: bool = False) -> Document:
    """Read and strictly load one YAML file; errors name the file and line. ``cached``: see :func:`load_yaml`."""
    return load_yaml(read_file(path), path=str(path), cached=cached)


def read_file(path: str | Path) -> bytes:
    """At most :data:`MAX_BYTES` + 1 bytes of a regular file; a FIFO, device or folder is refused
    without blocking (opened non-blocking, checked before reading)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise NotFound(M.FILE_NOT_FOUND, path=str(path)) from None
    except OSError as exc:
        raise InvalidContent(M.FILE_UNREADABLE.format(reason=os_reason(exc)), path=str(path)) from None
    try:
        kind = os.fstat(fd).st_mode
        if not stat.S_ISREG(kind):
            raise InvalidContent(M.NOT_A_REGULAR_FILE.format(kind=_file_kind(kind)), path=str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return read_limited(handle, str(path))
    except OSError as exc:
        raise InvalidContent(M.FILE_UNREADABLE.format(reason=os_reason(exc)), path=str(path)) from None
    finally:
        os.close(fd)


def read_limited(handle: BinaryIO, shown: str, limit: int = MAX_BYTES) -> bytes:
    """Read ``handle`` (a file, standard input) up to ``limit`` bytes; more is refused, not read."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = handle.read(min(1 << 16, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise InvalidContent(M.INPUT_TOO_LARGE.format(limit=limit), path=shown)
    return b"".join(chunks)


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return M.KIND_DIRECTORY
    if stat.S_ISFIFO(mode):
        return M.KIND_FIFO
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return M.KIND_DEVICE
    if stat.S_ISSOCK(mode):
        return M.KIND_SOCKET
    return M.KIND_OTHER


def load_yaml(raw: bytes | str, *, path: str | None = None, cached: bool = False) -> Document:
    """Strictly load YAML text. Raises :class:`InvalidContent` listing every problem found.

    ``cached``: a text loaded cleanly before gets its data from the cache (:mod:`.data_cache`),
    and one loaded cleanly now is kept there; for readers of many files that seldom change.
    """
    text = decode_text(raw, path)
    if isinstance(raw, str) and len(text) > MAX_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InvalidContent(M.TOO_LARGE.format(size=len(text.encode("utf-8", "surrogatepass")), limit=MAX_BYTES),
                             path=path)
    conflicts = [
        Problem(M.CONFLICT_MARKER.format(marker=m.group(1)), path, text.count("\n", 0, m.start()) + 1)
        for m in (_CONFLICT.finditer(text) if any(run in text for run in _CONFLICT_RUNS) else ())
    ]
    if conflicts:
        raise InvalidContent(problems=conflicts)
    entry = None
    if cached:  # imported only then: hashlib and json would cost the interview's first question 10 ms
        from jarjestotyokirja.yamlio import data_cache

        entry = data_cache.entry_for(text)
    if entry is not None:
        data = data_cache.cached_data(entry)
        if data is not data_cache.MISSING:
            return Document(data=data, path=path, text=text)
    root = _compose(text, path)
    if root is None:
        return Document(data=None, path=path, lines={})
    try:  # a clean file: plain data, the lines only if asked for
        data = plain_data(root, MAX_DEPTH, aliases="*" in text)
    except NotPlain:
        pass
    else:
        if entry is not None:
            data_cache.keep_data(entry, data)
        return Document(data=data, path=path, root=root)
    doc = Document(data=None, path=path, lines={})
    builder = _Builder(doc)
    doc.data = builder.build(root, (), 0)
    if builder.problems:
        raise InvalidContent(problems=builder.problems)
    return doc


def _compose(text: str, path: str | None) -> Node | None:
    """The node graph of ``text`` (None for an empty document); a syntax error names its line."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem_text = _syntax_message(exc)
        raise InvalidContent(problem_text, path=path, line=mark.line + 1 if mark else None) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        problem = M.YAML_BAD_CHARACTER.format(code=f"{exc.character:04X}" if isinstance(exc.character, int) else "?")
        raise InvalidContent(problem, path=path, line=line) from None
    except yaml.YAMLError:
        raise InvalidContent(M.YAML_BROKEN, path=path) from None
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose:
            dispose()


# PyYAML's and libyaml's problem texts → the catalogue entry saying, in the UI language, what to look for
# (names, not messages: the language is chosen after import).
_SYNTAX = [
    (r"expected a single document", "MULTIPLE_DOCUMENTS"),
    (r"found undefined alias", "ALIAS"),
    (r"mapping values are not allowed", "YAML_COLON"),
    (r"found character .*cannot start any token", "YAML_CANNOT_START"),
    (r"found unexpected end of stream", "YAML_UNEXPECTED_END"),
    (r"expected ',' or '\]'", "YAML_UNCLOSED_LIST"),
    (r"expected ',' or '}'", "YAML_UNCLOSED_MAPPING"),
    (r"expected '-' indicator|expected <block end>|expected key|expected ':'", "YAML_INDENT"),
    (r"exceeded maximum nesting depth", "TOO_DEEP"),
    (r"did not find expected node content", "YAML_NO_VALUE"),
    (r"found unknown escape character", "YAML_ESCAPE"),
    (r"did not find expected (alphabetic or numeric character|comment or line break)", "YAML_BROKEN"),
]


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    said = f"{exc.context or ''} {exc.problem or ''}"
    for pattern, name in _SYNTAX:
        if re.search(pattern, said):
            return getattr(M, name).format(limit=MAX_DEPTH)
    return M.YAML_BROKEN  # never the parser's English


def decode_text(raw: bytes | str, path: str | None) -> str:
    """Text as loaded: UTF-8 (a BOM dropped), at most :data:`MAX_BYTES`; errors name the line."""
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
