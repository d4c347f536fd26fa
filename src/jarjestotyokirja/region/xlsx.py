"""``jtk compare -f xlsx``: the regional comparison as an Excel workbook for the people who follow it up.

Sheets: the current and the target level of every idea in every municipality (numbers, coloured by
conditional formatting with the heat map of the other formats, so a changed value recolours itself),
the ideas per group (means, gap, distribution), completion, actions per horizon and the good
practices. Built with the same in-memory XlsxWriter workbook as ``jtk export``: texts are always
text, and the creation date is the newest assessment, so the same files give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from jarjestotyokirja.answers import HORIZONS
from jarjestotyokirja.exchange.export import Table, Value, as_date
from jarjestotyokirja.exchange.export_formats import creation_datetime, new_xlsx, sheet_formats, write_table
from jarjestotyokirja.messages import texts
from jarjestotyokirja.region.comparison import GROUPINGS, Comparison
from jarjestotyokirja.render.documents import write_outputs
from jarjestotyokirja.render.ooxml_zip import fixed_zip
from jarjestotyokirja.workbook import Workbook

XLSX = "xlsx"
# The heat map of compare.html.j2: level → (background, text colour).
HEAT = {
    1: ("#F1F6FB", "#1D252C"),
    2: ("#C9DCEE", "#1D252C"),
    3: ("#8FB8DC", "#1D252C"),
    4: ("#3F7FB8", "#FFFFFF"),
    5: ("#16406B", "#FFFFFF"),
}


def split_xlsx(formats: str) -> tuple[str, bool]:
    """``"md,xlsx"`` → (``"md"``, True): the formats the templates render, and whether xlsx is wanted."""
    parts = [part.strip() for part in formats.split(",")]
    wanted = any(part.lower().lstrip(".") == XLSX for part in parts)
    return ",".join(p for p in parts if p and p.lower().lstrip(".") != XLSX), wanted


def _group_column(comparison: Comparison) -> tuple[str, ...]:
    return (GROUPINGS[comparison.by].lower(),) if comparison.by else ()


def _who(comparison: Comparison, group_name: str, member) -> tuple[Value, ...]:  # type: ignore[no-untyped-def]
    group = (group_name,) if comparison.by else ()
    return (*group, member.code, member.label, as_date(member.answers.arviointi.pvm))


def level_table(comparison: Comparison, which: int, name: str) -> Table:
    """Municipalities × ideas: ``which`` 0 the current level, 1 the target; empty when not given."""
    columns = (*_group_column(comparison), "koodi", "kunta", "arvioitu", *(key for key, _ in comparison.ideas))
    rows = [
        (*_who(comparison, group.name, member), *(member.levels[key][which] for key, _ in comparison.ideas))
        for group in comparison.groups
        for member in group.members
    ]
    return Table(name, columns, tuple(rows))


def idea_table(comparison: Comparison) -> Table:
    columns = (
        *_group_column(comparison), "idea", "otsikko", "vastanneita", "vastaamatta", "nykytaso_ka",
        "tavoitetaso_ka", "ero", "taso_1", "taso_2", "taso_3", "taso_4", "taso_5",
    )
    rows = []
    for group in comparison.groups:
        prefix = (group.name,) if comparison.by else ()
        for idea in group.ideas:
            rows.append((
                *prefix, idea.key, idea.title, idea.answered, idea.unanswered,
                _rounded(idea.mean_current), _rounded(idea.mean_target), _rounded(idea.gap), *idea.distribution(),
            ))
    return Table("ideat", columns, tuple(rows), decimal=frozenset({"nykytaso_ka", "tavoitetaso_ka", "ero"}))


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def completion_table(comparison: Comparison) -> Table:
    columns = (*_group_column(comparison), "koodi", "kunta", "arvioitu", "vastattu", "yhteensa", "prosentti")
    rows = [
        (*_who(comparison, group.name, m), m.answered, m.total, m.percent)
        for group in comparison.groups
        for m in group.members
    ]
    return Table("valmius", columns, tuple(rows))


def actions_table(comparison: Comparison) -> Table:
    columns = (*_group_column(comparison), "koodi", "kunta", "arvioitu", *HORIZONS, "yhteensa", "valmiita")
    rows = []
    for group in comparison.groups:
        for m in group.members:
            counts = m.actions_by_horizon()
            rows.append((*_who(comparison, group.name, m), *counts.values(), sum(counts.values()), m.actions_done))
    return Table("toimenpiteet", columns, tuple(rows))


def practices_table(comparison: Comparison, workbook: Workbook) -> Table:
    titles = {idea.number: idea.title for idea in workbook.ideas}
    columns = (*_group_column(comparison), "koodi", "kunta", "otsikko", "kuvaus", "idea", "idea_otsikko")
    rows = [
        (*((group.name,) if comparison.by else ()), m.code, m.label, p.otsikko, p.kuvaus, p.idea, titles.get(p.idea, ""))
        for group in comparison.groups
        for m, p in group.good_practices()
    ]
    return Table("hyvat_kaytannot", columns, tuple(rows), wide_text=frozenset({"kuvaus"}))


def comparison_xlsx(comparison: Comparison, workbook: Workbook, language: str = "fi") -> bytes:
    """The workbook's bytes; levels sheets carry the heat map as conditional formatting. The title
    is in the document's ``language`` (``--kieli``); sheet and column names are data keys, the same
    in every language (as in ``jtk export``), so formulas and scripts work on every comparison."""
    newest = max((m.answers.arviointi.pvm for m in comparison.members), default="")
    book, buffer = new_xlsx(creation_datetime(as_date(newest)), texts(language).DOC_COMPARISON_XLSX_TITLE)
    formats = sheet_formats(book)
    heat = {level: book.add_format({"bg_color": bg, "font_color": fg}) for level, (bg, fg) in HEAT.items()}
    for which, name in ((0, "nykytasot"), (1, "tavoitetasot")):
        table = level_table(comparison, which, name)
        sheet = book.add_worksheet(name)
        write_table(book, sheet, table, formats)
        first = len(table.columns) - len(comparison.ideas)
        for col in range(first, len(table.columns)):
            sheet.set_column(col, col, 6)
        if table.rows and comparison.ideas:
            cells = (1, first, len(table.rows), len(table.columns) - 1)
            for level, colour in heat.items():
                sheet.conditional_format(*cells, {"type": "cell", "criteria": "==", "value": level, "format": colour})
        _idea_titles(sheet, comparison, len(table.rows) + 2, len(_group_column(comparison)))
    for table in (idea_table(comparison), completion_table(comparison), actions_table(comparison),
                  practices_table(comparison, workbook)):
        write_table(book, book.add_worksheet(table.name), table, formats)
    book.close()
    return fixed_zip(buffer.getvalue(), creation_datetime(as_date(newest)))


def _idea_titles(sheet, comparison: Comparison, row: int, col: int) -> None:  # type: ignore[no-untyped-def]
    """Under the table, what each idea column is: ``4  Tavoitteet ja periaatteet``."""
    for offset, (key, title) in enumerate(comparison.ideas):
        sheet.write_string(row + offset, col, key)
        sheet.write_string(row + offset, col + 1, title)


def write_comparison_xlsx(comparison: Comparison, workbook: Workbook, out_dir: str | Path, name: str,
                          inputs: Iterable[str | Path] = (), language: str = "fi") -> Path:
    """``out_dir/<name>.xlsx``, written atomically, never over an input or an answers file."""
    target = Path(out_dir) / f"{name}.{XLSX}"
    data = comparison_xlsx(comparison, workbook, language)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    write_outputs([(target, data)], inputs)
    return target
