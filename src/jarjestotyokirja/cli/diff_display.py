"""Terminal views of ``jtk diff`` and ``jtk history``.

The diff reads without colour too: removed words are shown as ``[-vanha-]`` and added ones as
``{+uusi+}`` (git's ``--word-diff=plain`` notation), and colour is added on a terminal. User text is
always a rich ``Text``, never markup.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from jarjestotyokirja.answers import HORIZONS, STATUSES
from jarjestotyokirja.messages import M
from jarjestotyokirja.versions.changes import AnswersDiff, EntryChange, LevelChange, TextChange
from jarjestotyokirja.versions.levels import LevelHistory
from jarjestotyokirja.workbook import Workbook

_MARKS = {"-": ("[-", "-]", "red strike"), "+": ("{+", "+}", "green")}
_KIND_MARK = {"lisätty": ("+", "green"), "poistettu": ("-", "red"), "muutettu": ("~", "yellow")}
# An entry's field → the catalogue name of its label in a diff line (looked up when shown).
_ENTRY_FIELDS = {
    "teksti": "DIFF_FIELD_TEXT", "aikavali": "DIFF_FIELD_HORIZON", "idea": "DIFF_FIELD_IDEA",
    "vastuutaho": "DIFF_FIELD_RESPONSIBLE", "maaraaika": "DIFF_FIELD_DUE", "mittari": "DIFF_FIELD_INDICATOR",
    "tila": "DIFF_FIELD_STATUS", "otsikko": "DIFF_FIELD_TITLE", "kuvaus": "DIFF_FIELD_DESCRIPTION",
}
# A change's kind (a data value of versions.changes) → the catalogue names of its word, for entries and texts.
_KIND_WORDS = {"lisätty": ("DIFF_ADDED", "DIFF_TEXT_NEW"), "poistettu": ("DIFF_REMOVED", "DIFF_TEXT_CLEARED"),
               "muutettu": ("DIFF_CHANGED", "DIFF_CHANGED")}


def _field_label(name: str) -> str:
    return getattr(M, _ENTRY_FIELDS[name]) if name in _ENTRY_FIELDS else name
_VALUE_LABELS = {"aikavali": HORIZONS, "tila": STATUSES}
INDENT = "    "


def word_diff_text(change: TextChange) -> Text:
    """The text with its removed and added words marked, every line indented."""
    out = Text(INDENT)
    for op, segment in change.words:
        segment = segment.replace("\n", "\n" + INDENT)
        if op == "=":
            out.append(segment)
        else:
            start, end, style = _MARKS[op]
            out.append(start, style=style)
            out.append(segment, style=style)
            out.append(end, style=style)
    return out


def _level(value: int | None, workbook: Workbook) -> str:
    if value is None:
        return "–"
    return f"{value} ({workbook.levels.label(value)})" if workbook.levels else str(value)


def level_line(change: LevelChange, workbook: Workbook) -> Text:
    if change.delta is None:
        moved = "uusi" if change.old is None else "tyhjennetty"
    else:
        moved = f"{change.delta:+d}"
    style = "green" if (change.delta or 0) > 0 else "red" if (change.delta or 0) < 0 else ""
    line = Text(f"  {change.label}: {_level(change.old, workbook)} → {_level(change.new, workbook)} ")
    line.append(f"({moved})", style=style)
    return line


def text_lines(change: TextChange) -> list[Text]:
    kind = getattr(M, _KIND_WORDS[change.kind][1])
    if "\n" not in change.old and "\n" not in change.new and len(change.old) + len(change.new) < 60:
        line = Text(f"  {change.label}: ")
        line.append_text(word_diff_text(change)[len(INDENT):])
        return [line]
    return [Text(f"  {change.label} ({kind}):"), word_diff_text(change)]


def _value(name: str, value: str) -> str:
    return _VALUE_LABELS.get(name, {}).get(value, value) if value else "–"


def entry_line(change: EntryChange) -> Text:
    mark, style = _KIND_MARK[change.kind]
    line = Text(f"  {mark} ", style=style)
    line.append(f"{getattr(M, _KIND_WORDS[change.kind][0])}: ", style=style)
    line.append(change.title)
    if change.kind == "muutettu":
        parts = [f"{_field_label(n)} {_value(n, o)} → {_value(n, v)}" for n, o, v in change.fields]
    else:
        parts = [f"{_field_label(n)}: {_value(n, v)}" for n, _, v in change.fields]
    if parts:
        line.append(f" ({'; '.join(parts)})", style="dim" if change.kind != "muutettu" else "")
    return line


def diff_view(diff: AnswersDiff, workbook: Workbook) -> RenderableType:
    """The changes grouped as the workbook reads: assessment, items, actions, good practices, closing."""
    parts: list[RenderableType] = [Text(M.DIFF_TITLE.format(old=diff.old_label, new=diff.new_label), style="bold")]
    if diff.empty:
        parts.append(Text(M.DIFF_NONE))
        return Group(*parts)

    def section(title: str, lines: list[Text]) -> None:
        parts.append(Text(""))
        parts.append(Text(title, style="bold cyan"))
        parts.extend(lines)

    if diff.general:
        section(M.DIFF_GENERAL, [line for c in diff.general for line in text_lines(c)])
    for item in diff.items:
        lines = [level_line(c, workbook) for c in item.levels]
        section(item.label, lines + [line for c in item.texts for line in text_lines(c)])
    if diff.actions:
        section(workbook.closing.actions.label, [entry_line(c) for c in diff.actions])
    if diff.practices:
        section(workbook.good_practices.title, [entry_line(c) for c in diff.practices])
    if diff.closing:
        section(workbook.closing.title, [line for c in diff.closing for line in text_lines(c)])
    return Group(*parts)


def history_table(history: LevelHistory) -> Table:
    """One row per committed version (oldest first), one column per idea: ``nykytaso/tavoitetaso``.

    Narrow enough for an 80-column terminal with the eleven ideas of the workbook.
    """
    table = Table(
        title=M.HISTORY_TITLE.format(file=history.file),
        caption=M.HISTORY_CAPTION,
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    table.add_column(M.COLUMN_DAY, no_wrap=True)
    table.add_column(M.COLUMN_VERSION, no_wrap=True)
    for key, _ in history.ideas:
        table.add_column(key, justify="center", no_wrap=True)
    for entry in history.entries:
        head = [Text(entry.version.date), Text(entry.version.short)]
        if entry.error:
            table.add_row(*head, Text(M.HISTORY_UNREADABLE.format(error=entry.error), style="red"))
            continue
        cells = []
        for key, _ in history.ideas:
            current, target = entry.levels[key]
            cells.append(Text(f"{current or '–'}/{target or '–'}"))
        table.add_row(*head, *cells)
    return table
