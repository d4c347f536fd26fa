"""``build_context``: one municipality's answers as the plain data every report template sees.

Templates see only this dict (strings, integers, lists and dicts; no models, no methods), in the
same shape for Markdown, HTML and Typst. Keys follow the answers file (``kunta``, ``arviointi``,
``toimenpiteet``) so an organisation writing its own template recognises them. User text is passed
as typed; escaping is the template environment's job (:mod:`.render`).

Top-level keys:

``otsikko``, ``alaotsikko``
    The document's title and subtitle.
``tyokirja``
    ``nimi``, ``alaotsikko``, ``julkaisija``, ``vuosi``, ``tekijat``, ``url``, ``versio``.
``kunta``
    ``koodi``, ``nimi``, ``maakunta``, ``hyvinvointialue``.
``arviointi``
    ``pvm`` (``VVVV-KK-PP`` or ``""``), ``pvm_fi`` (``17.2.2026``), ``konsultti``,
    ``osallistujat`` (``nimi``, ``rooli``, ``organisaatio``).
``tasot``
    The level scale or ``None``: ``nykytaso``, ``tavoitetaso`` (labels), ``asteikko``
    (``arvo``, ``nimi``, ``kuvaus``).
``yhteenveto``
    The one-page summary: ``otsikko`` and ``teksti`` (the target-state summary), ``kaavio``
    (per idea: ``numero``, ``otsikko``, ``taso``, ``tavoitetaso``, ``ero``), ``aikavalit``
    (``tunnus``, ``nimi``, ``maara``), ``toimenpiteita``, ``valmius`` (``vastattu``, ``yhteensa``,
    ``prosentti``), ``vastaamatta``.
``tilannekuva``
    The opening sections that are answered: ``tunnus``, ``otsikko``, ``kentat``.
``vaiheet``
    ``numero``, ``otsikko``, ``alaotsikko``, ``kuvaus``, ``ideat``: ``numero``, ``otsikko``,
    ``tiivistelma``, ``kentat``, ``taso`` and ``tavoitetaso`` (``arvo``, ``nimi``; ``arvo`` 0 when
    not given), ``toimenpiteet`` (their numbers).
    A field (``kentat``) is ``tunnus``, ``nimi``, ``teksti`` (``""`` when unanswered).
``toimenpiteet``
    Grouped by horizon in the order short, medium, long, only groups that have actions:
    ``tunnus``, ``nimi``, ``rivit``: ``numero``, ``teksti``, ``idea``, ``idea_otsikko``,
    ``vastuutaho``, ``maaraaika``, ``maaraaika_fi``, ``mittari``, ``tila``, ``tila_nimi``.
``seuranta``
    The monitoring plan, ``otsikko`` and ``teksti``, and the actions' progress: ``tilanne`` (the
    date actions are judged late against, ``VVVV-KK-PP``: the one given, else the assessment date;
    ``""`` when neither is set and nothing is judged late), ``tilanne_fi`` and ``toimenpiteet``
    (:func:`progress_context`: ``maara``, ``valmis_prosentti``, ``tilat``, ``valmiit``, ``myohassa``).
``historia``
    ``None`` unless asked for (``--historia``): the levels at every committed version of the file,
    ``versiot``, ``ideat`` and ``kaavio`` as in ``jtk history``
    (:func:`jarjestotyokirja.versions.document.level_chart`), drawn with ``_levels_chart.*.j2``.
``hyvat_kaytannot``
    ``otsikko``, ``ohje``, ``rivit``: ``otsikko``, ``kuvaus``, ``idea``, ``idea_otsikko``.
``vastaamatta``
    Every question not yet answered, in workbook order: ``tunnus``, ``otsikko``, ``kentat``
    (the names of the empty fields), ``kysymykset`` (the workbook's guiding questions for them).
``tuottaja``
    ``jtk <version>``.
``kieli``
    The document's language (``fi``, ``sv``, ``en``): every fixed text, date and label above
    follows it; the answers stay as typed. Templates also get the fixed texts as ``t``
    (:mod:`jarjestotyokirja.render.document_texts`). ``kunta.nimi_kannessa`` is the name on the
    cover: both names of a bilingual municipality the register knows (``Porvoo – Borgå``).
"""

from __future__ import annotations

import re
from typing import Any

from jarjestotyokirja.answers import Answers
from jarjestotyokirja.conventions import fi_date
from jarjestotyokirja.progress import progress, unanswered_fields
from jarjestotyokirja.render.document_texts import document_texts, horizon_names, status_names
from jarjestotyokirja.versions.monitoring import ActionProgress, ActionState, action_progress
from jarjestotyokirja.workbook import Item, Workbook

