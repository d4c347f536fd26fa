"""Every answer of many files as tables for analysts: ``jtk export`` (the files: :mod:`.export_formats`).

Long form: one row per municipality × item × field in ``vastaukset`` (unanswered fields too, with an
empty value, so a missing answer is visible and never a zero), one row per action, good practice
and participant in their own tables, and the levels wide, one row per municipality (xlsx only).

Every table is a :class:`Table`: column names (stable, for scripts) and rows of plain values:
``str``, ``int`` and ``float`` (levels and numbers), :class:`datetime.date` (dates), or ``None`` (empty). The
writers decide how each kind looks in their format; the values here are exactly as stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from jarjestotyokirja.answers import HORIZONS, LEVEL_FIELDS, STATUSES, Answers
from jarjestotyokirja.progress import CLOSING_FIELDS, CLOSING_KEY
from jarjestotyokirja.register import load_register
from jarjestotyokirja.workbook import Workbook

Value = Union[str, int, float, dt.date, None]

# The columns that say whose answer a row is; first in every table.
MUNICIPALITY_COLUMNS = ("koodi", "kunta", "maakunta", "hyvinvointialue", "arvioinnin_pvm", "konsultti")
ANSWER_COLUMNS = (*MUNICIPALITY_COLUMNS, "kohta", "kohdan_otsikko", "kentta", "kentan_nimi", "arvo")
ACTION_COLUMNS = (
    *MUNICIPALITY_COLUMNS, "numero", "teksti", "aikavali", "aikavali_nimi", "idea", "idea_otsikko",
    "vastuutaho", "maaraaika", "mittari", "tila", "tila_nimi",
)
PRACTICE_COLUMNS = (*MUNICIPALITY_COLUMNS, "numero", "otsikko", "kuvaus", "idea", "idea_otsikko")
PARTICIPANT_COLUMNS = (*MUNICIPALITY_COLUMNS, "numero", "nimi", "rooli", "organisaatio")


@dataclass(frozen=True)
class Table:
    """One sheet (xlsx), one file (csv) or one key (json)."""

    name: str  # the sheet name, the csv file's suffix and the json key
    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    wide_text: frozenset[str] = frozenset()  # columns that hold long texts (wrapped in xlsx)
    decimal: frozenset[str] = frozenset()  # columns of means, shown with one decimal in xlsx

    def records(self) -> list[dict[str, Value]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass(frozen=True)
class Export:
    """Every table of an export, and the newest assessment date (the xlsx's fixed creation date)."""

    answers: Table
    actions: Table
    practices: Table
    participants: Table
    levels: Table
    newest: dt.date | None

    def tables(self, *, wide: bool) -> tuple[Table, ...]:
        """The tables in output order; ``wide`` adds the levels (the xlsx has room for it)."""
        tables = (self.answers, self.actions, self.practices, self.participants)
        return (*tables, self.levels) if wide else tables


def as_date(text: str) -> dt.date | None:
    """A stored ``VVVV-KK-PP`` as a date; ``None`` for an empty text."""
    return dt.date.fromisoformat(text) if text else None


def build_export(loaded: Sequence[tuple[Path | str, Answers]], workbook: Workbook) -> Export:
    """The tables of ``loaded`` (path, answers), ordered by municipality code, assessment date, path,
    so the same files named in any order give the same export."""
    ordered = sorted(loaded, key=lambda pair: (pair[1].kunta.koodi, pair[1].arviointi.pvm, str(pair[0])))
    register = {m.code: m for m in load_register()}
    idea_titles = {idea.number: idea.title for idea in workbook.ideas}
    answer_rows: list[tuple[Value, ...]] = []
    action_rows: list[tuple[Value, ...]] = []
    practice_rows: list[tuple[Value, ...]] = []
    participant_rows: list[tuple[Value, ...]] = []
    level_rows: list[tuple[Value, ...]] = []
    for _, answers in ordered:
        who = _municipality(answers, register)
        answer_rows += [(*who, *row) for row in _answer_rows(answers, workbook)]
        for number, action in enumerate(answers.toimenpiteet, 1):
            action_rows.append((
                *who, number, action.teksti, action.aikavali, HORIZONS[action.aikavali], action.idea,
                idea_titles.get(action.idea, ""), action.vastuutaho, as_date(action.maaraaika), action.mittari,
                action.tila, STATUSES[action.tila],
            ))
        for number, practice in enumerate(answers.hyvat_kaytannot, 1):
            practice_rows.append(
                (*who, number, practice.otsikko, practice.kuvaus, practice.idea, idea_titles.get(practice.idea, ""))
            )
        for number, person in enumerate(answers.arviointi.osallistujat, 1):
            participant_rows.append((*who, number, person.nimi, person.rooli, person.organisaatio))
        level_rows.append((*who, *_levels(answers, workbook)))
    dates = [as_date(answers.arviointi.pvm) for _, answers in ordered if answers.arviointi.pvm]
    return Export(
        answers=Table("vastaukset", ANSWER_COLUMNS, tuple(answer_rows), frozenset({"arvo"})),
        actions=Table("toimenpiteet", ACTION_COLUMNS, tuple(action_rows), frozenset({"teksti", "mittari"})),
        practices=Table("hyvat_kaytannot", PRACTICE_COLUMNS, tuple(practice_rows), frozenset({"kuvaus"})),
        participants=Table("osallistujat", PARTICIPANT_COLUMNS, tuple(participant_rows)),
        levels=Table("tasot", (*MUNICIPALITY_COLUMNS, *level_columns(workbook)), tuple(level_rows)),
        newest=max((d for d in dates if d), default=None),
    )


def _municipality(answers: Answers, register: dict[str, Any]) -> tuple[Value, ...]:
    """Code, name, region and county (the register's, the file's where the register has none), date, consultant."""
    known = register.get(answers.kunta.koodi)
    region = known.region if known else answers.kunta.maakunta
    county = known.county if known else answers.kunta.hyvinvointialue
    return (
        answers.kunta.koodi, answers.kunta.nimi, region, county,
        as_date(answers.arviointi.pvm), answers.arviointi.konsultti,
    )


def _answer_rows(answers: Answers, workbook: Workbook) -> list[tuple[Value, ...]]:
    """(item key, item title, field, field label, value) for every field asked, levels as numbers."""
    rows: list[tuple[Value, ...]] = []
    for item in workbook.items:
        answer = answers.answer(item.key)
        for field in item.fields:
            rows.append((item.key, item.title, field.id, field.label, getattr(answer, field.id)))
        if item.has_levels and workbook.levels:
            labels = (workbook.levels.current_label, workbook.levels.target_label)
            for field, label in zip(LEVEL_FIELDS, labels):
                rows.append((item.key, item.title, field, label, getattr(answer, field)))
    closing = workbook.closing
    for field, label in zip(CLOSING_FIELDS, (closing.summary.label, closing.monitoring.label)):
        rows.append((CLOSING_KEY, closing.title, field, label, getattr(answers.lopuksi, field)))
    return rows


def level_columns(workbook: Workbook) -> tuple[str, ...]:
    """``1.taso``, ``1.tavoitetaso``, … ``+1.tavoitetaso``: the keys of ``jtk set``."""
    return tuple(f"{item.key}.{field}" for item in workbook.items if item.has_levels for field in LEVEL_FIELDS)


def _levels(answers: Answers, workbook: Workbook) -> tuple[Value, ...]:
    return tuple(
        getattr(answers.answer(item.key), field) for item in workbook.items if item.has_levels for field in LEVEL_FIELDS
    )
