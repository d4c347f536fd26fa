"""jtk merge: the three-way merge by meaning, alone and as git's merge driver in a real repository."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import pytest

from git_helpers import Repo
from git_helpers import set_values as _set
from jarjestotyokirja.answers import Action, Participant, dump_answers
from jarjestotyokirja.errors import M
from jarjestotyokirja.store.answers_files import edit_answers, load_answers
from jarjestotyokirja.store.edit import add_action, get_value, set_value
from jarjestotyokirja.versions.merge import merge_answers

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")




def _three(new_file, workbook):
    path = new_file("Tampere")
    base = load_answers(path, workbook)
    base.toimenpiteet = [Action(teksti="Nimetään järjestöyhdyshenkilö", idea="5"), Action(teksti="Avustusperiaatteet")]
    return base, base.model_copy(deep=True), base.model_copy(deep=True)


def test_one_sided_changes_and_both_sides_additions_are_kept(new_file, workbook) -> None:
    base, ours, theirs = _three(new_file, workbook)
    set_value(ours, workbook, "4.seuranta", "Seurataan vuosittain.")
    set_value(theirs, workbook, "4.taso", "3")
    ours.toimenpiteet[0].tila = "valmis"
    theirs.toimenpiteet[0].vastuutaho = "Hyvinvointikoordinaattori"
    ours.toimenpiteet.append(Action(teksti="Meidän uusi"))
    theirs.toimenpiteet.append(Action(teksti="Heidän uusi"))
    theirs.toimenpiteet.pop(1)  # they removed "Avustusperiaatteet", which we left alone
    theirs.arviointi.osallistujat.append(Participant(nimi="Maija Meikäläinen"))

    merged, conflicts = merge_answers(base, ours, theirs, workbook)

    assert conflicts == []
    assert (get_value(merged, workbook, "4.seuranta"), get_value(merged, workbook, "4.taso")) == ("Seurataan vuosittain.", "3")
    assert [(a.teksti, a.tila, a.vastuutaho) for a in merged.toimenpiteet] == [
        ("Nimetään järjestöyhdyshenkilö", "valmis", "Hyvinvointikoordinaattori"),
        ("Meidän uusi", "suunniteltu", ""),
        ("Heidän uusi", "suunniteltu", ""),
    ]
    assert [p.nimi for p in merged.arviointi.osallistujat] == ["Maija Meikäläinen"]


def test_the_same_field_changed_differently_is_a_conflict(new_file, workbook) -> None:
    base, ours, theirs = _three(new_file, workbook)
    set_value(ours, workbook, "4.taso", "2")
    set_value(theirs, workbook, "4.taso", "3")
    ours.toimenpiteet[1].tila = "käynnissä"
    theirs.toimenpiteet.pop(1)  # removed on one side, changed on the other
    _, conflicts = merge_answers(base, ours, theirs, workbook)
    assert conflicts == ["vastaukset.4.taso", "toimenpiteet.2"]


def _driver(repo: Repo) -> None:
    command = f"{shlex.quote(sys.executable)} -m jarjestotyokirja merge %O %A %B --nimi %P"
    repo.git("config", "merge.jtk.driver", command)
    (repo.root / ".gitattributes").write_text("*.yaml merge=jtk\n", encoding="utf-8")


def _branches(repo: Repo, tampere: Path, workbook, ours: dict[str, str], theirs: dict[str, str], actions=True) -> None:
    repo.git("checkout", "-q", "-b", "konsultti-b")
    _set(tampere, workbook, **theirs)
    if actions:
        with edit_answers(tampere, workbook) as answers:
            add_action(answers, workbook, teksti="B: järjestöfoorumi kahdesti vuodessa", idea="7")
    repo.commit("B", "2023-05-03T12:00:00+03:00")
    repo.git("checkout", "-q", "main")
    _set(tampere, workbook, **ours)
    if actions:
        with edit_answers(tampere, workbook) as answers:
            add_action(answers, workbook, teksti="A: avustusperiaatteet valtuustoon", idea="6")
    repo.commit("A", "2023-05-02T12:00:00+03:00")


def test_git_merge_with_the_driver_keeps_both_consultants_actions(repo: Repo, tampere: Path, workbook) -> None:
    _branches(repo, tampere, workbook, {"4__seuranta": "Seurataan vuosittain."}, {"4__taso": "3"})

    by_lines = repo.git("merge", "--no-edit", "konsultti-b", check=False)
    assert by_lines.returncode != 0  # plain git: both appended an action, and 4.seuranta/4.taso are neighbours
    repo.git("merge", "--abort")
    _driver(repo)
    repo.commit("jtk merge -ajuri", "2023-05-03T13:00:00+03:00")

    merged = repo.git("merge", "--no-edit", "konsultti-b", date="2023-05-04T12:00:00+03:00", check=False)

    assert merged.returncode == 0, merged.stdout + merged.stderr
    answers = load_answers(tampere, workbook)
    assert [a.teksti for a in answers.toimenpiteet] == ["A: avustusperiaatteet valtuustoon", "B: järjestöfoorumi kahdesti vuodessa"]
    assert (answers.answer("4").seuranta, answers.answer("4").taso) == ("Seurataan vuosittain.", 3)
    assert tampere.read_text(encoding="utf-8") == dump_answers(answers, workbook)


def test_git_merge_with_the_driver_marks_a_real_conflict(repo: Repo, tampere: Path, workbook) -> None:
    _driver(repo)
    repo.commit("jtk merge -ajuri", "2023-05-01T13:00:00+03:00")
    _branches(repo, tampere, workbook, {"4__taso": "2"}, {"4__taso": "3"}, actions=False)

    merged = repo.git("merge", "--no-edit", "konsultti-b", check=False)

    assert merged.returncode != 0
    assert M.MERGE_CONFLICT.format(keys="vastaukset.4.taso").split(":")[0] in merged.stdout + merged.stderr
    text = tampere.read_text(encoding="utf-8")
    assert "<<<<<<< 837-tampere.yaml (oma)" in text and ">>>>>>> 837-tampere.yaml (toinen)" in text
