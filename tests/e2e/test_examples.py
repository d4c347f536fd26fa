"""The bundled examples: valid, canonical, and each in the state the README promises.

``examples/`` holds three fictional municipalities: 901 Esimerkkilä (complete, the README's
showcase), 902 Mallikylä (about half done) and 903 Koekoski (just started).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jarjestotyokirja.answers import HORIZONS, STATUSES, Answers
from jarjestotyokirja.progress import progress, unanswered_fields
from jarjestotyokirja.register import load_register
from jarjestotyokirja.store.answers_files import load_answers, save_answers
from jarjestotyokirja.workbook import Workbook

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
COMPLETE = EXAMPLES / "901-esimerkkila.yaml"
HALF_DONE = EXAMPLES / "902-mallikyla.yaml"
STARTED = EXAMPLES / "903-koekoski.yaml"
ALL = [COMPLETE, HALF_DONE, STARTED]
NAMES = ["Esimerkkilä", "Mallikylä", "Koekoski"]


@pytest.fixture(scope="module")
def loaded(workbook: Workbook) -> dict[str, Answers]:
    return {path.name: load_answers(path, workbook) for path in ALL}


def test_the_examples_folder_holds_exactly_the_three_files() -> None:
    assert sorted(EXAMPLES.glob("*.yaml")) == sorted(ALL)


def test_every_example_validates(cli) -> None:
    result = cli("validate", *ALL)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [f"ok: {path}" for path in ALL]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_load_and_save_gives_the_same_bytes(path: Path, tmp_path: Path, workbook: Workbook) -> None:
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    save_answers(copy, load_answers(copy, workbook), workbook)
    assert copy.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_municipalities_are_marked_fictional_and_not_in_the_register(path: Path, loaded) -> None:
    kunta = loaded[path.name].kunta
    assert kunta.nimi.endswith("(kuvitteellinen kunta)")
    assert path.name.startswith(f"{kunta.koodi}-")
    assert kunta.koodi not in {m.code for m in load_register()}


def test_complete_example_answers_every_text_field(loaded, workbook: Workbook) -> None:
    answers = loaded[COMPLETE.name]
    assert {item.key: unanswered_fields(answers, item) for item in workbook.items} == {
        item.key: [] for item in workbook.items
    }
    assert answers.lopuksi.yhteenveto and answers.lopuksi.seuranta
    assert progress(answers, workbook).percent == 100


def test_complete_example_has_levels_for_every_idea(loaded, workbook: Workbook) -> None:
    answers = loaded[COMPLETE.name]
    for idea in workbook.ideas:
        answer = answers.vastaukset[idea.number]
        assert answer.taso is not None and answer.tavoitetaso is not None, idea.number
        assert answer.tavoitetaso >= answer.taso, idea.number
    assert len({answers.vastaukset[i.number].taso for i in workbook.ideas}) >= 3  # levels vary


def test_complete_example_has_full_metadata(loaded) -> None:
    arviointi = loaded[COMPLETE.name].arviointi
    assert arviointi.pvm and arviointi.konsultti
    assert 4 <= len(arviointi.osallistujat) <= 6
    assert all(p.nimi and p.rooli and p.organisaatio for p in arviointi.osallistujat)


def test_complete_example_has_actions_on_all_horizons_and_statuses(loaded) -> None:
    actions = loaded[COMPLETE.name].toimenpiteet
    assert 10 <= len(actions) <= 14
    assert {a.aikavali for a in actions} == set(HORIZONS)
    assert {a.tila for a in actions} == set(STATUSES)
    assert all(a.vastuutaho and a.mittari and a.idea for a in actions)
    assert all("2026" <= a.maaraaika < "2029" for a in actions)


def test_complete_example_has_good_practices(loaded) -> None:
    practices = loaded[COMPLETE.name].hyvat_kaytannot
    assert 3 <= len(practices) <= 4
    assert all(p.otsikko and p.kuvaus for p in practices)
    assert any(p.idea for p in practices) and any(not p.idea for p in practices)


def test_complete_example_carries_text_that_tests_literal_rendering() -> None:
    text = COMPLETE.read_text(encoding="utf-8")
    for literal in ("%", "&", '"', "https://", "*Järjestöpäivä"):
        assert literal in text, literal


def test_half_done_example_stops_after_phase_two(loaded, workbook: Workbook) -> None:
    answers = loaded[HALF_DONE.name]
    report = progress(answers, workbook)
    answered = {row.key: row.answered for row in report.items}
    later = [i.number for p in workbook.phases[2:] for i in p.ideas]
    early = [item.key for item in workbook.items if item.key not in later]
    assert all(answered[key] > 0 for key in early)
    assert any(answered[key] < 3 for key in early)  # some fields still empty
    assert all(answered[key] == 0 for key in later)
    assert answered["lopuksi"] == 0
    assert len(answers.toimenpiteet) == 3
    assert any(a.taso for a in answers.vastaukset.values())
    assert 0 < report.percent < 100


def test_started_example_has_only_the_situation_described(loaded, workbook: Workbook) -> None:
    answers = loaded[STARTED.name]
    assert answers.arviointi.pvm
    assert answers.vastaukset["tilannekuva"].nykytila
    assert progress(answers, workbook).answered == 1
    assert not answers.toimenpiteet and not answers.hyvat_kaytannot


def test_status_over_all_examples_names_the_three_municipalities(cli) -> None:
    result = cli("status", *ALL)
    assert result.exit_code == 0, result.stderr
    for name in NAMES:
        assert name in result.stdout


def test_no_action_is_done_before_it_could_be(loaded) -> None:
    """Fails before issue 11: 901 had actions due months after its assessment already "valmis"."""
    for name, answers in loaded.items():
        for action in answers.toimenpiteet:
            if action.tila == "valmis" and action.maaraaika and answers.arviointi.pvm:
                assert action.maaraaika <= answers.arviointi.pvm, (name, action.teksti)
