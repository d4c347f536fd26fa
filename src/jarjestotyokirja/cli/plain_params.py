"""Typer's coercion of plain command-line values, without pydantic.

Typer 0.2x coerces every command-line value through a pydantic ``TypeAdapter``, so merely parsing
``jtk interview 091-helsinki.yaml`` imported pydantic (a quarter of a second on a slow laptop) before
the command could draw anything, and building the adapters for ``jtk report``'s options took a
further tenth of a second. jtk's parameters are text, paths and numbers, whose coercion is trivial:
:func:`install` gives exactly those (``str``, ``Path``, ``int``, ``float``, each also ``Optional``;
``list[str]``, ``list[Path]`` and flags; without a custom parser or Click type) a runtime coercion of
their own: text as given, a path as ``Path`` through Typer's own path checks, a number written
plainly in digits as that number within the option's ``min`` and ``max``, a flag's ``True``/``False``,
a missing optional value as ``None``. A number written otherwise (``abc``, ``1e3``, ``٣``) or out of
range is refused with jtk's own message (``M.NUMBER_EXPECTED`` and its kin). Any other value (a flag
from an environment variable) goes to Typer's own coercion, and so do all other parameters and any Typer
whose internals differ: like ``finnish.py``, a patch that does not fit is skipped, never an error.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Optional

_PLAIN = (str, Path, list[str], list[Path], bool, int, float)
# An option without a default value: None when it is not given, else coerced as its type.
_OPTIONAL = {Optional[str]: str, Optional[Path]: Path, Optional[int]: int, Optional[float]: float}


def install() -> None:
    try:
        from typer import core
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._param_types import coerce_cli_path
    except ImportError:  # pragma: no cover - an older or newer Typer: its own coercion stays
        return
    parameter = getattr(core, "_TyperParameter", None)
    if parameter is None or getattr(parameter, "_jtk_plain", False) or not hasattr(parameter, "get_runtime_param"):
        return  # pragma: no cover
    original = parameter.get_runtime_param

    class PlainRuntimeParam(RuntimeParam):  # type: ignore[misc]
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.annotation in (list[str], list[Path]):
                if isinstance(value, (list, tuple)) and all(isinstance(item, (str, Path)) for item in value):
                    return [self._one(item, param, ctx) for item in value]
                return build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=ctx)
            return self._one(value, param, ctx)

        def _one(self, value: Any, param: Any, ctx: Any) -> Any:
            annotation = _OPTIONAL.get(self.annotation, self.annotation)
            if value is None and self.annotation in _OPTIONAL:
                return None
            if annotation in (str, list[str]) and isinstance(value, str):
                return value
            if annotation in (Path, list[Path]) and isinstance(value, (str, Path)):
                return coerce_cli_path(Path(value), self.parameter_info, path_type=Path, param=param, ctx=ctx)
            if annotation is bool and isinstance(value, bool):
                return value
            if annotation in (int, float) and isinstance(value, (str, int, float)) and not isinstance(value, bool):
                return _checked_number(value, annotation, self.parameter_info, param, ctx)
            theirs = build_runtime_param(param.type_descriptor)  # anything else: as Typer would
            return theirs.coerce(value, param=param, ctx=ctx)

    def get_runtime_param(self: Any) -> Any:
        descriptor = getattr(self, "type_descriptor", None)
        if getattr(self, "_runtime_param", None) is None and _is_plain(descriptor):
            self._runtime_param = PlainRuntimeParam(parameter_info=descriptor.parameter_info,
                                                    annotation=descriptor.annotation)
        return original(self)

    parameter.get_runtime_param = get_runtime_param
    parameter._jtk_plain = True


_DIGITS = {int: re.compile(r"-?[0-9]+"), float: re.compile(r"-?[0-9]+(?:\.[0-9]+)?")}


def _number(value: Any, kind: type) -> int | float | None:
    """``value`` (text as typed, or the default) as an ``int`` or ``float``; None for anything that
    is not plainly one (Typer's coercion then gives its result or its error)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (kind is float and isinstance(value, float)):
        return kind(value)
    if isinstance(value, str) and _DIGITS[kind].fullmatch(value):
        return kind(value)
    return None


def _checked_number(value: Any, kind: type, info: Any, param: Any, ctx: Any) -> int | float:
    """``value`` as a number within the option's ``min`` and ``max``, else a usage error from the
    catalogue naming the option and what it takes (Typer's own reason is pydantic's English, and
    it reads ``1e3`` or ``٣`` as numbers)."""
    from jarjestotyokirja.messages import M

    number = _number(value, kind)
    if number is None:
        expected = M.NUMBER_EXPECTED if kind is int else M.DECIMAL_EXPECTED
        raise _usage_error(expected.format(name=_shown_name(param), value=value), ctx)
    low, high = getattr(info, "min", None), getattr(info, "max", None)
    if low is not None and number < low:
        raise _usage_error(M.NUMBER_TOO_SMALL.format(name=_shown_name(param), limit=low, value=value), ctx)
    if high is not None and number > high:
        raise _usage_error(M.NUMBER_TOO_LARGE.format(name=_shown_name(param), limit=high, value=value), ctx)
    return number


def _shown_name(param: Any) -> str:
    """The option as the user may write it (”--jobs” / ”-j”), or the argument's name (”NUMERO”)."""
    from jarjestotyokirja.messages import quoted

    names = [name for name in getattr(param, "opts", ()) if name.startswith("-")]
    if names:
        return " / ".join(quoted(name) for name in names)
    return quoted(getattr(param, "metavar", None) or str(param.name).upper())


def _usage_error(message: Any, ctx: Any) -> Exception:
    """Click's usage error (exit 2, the usage line above it) carrying jtk's catalogue message, shown
    with its own code (``typer_texts``)."""
    from typer._click.exceptions import UsageError

    error = UsageError(str(message), ctx)
    error.jtk_message = message  # type: ignore[attr-defined]
    return error


def _is_plain(descriptor: Any) -> bool:
    if descriptor is None or getattr(descriptor, "file_annotation", None) is not None:
        return False
    info = getattr(descriptor, "parameter_info", None)
    if info is None or getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None:
        return False
    return descriptor.annotation in _PLAIN or descriptor.annotation in _OPTIONAL
