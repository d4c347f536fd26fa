"""What the interview shows (rich renderables): the workbook's guidance for each part, the question
heading, the level scale, choice lists, list entries and the completion summary.

User text is always wrapped in ``Text`` so that markup typed into an answer is shown literally.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from jarjestotyokirja.interview.questions import (
    ACTIONS,
    ACTIONS_STOP,
    ASSESSMENT,
    CLOSING,
    GOOD_PRACTICES,
    PARTICIPANTS,
    PRACTICES,
    Question,
)
from jarjestotyokirja.messages import M, current
from jarjestotyokirja.progress import progress
from jarjestotyokirja.register import area_name, name_in_language

if TYPE_CHECKING:  # the first screen is drawn with these functions before pydantic is imported
    from jarjestotyokirja.answers import Answers
    from jarjestotyokirja.interview.engine import Interview
    from jarjestotyokirja.workbook import Bullet, Workbook


def bullets_text(bullets: list[Bullet], depth: int = 0) -> Table:
    """Bullets with hanging indents; groups nest their own bullets."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for bullet in bullets:
        marker = "•" if depth == 0 else "–"
        if isinstance(bullet, str):
            grid.add_row(marker, Text(bullet))
        else:
            grid.add_row(marker, Group(Text(bullet.text), bullets_text(bullet.bullets, depth + 1)))
    return grid


def part_of(question: Question) -> str:
    """The part whose guidance panel a question is shown under (the actions belong to the closing)."""
    return CLOSING if question.stop == ACTIONS_STOP else question.stop


def idea_place(interview: Interview, question: Question) -> str:
    """``idea 4/10`` for a numbered idea, ``idea +1`` for the extra one (not ``idea 11/11``)."""
    idea = question.item.idea if question.item else None
    if idea is None:
        return ""
    if not idea.number.isdigit():
        return M.SCREEN_IDEA.format(number=idea.number)
    numbered = [i for i in interview.workbook.ideas if i.number.isdigit()]
    return M.SCREEN_IDEA_OF.format(number=idea.number, count=len(numbered))


def _progress_line(interview: Interview) -> str:
    state = progress(interview.answers, interview.workbook)
    return M.SCREEN_PROGRESS.format(answered=state.answered, total=state.total, percent=state.percent)


def _name(answers: Answers) -> str:
    """The municipality's name in the UI language (Borgå for Porvoo in Swedish), as the register has it."""
    return name_in_language(answers.kunta.nimi, answers.kunta.koodi, current())


def stop_panel(interview: Interview, question: Question) -> RenderableType:
    """The guidance shown when the interview enters a part: title, where we are, workbook text."""
    workbook, answers = interview.workbook, interview.answers
    kunta = _name(answers)
    body: list[RenderableType] = []
    item = question.item
    if item is not None and item.idea is not None:
        idea, phase = item.idea, item.phase
        title = M.SCREEN_IDEA_TITLE.format(
            municipality=kunta, number=phase.number, title=phase.title, place=idea_place(interview, question),
        ) if phase else kunta
        body.append(Text(f"{idea.number}. {idea.title}", style="bold"))
        if idea.text:
            body.append(Text(idea.text))
        if idea.bullets:
            body.append(bullets_text(idea.bullets))
    elif item is not None and item.section is not None:
        number, count = interview.idea_position(question) or (0, 0)
        title = M.SCREEN_SECTION.format(municipality=kunta, number=number, count=count)
        body += _sections_before(workbook, item.key)
        body.append(Text(item.section.title, style="bold"))
        if item.section.text:
            body.append(Text(item.section.text))
        if item.section.bullets:
            body.append(bullets_text(item.section.bullets))
    elif question.stop == ASSESSMENT:
        title = M.SCREEN_ASSESSMENT_TITLE.format(municipality=kunta)
        info = answers.kunta
        body.append(Text(workbook.title, style="bold"))
        language = current()
        places = (area_name(info.maakunta, language), area_name(info.hyvinvointialue, language))
        body.append(Text(", ".join(p for p in (f"{kunta} ({info.koodi})", *places) if p)))
    elif question.stop == GOOD_PRACTICES:
        title = f"{kunta} · {workbook.good_practices.title}"
        body.append(Text(workbook.good_practices.text))
    else:
        closing = workbook.closing
        title = f"{kunta} · {closing.title}"
        body.append(Text(closing.subtitle, style="bold"))
        if closing.text:
            body.append(Text(closing.text))
        if closing.bullets:
            body.append(bullets_text(closing.bullets))
    return Panel(Group(*body), title=Text(title, style="bold cyan"), title_align="left",
                 subtitle=Text(_progress_line(interview), style="dim"), subtitle_align="right")


def _sections_before(workbook: Workbook, key: str) -> list[RenderableType]:
    """Sections without fields (only guidance) that come just before section ``key``."""
    shown: list[RenderableType] = []
    for section in workbook.sections:
        if section.id == key:
            break
        if section.fields:
            shown = []
            continue
        shown += [Text(section.title, style="bold"), bullets_text(section.bullets)]
    return shown


