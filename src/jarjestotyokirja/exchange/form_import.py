"""``jtk import FILE lomake.docx``: a filled-in Word form (:mod:`.lomake`) back into the answers file.

The form is read with lxml straight from the package, as strictly as any import:

* every row of the form's tables is identified by the key in its left cell (checked against the
  control's tag when Word kept it); an unknown key, a key twice, a key missing, a row without a key
  or a tag that disagrees with its key is refused, naming the key;
* a level must be one of the drop-down's choices: its number, or "not assessed" in any of the form's
  languages (a form made with ``--kieli sv`` imports the same under a Finnish UI);
* the form must be jtk's (its custom property ``jtk-lomake``), for this municipality and workbook.

An answer that changed in the answers file after the form was made is never overwritten: if the
form left it as it was, the file's answer stays; if both changed, it is reported as a conflict.
A broken or hostile file (not a zip, too large, XML entities) is refused with a clear message.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jarjestotyokirja.answers import Answers, normalize_text
from jarjestotyokirja.dates import typed_date
from jarjestotyokirja.errors import InvalidContent, M, Problem
from jarjestotyokirja.exchange.form import FORM_PROPERTY, NO_LEVEL_TEXTS, digest, form_fields
from jarjestotyokirja.workbook import Workbook

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_KEY = re.compile(r"^[+a-z0-9_]+\.[a-z_]+$")
_LEVEL = re.compile(r"^([1-5])(?:\s|$)")
MAX_PART = 64 * 1024 * 1024  # an uncompressed part larger than this is not a form a person filled in


@dataclass(frozen=True)
class FilledForm:
    """What a form holds: the text of every row by key, and what the form remembers of the file."""

    values: dict[str, str]
    remembered: dict[str, Any]
    problems: tuple[Problem, ...] = ()  # what is wrong with the form's structure (reported with the rest)


@dataclass
class FormImport:
    """What an import did: answers set from the form, answers of the file kept, conflicts left alone."""

    changed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _part(package: zipfile.ZipFile, name: str, path: str) -> Any:
    from lxml import etree

    try:
        info = package.getinfo(name)
    except KeyError:
        raise InvalidContent(M.FORM_NOT_A_FORM, path=path) from None
    if info.file_size > MAX_PART:
        raise InvalidContent(M.FORM_TOO_LARGE.format(part=name), path=path)
    try:
        return etree.fromstring(package.read(info), _parser())
    except etree.XMLSyntaxError as exc:
        raise InvalidContent(M.FORM_BROKEN.format(reason=f"{name}: {exc}"), path=path) from None


def _text(element: Any) -> str:
    """The text a person sees in ``element``: ``w:t``, tabs and line breaks, paragraph by paragraph."""
    lines = []
    for paragraph in element.iter(f"{W}p"):
        parts = []
        for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
            if any(ancestor.tag == f"{W}p" and ancestor is not paragraph for ancestor in node.iterancestors()):
                continue  # a paragraph nested in this one (a text box) is read on its own
            if node.tag == f"{W}t":
                parts.append(node.text or "")
            else:
                parts.append("\t" if node.tag == f"{W}tab" else "\n")
        lines.append("".join(parts))
    return "\n".join(lines)


def _cells(row: Any) -> list[Any]:
    """The cells of a table row, also when an editor wrapped a cell in a content control."""
    return [node for node in row.iter(f"{W}tc") if next(node.iterancestors(f"{W}tr")) is row]


def _first_paragraph(cell: Any) -> str:
    paragraph = next(cell.iter(f"{W}p"), None)
    return _text(paragraph).strip() if paragraph is not None else ""


def _tags(cell: Any) -> set[str]:
    return {tag.get(f"{W}val", "") for tag in cell.iter(f"{W}tag")}


def read_form(path: str | Path) -> FilledForm:
    """The rows and the remembered fingerprints of the form at ``path``; strict about its structure."""
    path = str(path)
    try:
        with zipfile.ZipFile(path) as package:
            document = _part(package, "word/document.xml", path)
            remembered = _remembered(package, path)
    except zipfile.BadZipFile:
        raise InvalidContent(M.FORM_NOT_A_FORM, path=path) from None
    except OSError as exc:
        raise InvalidContent(M.FILE_UNREADABLE.format(reason=exc.strerror or exc), path=path) from None
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for table in document.iter(f"{W}tbl"):
        previous = ""
        for row in table.iter(f"{W}tr"):
            if next(row.iterancestors(f"{W}tbl")) is not table:
                continue
            cells = _cells(row)
            key = _first_paragraph(cells[0]) if cells else ""
            if not _KEY.match(key):
                if previous:  # a row a person added to a form table: its text would be lost
                    problems.append(Problem(M.FORM_ROW_WITHOUT_KEY.format(after=previous), path, key=previous))
                continue
            if len(cells) != 2:
                problems.append(Problem(M.FORM_STRUCTURE.format(key=key), path, key=key))
                continue
            tags = _tags(cells[1]) - {""}
            if tags and tags != {key}:
                problems.append(Problem(M.FORM_TAG_MISMATCH.format(key=key, tags=", ".join(sorted(tags))), path, key=key))
            if key in values:
                problems.append(Problem(M.FORM_DUPLICATE.format(key=key), path, key=key))
            values[key] = _text(cells[1])
            previous = key
    return FilledForm(values, remembered, tuple(problems))


def _remembered(package: zipfile.ZipFile, path: str) -> dict[str, Any]:
    """The form's ``jtk-lomake`` custom property (where the package's relationships say it is)."""
    rels = _part(package, "_rels/.rels", path)
    target = next(
        (rel.get("Target", "") for rel in rels.iter(f"{_REL_NS}Relationship")
         if rel.get("Type", "").endswith("/custom-properties")),
        "",
    )
    if not target:
        raise InvalidContent(M.FORM_NOT_JTK, path=path)
    properties = _part(package, target.lstrip("/"), path)
    for prop in properties.iter(f"{_CUSTOM_NS}property"):
        if prop.get("name") == FORM_PROPERTY:
            text = "".join(prop.itertext())
            try:
                data = json.loads(text)
            except ValueError:
                break
            if isinstance(data, dict) and isinstance(data.get("alkuperaiset"), dict):
                return data
    raise InvalidContent(M.FORM_NOT_JTK, path=path)


def form_value(key: str, text: str, level: bool) -> str:
    """The answer a row holds: a level ``"1"``…``"5"`` or ``""``, or the normalised text."""
    text = normalize_text(text)
    if key == "arviointi.pvm":
        return typed_date(text) or text  # 31.12.2027 as typed in Word; a wrong date is refused by set_value
    if not level:
        return text
    if text == "" or text in NO_LEVEL_TEXTS:  # "not assessed" of a form in any language
        return ""
    match = _LEVEL.match(text)
    if not match:
        raise InvalidContent(M.FORM_LEVEL.format(key=key, value=text), key=key)
    return match.group(1)


def check_form(form: FilledForm, answers: Answers, workbook: Workbook, path: str) -> dict[str, str]:
    """The form's answers by key, once everything about the form is right; else every problem."""
    remembered = form.remembered
    problems = list(form.problems)
    if remembered.get("koodi") != answers.kunta.koodi:
        problems.append(Problem(M.FORM_OTHER_MUNICIPALITY.format(form=remembered.get("koodi"),
                                                                 file=answers.kunta.koodi), path))
    if remembered.get("tyokirja") != workbook.id:
        problems.append(Problem(M.WORKBOOK_MISMATCH.format(found=remembered.get("tyokirja"), expected=workbook.id), path))
    rows = {row.key: row for row in form_fields(workbook)}
    for key in form.values:
        if key not in rows:
            problems.append(Problem(M.FORM_UNKNOWN_KEY.format(key=key), path, key=key))
    for key in rows:
        if key not in form.values:
            problems.append(Problem(M.FORM_MISSING_KEY.format(key=key), path, key=key))
    values = {}
    for key, text in form.values.items():
        if key in rows:
            try:
                values[key] = form_value(key, text, rows[key].level)
            except InvalidContent as exc:
                problems += [Problem(p.message, path, key=key) for p in exc.problems]
    if problems:
        raise InvalidContent(problems=problems)
    return values


def import_form(answers_path: str | Path, form_path: str | Path, workbook: Workbook) -> FormImport:
    """Read ``form_path`` and merge it into ``answers_path`` (locked, atomic); what was done."""
    from jarjestotyokirja.store.answers_files import edit_answers
    from jarjestotyokirja.store.edit import get_value, set_value

    form = read_form(form_path)
    result = FormImport()
    with edit_answers(answers_path, workbook) as answers:
        values = check_form(form, answers, workbook, str(form_path))
        original = form.remembered["alkuperaiset"]
        problems: list[Problem] = []
        for key, value in values.items():
            current = get_value(answers, workbook, key)
            if value == current:
                continue
            if original.get(key) == digest(current):
                try:
                    set_value(answers, workbook, key, value)
                except InvalidContent as exc:
                    problems += [Problem(p.message, str(form_path), key=key) for p in exc.problems]
                result.changed.append(key)
            elif original.get(key) == digest(value):
                result.kept.append(key)  # changed in the file only: the file's answer stands
            else:
                result.conflicts.append(key)
        if problems:
            raise InvalidContent(problems=problems)
    return result
