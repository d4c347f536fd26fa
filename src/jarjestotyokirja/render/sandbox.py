"""What an organisation's template may do: the limits of the Jinja sandbox jtk renders with.

* Files: a template, and everything it includes, imports or extends, must really be inside one of
  the template folders (:class:`FolderLoader` resolves symbolic links before reading); a link
  pointing elsewhere is refused.
* Data: the context is read-only (``ImmutableSandboxedEnvironment``: ``kunta.update(...)``,
  ``list.append`` and the like are refused), no attribute starting with ``_``, no module imports.
* Size: no string or sequence a template builds may exceed :data:`MAX_SIZE` items (``*``, ``+``,
  ``~``, ``%``, ``join``, ``replace``, ``format``, padding filters and methods), ``range`` gives at most
  :data:`MAX_RANGE` numbers, ``**`` at most :data:`MAX_POWER`, and the document at most
  :data:`MAX_OUTPUT` characters.
* Time: each document must render within its time limit (:func:`time_limit`): every loop turn,
  call and operator checks the clock, so a loop without end stops with a message, on every OS.

A broken limit is :class:`TemplateLimit` (a Jinja ``SecurityError``) with a Finnish message naming
the limit; the caller names the template.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import FileSystemLoader, nodes
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.parser import Parser
from jinja2.runtime import markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from jarjestotyokirja.errors import M

MAX_SIZE = 1_000_000
MAX_RANGE = 100_000
MAX_POWER = 10_000
MAX_OUTPUT = 20_000_000
MAX_TEMPLATE_BYTES = 2 * 1024 * 1024
DEFAULT_TIME_LIMIT = 60.0
_TICKS_PER_CLOCK = 64


class TemplateLimit(SecurityError):
    """A template broke one of the sandbox's limits (size, time, files)."""


class TemplateOutside(SecurityError):
    """A template (or what it includes) resolves to a file outside the template folders.

    Not a ``TemplateNotFound``: ``ChoiceLoader`` would then quietly try the next folder.
    """

    def __init__(self, name: str, target: str) -> None:
        super().__init__(M.TEMPLATE_OUTSIDE.format(name=name, target=target))


def inside(path: str, folders: Iterable[str]) -> bool:
    """Whether ``path`` really (symbolic links resolved) is one of ``folders`` or under one."""
    real = os.path.realpath(path)
    return any(os.path.commonpath([real, folder]) == folder for folder in folders)


class FolderLoader(FileSystemLoader):
    """``FileSystemLoader`` that reads a template only if its real path is inside a template folder."""

    def __init__(self, searchpath: str, allowed: Iterable[str]) -> None:
        super().__init__(searchpath, encoding="utf-8", followlinks=False)
        self.allowed = tuple(os.path.realpath(folder) for folder in allowed)

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        """Checked before a byte is read: the real path, and a size a template can have."""
        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = posixpath.join(folder, *pieces)
            if os.path.isfile(filename):  # a FIFO or device is not a file: not found, never read
                if not inside(filename, self.allowed):
                    raise TemplateOutside(template, os.path.realpath(filename))
                if os.path.getsize(filename) > MAX_TEMPLATE_BYTES:
                    raise TemplateLimit(M.TEMPLATE_SIZE_LIMIT.format(what=template, limit=MAX_TEMPLATE_BYTES))
                break
        return super().get_source(environment, template)


# --- time ----------------------------------------------------------------------------------------

class _Clock(threading.local):
    deadline: float | None = None
    seconds: float = DEFAULT_TIME_LIMIT
    ticks: int = 0


_CLOCK = _Clock()
_DEFAULT = {"seconds": DEFAULT_TIME_LIMIT}


def set_default_time_limit(seconds: float) -> None:
    """The time limit of every document rendered after this (``--aikaraja``) in this process."""
    _DEFAULT["seconds"] = seconds


def default_time_limit() -> float:
    return _DEFAULT["seconds"]


