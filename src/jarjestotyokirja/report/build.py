"""One answers file → its report files: ``render_report`` for one format, ``write_report`` for many.

Output names follow the answers file: ``091-helsinki.yaml`` → ``091-helsinki.md``, ``.html``,
``.pdf`` (``.typ``, the Typst source of the PDF, on request). Every file is written atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from jarjestotyokirja.answers import Answers
from jarjestotyokirja.errors import InvalidContent, M, NotFound, UsageError
from jarjestotyokirja.os_messages import os_reason
from jarjestotyokirja.render.documents import check_outputs, write_outputs
from jarjestotyokirja.render.environment import render_template, template_dirs, template_path, typst_str
from jarjestotyokirja.report.context import build_context
from jarjestotyokirja.store.answers_files import load_answers
from jarjestotyokirja.workbook import Workbook

REPORT_FORMATS = ("md", "html", "pdf", "typ", "docx")
DEFAULT_FORMATS = ("md", "pdf")
# Three charts of levels over time side by side, with room between them, in the PDF's 16.2 cm column.
REPORT_CHART_WIDTH = 140


def parse_formats(text: str) -> tuple[str, ...]:
    """``"pdf,md"`` → ``("md", "pdf")``: known formats, each once, in a fixed order."""
    wanted = [part.strip().lower().lstrip(".") for part in text.split(",") if part.strip()]
    unknown = [f for f in wanted if f not in REPORT_FORMATS]
    if unknown or not wanted:
        raise UsageError(M.REPORT_FORMAT.format(value=",".join(unknown) or text, choices=", ".join(REPORT_FORMATS)))
    return tuple(f for f in REPORT_FORMATS if f in wanted)


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


def output_path(answers_path: str | Path, fmt: str, out_dir: str | Path | None = None) -> Path:
    """``vastaukset/091-helsinki.yaml`` → ``<out_dir>/091-helsinki.<fmt>`` (``out_dir`` default ``.``)."""
    return Path(out_dir or ".") / f"{Path(answers_path).stem}.{fmt}"


def check_strict(context: dict[str, Any]) -> None:
    """Refuse a report with unanswered questions (``--strict``), listing the items."""
    missing = context["vastaamatta"]
    if missing:
        count = sum(len(entry["kentat"]) for entry in missing)
        items = "; ".join(f"{e['otsikko']} ({', '.join(e['kentat'])})" for e in missing)
        message = M.REPORT_UNANSWERED_ONE if count == 1 else M.REPORT_UNANSWERED
        raise InvalidContent(message.format(count=count, items=items))


def render_document(
    kind: str, context: dict[str, Any], fmt: str, *, date: str | None, templates: str | Path | None = None
) -> str | bytes:
    """Render the ``kind`` templates (``report``, ``compare``, ``history``) in ``fmt``.

    Text for ``md``, ``html`` and ``typ``; for ``pdf`` the ``typ`` template compiled by Typst with
    its own folder as root and ``date`` as the fixed creation date.
    """
    if fmt == "docx":  # a Word template (docxtpl), not a text one: see report/docx.py
        from jarjestotyokirja.report.docx import render_docx_document

        return render_docx_document(kind, context, date=date, templates=templates)
    source_fmt = "typ" if fmt == "pdf" else fmt
    name = f"{kind}.{source_fmt}.j2"
    text = render_template(name, context, source_fmt, templates)
    if source_fmt == "typ":
        text = typst_preamble(context) + text
    if fmt != "pdf":
        return text
    from jarjestotyokirja.render.typst import compile_pdf

    source = template_path(name, "typ", templates)
    return compile_pdf(
        text, root=source.parent, date=date, template_dirs=template_dirs(templates)[:-1], name=str(source)
    )


def typst_preamble(context: dict[str, Any]) -> str:
    """The first line of every Typst source: the document's title and language.

    Every PDF is PDF/UA-1, which needs both; jtk's templates set them again themselves, and so may
    an organisation's own template, but one that does not still compiles to an accessible PDF.
    """
    title = str(context.get("otsikko") or "")
    whose = (context.get("kunta") or {}).get("nimi") or context.get("alaotsikko")
    if whose:
        title = f"{title}: {whose}" if title else str(whose)
    return f'#set document(title: {typst_str(title)}); #set text(lang: "fi", region: "FI")\n'


def render_report(
    workbook: Workbook,
    answers: Answers,
    fmt: str,
    *,
    templates: str | Path | None = None,
    context: dict[str, Any] | None = None,
    today: str | None = None,
    history: dict[str, Any] | None = None,
) -> str | bytes:
    """The report in ``fmt``: text for ``md``, ``html`` and ``typ``, PDF bytes for ``pdf``.

    ``today`` is the date actions are judged late against (default the assessment date);
    ``history`` (:func:`report_history`) adds the section of levels over time.
    """
    if context is None:
        context = build_context(workbook, answers, today=today, history=history)
    return render_document("report", context, fmt, date=answers.arviointi.pvm or None, templates=templates)


def write_report(
    path: str | Path,
    workbook: Workbook,
    formats: Iterable[str] = DEFAULT_FORMATS,
    *,
    out_dir: str | Path | None = None,
    templates: str | Path | None = None,
    strict: bool = False,
    today: str | None = None,
    history: bool = False,
) -> list[Path]:
    """Load ``path``, render every format and write the files atomically; returns their paths.

    ``today`` (``VVVV-KK-PP``) is the date actions are judged late against; by default the
    assessment date. ``history`` (``--historia``) adds the levels over time from the file's git
    history. Nothing is written when the file cannot be read, its history cannot (``history``), a
    template fails or (``strict``) questions are unanswered: every format is rendered before the
    first file is written. No report is written over its answers file or another answers file
    (:func:`~jarjestotyokirja.render.documents.check_outputs`).
    """
    answers = load_answers(path, workbook)
    levels = report_history(path, workbook) if history else None
    context = build_context(workbook, answers, today=today, history=levels)
    if strict:
        check_strict(context)
    rendered = [
        (output_path(path, fmt, out_dir), render_report(workbook, answers, fmt, templates=templates, context=context))
        for fmt in formats
    ]
    check_outputs([target for target, _ in rendered], inputs=[path])
    if out_dir:
        make_dir(Path(out_dir))
    return write_outputs(rendered, inputs=[path])


def report_history(path: str | Path, workbook: Workbook) -> dict[str, Any]:
    """The report's ``historia``: levels at every committed version of ``path``, charted as ``jtk history`` does.

    Refused (:class:`NotFound`, :class:`InvalidContent`) when ``path`` is not in a git repository or
    has fewer than two readable committed versions: there is nothing to show over time.
    """
    from jarjestotyokirja.versions.document import level_chart
    from jarjestotyokirja.versions.levels import level_history

    try:
        history = level_history(path, workbook)
    except NotFound as exc:
        messages = {p.message for p in exc.problems}
        if M.NOT_A_REPOSITORY in messages:
            raise NotFound(M.REPORT_HISTORY_NO_REPOSITORY, path=str(path)) from None
        if M.NO_COMMITS in messages:
            raise NotFound(M.REPORT_HISTORY_TOO_FEW.format(count=0), path=str(path)) from None
        raise
    readable = sum(not entry.error for entry in history.entries)
    if readable < 2:
        raise InvalidContent(M.REPORT_HISTORY_TOO_FEW.format(count=readable), path=str(path))
    return level_chart(history, width=REPORT_CHART_WIDTH)


def make_dir(folder: Path) -> None:
    """Create the output folder (and its parents) if it is missing."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidContent(M.WRITE_FAILED.format(reason=os_reason(exc)), path=str(folder)) from None


def same_outputs(paths: Sequence[Path]) -> dict[Path, Path]:
    """Files whose reports would overwrite an earlier file's (same name in different folders)."""
    seen: dict[str, Path] = {}
    clashes: dict[Path, Path] = {}
    for path in paths:
        stem = Path(path).stem
        if stem in seen and Path(seen[stem]).resolve() != Path(path).resolve():
            clashes[path] = seen[stem]
        seen.setdefault(stem, path)
    return clashes
