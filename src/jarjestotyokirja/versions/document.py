"""The monitoring document (*seuranta*): levels over the committed versions, with a chart per idea,
and the progress of the actions (done, late against the due date).

Written by the one document writer like the report and the comparison. The chart is drawn by the
templates from numbers computed here (SVG in HTML, Typst lines in the PDF), so no markup is built
from user text.

Template data (``history.{md,html,typ}.j2``):

``otsikko``, ``tuottaja``, ``tiedosto``, ``kunta`` (``nimi``, ``koodi``), ``tilanne`` and
``tilanne_fi`` (the date actions are judged late against)

From :func:`level_chart`, shared with the report's ``historia`` (``jtk report --historia``):

``versiot``
    Oldest first: ``pvm``, ``pvm_fi``, ``commit`` (7 characters), ``viesti`` (the commit subject),
    ``arvioitu_fi``, ``virhe`` (``""`` or why the version could not be read), ``tasot`` (per idea:
    ``numero``, ``taso``, ``tavoitetaso``; 0 = not given), ``tilat`` (actions per status:
    ``tunnus``, ``nimi``, ``maara``).
``ideat``
    ``numero``, ``otsikko``, ``ensin`` and ``nyt`` (first and latest level given, 0 if none),
    ``muutos`` (``"+1"``, ``"0"``, ``""``), ``kaavio``: ``nyky`` and ``tavoite``, each with ``viivat``
    (``x1``, ``y1``, ``x2``, ``y2``) and ``pisteet`` (``x``, ``y``), in points of a
    :data:`CHART_WIDTH` × :data:`CHART_HEIGHT` box, one x position per readable version.
``kaavio``
    ``leveys``, ``korkeus``, ``vasen``, ``oikea`` (the plot's edges), ``tasot`` (``arvo``, ``y``) and
    ``x`` (the dates under the axis: ``x``, ``pvm_fi``; at most five, first and last included).
``toimenpiteet``
    ``maara``, ``valmis_prosentti``, ``tilat`` (``tunnus``, ``nimi``, ``maara``), ``valmiit`` and
    ``myohassa`` (``numero``, ``teksti``, ``vastuutaho``, ``maaraaika_fi``, ``paivia``, ``tila_nimi``):
    :func:`jarjestotyokirja.report.context.progress_context`, as in the report's ``seuranta``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jarjestotyokirja.answers import Answers
from jarjestotyokirja.conventions import fi_date
from jarjestotyokirja.errors import M
from jarjestotyokirja.register import name_in_language
from jarjestotyokirja.render.document_texts import document_texts, status_names
from jarjestotyokirja.render.documents import Rendering, write_documents
from jarjestotyokirja.report.context import progress_context
from jarjestotyokirja.store.answers_files import load_answers
from jarjestotyokirja.versions.levels import LevelHistory, VersionLevels, level_history
from jarjestotyokirja.versions.monitoring import action_progress
from jarjestotyokirja.workbook import Workbook

TITLE = document_texts("fi")["seurannan_otsikko"]  # in each language: the text seurannan_otsikko
CHART_WIDTH = 150
CHART_HEIGHT = 64
_LEFT, _RIGHT, _TOP, _BOTTOM = 12, 12, 5, 5


def reference_date(answers: Answers, history: LevelHistory) -> tuple[str, str]:
    """The default date for judging lateness and why: the newest commit's date (a year after the
    assessment, actions due since are late), else the assessment date. Returns (date, basis)."""
    if history.entries:
        return history.entries[-1].version.date, M.HISTORY_BASIS_COMMIT
    return answers.arviointi.pvm or dt.date(2000, 1, 1).isoformat(), M.HISTORY_BASIS_ASSESSMENT


def _x(index: int, count: int, width: int = CHART_WIDTH) -> float:
    if count <= 1:
        return round((_LEFT + width - _RIGHT) / 2, 1)
    return round(_LEFT + index * (width - _LEFT - _RIGHT) / (count - 1), 1)


def _y(level: int) -> float:
    return round(_TOP + (5 - level) * (CHART_HEIGHT - _TOP - _BOTTOM) / 4, 1)


def _labelled(count: int, most: int = 5) -> list[int]:
    """Which versions get a date under the chart: all of a few, else the first, the last and some between."""
    if count <= most:
        return list(range(count))
    return sorted({round(i * (count - 1) / (most - 1)) for i in range(most)})


def _line(values: Sequence[int | None], width: int = CHART_WIDTH) -> dict[str, list[dict[str, float]]]:
    """Segments between consecutive versions that both gave a level, and a dot at every level given."""
    count = len(values)
    lines = [
        {"x1": _x(i, count, width), "y1": _y(a), "x2": _x(i + 1, count, width), "y2": _y(b)}
        for i, (a, b) in enumerate(zip(values, values[1:]))
        if a is not None and b is not None
    ]
    points = [{"x": _x(i, count, width), "y": _y(v)} for i, v in enumerate(values) if v is not None]
    return {"viivat": lines, "pisteet": points}


def _change(values: Sequence[int | None]) -> tuple[int, int, str]:
    given = [v for v in values if v is not None]
    if not given:
        return 0, 0, ""
    return given[0], given[-1], f"{given[-1] - given[0]:+d}" if given[-1] != given[0] else "0"


def _statuses(answers: Answers | None, language: str = "fi") -> list[dict[str, Any]]:
    actions = answers.toimenpiteet if answers else []
    return [{"tunnus": k, "nimi": n, "maara": sum(a.tila == k for a in actions)} for k, n in status_names(language).items()]


def _version(entry: VersionLevels, ideas: Sequence[tuple[str, str]], language: str = "fi") -> dict[str, Any]:
    return {
        "pvm": entry.version.date,
        "pvm_fi": fi_date(entry.version.date, language),
        "commit": entry.version.short,
        "viesti": entry.version.subject,
        "arvioitu_fi": fi_date(entry.assessed, language),
        "virhe": entry.error,
        "tasot": [
            {"numero": key, "taso": entry.levels[key][0] or 0, "tavoitetaso": entry.levels[key][1] or 0}
            for key, _ in ideas
            if not entry.error
        ],
        "tilat": _statuses(entry.answers, language),
    }


def _chart_description(key: str, title: str, readable: Sequence[VersionLevels], language: str = "fi") -> str:
    """One idea's chart in words, its alternative text: the levels at every version."""
    texts = document_texts(language)
    missing = texts["puuttuu"]
    shown = []
    for entry in readable:
        current, target = entry.levels[key]
        shown.append(texts["historia_kuvaus_rivi"].format(
            pvm=fi_date(entry.version.date, language), taso=current or missing, tavoite=target or missing))
    return texts["historia_kuvaus"].format(numero=key, otsikko=title, tasot="; ".join(shown))


