"""The comparison document: :class:`~jarjestotyokirja.region.comparison.Comparison` as template data, and its files.

Rendering goes through the report machinery (:mod:`jarjestotyokirja.render.environment` and ``.pdf``): the
same sandboxed templates with per-format escaping, the same Typst compile with fixed fonts and date,
and every file written with :func:`~jarjestotyokirja.files.atomic_write`.

Template data (``compare.{md,html,typ}.j2``), all plain strings, integers, lists and dicts:

``otsikko``, ``alaotsikko``, ``tuottaja``, ``pvm`` and ``pvm_fi`` (the latest assessment date)
``ryhmittely``, ``ryhmittain``
    ``""``, ``"Hyvinvointialue"`` or ``"Maakunta"``; ``"hyvinvointialueittain"`` or ``"maakunnittain"``.
``ideat``
    The column heads: ``numero``, ``otsikko``.
``tasot``
    ``nykytaso``, ``tavoitetaso`` (labels) and ``asteikko`` (``arvo``, ``nimi``, ``kuvaus``), or ``None``.
``kuntia``, ``valmius`` (``vastattu``, ``yhteensa``, ``prosentti``)
``alueet``
    With a grouping, one row per group for the overview: ``nimi``, ``kuntia``, ``prosentti``,
    ``keskiarvot`` (per idea: ``arvo`` ``"2,4"`` or ``""`` when no municipality gave a level, and
    ``taso``, the mean rounded to a level for colour, 0 when none).
``ryhmat``
    ``nimi``, ``kuntia``, ``valmius``, ``toimenpiteita``, ``valmiita``, ``aikavalit`` (``tunnus``,
    ``nimi``, ``maara``), and:

    * ``kunnat``: ``koodi``, ``nimi`` (with the date when a municipality is there twice), ``tiedosto``,
      ``hyvinvointialue``, ``maakunta``, ``arvioitu``, ``arvioitu_fi``, ``vastattu``, ``yhteensa``,
      ``prosentti``, ``tasot`` (per idea: ``numero``, ``taso``, ``tavoitetaso``; 0 = not given),
      ``aikavalit`` (``tunnus``, ``nimi``, ``maara``), ``toimenpiteita``, ``valmiita``.
    * ``ideat``: ``numero``, ``otsikko``, ``vastanneita``, ``vastaamatta``, ``keskiarvo``,
      ``tavoite_keskiarvo``, ``ero`` (``"+1,2"``), ``jakauma`` (municipalities at levels 1–5),
      ``edellakavijat`` (``nimi``, ``taso``: at level 4 or 5), ``tavoitetilat`` (every municipality:
      ``kunta``, ``teksti`` (``""`` when unanswered), ``tavoitetaso``).
    * ``heikoimmat``, ``vahvimmat``: entries of ``ideat``.
    * ``hyvat_kaytannot``: ``kunta``, ``otsikko``, ``kuvaus``, ``idea``, ``idea_otsikko``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jarjestotyokirja.conventions import fi_date, fi_number, finnish_sort_key
from jarjestotyokirja.region.comparison import ALL, GROUPINGS, NO_COUNTY, Comparison, Group, IdeaSummary, Member
from jarjestotyokirja.register import area_name, name_in_language
from jarjestotyokirja.render.document_texts import document_texts, horizon_names
from jarjestotyokirja.render.documents import Rendering, write_documents
from jarjestotyokirja.report.context import level_scale
from jarjestotyokirja.workbook import Workbook

TITLE = document_texts("fi")["vertailun_otsikko"]  # in each language: the text vertailun_otsikko
DEFAULT_NAME = "vertailu"


def latest_assessment(comparison: Comparison) -> str:
    return max((m.answers.arviointi.pvm for m in comparison.members), default="")


def comparison_context(
    comparison: Comparison, workbook: Workbook, *, generator: str | None = None, language: str = "fi"
) -> dict[str, Any]:
    """The template data of ``comparison``: see the module docstring for the keys.

    ``language`` (``--kieli``, also ``kieli``) is the document's: the fixed texts, dates, decimal
    numbers and the regions' and counties' names follow it; municipalities' names stay as typed."""
    texts = document_texts(language)
    if generator is None:
        from jarjestotyokirja import __version__

        generator = f"jtk {__version__}"
    members = comparison.members
    answered = sum(m.answered for m in members)
    total = sum(m.total for m in members)
    date = latest_assessment(comparison)
    # The groups in the alphabetical order of their names in the document language (å, ä, ö after z).
    groups = sorted(comparison.groups, key=lambda group: finnish_sort_key(group_name(group.name, language)))
    return {
        "otsikko": texts["vertailun_otsikko"],
        "alaotsikko": _subtitle(comparison, language),
        "tuottaja": generator,
        "pvm": date,
        "pvm_fi": fi_date(date, language),
        "ryhmittely": texts[f"ryhmittely_{comparison.by}"] if comparison.by in GROUPINGS else "",
        "ryhmittain": texts[f"ryhmittain_{comparison.by}"] if comparison.by in GROUPINGS else "",
        "ideat": [{"numero": key, "otsikko": title} for key, title in comparison.ideas],
        "tasot": level_scale(workbook),
        "kuntia": len(members),
        "valmius": {"vastattu": answered, "yhteensa": total, "prosentti": 100 * answered // total if total else 100},
        "alueet": [
            {
                "nimi": group_name(group.name, language),
                "kuntia": len(group.members),
                "prosentti": group.percent,
                "keskiarvot": [_mean(idea.mean_current, language) for idea in group.ideas],
            }
            for group in groups
        ]
        if comparison.by
        else [],
        "ryhmat": [_group(group, workbook, language) for group in groups],
        # The same municipality given more than once: only its newest assessment is compared.
        "korvatut": [
            {"kunta": name_in_language(answers.kunta.nimi, answers.kunta.koodi, language), "vanha": Path(old).name, "vanha_pvm_fi": fi_date(answers.arviointi.pvm, language),
             "uusi": Path(new).name}
            for old, new, answers in comparison.replaced
        ],
        "kieli": language,
    }


def group_name(name: str, language: str = "fi") -> str:
    """A group's name in ``language``: all municipalities, Åland without a county, or the region's or county's name."""
    texts = document_texts(language)
    if name == ALL:
        return texts["kaikki_kunnat"]
    if name == NO_COUNTY:
        return texts["ei_hyvinvointialuetta"]
    return area_name(name, language)


def _mean(value: float | None, language: str = "fi") -> dict[str, Any]:
    return {"arvo": fi_number(value, language=language), "taso": int(value + 0.5) if value is not None else 0}


def _subtitle(comparison: Comparison, language: str = "fi") -> str:
    texts = document_texts(language)
    count = len(comparison.members)
    municipalities = texts["kunta_yksi" if count == 1 else "kunta_monta"].format(n=count)
    if len(comparison.groups) == 1:
        return f"{group_name(comparison.groups[0].name, language)}: {municipalities}"
    kind = texts[f"alueita_{comparison.by}"].format(n=len(comparison.groups))
    return f"{municipalities}, {kind}"



def _horizons(counts: dict[str, int], language: str = "fi") -> list[dict[str, Any]]:
    return [{"tunnus": key, "nimi": name, "maara": counts[key]} for key, name in horizon_names(language).items()]


def _member(member: Member, language: str = "fi") -> dict[str, Any]:
    counts = member.actions_by_horizon()
    return {
        "koodi": member.code,
        "nimi": member.label,
        "tiedosto": Path(member.path).name,
        "hyvinvointialue": area_name(member.county, language),
        "maakunta": area_name(member.region, language),
        "arvioitu": member.answers.arviointi.pvm,
        "arvioitu_fi": fi_date(member.answers.arviointi.pvm, language),
        "vastattu": member.answered,
        "yhteensa": member.total,
        "prosentti": member.percent,
        "tasot": [
            {"numero": key, "taso": current or 0, "tavoitetaso": target or 0}
            for key, (current, target) in member.levels.items()
        ],
        "aikavalit": _horizons(counts, language),
        "toimenpiteita": sum(counts.values()),
        "valmiita": member.actions_done,
    }


def _idea(idea: IdeaSummary, members: Sequence[Member], language: str = "fi") -> dict[str, Any]:
    return {
        "numero": idea.key,
        "otsikko": idea.title,
        "vastanneita": idea.answered,
        "vastaamatta": idea.unanswered,
        "keskiarvo": fi_number(idea.mean_current, language=language),
        "tavoite_keskiarvo": fi_number(idea.mean_target, language=language),
        "ero": fi_number(idea.gap, sign=True, language=language),
        "jakauma": list(idea.distribution()),
        "edellakavijat": [{"nimi": m.label, "taso": level} for m, level in idea.leaders(members)],
        "tavoitetilat": [
            {"kunta": member.label, "teksti": text, "tavoitetaso": target or 0}
            for (member, text), target in zip(idea.target_states, idea.target)
        ],
    }


def _tiers(tiers: list[list[IdeaSummary]], ideas: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Ranked ideas, each with ``tasan``: the numbers of the others at the same shown mean (a tie)."""
    return [
        {**ideas[idea.key], "tasan": [other.key for other in tier if other is not idea]}
        for tier in tiers
        for idea in tier
    ]


def _learn_from(group: Group, ideas: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Keneltä oppia: per idea where levels differ, the municipalities at the highest level and the
    good practices they reported for that idea."""
    found = []
    for idea in group.ideas:
        top, members = idea.highest(group.members)
        given = [c for c in idea.current if c is not None]
        if not members or len(given) < 2 or min(given) == top:
            continue
        found.append({
            "numero": idea.key,
            "otsikko": idea.title,
            "taso": top,
            "kunnat": [
                {
                    "nimi": m.label,
                    "kaytannot": [
                        {"otsikko": p.otsikko, "kuvaus": p.kuvaus} for p in m.answers.hyvat_kaytannot if p.idea == idea.key
                    ],
                }
                for m in members
            ],
        })
    return found


def _group(group: Group, workbook: Workbook, language: str = "fi") -> dict[str, Any]:
    titles = {idea.number: idea.title for idea in workbook.ideas}
    ideas = {idea.key: _idea(idea, group.members, language) for idea in group.ideas}
    return {
        "nimi": group_name(group.name, language),
        "kuntia": len(group.members),
        "valmius": {"vastattu": group.answered, "yhteensa": group.total, "prosentti": group.percent},
        "kunnat": [_member(m, language) for m in group.members],
        "ideat": list(ideas.values()),
        "heikoimmat": _tiers(group.weakest_tiers(), ideas),
        "vahvimmat": _tiers(group.strongest_tiers(), ideas),
        "liian_vahan": group.too_thin,
        "opittavaa": _learn_from(group, ideas),
        "aikavalit": _horizons(group.actions_by_horizon(), language),
        "toimenpiteita": sum(len(m.answers.toimenpiteet) for m in group.members),
        "valmiita": sum(m.actions_done for m in group.members),
        "hyvat_kaytannot": [
            {
                "kunta": member.label,
                "otsikko": practice.otsikko,
                "kuvaus": practice.kuvaus,
                "idea": practice.idea,
                "idea_otsikko": titles.get(practice.idea, ""),
            }
            for member, practice in group.good_practices()
        ],
    }


def write_comparison(
    comparison: Comparison,
    workbook: Workbook,
    out_dir: str | Path,
    formats: Sequence[str] = ("md",),
    *,
    name: str = DEFAULT_NAME,
    templates: str | Path | None = None,
    inputs: Sequence[str | Path] | None = None,
    language: str = "fi",
) -> list[Path]:
    """Render ``comparison`` in each of ``formats`` into ``out_dir/<name>.<ext>``; the paths written.

    Every format is rendered before the first file is written, so a failing template leaves no
    half-updated set of files behind; none is written over one of ``inputs`` (default: the compared
    files) or an answers file.
    """
    context = comparison_context(comparison, workbook, language=language)
    sources = [m.path for m in comparison.members] if inputs is None else inputs
    options = Rendering("compare", context, inputs=tuple(map(Path, sources)), date=context["pvm"] or None, templates=templates)
    return write_documents([(Path(out_dir) / f"{name}.{fmt}", fmt) for fmt in formats], options)