BUNDLED_WORKBOOK = "jarjestoyhteistyo-10-1"
# The title and what jtk's bundled workbook adds to Kuntaliitto's (marked "jtk:n lisäys" in
# workbook.yaml) are the texts raportin_otsikko and jtk_lisaykset of the document language.
TITLE = document_texts("fi")["raportin_otsikko"]


def build_context(
    workbook: Workbook,
    answers: Answers,
    *,
    today: str | None = None,
    generator: str | None = None,
    history: dict[str, Any] | None = None,
    language: str = "fi",
) -> dict[str, Any]:
    """The report's data for ``answers`` to ``workbook``: see the module docstring for the keys.

    ``today`` (``VVVV-KK-PP``, ``jtk report --tilanne``) is the date actions are judged late
    against; by default the assessment date, so the same file always gives the same report.
    ``history`` (``jtk report --historia``) is the levels over time,
    :func:`jarjestotyokirja.report.build.report_history`; it becomes ``historia``. ``language``
    is the document's (``--kieli``); ``workbook`` should be the bundled one in the same language.
    """
    texts = document_texts(language)
    if generator is None:
        from jarjestotyokirja import __version__

        generator = f"jtk {__version__}"
    idea_titles = {idea.number: idea.title for idea in workbook.ideas}
    missing = unanswered(workbook, answers, language)
    done = progress(answers, workbook)
    state = action_progress(answers, today if today is not None else answers.arviointi.pvm)
    chart = _chart(workbook, answers)
    return {
        "otsikko": texts["raportin_otsikko"],
        "alaotsikko": _based_on(workbook, language),
        "tyokirja": {
            "nimi": workbook.title,
            "alaotsikko": workbook.subtitle,
            "julkaisija": workbook.source.publisher,
            "vuosi": workbook.source.year,
            "tekijat": list(workbook.source.authors),
            "url": workbook.source.url,
            "versio": workbook.version,
            "lisaykset": texts["jtk_lisaykset"] if workbook.id == BUNDLED_WORKBOOK else "",
            "kaannos": workbook.translation,
        },
        "kunta": municipality_context(answers, language),
        "arviointi": {
            "pvm": answers.arviointi.pvm,
            "pvm_fi": fi_date(answers.arviointi.pvm, language),
            "konsultti": answers.arviointi.konsultti,
            "osallistujat": [p.model_dump() for p in answers.arviointi.osallistujat],
        },
        "tasot": level_scale(workbook),
        "yhteenveto": {
            "otsikko": workbook.closing.summary.label,
            "teksti": answers.lopuksi.yhteenveto,
            "kaavio": chart,
            "kaavio_kuvaus": chart_description(workbook, chart, language),
            "aikavalit": [
                {"tunnus": key, "nimi": name, "maara": sum(a.aikavali == key for a in answers.toimenpiteet)}
                for key, name in horizon_names(language).items()
            ],
            "toimenpiteita": len(answers.toimenpiteet),
            "valmius": {"vastattu": done.answered, "yhteensa": done.total, "prosentti": done.percent},
            "vastaamatta": sum(len(entry["kentat"]) for entry in missing),
        },
        "tilannekuva": [_section(item, answers) for item in workbook.items if item.idea is None],
        "vaiheet": [
            {
                "numero": phase.number,
                "otsikko": phase.title,
                "alaotsikko": phase.subtitle,
                # Shown where it says more than the title and subtitle (phase 4's does).
                "kuvaus": "" if phase.description.rstrip(".") == f"{phase.title} {phase.subtitle}" else phase.description,
                "ideat": [_idea(workbook.item(idea.number), workbook, answers) for idea in phase.ideas],
            }
            for phase in workbook.phases
        ],
        "toimenpiteet": _actions(answers, idea_titles, language),
        "seuranta": {
            "otsikko": workbook.closing.monitoring.label,
            "teksti": answers.lopuksi.seuranta,
            "tilanne": state.today,
            "tilanne_fi": fi_date(state.today, language),
            "toimenpiteet": progress_context(state, language),
        },
        "historia": history,
        "hyvat_kaytannot": {
            "otsikko": workbook.good_practices.title,
            "ohje": workbook.good_practices.text,
            "rivit": [
                {
                    "otsikko": p.otsikko,
                    "kuvaus": p.kuvaus,
                    "idea": p.idea,
                    "idea_otsikko": idea_titles.get(p.idea, ""),
                }
                for p in answers.hyvat_kaytannot
            ],
        },
        "vastaamatta": missing,
        # A plan with unanswered questions is a draft (Luonnos), and every format says so.
        "luonnos": {"vastattu": done.answered, "yhteensa": done.total, "prosentti": done.percent} if missing else None,
        "tuottaja": generator,
        "erisnimet": name_stems(answers),
        "kieli": language,
    }