def level_chart(history: LevelHistory, *, width: int = CHART_WIDTH, language: str = "fi") -> dict[str, Any]:
    """Levels over the committed versions for templates: ``versiot``, ``ideat`` and ``kaavio``.

    The one chart builder: the monitoring document and the report (``jtk report --historia``) both
    draw their charts from it, with the macros of ``templates/_levels_chart.*.j2``. ``width`` is
    each chart's width in points (the report's text column is narrower than the monitoring document's).
    """
    readable = [e for e in history.entries if not e.error]
    ideas = []
    for key, title in history.ideas:
        current = [e.levels[key][0] for e in readable]
        target = [e.levels[key][1] for e in readable]
        first, last, change = _change(current)
        ideas.append({
            "numero": key,
            "otsikko": title,
            "ensin": first,
            "nyt": last,
            "muutos": change,
            "kuvaus": _chart_description(key, title, readable, language),
            "kaavio": {"nyky": _line(current, width), "tavoite": _line(target, width)},
        })
    return {
        "versiot": [_version(e, history.ideas, language) for e in history.entries],
        "ideat": ideas,
        "kaavio": {
            "leveys": width,
            "korkeus": CHART_HEIGHT,
            "x": [
                {"x": _x(i, len(readable), width), "pvm_fi": fi_date(readable[i].version.date, language)}
                for i in _labelled(len(readable))
            ],
            "tasot": [{"arvo": level, "y": _y(level)} for level in range(1, 6)],
            "vasen": _LEFT,
            "oikea": width - _RIGHT,
        },
    }


def history_context(
    history: LevelHistory, answers: Answers, workbook: Workbook, today: str, *, generator: str | None = None,
    basis: str = "", language: str = "fi",
) -> dict[str, Any]:
    """The monitoring document's data: ``answers`` is the file as it is now, for the actions' state.

    ``language`` is the document's (``--kieli``): its fixed texts, dates and labels, and ``basis``
    (one of ``M.HISTORY_BASIS_*``) in that language; ``kieli`` holds it."""
    texts = document_texts(language)
    bases = {M.HISTORY_BASIS_COMMIT: "peruste_commit", M.HISTORY_BASIS_CHOSEN: "peruste_valittu",
             M.HISTORY_BASIS_ASSESSMENT: "peruste_arviointi"}
    if generator is None:
        from jarjestotyokirja import __version__

        generator = f"jtk {__version__}"
    state = action_progress(answers, today)
    return {
        "otsikko": texts["seurannan_otsikko"],
        "tuottaja": generator,
        "tiedosto": Path(history.file).name,
        "kunta": {"nimi": name_in_language(answers.kunta.nimi, answers.kunta.koodi, language), "koodi": answers.kunta.koodi},
        "tilanne": state.today,
        "tilanne_fi": fi_date(state.today, language),
        "tilanne_peruste": texts[bases[basis]] if basis in bases else basis,
        **level_chart(history, language=language),
        "toimenpiteet": progress_context(state, language),
        "kieli": language,
    }


@dataclass(frozen=True)
class MonitoringDocument:
    """What :func:`write_history` wrote, and the date lateness was judged on (and why that date)."""

    written: list[Path]
    today: str
    basis: str


def write_history(
    file: str | Path,
    workbook: Workbook,
    formats: Sequence[str],
    out_dir: str | Path = ".",
    *,
    today: str | None = None,
    templates: str | Path | None = None,
    language: str = "fi",
) -> MonitoringDocument:
    """Write ``<out_dir>/<stem>-seuranta.<fmt>`` for each format: the levels of every committed version
    of ``file`` and its actions as the file is now, late against ``today`` (``VVVV-KK-PP``; by default
    :func:`reference_date`). All formats are rendered before any is written, none over ``file`` or
    another answers file."""
    levels = level_history(file, workbook)
    answers = load_answers(file, workbook)
    today, basis = (today, M.HISTORY_BASIS_CHOSEN) if today is not None else reference_date(answers, levels)
    context = history_context(levels, answers, workbook, today, basis=basis, language=language)
    stem = Path(out_dir) / f"{Path(file).stem}-seuranta"
    options = Rendering("history", context, inputs=(Path(file),), date=context["tilanne"], templates=templates)
    written = write_documents([(stem.with_name(f"{stem.name}.{fmt}"), fmt) for fmt in formats], options)
    return MonitoringDocument(written, today, basis)
