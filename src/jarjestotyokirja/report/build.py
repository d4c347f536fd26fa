"""One answers file → its report files: ``render_report`` for one format, ``write_report`` for many
(through the one document writer, :func:`~jarjestotyokirja.render.documents.write_documents`).

Output names follow the answers file: ``091-helsinki.yaml`` → ``091-helsinki.md``, ``.html``,
``.pdf`` (``.typ``, the Typst source of the PDF, on request). Every file is written atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jarjestotyokirja.answers import Answers
from jarjestotyokirja.errors import InvalidContent, M, NotFound
from jarjestotyokirja.render.documents import FORMATS, Rendering, render_document, write_documents
from jarjestotyokirja.report.context import build_context
from jarjestotyokirja.store.answers_files import load_answers
from jarjestotyokirja.workbook import Workbook

REPORT_FORMATS = FORMATS
DEFAULT_FORMATS = ("md", "pdf")
# Three charts of levels over time side by side, with room between them, in the PDF's 16.2 cm column.
REPORT_CHART_WIDTH = 140


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


def render_report(
    workbook: Workbook,
    answers: Answers,
    fmt: str,
    *,
    templates: str | Path | None = None,
    context: dict[str, Any] | None = None,
    today: str | None = None,
    history: dict[str, Any] | None = None,
    language: str = "fi",
) -> str | bytes:
    """The report in ``fmt``: text for ``md``, ``html`` and ``typ``, PDF bytes for ``pdf``.

    ``today`` is the date actions are judged late against (default the assessment date);
    ``history`` (:func:`report_history`) adds the section of levels over time.
    """
    if context is None:
        context = build_context(workbook, answers, today=today, history=history, language=language)
    return render_document(Rendering("report", context, date=answers.arviointi.pvm or None, templates=templates), fmt)


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
    language: str = "fi",
) -> list[Path]:
    """Load ``path``, render every format and write the files atomically; returns their paths.

    ``today`` (``VVVV-KK-PP``) is the date actions are judged late against; by default the
    assessment date. ``history`` (``--historia``) adds the levels over time from the file's git
    history. ``language`` (``--kieli``) is the document's; ``workbook`` the one in that language.
    Nothing is written when the file cannot be read, its history cannot (``history``), a
    template fails or (``strict``) questions are unanswered: every format is rendered before the
    first file is written. No report is written over its answers file or another answers file
    (:func:`~jarjestotyokirja.render.documents.check_outputs`).
    """
    answers = load_answers(path, workbook, cached=True)
    levels = report_history(path, workbook, language) if history else None
    context = build_context(workbook, answers, today=today, history=levels, language=language)
    if strict:
        check_strict(context)
    options = Rendering("report", context, inputs=(Path(path),), date=answers.arviointi.pvm or None, templates=templates)
    # sweep=False: run_batch removed the old temporary files of all its outputs at once
    return write_documents([(output_path(path, fmt, out_dir), fmt) for fmt in formats], options, sweep=False)


def report_history(path: str | Path, workbook: Workbook, language: str = "fi") -> dict[str, Any]:
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
    return level_chart(history, width=REPORT_CHART_WIDTH, language=language)