def municipality_context(answers: Answers, language: str) -> dict[str, Any]:
    """``kunta`` as typed, its region and county in ``language`` where the register has the name,
    and ``nimi_kannessa``: both names of a bilingual municipality whose code the register knows
    and whose typed name is one of them (the register's ``display_name``, majority language first,
    as the municipality writes it itself in both languages: ``Porvoo – Borgå``)."""
    from jarjestotyokirja.errors import NotFound
    from jarjestotyokirja.register import area_name, find_municipality, name_in_language

    kunta = answers.kunta.model_dump()
    kunta["nimi"] = name_in_language(kunta["nimi"], kunta["koodi"], language)
    kunta["maakunta"] = area_name(kunta["maakunta"], language)
    kunta["hyvinvointialue"] = area_name(kunta["hyvinvointialue"], language)
    kunta["nimi_kannessa"] = kunta["nimi"]
    try:
        known = find_municipality(kunta["koodi"]) if kunta["koodi"] else None
    except NotFound:
        known = None
    if known is not None and known.bilingual and answers.kunta.nimi in (known.name, known.name_sv):
        kunta["nimi_kannessa"] = known.display_name
    return kunta


def name_stems(answers: Answers) -> list[str]:
    """The proper names the PDF must not hyphenate: the capitalised words of the municipality's,
    region's, consultant's, participants' and organisations' names, as stems (the last letter off a
    long word, so ``Koekoski`` also covers ``Koekosken``), each once, longest first."""
    names = [answers.kunta.nimi, answers.kunta.maakunta, answers.kunta.hyvinvointialue, answers.arviointi.konsultti]
    names += [v for p in answers.arviointi.osallistujat for v in (p.nimi, p.organisaatio)]
    stems = set()
    for word in _WORD.findall(" ".join(n for n in names if n)):
        if word[:1].isupper() and len(word) >= 3:
            stems.add(word[:-1] if len(word) > 5 else word)
    return sorted(stems, key=lambda w: (-len(w), w))


def _based_on(workbook: Workbook, language: str = "fi") -> str:
    source = " ".join(p for p in (workbook.source.publisher, workbook.source.year) if p)
    if not source:
        return workbook.title
    return document_texts(language)["laadittu_pohjalta"].format(tyokirja=workbook.title, lahde=source)


def level_scale(workbook: Workbook) -> dict[str, Any] | None:
    """The 1–5 scale for templates (shared with the comparison), or None without one."""
    if workbook.levels is None:
        return None
    return {
        "nykytaso": workbook.levels.current_label,
        "tavoitetaso": workbook.levels.target_label,
        "asteikko": [
            {"arvo": int(level.value), "nimi": level.label, "kuvaus": level.description}
            for level in workbook.levels.scale
        ],
    }


def _fields(item: Item, answers: Answers) -> list[dict[str, str]]:
    answer = answers.answer(item.key)
    return [{"tunnus": f.id, "nimi": f.label, "teksti": getattr(answer, f.id)} for f in item.fields]


def _section(item: Item, answers: Answers) -> dict[str, Any]:
    return {"tunnus": item.key, "otsikko": item.title, "kentat": _fields(item, answers)}


def _level(workbook: Workbook, value: int | None) -> dict[str, Any]:
    if value is None or workbook.levels is None:
        return {"arvo": 0, "nimi": ""}
    return {"arvo": value, "nimi": workbook.levels.label(value)}


def _idea(item: Item, workbook: Workbook, answers: Answers) -> dict[str, Any]:
    answer = answers.answer(item.key)
    assert item.idea is not None
    return {
        "numero": item.key,
        "otsikko": item.title,
        "tiivistelma": item.idea.summary,
        "kentat": _fields(item, answers),
        "taso": _level(workbook, answer.taso),
        "tavoitetaso": _level(workbook, answer.tavoitetaso),
        "toimenpiteet": [n for n, a in enumerate(answers.toimenpiteet, 1) if a.idea == item.key],
        "lahteet": list(item.idea.references),
    }


_WORD = re.compile(r"[^\W\d_]+")


