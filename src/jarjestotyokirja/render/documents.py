"""Every document jtk writes: the report, the comparison, the monitoring document.

:func:`write_documents` is the one writer. It renders every format first, so a failing template leaves
no half-updated set of files behind; refuses before anything is written to replace one of the files the
document was made from or an answers file (:func:`check_outputs`); makes the output folder, turning an
OS error (``-o`` naming a file) into a message; and writes each file atomically.

A document is a *kind* of template (``report``, ``compare``, ``history``) rendered with a context in a
format: Markdown, HTML or Typst text from the ``<kind>.<fmt>.j2`` templates, a PDF compiled by Typst
from the Typst one, or a Word document from the ``<kind>.docx`` template (:mod:`.docx`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jarjestotyokirja.errors import Conflict, InvalidContent, M, UsageError
from jarjestotyokirja.files import is_answers_file, real_path, remove_old_temp_files, stat_or_none, update_file
from jarjestotyokirja.os_messages import os_reason
from jarjestotyokirja.render.document_texts import with_texts
from jarjestotyokirja.render.environment import render_template, template_dirs, template_path
from jarjestotyokirja.render.escaping import typst_str

FORMATS = ("md", "html", "pdf", "typ", "docx")


@dataclass(frozen=True)
class Rendering:
    """What every format of one document shares: its kind, its data, and where it comes from.

    ``date`` is the PDF's fixed creation date (the same bytes on every run); ``inputs`` are the files
    the document is made from, which it must never replace.
    """

    kind: str
    context: dict[str, Any]
    inputs: tuple[Path, ...] = ()
    date: str | None = None
    templates: str | Path | None = None


def write_documents(targets: Sequence[tuple[Path, str]], options: Rendering, *, sweep: bool = True) -> list[Path]:
    """Render ``options`` in the format of each ``(path, format)`` target and write them; the paths written.

    ``sweep``: first remove the old temporary files killed writers of these targets left
    (:func:`~jarjestotyokirja.files.remove_old_temp_files`); a batch does it once for all its files.
    """
    rendered = [(path, render_document(options, fmt)) for path, fmt in targets]
    check_outputs([path for path, _ in rendered], options.inputs)
    for folder in sorted({path.parent for path, _ in rendered}):
        make_dir(folder)
    if sweep:
        remove_old_temp_files(path for path, _ in rendered)
    return _write_checked(rendered)


def render_document(options: Rendering, fmt: str) -> str | bytes:
    """The document in ``fmt``: text for ``md``, ``html`` and ``typ``; bytes for ``pdf`` and ``docx``.

    A PDF is the ``typ`` template compiled by Typst with its own folder as root.
    """
    if fmt == "docx":  # a Word template (docxtpl), not a text one
        from jarjestotyokirja.render.docx import render_docx_document

        return render_docx_document(options.kind, options.context, date=options.date, templates=options.templates)
    source_fmt = "typ" if fmt == "pdf" else fmt
    name = f"{options.kind}.{source_fmt}.j2"
    text = render_template(name, with_texts(options.context), source_fmt, options.templates)
    if source_fmt == "typ":
        text = typst_preamble(options.context) + text
    if fmt != "pdf":
        return text
    from jarjestotyokirja.render.typst import compile_pdf

    source = template_path(name, "typ", options.templates)
    return compile_pdf(
        text, root=source.parent, date=options.date, template_dirs=template_dirs(options.templates)[:-1],
        name=str(source),
    )


# Typst's language and region per document language: Finland-Swedish is sv-FI; English is en-GB,
# the British spelling and hyphenation Finland's English-language publications use.
TYPST_LANG = {"fi": ("fi", "FI"), "sv": ("sv", "FI"), "en": ("en", "GB")}


def typst_preamble(context: dict[str, Any]) -> str:
    """The first line of every Typst source: the document's title and language.

    Every PDF is PDF/UA-1, which needs both; jtk's templates set them again themselves, and so may
    an organisation's own template, but one that does not still compiles to an accessible PDF.
    """
    title = str(context.get("otsikko") or "")
    whose = (context.get("kunta") or {}).get("nimi") or context.get("alaotsikko")
    if whose:
        title = f"{title}: {whose}" if title else str(whose)
    lang, region = TYPST_LANG.get(context.get("kieli") or "fi", TYPST_LANG["fi"])
    return f'#set document(title: {typst_str(title)}); #set text(lang: "{lang}", region: "{region}")\n'


def parse_formats(text: str, allowed: Sequence[str] = FORMATS) -> tuple[str, ...]:
    """``"pdf,md"`` → ``("md", "pdf")``: known formats, each once, in a fixed order."""
    wanted = [part.strip().lower().lstrip(".") for part in text.split(",") if part.strip()]
    unknown = [f for f in wanted if f not in allowed]
    if unknown or not wanted:
        raise UsageError(M.REPORT_FORMAT.format(value=",".join(unknown) or text, choices=", ".join(allowed)))
    return tuple(f for f in allowed if f in wanted)


def check_output_name(option: str, name: str) -> str:
    """An output name given on the command line (``compare --nimi``): a plain file name, nothing else.

    No folder separators (``/``, ``\\``), no drive (``:``), not empty, not starting with ``.`` (a hidden
    file, ``..``), no control characters: the file lands in the ``-o`` folder and nowhere else.
    """
    bad = (
        not name.strip() or name.startswith(".") or any(char in name for char in '/\\:')
        or any(ord(char) < 32 or ord(char) == 127 for char in name)
    )
    if bad:
        raise UsageError(M.OUTPUT_NAME.format(option=option, name=name))
    return name


def make_dir(folder: Path) -> None:
    """Create the output folder (and its parents) if it is missing; a file in its place is an error."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidContent(M.WRITE_FAILED.format(reason=os_reason(exc)), path=str(folder)) from None


def check_outputs(targets: Iterable[str | Path], inputs: Iterable[str | Path]) -> None:
    """Refuse (:class:`Conflict`) to write a document over one of its ``inputs`` (links and hard
    links resolved) or over an existing answers file: a ``.yaml``/``.yml`` file, or one with the
    answers' top-level ``tyokirja:`` and ``kunta:`` keys. Any other existing file at an output path
    is taken for an earlier output and replaced.
    """
    sources = [Path(p) for p in inputs]
    for target in map(Path, targets):
        for source in sources:
            if _same_file(target, source):
                raise Conflict(M.OUTPUT_IS_INPUT.format(output=target, input=source), path=str(target))
        if stat_or_none(target) is not None and is_answers_file(target):
            raise Conflict(M.OUTPUT_NOT_OURS.format(output=target), path=str(target))


def write_outputs(files: Sequence[tuple[Path, bytes | str]], inputs: Iterable[str | Path]) -> list[Path]:
    """Check every target (:func:`check_outputs`), then write each atomically; the paths written.

    For files made another way than by rendering a template (exports, forms, spreadsheets)."""
    check_outputs([target for target, _ in files], inputs)
    remove_old_temp_files(target for target, _ in files)
    return _write_checked(files)


def _write_checked(files: Sequence[tuple[Path, bytes | str]]) -> list[Path]:
    """Write each file atomically, its targets already checked (:func:`check_outputs`); a file that
    already holds the very same bytes is left as it is (:func:`~jarjestotyokirja.files.update_file`)."""
    for target, data in files:
        update_file(target, data)
    return [target for target, _ in files]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they lead
        return os.path.normcase(real_path(a)) == os.path.normcase(real_path(b))