def parse_time_limit(text: str) -> float:
    """``--aikaraja``: seconds, a positive number (``90``, ``2.5``, ``2,5``); :class:`UsageError` otherwise."""
    from jarjestotyokirja.errors import UsageError

    try:
        seconds = float(text.strip().replace(",", "."))
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < 1e9 or not re.fullmatch(r"[0-9]+(?:[.,][0-9]+)?", text.strip()):
        raise UsageError(M.TIME_LIMIT_OPTION.format(value=text))
    return seconds


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Rendering inside this block must end within ``seconds`` (None: no limit)."""
    saved = (_CLOCK.deadline, _CLOCK.seconds)
    _CLOCK.deadline = None if seconds is None else time.monotonic() + seconds
    _CLOCK.seconds = seconds or 0.0
    try:
        yield
    finally:
        _CLOCK.deadline, _CLOCK.seconds = saved


def check_clock(every: int = _TICKS_PER_CLOCK) -> None:
    """:class:`TemplateLimit` once the time limit has passed (the clock is read every ``every`` calls)."""
    _CLOCK.ticks += 1
    if _CLOCK.deadline is None or _CLOCK.ticks % every:
        return
    if time.monotonic() > _CLOCK.deadline:
        raise TemplateLimit(M.TEMPLATE_TIME_LIMIT.format(seconds=f"{_CLOCK.seconds:g}"))


# --- size ----------------------------------------------------------------------------------------

def _too_big(what: str, size: int, limit: int = MAX_SIZE) -> None:
    if size > limit:
        raise TemplateLimit(M.TEMPLATE_SIZE_LIMIT.format(what=what, limit=limit))


def _sized(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)) else 0


def _check_numbers(what: str, args: Iterable[Any]) -> None:
    """A width, count or repeat above the size limit is refused before it is used."""
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_SIZE:
            _too_big(what, abs(arg))


_PRINTF_WIDTH = re.compile(r"%[-+ #0]*(\d*)(?:\.(\d*))?")
_FORMAT_WIDTH = re.compile(r"\{[^{}]*?:[^{}]*?(\d+)(?:\.(\d+))?[^{}]*\}")


def _check_format(what: str, pattern: Any) -> None:
    """``'%0999999999d'`` and ``'{:>999999999}'`` would pad to a gigabyte: refused."""
    if not isinstance(pattern, str):
        return
    for regex in (_PRINTF_WIDTH, _FORMAT_WIDTH):
        for match in regex.finditer(pattern):
            _check_numbers(what, [int(group) for group in match.groups() if group])


def capped_range(*args: int) -> Iterator[int]:
    """``range`` with at most :data:`MAX_RANGE` numbers; every number checks the clock."""
    numbers = range(*args)
    _too_big("range", len(numbers), MAX_RANGE)
    for number in numbers:
        check_clock()
        yield number


def concat(parts: Iterable[Any]) -> Any:
    """``a ~ b``, Jinja's own ``markup_join`` after the sizes are checked."""
    check_clock(1)
    texts = [part if isinstance(part, str) else str(part) for part in parts]
    _too_big("~", sum(len(text) for text in texts))
    return markup_join(texts)


_PADDING = frozenset({"center", "indent", "ljust", "rjust", "zfill", "expandtabs"})