def chart_description(workbook: Workbook, rows: list[dict[str, Any]], language: str = "fi") -> str:
    """The level chart in words, its alternative text: ``Nykytaso ja tavoitetaso ideoittain: idea 1: taso 2, tavoite 4; …``."""
    if workbook.levels is None:
        return ""
    texts = document_texts(language)
    title = texts["tasot_ideoittain"].format(
        nykytaso=workbook.levels.current_label, tavoitetaso=workbook.levels.target_label.lower()
    )
    missing = texts["puuttuu"]
    shown = [
        texts["kaavio_rivi"].format(numero=row["numero"], taso=row["taso"] or missing, tavoite=row["tavoitetaso"] or missing)
        for row in rows
    ]
    return f"{title}: {'; '.join(shown)}."


def _chart(workbook: Workbook, answers: Answers) -> list[dict[str, Any]]:
    if workbook.levels is None:
        return []
    rows = []
    for idea in workbook.ideas:
        answer = answers.answer(idea.number)
        current, target = answer.taso or 0, answer.tavoitetaso or 0
        rows.append(
            {
                "numero": idea.number,
                "otsikko": idea.title,
                "taso": current,
                "tavoitetaso": target,
                "ero": target - current if current and target else 0,
            }
        )
    return rows


def _actions(answers: Answers, idea_titles: dict[str, str], language: str = "fi") -> list[dict[str, Any]]:
    groups = []
    statuses = status_names(language)
    for key, name in horizon_names(language).items():
        rows = [
            {
                "numero": number,
                "teksti": action.teksti,
                "idea": action.idea,
                "idea_otsikko": idea_titles.get(action.idea, ""),
                "vastuutaho": action.vastuutaho,
                "maaraaika": action.maaraaika,
                "maaraaika_fi": fi_date(action.maaraaika, language),
                "mittari": action.mittari,
                "tila": action.tila,
                "tila_nimi": statuses[action.tila],
            }
            for number, action in enumerate(answers.toimenpiteet, 1)
            if action.aikavali == key
        ]
        if rows:
            groups.append({"tunnus": key, "nimi": name, "rivit": rows})
    return groups


def progress_context(state: ActionProgress, language: str = "fi") -> dict[str, Any]:
    """The actions' progress for templates (the report's ``seuranta``, the monitoring document).

    ``maara``, ``valmis_prosentti``, ``tilat`` (per status: ``tunnus``, ``nimi``, ``maara``),
    ``valmiit`` and ``myohassa`` (the latest first): ``numero``, ``teksti``, ``vastuutaho``,
    ``maaraaika_fi``, ``paivia`` (days late), ``tila_nimi``.
    """
    statuses = status_names(language)
    return {
        "maara": len(state.actions),
        "valmis_prosentti": state.percent_done,
        "tilat": [{"tunnus": k, "nimi": statuses[k], "maara": n} for k, n in state.counts.items()],
        "valmiit": [_progress_row(s, language) for s in state.done],
        "myohassa": [_progress_row(s, language) for s in state.late],
    }


def _progress_row(state: ActionState, language: str = "fi") -> dict[str, Any]:
    action = state.action
    return {
        "numero": state.number,
        "teksti": action.teksti,
        "vastuutaho": action.vastuutaho,
        "maaraaika_fi": fi_date(action.maaraaika, language),
        "paivia": state.days_late,
        "tila_nimi": status_names(language)[action.tila],
    }


def unanswered(workbook: Workbook, answers: Answers, language: str = "fi") -> list[dict[str, Any]]:
    """Every item (and the closing) with fields still empty, with the workbook's guiding questions.

    Levels of ideas count too: an idea whose current or target level is missing lists it.
    """
    entries = []
    for item in workbook.items:
        empty = unanswered_fields(answers, item)
        labels = [f.label for f in item.fields if f.id in empty]
        questions = [q for field in empty for q in (item.idea.questions.get(field, []) if item.idea else [])]
        if item.has_levels and workbook.levels:
            answer = answers.answer(item.key)
            labels += [
                label
                for label, value in ((workbook.levels.current_label, answer.taso),
                                     (workbook.levels.target_label, answer.tavoitetaso))
                if value is None
            ]
        if labels:
            title = f"{document_texts(language)['idea']} {item.key}: {item.title}" if item.idea else item.title
            entries.append({"tunnus": item.key, "otsikko": title, "kentat": labels, "kysymykset": questions})
    closing = [
        field.label
        for field, value in (
            (workbook.closing.summary, answers.lopuksi.yhteenveto),
            (workbook.closing.monitoring, answers.lopuksi.seuranta),
        )
        if not value
    ]
    if closing:
        entries.append({"tunnus": "lopuksi", "otsikko": workbook.closing.title, "kentat": closing, "kysymykset": []})
    return entries
