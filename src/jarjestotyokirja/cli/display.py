"""Rich renderables for the terminal: the workbook tree, answers, status and register tables.

Everything here only builds objects for ``Console.print``; user text is wrapped in ``Text`` so rich
markup in an answer (``[bold]``) is shown as typed.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from jarjestotyokirja import messages
from jarjestotyokirja.answers import HORIZONS, STATUSES, Answers
from jarjestotyokirja.conventions import percent
from jarjestotyokirja.errors import M, NotFound, UsageError
from jarjestotyokirja.progress import progress
from jarjestotyokirja.register import Municipality, area_name, name_in_language
from jarjestotyokirja.workbook import Bullet, Item, Workbook


def _add_bullets(node: Tree, bullets: list[Bullet]) -> None:
    for bullet in bullets:
        if isinstance(bullet, str):
            node.add(Text(bullet))
        else:
            _add_bullets(node.add(Text(bullet.text)), bullet.bullets)


def workbook_tree(workbook: Workbook) -> Tree:
    tree = Tree(Text(f"{workbook.title} ({workbook.source.publisher} {workbook.source.year})", style="bold"))
    for section in workbook.sections:
        node = tree.add(Text(f"{section.title}  [{section.id}]", style="bold cyan"))
        _add_bullets(node, section.bullets)
    for phase in workbook.phases:
        node = tree.add(Text(M.PHASE_TITLE.format(number=phase.number, title=phase.title), style="bold magenta"))
        for idea in phase.ideas:
            idea_node = node.add(Text(f"{idea.number}. {idea.title}", style="bold"))
            _add_bullets(idea_node, idea.bullets)
            for field, questions in idea.questions.items():
                for question in questions:
                    idea_node.add(Text(f"{field}: {question}", style="italic"))
    tree.add(Text(workbook.good_practices.title, style="bold cyan"))
    closing = tree.add(Text(workbook.closing.title, style="bold cyan"))
    for field in (workbook.closing.summary, workbook.closing.actions, workbook.closing.monitoring):
        closing.add(Text(field.label))
    fields = tree.add(Text(M.VIEW_FIELDS_OF_EVERY_IDEA, style="bold"))
    for field in workbook.fields:
        fields.add(Text(f"{field.label} ({field.id})"))
    if workbook.levels:
        scale = fields.add(Text(M.VIEW_SCALE.format(current=workbook.levels.current_label, target=workbook.levels.target_label)))
        for level in workbook.levels.scale:
            scale.add(Text(f"{level.value} {level.label}"))
    return tree


def _name(answers: Answers) -> str:
    """The municipality's name in the UI language, as the register has it (Borgå for Porvoo in Swedish)."""
    return name_in_language(answers.kunta.nimi, answers.kunta.koodi, messages.current())


def _unanswered() -> Text:
    return Text(M.VIEW_UNANSWERED, style="dim italic")


def _value(text: str) -> Text:
    return Text(text) if text else _unanswered()


def _item_panel(answers: Answers, workbook: Workbook, item: Item) -> Panel:
    answer = answers.answer(item.key)
    rows = Table.grid(padding=(0, 2))
    rows.add_column(style="bold", no_wrap=True)
    rows.add_column()
    for field in item.fields:
        rows.add_row(field.label, _value(getattr(answer, field.id)))
    if item.has_levels and workbook.levels:
        for label, level in ((workbook.levels.current_label, answer.taso), (workbook.levels.target_label, answer.tavoitetaso)):
            shown = Text(f"{level} {workbook.levels.label(level)}") if level else _unanswered()
            rows.add_row(label, shown)
    return Panel(rows, title=Text(item.label, style="bold"), title_align="left")


def answers_view(answers: Answers, workbook: Workbook, key: str | None = None) -> RenderableType:
    if key is not None:
        try:
            item = workbook.item(key)
        except NotFound as exc:  # an item named on the command line: a usage error (2), as in jtk set
            raise UsageError(problems=exc.problems) from None
        return _item_panel(answers, workbook, item)
    head = Text(f"{_name(answers)} ({answers.kunta.koodi})", style="bold")
    if answers.kunta.hyvinvointialue:
        head.append(f" · {area_name(answers.kunta.hyvinvointialue, messages.current())}")
    meta = answers.arviointi
    if meta.pvm or meta.konsultti:
        head.append("\n" + M.VIEW_ASSESSMENT_LINE.format(date=meta.pvm or "–", consultant=meta.konsultti or "–"))
    for person in meta.osallistujat:
        head.append("\n  " + ", ".join(p for p in (person.nimi, person.rooli, person.organisaatio) if p))
    parts: list[RenderableType] = [head]
    parts += [_item_panel(answers, workbook, item) for item in workbook.items]
    if answers.hyvat_kaytannot:
        practices = Table(title=workbook.good_practices.title, title_justify="left", show_lines=True)
        practices.add_column(M.COLUMN_PRACTICE)
        practices.add_column(M.COLUMN_DESCRIPTION)
        for practice in answers.hyvat_kaytannot:
            practices.add_row(Text(practice.otsikko), Text(practice.kuvaus))
        parts.append(practices)
    closing = Table.grid(padding=(0, 2))
    closing.add_column(style="bold", no_wrap=True)
    closing.add_column()
    closing.add_row(workbook.closing.summary.label, _value(answers.lopuksi.yhteenveto))
    closing.add_row(workbook.closing.monitoring.label, _value(answers.lopuksi.seuranta))
    parts.append(Panel(closing, title=Text(workbook.closing.title, style="bold"), title_align="left"))
    if answers.toimenpiteet:
        parts.append(actions_table(answers))
    return Group(*parts)


