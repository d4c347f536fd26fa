"""One Jinja environment factory for every report format, with escaping per format.

Templates are found first in the organisation's own folder (``--templates DIR``) and then in the
templates bundled with jtk, so any one template can be overridden. With an organisation's folder
the environment is sandboxed (:mod:`.sandbox`: a template cannot read files outside the template
folders, import modules, call methods that change data, or pass the size and time limits), and so
are jtk's own templates rendered in it (they may include one of the organisation's). jtk's bundled
templates alone are trusted: they are rendered without the sandbox's per-call checks, which cost
about a third of the Markdown time. Every environment is strict (an undefined name is an error,
not an empty string).

Escaping for each format lives in :mod:`.escaping`; the names are imported here too.

Templates also get the filters ``fill`` (a fixed text of ``t`` with its ``{name}`` slots filled, each
value escaped for the format: :mod:`.document_texts`) and ``fill_text`` (the same unescaped, for a Typst
string literal).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, StrictUndefined, TemplateError, TemplateNotFound
from jinja2.compiler import CodeGenerator
from markupsafe import Markup, escape

from jarjestotyokirja.conventions import fi_date
from jarjestotyokirja.errors import InvalidContent, M
from jarjestotyokirja.render.escaping import (
    Escaped,
    html_text,
    is_escaped,
    md_cell,
    md_escape,
    md_inline,
    typst_cell,
    typst_escape,
    typst_inline,
    typst_str,
)
from jarjestotyokirja.render.sandbox import (
    FolderLoader,
    LimitedEnvironment,
    TemplateOutside,
    default_time_limit,
    limited_output,
    time_limit,
)
from jarjestotyokirja.render.template_cache import compiled_templates
from jarjestotyokirja.resources import bundled

FORMATS = ("md", "html", "typ")
# Context keys every imported macro file sees, with or without context (render_template).
SHARED_WITH_IMPORTS = ("t", "kieli")


_ESCAPE: dict[str, Callable[[Any], Escaped]] = {"md": md_escape, "typ": typst_escape}

_FILTERS: dict[str, Callable[..., Any]] = {
    "md_inline": md_inline,
    "md_cell": md_cell,
    "typst_str": typst_str,
    "typst_inline": typst_inline,
    "typst_cell": typst_cell,
    "html_text": html_text,
    "fi_date": fi_date,
}


def fill_text(text: Any, **values: Any) -> str:
    """``"{n} %"`` with ``n=3`` → ``"3 %"``: a fixed text's slots filled with plain values."""
    result = str(text)
    for name, value in values.items():
        result = result.replace("{" + name + "}", str(value))
    return result


def fill_filter(fmt: str) -> Callable[..., Any]:
    """The ``fill`` filter of ``fmt``: a fixed text's slots filled with values escaped for ``fmt``."""
    return _fill_for(fmt)


def _fill_for(fmt: str) -> Callable[..., Any]:
    inline: Callable[[Any], Any] = {"md": md_inline, "typ": typst_inline}.get(fmt, escape)

    def fill(text: Any, **values: Any) -> Any:
        shown = {name: v if isinstance(v, int) or is_escaped(v) else inline(v) for name, v in values.items()}
        result = fill_text(text, **shown)
        return Markup(result) if fmt == "html" else Escaped(result)

    return fill


def _finalize_for(fmt: str) -> Callable[[Any], Any] | None:
    escape_fn = _ESCAPE.get(fmt)
    if escape_fn is None:
        return None

    def finalize(value: Any) -> Any:
        kind = type(value)
        if kind is Escaped or kind is Markup:  # most values: fixed texts and filters' results
            return value
        if value is None:
            return _NOTHING
        if kind is int:
            return _number(value)  # a number reads the same in markup and in code
        return escape_fn(value)

    return finalize


_NOTHING = Escaped("")


@lru_cache(maxsize=1024)
def _number(value: int) -> Escaped:
    return Escaped(value)


def template_dirs(templates: str | Path | None = None) -> list[Path]:
    """The folders searched for templates: the organisation's own first, then jtk's."""
    dirs = [Path(templates)] if templates else []
    return [*dirs, bundled("templates")]


class _EscapedOutput(CodeGenerator):
    """Writes ``{{ x }}`` as ``str(finalize(x))`` instead of ``escape(finalize(x))``.

    In Markdown and Typst the finalizer escapes every value for the format and always returns an
    :class:`Escaped` or ``Markup`` value; markupsafe's ``escape`` on it would only copy it into a
    new ``Markup`` (a sixth of the Markdown time), never change a character. Autoescaping itself
    stays on, so macros and ``{% set %}`` blocks still return ``Markup`` that is not escaped twice.
    """

    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape or finalize.src is None:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("str(")
        self.write(finalize.src)


_DICT_ATTRIBUTES = frozenset(dir(dict))


