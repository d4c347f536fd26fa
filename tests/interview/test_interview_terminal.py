"""What the interview looks like and how its keys behave in a real terminal (pexpect, and pyte to see
the screen as a user does). Each test here fails before the change that fixed its point."""

from __future__ import annotations

import sys

import pytest
from pty_helpers import ACCEPT_TEXT, CTRL, JTK, Pty

from jarjestotyokirja.errors import M
from jarjestotyokirja.store.answers_files import load_answers, save_answers
from jarjestotyokirja.store.drafts import draft_path, save_drafts

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")]


@pytest.fixture
def path(new_file):
    return new_file(pvm="2024-05-31", konsultti="Maija")


def test_a_60x20_terminal_shows_the_question_line_and_the_whole_key_bar(path):
    pty = Pty(path.parent, path.name, "--idea", "4", size=(20, 60))
    for key in ("4.nykytila", "4.tavoitetila", "4.seuranta"):
        pty.answer(key, CTRL["n"])
    pty.expect("4.taso")
    pty.expect("keskeytä")  # the last key of the bar
    screen = pty.screen()
    bar = "\n".join(screen[-6:])
    assert "Nykytaso · idea 4/10 · 4.taso" in bar  # which question, right above the keys
    for key in ("Ctrl-N ohita", "Ctrl-P edell.", "Ctrl-G siirry", "Ctrl-T toimenpide", "Ctrl-Q lopeta",
                "Ctrl-C keskeytä"):
        assert key in bar, screen
    assert any("Nykytaso 1–5" in line for line in screen)  # the prompt names the level too
    pty.child.send(CTRL["q"])
    assert pty.exit_code() == 0


def test_esc_then_enter_accepts_after_any_pause(path, workbook):
    pty = Pty(path.parent, path.name, "--idea", "4")
    pty.answer("4.nykytila", "Hyväksytty Escillä")
    pty.child.send("\x1b")
    pty.expect("Enter hyväksyy")  # the lone Esc was taken: its time-out has passed
    pty.child.send("\r")
    pty.at("4.tavoitetila")
    pty.child.send(CTRL["q"])
    assert pty.exit_code() == 0
    assert load_answers(path, workbook).vastaukset["4"].nykytila == "Hyväksytty Escillä"


def test_ctrl_r_throws_the_draft_away_and_restores_the_saved_answer(path, workbook):
    answers = load_answers(path, workbook)
    answers.answer("4").nykytila = "Tallennettu"
    save_answers(path, answers, workbook)
    save_drafts(path, {"4.nykytila": "Luonnos, jota ei haluta"})
    pty = Pty(path.parent, path.name, "--idea", "4")
    pty.expect("luonnos palautettu")
    pty.expect("Ctrl-R")
    pty.child.send(CTRL["r"])
    pty.expect(M.DRAFT_DISCARDED)
    pty.child.send(ACCEPT_TEXT)
    pty.at("4.tavoitetila")
    pty.child.send(CTRL["q"])
    assert pty.exit_code() == 0
    assert load_answers(path, workbook).vastaukset["4"].nykytila == "Tallennettu"
    assert not draft_path(path).exists()


def test_a_mistyped_place_gets_a_suggestion_and_the_list_is_printed_once(path):
    pty = Pty(path.parent, path.name, "--idea", "4")
    pty.answer("4.nykytila", CTRL["g"])
    pty.answer("Siirry kohtaan ›", "ide4\r")
    hint = " " + M.DID_YOU_MEAN.format(suggestions="4")
    pty.expect(M.WRONG_INPUT.format(typed="ide4", problem=M.NO_SUCH_STOP_SHORT.format(hint=hint)))
    pty.child.send("\r")  # empty: back to the question
    pty.answer("4.nykytila", CTRL["g"])
    pty.answer("Siirry kohtaan ›", "5\r")
    pty.at("5.nykytila")
    pty.child.send(CTRL["q"])
    assert pty.exit_code() == 0
    assert pty.log.getvalue().count("Arviointi ja osallistujat") == 1


def test_ctrl_e_ends_the_file_with_a_newline_for_an_appending_editor(path, workbook, tmp_path):
    editor = tmp_path / "editori.sh"
    editor.write_text('#!/bin/sh\nprintf "Lisätty editorissa\\n" >> "$1"\n', encoding="utf-8")
    editor.chmod(0o755)
    pty = Pty(path.parent, path.name, "--idea", "2", EDITOR=str(editor))
    pty.answer("2.nykytila", "Alku" + CTRL["e"])
    pty.expect("Lisätty editorissa")
    pty.child.send(ACCEPT_TEXT)
    pty.at("2.tavoitetila")
    pty.child.send(CTRL["q"])
    assert pty.exit_code() == 0
    assert load_answers(path, workbook).vastaukset["2"].nykytila == "Alku\nLisätty editorissa"


def test_a_missing_editor_is_reported(path, workbook):
    pty = Pty(path.parent, path.name, "--idea", "2", EDITOR="/ei/ole/editori")
    pty.answer("2.nykytila", "Teksti" + CTRL["e"])
    pty.expect(M.EDITOR_MISSING.format(editor="/ei/ole/editori", variable="EDITOR"))
    pty.child.send(ACCEPT_TEXT)
    pty.at("2.tavoitetila")
    pty.child.send(CTRL["q"])
    assert pty.exit_code() == 0
    assert load_answers(path, workbook).vastaukset["2"].nykytila == "Teksti"


def test_the_interview_works_with_its_output_piped(path):
    out = path.parent / "loki.txt"
    pty = Pty(path.parent, command="sh", command_args=["-c", f"{JTK} interview {path.name} | cat > {out}"])
    pty.answer("arviointi.osallistujat", CTRL["q"])
    assert pty.exit_code() == 0


def test_a_typed_date_replaces_the_suggested_one(new_file, workbook):
    path = new_file()
    pty = Pty(path.parent, path.name)
    pty.answer("arviointi.pvm", "27.11.2026\r")
    pty.answer("arviointi.konsultti", CTRL["q"])
    assert pty.exit_code() == 0
    assert load_answers(path, workbook).arviointi.pvm == "2026-11-27"