def actions_table(answers: Answers) -> Table:
    table = Table(title=M.VIEW_ACTIONS, title_justify="left", show_lines=True)
    for header in ("#", M.COLUMN_ACTION, M.COLUMN_HORIZON, M.COLUMN_IDEA, M.COLUMN_RESPONSIBLE, M.COLUMN_DUE,
                   M.COLUMN_INDICATOR, M.COLUMN_STATUS):
        table.add_column(header)
    for number, action in enumerate(answers.toimenpiteet, 1):
        table.add_row(
            str(number), Text(action.teksti), HORIZONS[action.aikavali], action.idea,
            Text(action.vastuutaho), action.maaraaika, Text(action.mittari), STATUSES[action.tila],
        )
    return table


def _percent(answered: int, total: int) -> str:
    return percent(100 * answered // total, messages.current()) if total else "–"


def status_table(loaded: list[tuple[Path, Answers]], workbook: Workbook) -> Table:
    """One row per file: completion in all and per phase (columns fit 80 characters)."""
    table = Table(title=M.VIEW_COMPLETION, title_justify="left")
    table.add_column(M.COLUMN_MUNICIPALITY_AND_FILE, ratio=1, overflow="fold")
    rows = []
    phases: list[str] = []
    for path, answers in loaded:
        state = progress(answers, workbook)
        by_phase = state.by_phase()
        phases = phases or list(by_phase)
        name = Text(_name(answers), style="bold")
        name.append(f"\n{path}", style="dim")
        rows.append([name, percent(state.percent, messages.current()), *(_percent(*by_phase[p]) for p in phases)])
    long, short = M.PHASE_LABEL.format(number=""), M.PHASE_SHORT.format(number="")
    for header in [M.COLUMN_TOTAL, *(p.replace(long, short) for p in phases)]:
        table.add_column(header, justify="right", no_wrap=True, min_width=5)
    for row in rows:
        table.add_row(*row)
    return table


def item_status_table(path: Path, answers: Answers, workbook: Workbook) -> Table:
    """One file in detail: each item with its answered fields and levels."""
    state = progress(answers, workbook)
    title = M.VIEW_ITEM_STATUS.format(municipality=_name(answers), answered=state.answered, total=state.total,
                                      percent=state.percent)
    table = Table(title=title, title_justify="left")
    table.add_column(M.COLUMN_ITEM, overflow="ellipsis", no_wrap=True, max_width=20)
    table.add_column(M.COLUMN_TITLE, ratio=1)
    for header in (M.COLUMN_ANSWERED, M.COLUMN_LEVEL, M.COLUMN_TARGET):
        table.add_column(header, no_wrap=True, min_width=len(header))
    for row in state.items:
        mark = "✓" if row.done else ("–" if row.missing else "…")
        table.add_row(
            row.key, Text(row.title), f"{mark} {row.answered}/{row.total}",
            str(row.level or ""), str(row.target_level or ""),
        )
    return table


_LANGUAGE_STATUS = {"fi": "LANGUAGE_FI", "sv": "LANGUAGE_SV", "fi-sv": "LANGUAGE_FI_SV", "sv-fi": "LANGUAGE_SV_FI"}


def municipalities_table(municipalities: list[Municipality], language: str = "fi") -> Table:
    """The register's rows with the names of ``language`` (``Borgå``, ``Östra Nyland``), headings and
    language statuses in the UI language."""
    table = Table(title=M.VIEW_MUNICIPALITIES.format(count=len(municipalities)), title_justify="left")
    for header in (M.COLUMN_CODE, M.COLUMN_MUNICIPALITY, M.COLUMN_REGION, M.COLUMN_COUNTY, M.COLUMN_LANGUAGE):
        table.add_column(header)
    for m in municipalities:
        table.add_row(m.code, m.name_in(language), m.region_in(language), m.county_in(language) or "–",
                      getattr(M, _LANGUAGE_STATUS[m.language]))
    return table