class TrustedEnvironment(Environment):
    """jtk's own bundled templates: no sandbox checks (see the module's doc)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``x.name`` on a dict of the context is its item at once. Jinja would first look for an
        attribute and fail (an exception for each of hundreds of lookups per document); a dict
        has no attribute of that name, so the result is the same."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


class _TrustedEscaped(TrustedEnvironment):
    code_generator_class = _EscapedOutput


class _LimitedEscaped(LimitedEnvironment):
    code_generator_class = _EscapedOutput


def _environment_class(fmt: str, trusted: bool) -> type[Environment]:
    if fmt in _ESCAPE:
        return _TrustedEscaped if trusted else _LimitedEscaped
    return TrustedEnvironment if trusted else LimitedEnvironment


@lru_cache(maxsize=16)
def _environment(fmt: str, dirs: tuple[str, ...], trusted: bool) -> Environment:
    kind = _environment_class(fmt, trusted)
    env = kind(
        loader=ChoiceLoader([FolderLoader(d, dirs) for d in dirs]),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalize_for(fmt),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        bytecode_cache=compiled_templates(f"{kind.__name__}|{fmt}"),
    )
    env.filters.update(_FILTERS)
    env.filters["fill"] = _fill_for(fmt)
    env.filters["fill_text"] = fill_text
    return env


def environment(fmt: str, templates: str | Path | None = None) -> Environment:
    """The strict Jinja environment for ``fmt`` (``md``, ``html`` or ``typ``): sandboxed
    (:class:`~.sandbox.LimitedEnvironment`) with an organisation's ``templates`` folder, trusted
    (:class:`TrustedEnvironment`) for jtk's bundled templates alone."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown template format {fmt!r}")
    if templates is not None and not Path(templates).is_dir():
        raise InvalidContent(M.TEMPLATES_NOT_A_DIR, path=str(templates))
    return _environment(fmt, tuple(str(d) for d in template_dirs(templates)), templates is None)


def template_path(name: str, fmt: str, templates: str | Path | None = None) -> Path:
    """Where template ``name`` is found (the organisation's folder wins); Typst's root is its folder."""
    try:
        source = environment(fmt, templates).get_template(name)
    except TemplateOutside as exc:
        raise InvalidContent(exc.message or "", path=str(templates or "")) from None
    except TemplateNotFound:
        raise InvalidContent(M.TEMPLATE_NOT_FOUND.format(name=name), path=str(templates or "")) from None
    except TemplateError as exc:
        raise _template_error(exc, name) from None
    return Path(source.filename or name)


def render_template(
    name: str,
    context: Mapping[str, Any],
    fmt: str,
    templates: str | Path | None = None,
    *,
    seconds: float | None = None,
) -> str:
    """Render template ``name`` with ``context`` (plain data) in format ``fmt`` within ``seconds``
    (default :func:`~.sandbox.default_time_limit`, ``--aikaraja``).

    Template mistakes (syntax, an undefined name, a forbidden operation in the sandbox, a broken
    size or time limit, a file outside the template folders) are raised as :class:`InvalidContent`
    naming the template and its line.
    """
    env = environment(fmt, templates)
    try:
        # The document's language and fixed texts are the template's globals too, so a macro file
        # imported without context (an organisation's own template may) still sees them.
        template = env.get_template(name, globals={k: context[k] for k in SHARED_WITH_IMPORTS if k in context})
    except TemplateOutside as exc:
        raise InvalidContent(exc.message or "", path=str(templates or "")) from None
    except TemplateNotFound as exc:
        raise InvalidContent(M.TEMPLATE_NOT_FOUND.format(name=exc.name)) from None
    except TemplateError as exc:
        raise _template_error(exc, name) from None
    if isinstance(env, TrustedEnvironment):
        try:
            return template.render(context)
        except TemplateError as exc:
            raise _template_error(exc, template.filename or name) from None
    try:
        with time_limit(seconds or default_time_limit()):
            return limited_output(template.generate(context))
    except TemplateOutside as exc:
        raise InvalidContent(exc.message or "", path=template.filename) from None
    except TemplateNotFound as exc:
        raise InvalidContent(M.TEMPLATE_NOT_FOUND.format(name=exc.name), path=template.filename) from None
    except TemplateError as exc:
        raise _template_error(exc, template.filename or name) from None
    except RecursionError:
        raise InvalidContent(M.TEMPLATE_ERROR.format(reason=M.TEMPLATE_RECURSION), path=template.filename) from None
    except MemoryError:
        raise InvalidContent(M.TEMPLATE_ERROR.format(reason=M.TEMPLATE_MEMORY), path=template.filename) from None


def _template_error(exc: TemplateError, name: str) -> InvalidContent:
    path = getattr(exc, "filename", None) or name
    line = getattr(exc, "lineno", None)
    if line is None:
        line = _template_line(exc)
    return InvalidContent(M.TEMPLATE_ERROR.format(reason=exc.message or type(exc).__name__), path=path, line=line)


def _template_line(exc: BaseException) -> int | None:
    """The template line of a runtime error, from the traceback frames Jinja rewrites."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith((".j2", ".jinja")):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
