"""``jtk lomake``: the workbook as a fillable Word form, prefilled with the current answers.

Every answer is one row of a two-column table: on the left the key (``4.nykytila``, the key of
``jtk set``), the field's name and the workbook's guidance; on the right a content control
(``w:sdt``) tagged and titled with the same key, holding the answer. Levels are drop-down lists of
the scale. ``jtk import FILE lomake.docx`` (:mod:`.lomake_import`) reads the form back.

The key is written twice on purpose: Word keeps a control's tag, but LibreOffice drops tags when it
saves, so the visible key in the left cell is what identifies a row; the tag is checked when present.

A digest of every original value is stored in the document's custom properties (``jtk-lomake``),
which both Word and LibreOffice keep: at import, an answer that changed in the answers file since
the form was made is reported instead of being overwritten.

The form's own texts (headings, the assessment's labels, the drop-down's "not assessed") are the
catalogue's ``DOC_FORM_*`` entries in the form's language (``jtk lomake --kieli``), not the UI's;
the workbook's texts come from the workbook in that language. The import reads a form of every
language: rows are found by their keys and levels by their number, and "not assessed" is accepted in
each language (:data:`NO_LEVEL_TEXTS`).
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jarjestotyokirja.answers import LEVEL_FIELDS, Answers
from jarjestotyokirja.messages import LANGUAGES, texts
from jarjestotyokirja.register import name_in_language
from jarjestotyokirja.render.ooxml_zip import xml_text
from jarjestotyokirja.store.edit import get_value
from jarjestotyokirja.workbook import Bullet, Item, Workbook

FORM_PROPERTY = "jtk-lomake"
FORM_VERSION = 1
CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="jtk-lomake"><vt:lpwstr/></property>'
    "</Properties>"
)
NO_LEVEL_TEXTS = frozenset(texts(language).DOC_FORM_NO_LEVEL for language in LANGUAGES)
"""The drop-down's "not assessed" in every language: a form in any language imports the same."""
GREY = "6B7780"
KEY_COLUMN_MM, ANSWER_COLUMN_MM = 62, 104
ASSESSMENT_KEYS = ("arviointi.pvm", "arviointi.konsultti")


@dataclass(frozen=True)
class FormField:
    """One row of the form: its key, name, guidance, and whether it is a level."""

    key: str
    label: str
    guidance: tuple[str, ...]
    level: bool = False


def digest(value: str) -> str:
    """The short fingerprint of an answer stored in the form (no answer text leaves in clear twice)."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:20]


def _bullets(bullets: list[Bullet]) -> Iterator[str]:
    for bullet in bullets:
        if isinstance(bullet, str):
            yield f"– {bullet}"
        else:
            yield f"– {bullet.text}"
            yield from (f"   {line}" for line in _bullets(bullet.bullets))


def item_fields(item: Item, workbook: Workbook) -> list[FormField]:
    """The rows of ``item``: its text fields with their guidance, then its two levels."""
    rows = []
    for field in item.fields:
        guidance = [field.help] if field.help else []
        if item.idea is not None:
            guidance += [f"– {q}" for q in item.idea.questions.get(field.id, [])]
        rows.append(FormField(f"{item.key}.{field.id}", field.label, tuple(guidance)))
    if item.has_levels and workbook.levels:
        scale = tuple(f"{level.value} {level.label}: {level.description}" for level in workbook.levels.scale)
        labels = (workbook.levels.current_label, workbook.levels.target_label)
        for field, label in zip(LEVEL_FIELDS, labels):
            rows.append(FormField(f"{item.key}.{field}", label, scale if field == "taso" else (), level=True))
    return rows


def closing_fields(workbook: Workbook) -> list[FormField]:
    closing = workbook.closing
    return [
        FormField("lopuksi.yhteenveto", closing.summary.label, (closing.summary.help,) if closing.summary.help else ()),
        FormField("lopuksi.seuranta", closing.monitoring.label,
                  (closing.monitoring.help,) if closing.monitoring.help else ()),
    ]


def form_language(workbook: Workbook, language: str | None = None) -> str:
    """The form's language: ``language`` (``--kieli``), else the workbook's, else Finnish."""
    language = language or workbook.language
    return language if language in LANGUAGES else "fi"


def no_level(language: str = "fi") -> str:
    """The drop-down's first choice, "not assessed", in ``language``."""
    return str(texts(language).DOC_FORM_NO_LEVEL)


def form_fields(workbook: Workbook, language: str = "fi") -> list[FormField]:
    """Every row of the form in order: the assessment (labels in ``language``), the items, the closing."""
    labels = texts(language)
    rows = [FormField(key, str(label), ()) for key, label in zip(ASSESSMENT_KEYS, (labels.DOC_FORM_DATE,
                                                                                  labels.DOC_FORM_CONSULTANT))]
    for item in workbook.items:
        rows += item_fields(item, workbook)
    return rows + closing_fields(workbook)


