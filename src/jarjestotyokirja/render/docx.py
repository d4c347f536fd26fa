"""Word documents (``-f docx``) with docxtpl: Jinja tags inside a Word template, ``<kind>.docx``.

The template is found as the other formats' are: the organisation's ``--templates`` folder first
(its own letterhead, fonts and styles), then jtk's bundled one (built by
``tools/make_docx_template.py``). It is rendered in a sandboxed, strict Jinja environment.

User text is always literal: every ``{{ value }}`` passes :func:`docx_text`, which escapes it for
WordprocessingML (``<``, ``&``, quotes), writes ``{``, ``}`` and ``%`` as character references (so
neither Jinja nor docxtpl's own post-processing of ``{_{`` can touch them), drops the control
characters XML cannot carry, and turns a line break into a Word line break and a blank line into
a new paragraph of the same style (docxtpl's listing markers). A line begun with "- " or "• "
(:data:`~.escaping.LIST_LINE`) is a paragraph of its own with a hanging indent
(:func:`indent_list_lines`), its characters as typed.

The bytes are deterministic: the core properties (title, author, language, dates) come from the
answers, and the zip is rewritten with its entries in a fixed order and a fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from jarjestotyokirja.conventions import fi_date
from jarjestotyokirja.errors import InvalidContent, M
from jarjestotyokirja.render.environment import template_dirs
from jarjestotyokirja.render.escaping import LIST_LINE, list_runs
from jarjestotyokirja.render.ooxml_zip import fixed_zip

CHART_WIDTH_MM = 160
LIST_HANGING_TWIPS = 187  # 0.85 em of 11 pt text, as the PDF's list lines
# Table cell colours of the heat map per level (0 = not given), light enough for black text.
HEAT_FILLS = ("FFFFFF", "EEF4FA", "CFE0F1", "A9C8E6", "7FAEDA", "5893CC")
# Characters to drop: what XML cannot hold, and CR (tab and line feed become Word tabs and breaks).
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_BRACES = {"{": "&#123;", "}": "&#125;", "%": "&#37;"}
_BRACE = re.compile("[{}%]")


def _word_text(escaped: str) -> Markup:
    """Escaped text → WordprocessingML run text: braces as references, breaks as listing markers."""
    escaped = _BRACE.sub(lambda m: _BRACES[m.group()], _NOT_XML.sub("", escaped.replace("\r", "")))
    paragraphs = [part for paragraph in _PARAGRAPH_BREAK.split(escaped.strip("\n")) for part in _list_lines_apart(paragraph)]
    return Markup("\a".join(paragraphs))  # docxtpl: "\a" a new paragraph, "\n" a line break, "\t" a tab


def _list_lines_apart(paragraph: str) -> list[str]:
    """A paragraph's list lines each as a paragraph of its own; the lines between them as one."""
    if not LIST_LINE.search(paragraph):
        return [paragraph]
    return [part for is_item, lines in list_runs(paragraph) for part in (lines if is_item else ["\n".join(lines)])]


def docx_text(value: Any) -> Any:
    """``{{ value }}`` in a Word template: literal text (see the module docstring)."""
    if value is None:
        return Markup("")
    if hasattr(value, "tpl") and hasattr(value, "__html__"):  # docxtpl's InlineImage: the chart
        return value
    if isinstance(value, Markup) or hasattr(value, "__html__"):  # a Jinja filter's already escaped text
        return _word_text(str(value.__html__()))
    return _word_text(str(escape(str(value))))


@lru_cache(maxsize=8)
def docx_environment() -> Any:
    """The sandboxed, strict Jinja environment docxtpl renders with."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=docx_text, auto_reload=False)
    env.filters["fi_date"] = fi_date
    from jarjestotyokirja.render.environment import fill_filter, fill_text

    env.filters["fill"] = fill_filter("html")  # XML escapes as HTML does; docx_text makes it a run
    env.filters["fill_text"] = fill_text
    return env


def docx_template(kind: str, templates: str | Path | None = None) -> Path:
    """``<kind>.docx`` from the organisation's folder, else jtk's."""
    if templates is not None and not Path(templates).is_dir():
        raise InvalidContent(M.TEMPLATES_NOT_A_DIR, path=str(templates))
    for folder in template_dirs(templates):
        candidate = Path(folder) / f"{kind}.docx"
        if candidate.is_file():
            return candidate
    raise InvalidContent(M.TEMPLATE_NOT_FOUND.format(name=f"{kind}.docx"), path=str(templates or ""))


def document_time(date: str | None) -> dt.datetime:
    """Noon UTC of the assessment date, or the fixed date PDFs use: the document's dates, never the clock."""
    from jarjestotyokirja.render.typst import creation_time

    return creation_time(date or None).replace(tzinfo=None)


def render_docx_document(
    kind: str, context: Mapping[str, Any], *, date: str | None, templates: str | Path | None = None
) -> bytes:
    """``render_document``'s Word branch: title, author and chart taken from the template data."""
    title = str(context.get("otsikko", ""))
    kunta = context.get("kunta")
    if isinstance(kunta, Mapping) and kunta.get("nimi"):
        title = f"{title}: {kunta['nimi']}"
    assessment = context.get("arviointi")
    author = (assessment.get("konsultti") if isinstance(assessment, Mapping) else "") or str(context.get("tuottaja", ""))
    chart = None
    tasot = context.get("tasot")
    summary = context.get("yhteenveto")
    if kind == "report" and tasot and isinstance(summary, Mapping) and summary.get("kaavio"):
        from jarjestotyokirja.render.docx_chart import chart_data

        chart = chart_data(summary["kaavio"], tasot["nykytaso"], tasot["tavoitetaso"],
                           str(context.get("kieli") or "fi"))
    data = {**context, "lampo": HEAT_FILLS}
    language = WORD_LANGUAGES.get(str(context.get("kieli") or "fi"), "fi-FI")
    return render_docx(kind, data, date=date, templates=templates, title=title, author=author, chart=chart,
                       language=language)


