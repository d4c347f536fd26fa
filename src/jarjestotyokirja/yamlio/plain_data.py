"""A clean YAML node graph as plain data, fast: the loader's path for a file with nothing to report.

:func:`plain_data` builds dicts, lists and str without the line table and raises :class:`NotPlain`
at anything the loader's builder reports (an alias, a tag, a complex or duplicate key, too deep
nesting); the loader then lets the builder find and report it with its line.
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

TAGS = {ScalarNode: "tag:yaml.org,2002:str", MappingNode: "tag:yaml.org,2002:map", SequenceNode: "tag:yaml.org,2002:seq"}


class PlainResolver(BaseResolver):
    """BaseResolver without implicit or path resolvers, answered at once: every untagged node gets
    the default tag of its kind (what BaseResolver's own lookups come to), so plain scalars are str."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


class NotPlain(Exception):
    """Something the loader's builder reports (an alias, a tag, a duplicate key, too deep nesting)."""


def plain_data(node: Node, max_depth: int, *, aliases: bool = True) -> Any:
    """The data of a node graph with nothing to report; anything else raises :class:`NotPlain`.

    ``aliases=False`` says the text has no ``*`` (so no node can appear twice): nodes are then not
    tracked, which is a tenth of the work.
    """
    return _plain(node, 0, max_depth, set() if aliases else None)


def _plain(node: Node, depth: int, max_depth: int, seen: set[int] | None) -> Any:
    kind = type(node)
    if depth > max_depth or node.tag != TAGS[kind]:
        raise NotPlain
    if seen is not None:
        if id(node) in seen:
            raise NotPlain
        seen.add(id(node))
    if kind is ScalarNode:
        return node.value
    if kind is SequenceNode:
        return [_plain(child, depth + 1, max_depth, seen) for child in node.value]
    data: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if type(key_node) is not ScalarNode:
            raise NotPlain
        key = _plain(key_node, depth + 1, max_depth, seen)
        if key in data:
            raise NotPlain
        data[key] = _plain(value_node, depth + 1, max_depth, seen)
    return data