def question_heading(interview: Interview, question: Question, *, draft: bool) -> RenderableType:
    """The field being asked, its help and the workbook's guiding questions for it."""
    parts: list[RenderableType] = []
    where = ""
    if question.item is not None and question.item.idea is not None:
        where = f"  {idea_place(interview, question)} · {question.key}"
    else:
        where = f"  {question.key}"
    heading = Text(question.label, style="bold yellow")
    heading.append(where, style="dim")
    parts.append(heading)
    if question.help:
        parts.append(Text(question.help, style="dim"))
    idea = question.item.idea if question.item else None
    field_id = question.key.rpartition(".")[2]
    if idea and idea.questions.get(field_id):
        parts.append(Text("".join(f"? {q}\n" for q in idea.questions[field_id]).rstrip("\n"), style="italic"))
    if draft:
        parts.append(Text(M.SCREEN_DRAFT_RESTORED, style="bold magenta"))
    return Padding(Group(*parts), (1, 0, 0, 0))


def level_scale(workbook: Workbook, *, compact: bool = False) -> RenderableType:
    """The levels 1–5 with their descriptions; ``compact``: one short line each (a small terminal)."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", justify="right")
    table.add_column(style="bold", no_wrap=compact)
    if not compact:
        table.add_column(style="dim")
    for level in workbook.levels.scale if workbook.levels else []:
        table.add_row(level.value, level.label, *([] if compact else [level.description]))
    return table


def choice_list(choices: tuple[tuple[str, str], ...], keys: list[str]) -> RenderableType:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", justify="right")
    table.add_column()
    for key, (value, label) in zip(keys, choices):
        shown = f"{label} ({value})" if value and value != label and value != key else label
        table.add_row(key, Text(shown))
    return table


def targets_list(interview: Interview) -> RenderableType:
    titles = {ASSESSMENT: M.SCREEN_ASSESSMENT, GOOD_PRACTICES: interview.workbook.good_practices.title,
              CLOSING: interview.workbook.closing.title, "toimenpiteet": interview.workbook.closing.actions.label}
    for item in interview.workbook.items:
        titles[item.key] = item.label
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for stop in interview.stops():
        table.add_row(stop, Text(titles.get(stop, stop)))
    return table


def entries_table(question: Question, rows: list[Any]) -> RenderableType:
    from jarjestotyokirja.answers import HORIZONS, STATUSES

    if not rows:
        return Text(M.SCREEN_NONE_YET, style="dim italic")
    table = Table(show_lines=False, title_justify="left")
    table.add_column("#", justify="right")
    if question.kind == PARTICIPANTS:
        for header in (M.COLUMN_NAME, M.COLUMN_ROLE, M.COLUMN_ORGANISATION):
            table.add_column(header)
        for number, row in enumerate(rows, 1):
            table.add_row(str(number), Text(row.nimi), Text(row.rooli), Text(row.organisaatio))
    elif question.kind == PRACTICES:
        for header in (M.COLUMN_PRACTICE, M.COLUMN_DESCRIPTION, M.COLUMN_IDEA):
            table.add_column(header)
        for number, row in enumerate(rows, 1):
            table.add_row(str(number), Text(row.otsikko), Text(row.kuvaus), row.idea)
    elif question.kind == ACTIONS:
        for header in (M.COLUMN_ACTION, M.COLUMN_HORIZON, M.COLUMN_IDEA, M.COLUMN_RESPONSIBLE, M.COLUMN_DUE,
                       M.COLUMN_INDICATOR, M.COLUMN_STATUS):
            table.add_column(header)
        for number, row in enumerate(rows, 1):
            table.add_row(str(number), Text(row.teksti), HORIZONS[row.aikavali], row.idea, Text(row.vastuutaho),
                          row.maaraaika, Text(row.mittari), STATUSES[row.tila])
    return table


def summary(path: Path, answers: Answers, workbook: Workbook) -> RenderableType:
    """The completion summary: per part, what is missing, and the command for the report."""
    state = progress(answers, workbook)
    title = Text(M.SUMMARY_TITLE.format(municipality=_name(answers), answered=state.answered, total=state.total,
                                        percent=state.percent), style="bold")
    table = Table()
    table.add_column(M.COLUMN_PART)
    table.add_column(M.COLUMN_ANSWERED, justify="right")
    for name, (answered, total) in state.by_phase().items():
        table.add_row(Text(name), f"{answered}/{total}")
    missing = [row.key for row in state.items if not row.done]
    lines = Text()
    if missing:
        lines.append(M.SUMMARY_MISSING.format(keys=", ".join(missing)) + "\n", style="yellow")
    lines.append(M.SUMMARY_COUNTS.format(actions=len(answers.toimenpiteet), practices=len(answers.hyvat_kaytannot),
                                         participants=len(answers.arviointi.osallistujat)))
    quoted = shlex.quote(str(path))
    # Commands are never wrapped by rich, so they copy and paste as one line.
    report = Text.assemble((M.SUMMARY_REPORT + " ", "bold"), (f"jtk report {quoted}", "bold green"), no_wrap=True, overflow="ignore")
    again = f"jtk interview {quoted}" if missing else f"jtk interview {quoted} --kaikki"
    resume = Text.assemble(((M.SUMMARY_CONTINUE if missing else M.SUMMARY_REVISE) + " ", "bold"), again, no_wrap=True, overflow="ignore")
    return Group(title, table, lines, report, resume)
