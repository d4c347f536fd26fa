"""The first screen drawn from the raw files is the session's own first screen, whatever the state.

``first_screen.draw`` works out the first question without the engine and the models; these tests
compare it, question and text, with what the session itself would show, for every kind of start.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from pty_helpers import CTRL, Pty

from jarjestotyokirja.answers import GoodPractice, Participant
from jarjestotyokirja.errors import M
from jarjestotyokirja.interview import first_screen, screens
from jarjestotyokirja.interview.engine import LISTS, Interview
from jarjestotyokirja.store.answers_files import load_answers, save_answers
from jarjestotyokirja.store.drafts import load_drafts, save_drafts
from jarjestotyokirja.store.edit import add_action, set_value


def _console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(file=io.StringIO(), width=100, highlight=False, color_system=None)


def session_screen(path: Path, workbook, revisit_all: bool = False):  # type: ignore[no-untyped-def]
    """What the session shows first (terminal.show_question), from the validated files."""
    interview = Interview(workbook, load_answers(path, workbook), revisit_all=revisit_all, drafts=load_drafts(path))
    question = interview.start()
    if question is None:
        return None, ""
    draft = question.kind not in LISTS and interview.prefill(question)[1]
    console = _console()
    console.print()
    console.print(screens.stop_panel(interview, question))
    console.print(screens.question_heading(interview, question, draft=draft))
    return first_screen.Shown(question.key, draft), console.file.getvalue()


def drawn_screen(path: Path, revisit_all: bool = False):  # type: ignore[no-untyped-def]
    console = _console()
    shown = first_screen.draw(path, None, console, revisit_all=revisit_all)
    return shown, console.file.getvalue()


def fill(path: Path, workbook, values: dict[str, str], *, participants: int = 0, practices: int = 0,  # type: ignore[no-untyped-def]
         actions: int = 0) -> None:
    answers = load_answers(path, workbook)
    for n in range(actions):
        add_action(answers, workbook, teksti=f"Toimenpide {n}")
    for key, value in values.items():
        set_value(answers, workbook, key, value)
    answers.arviointi.osallistujat += [Participant(nimi=f"Osallistuja {n}") for n in range(participants)]
    answers.hyvat_kaytannot += [GoodPractice(otsikko=f"Käytäntö {n}") for n in range(practices)]
    save_answers(path, answers, workbook)


def item_keys(workbook, *, levels: bool = True) -> dict[str, str]:  # type: ignore[no-untyped-def]
    keys = {}
    for item in workbook.items:
        for fdef in item.fields:
            keys[f"{item.key}.{fdef.id}"] = f"Vastaus {item.key} {fdef.id}"
        if item.has_levels and levels:
            keys[f"{item.key}.taso"], keys[f"{item.key}.tavoitetaso"] = "2", "4"
    return keys


STATES = {
    "uusi": ({}, 0, 0, {}),
    "pvm": ({"arviointi.pvm": "2024-05-31"}, 0, 0, {}),
    "osallistujat": ({"arviointi.pvm": "2024-05-31", "arviointi.konsultti": "Maija"}, 0, 0, {}),
    "osio": ({"arviointi.pvm": "2024-05-31", "arviointi.konsultti": "Maija"}, 1, 0, {}),
    "idea_kesken": ("4.nykytila", 1, 0, {}),
    "taso": ("5.seuranta", 1, 0, {}),
    "hyvat": ("kaikki", 1, 0, {}),
    "lopuksi": ("kaikki", 1, 1, {}),
    "toimenpiteet": ("valmis", 1, 1, {}),
    "luonnos": ({"arviointi.pvm": "2024-05-31"}, 0, 0, {"7.seuranta": "Kesken jäänyt teksti"}),
    "luonnos_listassa": ("kaikki", 1, 0, {"toimenpiteet.uusi.teksti": "Uusi toimenpide"}),
}


def _values(spec, workbook) -> dict[str, str]:  # type: ignore[no-untyped-def]
    if isinstance(spec, dict):
        return spec
    base = {"arviointi.pvm": "2024-05-31", "arviointi.konsultti": "Maija"}
    keys = item_keys(workbook)
    if spec in ("kaikki", "valmis"):
        extra = {"lopuksi.yhteenveto": "Yhteenveto", "lopuksi.seuranta": "Seuranta"} if spec == "valmis" else {}
        return {**base, **keys, **extra}
    order = list(keys)
    upto = order.index(spec)  # everything before ``spec`` answered
    values = {**base, **dict(list(keys.items())[:upto])}
    if spec == "5.seuranta":  # idea 5's texts answered, its levels not
        values = {**base, **{k: v for k, v in keys.items() if order.index(k) <= upto and k not in ("5.taso", "5.tavoitetaso")}}
    return values


@pytest.mark.parametrize("state", sorted(STATES))
def test_the_first_screen_is_the_sessions_first_screen(state, new_file, workbook):
    spec, participants, practices, drafts = STATES[state]
    path = new_file()
    fill(path, workbook, _values(spec, workbook), participants=participants, practices=practices)
    if drafts:
        save_drafts(path, drafts)
    expected = session_screen(path, workbook)
    assert drawn_screen(path) == expected
    assert expected[0] is not None and expected[1].strip()


def test_a_finished_interview_draws_nothing(new_file, workbook):
    path = new_file()
    fill(path, workbook, _values("valmis", workbook), participants=1, practices=1, actions=1)
    assert session_screen(path, workbook) == (None, "")
    assert drawn_screen(path) == (None, "")


def test_revisiting_all_starts_the_first_screen_from_the_beginning(new_file, workbook):
    path = new_file()
    fill(path, workbook, _values("kaikki", workbook), participants=1)
    assert drawn_screen(path, revisit_all=True) == session_screen(path, workbook, revisit_all=True)
    assert drawn_screen(path, revisit_all=True)[0] == first_screen.Shown("arviointi.pvm", False)


def test_a_file_the_first_screen_cannot_read_draws_nothing(new_file, tmp_path):
    path = new_file()
    path.write_text("kunta: [rikki\n", encoding="utf-8")
    assert drawn_screen(path) == (None, "")
    assert drawn_screen(tmp_path / "puuttuu.yaml") == (None, "")


# --- in a real terminal -------------------------------------------------------------------------

pty_only = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")


@pty_only
def test_keys_typed_before_the_prompt_opens_go_into_it_and_the_panel_is_drawn_once(new_file, workbook):
    path = new_file(pvm="2024-05-31")
    pty = Pty(path.parent, path.name)
    pty.expect("arviointi.konsultti")  # the first screen: the prompt may not be open yet
    pty.child.send("Etukäteen kirjoitettu\r")
    pty.answer("arviointi.osallistujat", CTRL["q"])
    assert pty.exit_code() == 0
    assert load_answers(path, workbook).arviointi.konsultti == "Etukäteen kirjoitettu"
    assert pty.log.getvalue().count("Helsinki · Arviointi") == 1


@pty_only
def test_an_invalid_file_is_refused_after_the_first_screen_and_the_typed_keys_never_reach_the_shell(new_file):
    path = new_file(pvm="2024-05-31")
    path.write_text(path.read_text(encoding="utf-8").replace("vastaukset:", "tuntematon: 1\nvastaukset:"),
                    encoding="utf-8")
    script = f'jtk_bin="$1"; "$jtk_bin" interview {path.name}; echo "koodi $?"; read rivi; echo "luettu:$rivi"'
    from pty_helpers import JTK

    pty = Pty(path.parent, command="/bin/sh", command_args=["-c", script, "sh", JTK])
    pty.expect("arviointi.konsultti")  # drawn from the raw file, before the validation
    pty.child.send("rm -rf kotihakemisto\r")
    pty.expect("koodi 1")
    assert M.UNKNOWN_KEY in pty.log.getvalue()
    pty.child.send("turvallinen\r")
    pty.expect("luettu:")
    pty.expect("turvallinen")
    assert "luettu:rm -rf" not in pty.log.getvalue()
    assert pty.exit_code() == 0
