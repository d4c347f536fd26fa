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
from jarjestotyokirja.translations import N_, tr
from jarjestotyokirja.versions.changes import AnswersDiff, EntryChange, LevelChange, TextChange
from jarjestotyokirja.versions.levels import History
from jarjestotyokirja.workbook import Workbook

_MARKS = {"-": ("[-", "-]", "red strike"), "+": ("{+", "+}", "green")}
_KIND_MARK = {"lisätty": ("+", "green"), "poistettu": ("-", "red"), "muutettu": ("~", "yellow")}
_KIND_NAMES = {"lisätty": N_("lisätty"), "poistettu": N_("poistettu"), "muutettu": N_("muutettu")}
_ENTRY_FIELDS = {
    "teksti": N_("teksti"), "aikavali": N_("aikaväli"), "idea": N_("idea"), "vastuutaho": N_("vastuutaho"),
    "maaraaika": N_("määräaika"), "mittari": N_("mittari"), "tila": N_("tila"), "otsikko": N_("otsikko"),
    "kuvaus": N_("kuvaus"),
}
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
        moved = tr("uusi") if change.old is None else tr("tyhjennetty")
    else:
        moved = f"{change.delta:+d}"
    style = "green" if (change.delta or 0) > 0 else "red" if (change.delta or 0) < 0 else ""
    line = Text(f"  {change.label}: {_level(change.old, workbook)} → {_level(change.new, workbook)} ")
    line.append(f"({moved})", style=style)
    return line


def text_lines(change: TextChange) -> list[Text]:
    kind = tr({"lisätty": N_("uusi"), "poistettu": N_("tyhjennetty"), "muutettu": N_("muutettu")}[change.kind])
    if "\n" not in change.old and "\n" not in change.new and len(change.old) + len(change.new) < 60:
        line = Text(f"  {change.label}: ")
        line.append_text(word_diff_text(change)[len(INDENT):])
        return [line]
    return [Text(f"  {change.label} ({kind}):"), word_diff_text(change)]


def _value(name: str, value: str) -> str:
    label = _VALUE_LABELS.get(name, {}).get(value)  # a label is translated, the user's own text never
    return tr(label) if label else value or "–"


def _field(name: str) -> str:
    return tr(_ENTRY_FIELDS[name]) if name in _ENTRY_FIELDS else name


def entry_line(change: EntryChange) -> Text:
    mark, style = _KIND_MARK[change.kind]
    line = Text(f"  {mark} ", style=style)
    line.append(f"{tr(_KIND_NAMES[change.kind])}: ", style=style)
    line.append(change.title)
    if change.kind == "muutettu":
        parts = [f"{_field(n)} {_value(n, o)} → {_value(n, v)}" for n, o, v in change.fields]
    else:
        parts = [f"{_field(n)}: {_value(n, v)}" for n, _, v in change.fields]
    if parts:
        line.append(f" ({'; '.join(parts)})", style="dim" if change.kind != "muutettu" else "")
    return line


def diff_view(diff: AnswersDiff, workbook: Workbook) -> RenderableType:
    """The changes grouped as the workbook reads: assessment, items, actions, good practices, closing."""
    parts: list[RenderableType] = [Text(tr("Muutokset: {old} → {new}").format(old=diff.old_label, new=diff.new_label), style="bold")]
    if diff.empty:
        parts.append(Text(tr("Ei muutoksia.")))
        return Group(*parts)

    def section(title: str, lines: list[Text]) -> None:
        parts.append(Text(""))
        parts.append(Text(title, style="bold cyan"))
        parts.extend(lines)

    if diff.general:
        section(tr("Kunta ja arviointi"), [line for c in diff.general for line in text_lines(c)])
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


def history_table(history: History) -> Table:
    """One row per committed version (oldest first), one column per idea: ``nykytaso/tavoitetaso``.

    Narrow enough for an 80-column terminal with the eleven ideas of the workbook.
    """
    table = Table(
        title=tr("Tasot versioittain: {file}").format(file=history.file),
        caption=tr("nykytaso/tavoitetaso; – = ei vastattu. Vain tallennetut (commit) versiot; "
                   "työkopion muutokset: jtk diff TIEDOSTO --from HEAD"),
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    table.add_column(tr("Päivä"), no_wrap=True)
    table.add_column(tr("Commit"), no_wrap=True)
    for key, _ in history.ideas:
        table.add_column(key, justify="center", no_wrap=True)
    for entry in history.entries:
        head = [Text(entry.version.date), Text(entry.version.short)]
        if entry.error:
            table.add_row(*head, Text(tr("ei luettavissa: {error}").format(error=entry.error), style="red"))
            continue
        cells = []
        for key, _ in history.ideas:
            current, target = entry.levels[key]
            cells.append(Text(f"{current or '–'}/{target or '–'}"))
        table.add_row(*head, *cells)
    return table
