"""How a value is escaped for the format it is written into: Markdown, Typst and HTML.

Escaping is on by default in every format: each ``{{ value }}`` is escaped for the format it goes
into, so text a user typed is always shown literally.

* ``html``: Jinja's HTML autoescaping.
* ``md``: backslash escapes only where Markdown would read the text as markup there; lines are kept,
  and lines begun with "- " or "• " are a Markdown list.
* ``typ``: the value becomes a Typst string literal shown in markup (``#"...";``), one per paragraph,
  so Typst never parses it as markup or code.

Filters mark their result as already escaped (:class:`Escaped`, a ``str``; HTML's ``Markup`` for
``html_text``), and escaping leaves such values alone. In Python, an ``Escaped`` value concatenates
like any string. The filters are: ``md_inline`` (one line, for headings), ``md_cell`` (table cells),
``typst_str`` (a Typst string literal for code: ``#text(fill: red, {{ x|typst_str }})``),
``typst_inline`` (one line in markup), ``typst_cell`` (a narrow table cell, long words hyphenated),
``html_text`` (paragraphs as ``<p>`` with ``<br>`` line breaks),

"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape


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


def is_escaped(value: Any) -> bool:
    return isinstance(value, (Escaped, Markup))

# --- Markdown ------------------------------------------------------------------------------------

# Markdown is escaped only where CommonMark (and GitHub's tables and strikethrough) would read the
# text as markup at that very position, so the raw file stays readable:
# * anywhere: ` [ < $ always; \ before punctuation or at a line end; & that would start an entity;
#   a run of * _ ~ unless blanks surround it (or, for _, letters: snake_case); a # run ending a line
#   (a heading's closing sequence); | in table cells.
# * at a line start (not in table cells): # > (heading, quote), - + and 1. 1) before a blank (list
#   items), a line of only - or = (setext underline, thematic break), a table's delimiter row.
_MD_MARKUP = re.compile(r"[\\`\[<$&|]|\*+|_+|~+|#+$")
_MD_MAYBE = re.compile(r"[\\`\[<$&|*_~#]")  # one class: ten times faster to search than the alternation
_MD_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MD_BLANK = (" ", "\t")
_MD_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")
_MD_LINE_START = re.compile(
    r"^(?:[#>]|[-+](?=[ \t]|$)|[-=](?=[-= \t]*$)|(?=[|: \t]*-[-|: \t]*$)[-|:])|^(\d{1,9})([.)])(?=[ \t]|$)"
)
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")


def _md_markup(line: str, pipes: bool) -> str:
    def escaped(match: re.Match[str]) -> str:
        text, start, end = match.group(), match.start(), match.end()
        char = text[0]
        before, after = line[start - 1:start], line[end:end + 1]
        if char == "\\":
            return "\\\\" if not after or after in _MD_PUNCT else text
        if char == "&":
            return "\\&" if _MD_ENTITY.match(line, start) else text
        if char == "|":
            return "\\|" if pipes else text
        if char == "#":
            return "\\" + text if not before or before in _MD_BLANK else text
        if char in "*_~":
            if before in _MD_BLANK and after in _MD_BLANK and before and after:
                return text
            if char == "_" and before.isalnum() and after.isalnum():
                return text
            return "".join("\\" + c for c in text)
        return "\\" + text

    return _MD_MARKUP.sub(escaped, line)


def _md_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return "\\" + match.group()


_MD_EDGE_START = frozenset("#>-+=|:0123456789")


def _md_line(line: str, *, block: bool = True, pipes: bool = False) -> str:
    """One line of text as Markdown showing exactly these characters (leading and trailing blanks
    dropped: Markdown would read four leading blanks as code). ``block``: the line may begin a line
    of the document, so what would start a block is escaped too; ``pipes``: in a table cell."""
    line = line.strip(" \t")
    if _MD_MAYBE.search(line):
        line = _md_markup(line, pipes)
    if block and line[:1] in _MD_EDGE_START:
        line = _MD_LINE_START.sub(_md_line_start, line, count=1)
    return line


def md_escape(value: Any) -> Escaped:
    """Text as Markdown that shows exactly these characters: paragraphs and line breaks are kept.

    A line break within a paragraph is Markdown's hard line break (a backslash ending the line).
    Lines a user began with "- " or "• " (:data:`LIST_LINE`) are a Markdown bullet list ("- "), set
    apart from the lines around them by blank lines, so the list is a list in every renderer.
    """
    if is_escaped(value):
        return value
    blocks = []
    for paragraph in _PARAGRAPHS.split(str(value).strip()):
        if ("-" not in paragraph and "•" not in paragraph) or not LIST_LINE.search(paragraph):
            # Most paragraphs have no list lines: their lines are one block.
            block = "\\\n".join(text for text in map(_md_line, paragraph.split("\n")) if text)
            if block:
                blocks.append(block)
            continue
        items: list[str] = []
        for is_item, lines in list_runs(paragraph):
            if is_item:
                items += ["- " + _md_line(_LIST_MARK.sub("", line, count=1)) for line in lines]
                continue
            if items:
                blocks.append("\n".join(items))
                items = []
            block = "\\\n".join(text for text in (_md_line(line) for line in lines) if text)
            if block:
                blocks.append(block)
        if items:
            blocks.append("\n".join(items))
    return Escaped("\n\n".join(blocks))


def md_inline(value: Any) -> Escaped:
    """One line of Markdown (a heading, a list item): line breaks become spaces."""
    if is_escaped(value):
        return value
    return _md_inline(str(value))


@lru_cache(maxsize=2048)
def _md_inline(text: str) -> Escaped:
    # Cached: headings are mostly the workbook's own texts (idea titles, field names, sources),
    # the same in every report of a batch: 136 of a report's 164 inline texts.
    return Escaped(_md_line(" ".join(line.strip(" \t") for line in text.split("\n") if line.strip())))


def md_cell(value: Any) -> Escaped:
    """A table cell: escaped, ``|`` included, line breaks as ``<br>``."""
    if is_escaped(value):
        return value
    text = str(value).strip()
    if "\n" not in text and not _MD_MAYBE.search(text):
        return Escaped(text)  # one line with nothing to escape: most cells (names, dates, states)
    return Escaped(_md_cell_lines(text))


def _md_cell_lines(text: str) -> str:
    lines = [_md_line(line, block=False, pipes=True) for line in text.split("\n")]
    return "<br>".join(line for line in lines if line)


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
    if is_escaped(value):
        return value
    text = str(value)
    return Escaped(f"#{typst_str(text)};" if text else "")


def typst_escape(value: Any) -> Escaped:
    """Text shown in Typst markup, one string literal per paragraph, so paragraphs stay paragraphs.

    A paragraph with list lines (:data:`LIST_LINE`) shows each of them as its own tight paragraph
    with a hanging indent; the characters stay as typed."""
    if is_escaped(value):
        return value
    paragraphs = [p for p in _PARAGRAPHS.split(str(value).strip()) if p]
    return Escaped("\n\n".join(_typst_paragraph(p) for p in paragraphs))


def _typst_paragraph(paragraph: str) -> str:
    if not LIST_LINE.search(paragraph):
        return f"#{typst_str(paragraph)};"
    parts = []
    for is_item, lines in list_runs(paragraph):
        if is_item:
            parts += [f"#par(hanging-indent: 0.85em, {typst_str(line)})" for line in lines]
        else:
            parts.append(f"#{typst_str(chr(10).join(lines))};")
    return "#[#set par(spacing: 0.5em)\n" + "\n\n".join(parts) + "\n]"


_LONG_WORD = re.compile(r"\w{10,}")


def typst_cell(value: Any, names: Any = ()) -> Escaped:
    """Text for a narrow table cell: as :func:`typst_escape`, and each word of 10 letters or more
    that does not begin with one of ``names`` (proper-name stems) may be hyphenated, leaving at least
    three letters on either line. Typst asks the style of the letter after a possible break, so the
    word's middle (from the 4th letter to the 3rd last) is shown with hyphenation on, its first three
    and last two letters without. Done here rather than by a Typst ``show regex`` rule on every
    table: that rule cost a third of the report's compile time."""
    if is_escaped(value):
        return value
    stems = tuple(str(n) for n in names or ())
    paragraphs = [p for p in _PARAGRAPHS.split(str(value).strip()) if p]
    return Escaped("\n\n".join(
        _typst_paragraph(p) if LIST_LINE.search(p) else _typst_hyphenated(p, stems) for p in paragraphs
    ))


def _typst_hyphenated(text: str, stems: tuple[str, ...]) -> str:
    parts, start = [], 0
    for match in _LONG_WORD.finditer(text):
        if stems and match.group().startswith(stems):
            continue
        middle, tail = match.start() + 3, match.end() - 2
        parts.append(f"#{typst_str(text[start:middle])};#text(hyphenate: true, {typst_str(text[middle:tail])});")
        start = tail
    parts.append(f"#{typst_str(text[start:])};")
    return "".join(parts)


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
_LIST_MARK = re.compile(r"^[-•][ \t]+")


def list_runs(paragraph: str) -> list[tuple[bool, list[str]]]:
    """The paragraph's lines in runs: (True, list lines) and (False, other lines)."""
    runs: list[tuple[bool, list[str]]] = []
    for line in paragraph.split("\n"):
        is_item = bool(LIST_LINE.match(line))
        if is_item or not runs or runs[-1][0]:
            runs.append((is_item, [line]))
        else:
            runs[-1][1].append(line)
    return runs