def level_choices(workbook: Workbook, language: str = "fi") -> list[tuple[str, str]]:
    """(shown text, value) of the drop-down: no level (in ``language``) first, then 1–5 with their names."""
    assert workbook.levels is not None
    return [(no_level(language), "")] + [(f"{level.value} {level.label}", level.value) for level in workbook.levels.scale]


def build_form(answers: Answers, workbook: Workbook, source_name: str = "", form_name: str = "lomake.docx",
               language: str | None = None) -> bytes:
    """The form's .docx bytes (deterministic: dates from the assessment, fixed zip), its own texts in
    ``language`` (default: the workbook's)."""
    from docx import Document
    from docx.shared import Mm, Pt, RGBColor

    from jarjestotyokirja.render.docx import WORD_LANGUAGES, document_time, set_core_properties
    from jarjestotyokirja.render.ooxml_zip import fixed_zip

    doc = Document()
    language = form_language(workbook, language)
    labels = texts(language)
    doc.styles["Normal"].font.size = Pt(10.5)
    _set_language(doc, WORD_LANGUAGES[language])
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(20))
    name = name_in_language(answers.kunta.nimi, answers.kunta.koodi, language)
    doc.add_paragraph(xml_text(f"{workbook.title}: {name}"), style="Title")
    for line in _instructions(answers, source_name, form_name, language):
        doc.add_paragraph(xml_text(line))
    values: dict[str, str] = {}
    counter = iter(range(1000, 100000))

    def table(rows: list[FormField]) -> None:
        grid = doc.add_table(rows=0, cols=2)
        grid.style = "Table Grid"
        grid.autofit = False
        for row_def in rows:
            value = get_value(answers, workbook, row_def.key)
            values[row_def.key] = value
            row = grid.add_row()
            left, right = row.cells
            left.width, right.width = Mm(KEY_COLUMN_MM), Mm(ANSWER_COLUMN_MM)
            key_run = left.paragraphs[0].add_run(xml_text(row_def.key))
            key_run.font.size, key_run.font.color.rgb = Pt(8), RGBColor.from_string(GREY)
            left.add_paragraph().add_run(xml_text(row_def.label)).bold = True
            for line in row_def.guidance:
                run = left.add_paragraph().add_run(xml_text(line))
                run.font.size = Pt(8.5)
            control = _level_control if row_def.level else _text_control
            control(right, row_def, value, next(counter), workbook, language)
        for column, width in zip(grid.columns, (KEY_COLUMN_MM, ANSWER_COLUMN_MM)):
            column.width = Mm(width)
        doc.add_paragraph()

    doc.add_heading(xml_text(labels.DOC_FORM_ASSESSMENT), level=1)
    table(form_fields(workbook, language)[: len(ASSESSMENT_KEYS)])
    for item in workbook.items:
        if item.idea is None:
            doc.add_heading(xml_text(item.title), level=1)
            _guidance(doc, item.section.text if item.section else "", item.section.bullets if item.section else [])
        else:
            if item.phase is not None and item.phase.ideas[0] is item.idea:
                doc.add_heading(xml_text(labels.DOC_FORM_PHASE.format(number=item.phase.number,
                                                                      title=item.phase.title)), level=1)
            doc.add_heading(xml_text(item.label), level=2)
            _guidance(doc, item.idea.text or item.idea.summary, item.idea.bullets)
        table(item_fields(item, workbook))
    doc.add_heading(xml_text(workbook.closing.title), level=1)
    table(closing_fields(workbook))
    _attach_fingerprints(doc, answers, workbook, values)
    when = document_time(answers.arviointi.pvm or None)
    set_core_properties(doc, title=labels.DOC_FORM_TITLE.format(title=workbook.title, municipality=name),
                        author=answers.arviointi.konsultti or "jtk", language=WORD_LANGUAGES[language], when=when)
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_zip(buffer.getvalue(), when)


def _instructions(answers: Answers, source_name: str, form_name: str, language: str) -> list[str]:
    target = source_name or f"{answers.kunta.koodi}-….yaml"
    labels = texts(language)
    return [
        labels.DOC_FORM_INSTRUCTIONS.format(municipality=name_in_language(answers.kunta.nimi, answers.kunta.koodi, language), code=answers.kunta.koodi),
        labels.DOC_FORM_KEEP_KEYS.format(target=target, form=form_name),
    ]


def _guidance(doc: Any, text: str, bullets: list[Bullet]) -> None:
    from docx.shared import Pt

    for line in [text, *_bullets(bullets)] if text else list(_bullets(bullets)):
        if line:
            doc.add_paragraph().add_run(xml_text(line)).font.size = Pt(9)