# The document language (--kieli) as Word's: proofing and hyphenation follow it (Finland-Swedish sv-FI;
# English en-GB, the British English of Finland's English-language publications).
WORD_LANGUAGES = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}


def render_docx(
    kind: str,
    context: Mapping[str, Any],
    *,
    date: str | None,
    templates: str | Path | None = None,
    title: str = "",
    author: str = "",
    language: str = "fi-FI",
    chart: dict[str, Any] | None = None,
) -> bytes:
    """Render ``<kind>.docx`` with ``context``; ``chart`` (:func:`.docx_chart.chart_data`) adds
    ``kaavio_kuva``, the level chart as an image with its alt text. Returns the .docx bytes."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    source = docx_template(kind, templates)
    try:
        document = DocxTemplate(str(source))
        from jarjestotyokirja.render.document_texts import with_texts

        data = with_texts(dict(context))  # the fixed texts (t) of the document language (kieli)
        data["kaavio_kuva"] = _chart_image(document, chart) if chart else None
        document.render(data, jinja_env=docx_environment())
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        raise InvalidContent(M.TEMPLATE_ERROR.format(reason=exc.message or type(exc).__name__), path=str(source),
                             line=line) from None
    except (KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise InvalidContent(M.DOCX_TEMPLATE_BROKEN.format(reason=str(exc) or type(exc).__name__),
                             path=str(source)) from None
    sync_table_grids(document.docx)
    indent_list_lines(document.docx)
    set_default_language(document.docx, language)
    when = document_time(date)
    set_core_properties(document.docx, title=title, author=author, language=language, when=when)
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue(), when)


def set_default_language(doc: Any, language: str) -> None:
    """The language of the document's default run properties (styles.xml ``w:lang``), which every
    paragraph without its own inherits: Word proofs and hyphenates in it."""
    from docx.oxml.ns import qn

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}") if defaults is not None else None
    if lang is not None:
        lang.set(qn("w:val"), language)


def indent_list_lines(doc: Any) -> None:
    """Every paragraph (body and table cells) whose text begins as a list line gets a hanging indent,
    and no space after it when the next paragraph is one too: the items of a list stay together."""
    from docx.oxml.ns import qn
    from docx.shared import Twips
    from docx.text.paragraph import Paragraph

    def is_item(element: Any) -> bool:
        return element is not None and element.tag == qn("w:p") and bool(
            LIST_LINE.match("".join(t.text or "" for t in element.iter(qn("w:t")))))

    for element in list(doc.element.body.iter(qn("w:p"))):
        if not is_item(element):
            continue
        shape = Paragraph(element, None).paragraph_format
        shape.left_indent = (shape.left_indent or 0) + Twips(LIST_HANGING_TWIPS)
        shape.first_line_indent = -Twips(LIST_HANGING_TWIPS)
        if is_item(element.getnext()):
            shape.space_after = 0


def sync_table_grids(doc: Any) -> None:
    """Column widths from the cells: docxtpl's column loops (``{%tc for %}``) squeeze every column of
    the grid to fit the old width, while each cell keeps the width the template gave it."""
    from docx.oxml.ns import qn

    for table in doc.element.body.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        rows = table.findall(qn("w:tr"))
        if grid is None or not rows:
            continue
        widest = max(rows, key=lambda row: len(row.findall(qn("w:tc"))))
        widths = []
        for cell in widest.findall(qn("w:tc")):
            width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            if width is None or width.get(qn("w:type")) != "dxa" or span is not None:
                break
            widths.append(width.get(qn("w:w")))
        else:
            for column in grid.findall(qn("w:gridCol")):
                grid.remove(column)
            for value in widths:
                grid.append(grid.makeelement(qn("w:gridCol"), {qn("w:w"): value}))


def set_core_properties(doc: Any, *, title: str, author: str, language: str, when: dt.datetime) -> None:
    """Title, author and language of the document; created and modified at ``when``."""
    props = doc.core_properties
    props.title = _NOT_XML.sub("", title)
    props.author = _NOT_XML.sub("", author)
    props.last_modified_by = _NOT_XML.sub("", author)
    props.language = language
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1


def _chart_image(document: Any, chart: dict[str, Any]) -> Any:
    from jarjestotyokirja.render.docx_chart import alt_text, level_chart_png

    return ChartImage(document, level_chart_png(chart), alt_text(chart))


def _chart_class() -> type:
    from docx.shared import Mm
    from docxtpl import InlineImage

    class _ChartImage(InlineImage):
        """docxtpl's inline image with alt text (``wp:docPr/@descr``) and a name."""

        def __init__(self, tpl: Any, png: bytes, description: str) -> None:
            super().__init__(tpl, io.BytesIO(png), width=Mm(CHART_WIDTH_MM))
            self.description = description

        def _insert_image(self) -> str:
            self.image_descriptor.seek(0)
            inline = self.tpl.current_rendering_part.new_pic_inline(self.image_descriptor, self.width, self.height)
            inline.docPr.set("name", "Tasokaavio")
            inline.docPr.set("descr", _NOT_XML.sub("", self.description))
            return f'</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r><w:r><w:t xml:space="preserve">'

    return _ChartImage


def ChartImage(tpl: Any, png: bytes, description: str) -> Any:  # noqa: N802 - reads as the class it builds
    """The chart for ``{{ kaavio_kuva }}`` (the class is built on first use: docxtpl loads lazily)."""
    return _chart_class()(tpl, png, description)
