"""The deterministic dumper: the same data always gives the same bytes (see :mod:`jarjestotyokirja.yamlio`)."""

from __future__ import annotations

import re
from typing import Any

import yaml

_STR = "tag:yaml.org,2002:str"

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


class _TabEmitter(yaml.emitter.Emitter):
    """The pure-Python emitter, told that a tab is ordinary text, so multi-line text with a tab (pasted
    from a word processor) stays a literal block instead of becoming a quoted one-line string (the C
    emitter, used otherwise, cannot be told). A block whose first line starts with a tab gets an
    explicit indentation indicator, since indentation is spaces only."""

    def analyze_scalar(self, scalar: str) -> Any:
        if "\n" not in scalar:  # one line: a tab needs quotes (a plain leading tab would be lost)
            return super().analyze_scalar(scalar)
        analysis = super().analyze_scalar(scalar.replace("\t", "x"))
        analysis.scalar = scalar
        return analysis

    def determine_block_hints(self, text: str) -> str:
        hints = super().determine_block_hints(text)
        if text.startswith("\t") and not hints[:1].isdigit():
            hints = str(self.best_indent) + hints
        return hints


class _TabDumper(_TabEmitter, yaml.serializer.Serializer, yaml.representer.SafeRepresenter,
                 yaml.resolver.Resolver):
    def __init__(self, stream: Any, **options: Any) -> None:
        _TabEmitter.__init__(self, stream, canonical=options.get("canonical"), indent=options.get("indent"),
                             width=options.get("width"), allow_unicode=options.get("allow_unicode"),
                             line_break=options.get("line_break"))
        yaml.serializer.Serializer.__init__(self, encoding=options.get("encoding"),
                                            explicit_start=options.get("explicit_start"),
                                            explicit_end=options.get("explicit_end"),
                                            version=options.get("version"), tags=options.get("tags"))
        yaml.representer.SafeRepresenter.__init__(self, default_style=options.get("default_style"),
                                                  default_flow_style=options.get("default_flow_style"),
                                                  sort_keys=options.get("sort_keys", True))
        yaml.resolver.Resolver.__init__(self)


_TabDumper.add_representer(str, _represent_str)
_TabDumper.add_representer(type(None), _represent_none)


def _has_tabbed_block(data: Any) -> bool:
    if isinstance(data, str):
        return "\t" in data and "\n" in data
    if isinstance(data, dict):
        return any(_has_tabbed_block(value) for value in data.values())
    if isinstance(data, (list, tuple)):
        return any(_has_tabbed_block(value) for value in data)
    return False


def dump_yaml(data: Any, *, header: str = "") -> str:
    """Deterministic YAML: insertion order, literal blocks, Unicode, no wrapping."""
    body = yaml.dump(
        data,
        Dumper=_TabDumper if _has_tabbed_block(data) else _Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=2**31 - 1,
        indent=2,
    )
    return header + body