def _sdt_properties(key: str, label: str, number: int) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = OxmlElement("w:sdtPr")
    for name, value in (("w:alias", f"{key} {label}"), ("w:tag", key), ("w:id", str(number))):
        element = OxmlElement(name)
        element.set(qn("w:val"), xml_text(value))
        properties.append(element)
    return properties


def _text_runs(parent: Any, text: str) -> None:
    """``text`` as one run of ``parent``: a line break becomes ``w:br``, a tab ``w:tab``; set, never parsed."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    for number, line in enumerate(text.split("\n")):
        if number:
            run.append(OxmlElement("w:br"))
        for index, part in enumerate(line.split("\t")):
            if index:
                run.append(OxmlElement("w:tab"))
            if part:
                element = OxmlElement("w:t")
                element.set(qn("xml:space"), "preserve")
                element.text = xml_text(part)
                run.append(element)
    parent.append(run)


def _text_control(cell: Any, row: FormField, value: str, number: int, workbook: Workbook, language: str) -> None:
    """An inline content control in the cell's paragraph holding ``value``, lines as line breaks.

    Inline, not around paragraphs: LibreOffice 7.4 turns a block control into inline ones when it
    saves and then writes text that mixes directions (Hebrew, Arabic) three times over.
    """
    from docx.oxml import OxmlElement

    sdt = OxmlElement("w:sdt")
    sdt.append(_sdt_properties(row.key, row.label, number))
    content = OxmlElement("w:sdtContent")
    _text_runs(content, value)
    sdt.append(content)
    cell.paragraphs[0]._p.append(sdt)


def _level_control(cell: Any, row: FormField, value: str, number: int, workbook: Workbook, language: str) -> None:
    """An inline drop-down list of the levels in the cell's paragraph, showing the current level."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sdt = OxmlElement("w:sdt")
    properties = _sdt_properties(row.key, row.label, number)
    choices = OxmlElement("w:dropDownList")
    shown = no_level(language)
    for text, choice in level_choices(workbook, language):
        item = OxmlElement("w:listItem")
        item.set(qn("w:displayText"), xml_text(text))
        item.set(qn("w:value"), choice)
        choices.append(item)
        if choice == value:
            shown = text
    properties.append(choices)
    sdt.append(properties)
    content = OxmlElement("w:sdtContent")
    _text_runs(content, shown)
    sdt.append(content)
    cell.paragraphs[0]._p.append(sdt)


def _set_language(doc: Any, language: str = "fi-FI") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r_pr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), language)


def fingerprints(answers: Answers, workbook: Workbook, values: dict[str, str]) -> dict[str, Any]:
    """What the form remembers: whose answers, which workbook, and a digest of every value."""
    return {
        "muoto": FORM_VERSION,
        "koodi": answers.kunta.koodi,
        "tyokirja": workbook.id,
        "versio": workbook.version,
        "alkuperaiset": {key: digest(value) for key, value in values.items()},
    }


def _attach_fingerprints(doc: Any, answers: Answers, workbook: Workbook, values: dict[str, str]) -> None:
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    root = etree.fromstring(_CUSTOM_XML.encode("utf-8"))
    text = root.find(".//{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}lpwstr")
    text.text = json.dumps(fingerprints(answers, workbook, values), ensure_ascii=True, sort_keys=True)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = doc.part.package
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_TYPE, blob, package)
    package.relate_to(part, CUSTOM_PROPERTIES)


def write_form(answers_path: str | Path, target: str | Path, workbook: Workbook, *, replace: bool = False,
               language: str | None = None) -> Path:
    """Load ``answers_path`` and write its form, its own texts in ``language``, to ``target`` atomically.

    Never over the answers file, and never over another file unless ``replace``: it may be a form
    the municipality has filled in and not yet imported.
    """
    from jarjestotyokirja.errors import Conflict, M, UsageError
    from jarjestotyokirja.render.documents import check_outputs, write_outputs
    from jarjestotyokirja.store.answers_files import load_answers

    target = Path(target)
    if target.suffix.lower() != ".docx":
        raise UsageError(M.FORM_SUFFIX.format(name=target.name))
    if target.resolve() == Path(answers_path).resolve():
        raise UsageError(M.EXPORT_OVERWRITES_INPUT.format(name=target))
    check_outputs([target], [answers_path])  # --korvaa replaces an earlier form, never an answers file
    answers = load_answers(answers_path, workbook)
    data = build_form(answers, workbook, Path(answers_path).name, target.name, language)
    if target.exists() and not replace and target.read_bytes() != data:
        raise Conflict(M.FORM_EXISTS.format(name=target.name), path=str(target))
    if str(target.parent):
        target.parent.mkdir(parents=True, exist_ok=True)
    write_outputs([(target, data)], [answers_path])
    return target
