"""One Jinja environment factory for every report format, with escaping per format.

Templates are found first in the organisation's own folder (``--templates DIR``) and then in the
templates bundled with jtk, so any one template can be overridden. Every environment is sandboxed
(:mod:`.sandbox`: a template cannot read files outside the template folders, import modules, call
methods that change data, or pass the size and time limits) and strict (an undefined name is an
error, not an empty string).

Escaping is on by default in every format: each ``{{ value }}`` is escaped for the format it goes
into, so text a user typed is always shown literally.

* ``html``: Jinja's HTML autoescaping.
* ``md``: backslash escapes for every character that Markdown could read as markup; lines are kept.
* ``typ``: the value becomes a Typst string literal shown in markup (``#"...";``), one per paragraph,
  so Typst never parses it as markup or code.

Filters mark their result as already escaped (:class:`Escaped`, a ``str``; HTML's ``Markup`` for
``html_text``), and escaping leaves such values alone. In Python, an ``Escaped`` value concatenates
like any string. The filters are: ``md_inline`` (one line, for headings), ``md_cell`` (table cells),
``typst_str`` (a Typst string literal for code: ``#text(fill: red, {{ x|typst_str }})``),
``typst_inline`` (one line in markup), ``html_text`` (paragraphs as ``<p>`` with ``<br>`` line breaks),
``fi_date`` (``2024-03-12`` → ``12.3.2024``), ``fill`` (a fixed text of ``t`` with its ``{name}`` slots
filled, each value escaped for the format: :mod:`.document_texts`) and ``fill_text`` (the same
unescaped, for a Typst string literal: ``{{ t.x|fill_text(n=1)|typst_str }}``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, StrictUndefined, TemplateError, TemplateNotFound
from markupsafe import Markup, escape

from jarjestotyokirja.conventions import fi_date
from jarjestotyokirja.errors import InvalidContent, M
from jarjestotyokirja.render.sandbox import (
    FolderLoader,
    LimitedEnvironment,
    TemplateOutside,
    default_time_limit,
    limited_output,
    time_limit,
)
from jarjestotyokirja.resources import bundled

FORMATS = ("md", "html", "typ")
# Context keys every imported macro file sees, with or without context (render_template).
SHARED_WITH_IMPORTS = ("t", "kieli")


class Escaped(str):
    """Text already escaped for the format it is written in (Markdown or Typst); not escaped again.

    ``__html__`` tells Jinja's autoescaping (and markupsafe) to leave it as it is.
    """

    __slots__ = ()

    def __html__(self) -> str:
        return str(self)

    # Changing the case keeps the escapes valid (``{{ label|md_inline|lower }}``).
    def lower(self) -> Escaped:
        return Escaped(str.lower(self))

    def upper(self) -> Escaped:
        return Escaped(str.upper(self))


def _done(value: Any) -> bool:
    return isinstance(value, (Escaped, Markup))

# --- Markdown ------------------------------------------------------------------------------------

# Characters that can start inline markup anywhere in a line (CommonMark and GitHub's extensions:
# emphasis, code, links, images, autolinks and HTML, entities, tables, strikethrough, math).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&$#])")
# What makes a line a block: a bullet list item, a setext heading underline or thematic break
# (a line of only - or =), an ordered list item (``1.`` or ``1)`` before a blank). ``#`` and ``>``
# are escaped everywhere already, ``*`` and ``_`` too.
_MD_BULLET = re.compile(r"^([-+])(?=[ \t]|$)")
_MD_UNDERLINE = re.compile(r"^([-=])(?=[-= \t]*$)")
_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")


_MD_EDGE_START = frozenset(" \t-+=0123456789")


def _md_line(line: str) -> str:
    # Most lines of prose need no escape at all: return them untouched, fast.
    if not _MD_INLINE.search(line) and line[:1] not in _MD_EDGE_START and line[-1:] not in (" ", "\t"):
        return line
    line = _MD_INLINE.sub(r"\\\1", line.strip(" \t"))
    line = _MD_UNDERLINE.sub(r"\\\1", _MD_BULLET.sub(r"\\\1", line))
    return _MD_ORDERED.sub(r"\1\\\2", line)


def md_escape(value: Any) -> Escaped:
    """Text as Markdown that shows exactly these characters: paragraphs and line breaks are kept.

    Leading blanks are dropped (Markdown would read four of them as code); a line followed by
    another line ends in a backslash, Markdown's hard line break.
    """
    if _done(value):
        return value
    paragraphs = []
    for paragraph in _PARAGRAPHS.split(str(value).strip()):
        lines = [_md_line(line) for line in paragraph.split("\n")]
        paragraphs.append("\\\n".join(line for line in lines if line))
    return Escaped("\n\n".join(p for p in paragraphs if p))


def md_inline(value: Any) -> Escaped:
    """One line of Markdown (a heading, a list item): line breaks become spaces."""
    if _done(value):
        return value
    return Escaped(" ".join(_md_line(line) for line in str(value).split("\n") if line.strip()))


def md_cell(value: Any) -> Escaped:
    """A table cell: escaped, ``|`` included, line breaks as ``<br>``."""
    if _done(value):
        return value
    lines = [_md_line(line) for line in str(value).strip().split("\n")]
    return Escaped("<br>".join(line for line in lines if line))


# --- Typst ---------------------------------------------------------------------------------------

_TYPST_SPECIAL = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029]')
_TYPST_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _typst_char(match: re.Match[str]) -> str:
    char = match.group()
    return _TYPST_NAMED.get(char) or f"\\u{{{ord(char):x}}}"


def typst_str(value: Any) -> Escaped:
    """A Typst string literal (``"..."``) holding ``value`` exactly; for use in Typst code."""
    return Escaped('"' + _TYPST_SPECIAL.sub(_typst_char, str(value)) + '"')


def typst_inline(value: Any) -> Escaped:
    """``value`` shown in Typst markup as literal text (``#"...";``); line breaks are kept."""
    if _done(value):
        return value
    text = str(value)
    return Escaped(f"#{typst_str(text)};" if text else "")


def typst_escape(value: Any) -> Escaped:
    """Text shown in Typst markup, one string literal per paragraph, so paragraphs stay paragraphs.

    A paragraph with list lines (:data:`LIST_LINE`) shows each of them as its own tight paragraph
    with a hanging indent; the characters stay as typed."""
    if _done(value):
        return value
    paragraphs = [p for p in _PARAGRAPHS.split(str(value).strip()) if p]
    return Escaped("\n\n".join(_typst_paragraph(p) for p in paragraphs))


def _typst_paragraph(paragraph: str) -> str:
    if not LIST_LINE.search(paragraph):
        return f"#{typst_str(paragraph)};"
    parts = []
    for is_item, lines in _runs(paragraph):
        if is_item:
            parts += [f"#par(hanging-indent: 0.85em, {typst_str(line)})" for line in lines]
        else:
            parts.append(f"#{typst_str(chr(10).join(lines))};")
    return "#[#set par(spacing: 0.5em)\n" + "\n\n".join(parts) + "\n]"


# --- HTML ----------------------------------------------------------------------------------------

def html_text(value: Any) -> Markup:
    """Paragraphs as ``<p>``, line breaks as ``<br>``, everything else escaped; a list line
    (:data:`LIST_LINE`) is a ``<span class="li">`` the stylesheet gives a hanging indent."""
    if isinstance(value, Markup):
        return value
    paragraphs = [p for p in _PARAGRAPHS.split(str(value).strip()) if p]
    return Markup("\n").join(
        Markup("<p>") + Markup("<br>\n").join(_html_line(line) for line in p.split("\n")) + Markup("</p>")
        for p in paragraphs
    )


def _html_line(line: str) -> Markup:
    return Markup('<span class="li">') + escape(line) + Markup("</span>") if LIST_LINE.match(line) else escape(line)


# --- list lines ----------------------------------------------------------------------------------

# A line a user began with "- " or "• ": shown as a list item with a hanging indent (Typst, HTML).
LIST_LINE = re.compile(r"^[-•][ \t]+\S", re.MULTILINE)


def _runs(paragraph: str) -> list[tuple[bool, list[str]]]:
    """The paragraph's lines in runs: (True, list lines) and (False, other lines)."""
    runs: list[tuple[bool, list[str]]] = []
    for line in paragraph.split("\n"):
        is_item = bool(LIST_LINE.match(line))
        if is_item or not runs or runs[-1][0]:
            runs.append((is_item, [line]))
        else:
            runs[-1][1].append(line)
    return runs


# --- shared --------------------------------------------------------------------------------------

_ESCAPE: dict[str, Callable[[Any], Escaped]] = {"md": md_escape, "typ": typst_escape}

_FILTERS: dict[str, Callable[..., Any]] = {
    "md_inline": md_inline,
    "md_cell": md_cell,
    "typst_str": typst_str,
    "typst_inline": typst_inline,
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
        shown = {name: v if isinstance(v, int) or _done(v) else inline(v) for name, v in values.items()}
        result = fill_text(text, **shown)
        return Markup(result) if fmt == "html" else Escaped(result)

    return fill


def _finalize_for(fmt: str) -> Callable[[Any], Any] | None:
    escape_fn = _ESCAPE.get(fmt)
    if escape_fn is None:
        return None

    def finalize(value: Any) -> Any:
        if value is None:
            return Escaped("")
        if isinstance(value, int) and not isinstance(value, bool):
            return Escaped(value)  # a number reads the same in markup and in code
        return escape_fn(value)

    return finalize


def template_dirs(templates: str | Path | None = None) -> list[Path]:
    """The folders searched for templates: the organisation's own first, then jtk's."""
    dirs = [Path(templates)] if templates else []
    return [*dirs, bundled("templates")]


@lru_cache(maxsize=16)
def _environment(fmt: str, dirs: tuple[str, ...]) -> LimitedEnvironment:
    env = LimitedEnvironment(
        loader=ChoiceLoader([FolderLoader(d, dirs) for d in dirs]),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalize_for(fmt),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(_FILTERS)
    env.filters["fill"] = _fill_for(fmt)
    env.filters["fill_text"] = fill_text
    return env


def environment(fmt: str, templates: str | Path | None = None) -> LimitedEnvironment:
    """The sandboxed (:mod:`.sandbox`), strict Jinja environment for ``fmt`` (``md``, ``html`` or ``typ``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown template format {fmt!r}")
    if templates is not None and not Path(templates).is_dir():
        raise InvalidContent(M.TEMPLATES_NOT_A_DIR, path=str(templates))
    return _environment(fmt, tuple(str(d) for d in template_dirs(templates)))


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