def _checked_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A built-in filter whose numbers and expected result size are checked first."""

    def checked(*args: Any, **kwargs: Any) -> Any:
        check_clock(1)
        values = [*args, *kwargs.values()]
        if name in _PADDING:
            _check_numbers(f"|{name}", values)
        _expected_size(f"|{name}", name, values)
        result = func(*args, **kwargs)
        _too_big(f"|{name}", _sized(result))
        return result

    for attribute in ("jinja_pass_arg",):
        if hasattr(func, attribute):
            setattr(checked, attribute, getattr(func, attribute))
    checked.__name__ = getattr(func, "__name__", name)
    checked.__wrapped__ = func  # type: ignore[attr-defined]
    return checked


def _expected_size(what: str, name: str, values: list[Any]) -> None:
    """What ``join``, ``replace`` and ``format`` would build, estimated before they build it."""
    texts = [value for value in values if isinstance(value, str)]
    if name == "replace" and len(texts) >= 3:
        value, old, new = texts[-3:]
        _too_big(what, len(value) + (value.count(old) if old else len(value) + 1) * max(0, len(new) - len(old)))
    elif name == "format" and texts:
        _check_format(what, texts[0])


def _joined_size(items: list[Any], separator: str) -> int:
    return sum(len(item) if isinstance(item, str) else len(str(item)) for item in items) + len(separator) * len(items)


def _checked_join(func: Callable[..., Any]) -> Callable[..., Any]:
    """``|join``: the items are counted (a generator is read first) and the size checked before joining."""

    def join(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> Any:
        check_clock(1)
        items = value if isinstance(value, (list, tuple)) else list(value)
        if attribute is None:
            _too_big("|join", _joined_size(list(items), str(d)))
        result = func(eval_ctx, items, d, attribute)
        _too_big("|join", len(result))
        return result

    join.jinja_pass_arg = func.jinja_pass_arg  # type: ignore[attr-defined]
    return join


# --- the environment -----------------------------------------------------------------------------

class _Limits(NodeTransformer):
    """Puts a clock check in every loop (its body and its ``if``) and sends ``~`` through :func:`concat`."""

    @staticmethod
    def _call(name: str, args: list[nodes.Expr], lineno: int) -> nodes.Call:
        call = nodes.Call(nodes.EnvironmentAttribute(name), args, [], None, None)
        call.set_lineno(lineno)
        return call

    def visit_For(self, node: nodes.For) -> nodes.For:
        self.generic_visit(node)
        node.body.insert(0, nodes.ExprStmt(self._call("jtk_tick", [], node.lineno), lineno=node.lineno))
        if node.test is not None:
            node.test = nodes.And(self._call("jtk_tick", [], node.lineno), node.test, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Call:
        self.generic_visit(node)
        return self._call("jtk_concat", [nodes.List(node.nodes, lineno=node.lineno)], node.lineno)


class LimitedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with jtk's size and time limits (see the module's doc)."""

    intercepted_binops = frozenset({"*", "+", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = capped_range
        self.filters.update({name: _checked_filter(name, func) for name, func in self.filters.items()})
        self.filters["join"] = _checked_join(self.filters["join"].__wrapped__)

    def jtk_tick(self) -> bool:
        check_clock()
        return True

    def jtk_concat(self, parts: Iterable[Any]) -> Any:
        return concat(parts)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The template's syntax tree with a clock check in every loop and ``~`` size-checked."""
        tree = _Limits().visit(Parser(self, source, name, filename).parse())
        tree.set_environment(self)
        return tree

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        check_clock(1)
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if _sized(sequence) and isinstance(count, int):
                    _too_big("*", _sized(sequence) * max(count, 0))
        elif operator == "+" and _sized(left) and _sized(right):
            _too_big("+", _sized(left) + _sized(right))
        elif operator == "**" and isinstance(right, int) and isinstance(left, int) and abs(left) > 1:
            _too_big("**", abs(right), MAX_POWER)
        elif operator == "%" and isinstance(left, str):
            _check_format("%", left)
            _check_numbers("%", right if isinstance(right, tuple) else (right,))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        check_clock(1)
        if not __self.is_safe_callable(__obj):
            raise SecurityError(M.TEMPLATE_UNSAFE_CALL.format(name=getattr(__obj, "__name__", type(__obj).__name__)))
        what = getattr(__obj, "__name__", "()")
        values = [*args, *kwargs.values()]
        if what in _PADDING:
            _check_numbers(f".{what}()", values)
        if isinstance(getattr(__obj, "__self__", None), str):
            owner = __obj.__self__
            if what == "join" and args and isinstance(args[0], (list, tuple)):
                _too_big(".join()", len(owner) * len(args[0]) + sum(_sized(item) for item in args[0]))
            elif what == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
                _expected_size(".replace()", "replace", [owner, args[0], args[1]])
            elif what in ("format", "format_map"):
                _check_format(".format()", owner)
        result = super().call(__context, __obj, *args, **kwargs)
        _too_big(f".{what}()", _sized(result))
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``'{:>999999999}'.format(x)``: the pattern's widths are checked when the method is taken."""
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format(".format()", value.__self__)
        return wrapped

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        return self.undefined(
            M.TEMPLATE_UNSAFE_ATTRIBUTE.format(attribute=attribute, kind=type(obj).__name__),
            name=attribute, obj=obj, exc=SecurityError,
        )


def limited_output(chunks: Iterable[str]) -> str:
    """The rendered pieces joined, refused once the document passes :data:`MAX_OUTPUT` characters."""
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        _too_big("asiakirja", size, MAX_OUTPUT)
        parts.append(chunk)
    return "".join(parts)
